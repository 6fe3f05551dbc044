package org.batchopt;

/**
 * A backend could not do what was asked: not available here, no such precision, a kernel that does not
 * build, a device error. Carries a {@link Code} (tests assert the code, not the message) and, for
 * build failures, the compiler's full log.
 */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Code {
        /** No driver, no library, no platform, no such device. */
        UNAVAILABLE,
        /** The device cannot compute in the requested precision. */
        UNSUPPORTED_PRECISION,
        /** A kernel program did not build; see {@link #log()}. */
        BUILD_FAILED,
        /** The device ran out of memory. */
        OUT_OF_MEMORY,
        /** Any other error the driver reported. */
        DEVICE_ERROR
    }

    private final Code code;
    private final String log;

    public BackendException(Code code, String message) {
        this(code, message, null, null);
    }

    public BackendException(Code code, String message, String log, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.log = log;
    }

    public Code code() {
        return code;
    }

    /** The compiler log of a failed build, or null. */
    public String log() {
        return log;
    }
}
