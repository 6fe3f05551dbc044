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

    /** @serial what went wrong */
    private final Code code;
    /** @serial the compiler's log, or null */
    private final String log;

    /**
     * A failure without a compiler log or cause.
     *
     * @param code    what went wrong
     * @param message what, with the device and the reason
     */
    public BackendException(Code code, String message) {
        this(code, message, null, null);
    }

    /**
     * A failure with the compiler's log and the exception that caused it.
     *
     * @param code    what went wrong
     * @param message what, with the device and the reason
     * @param log     the compiler's full log of a failed build, or null
     * @param cause   the native library's exception, or null
     */
    public BackendException(Code code, String message, String log, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.log = log;
    }

    /**
     * What went wrong, for a program to act on (the message is for people).
     *
     * @return the error code
     */
    public Code code() {
        return code;
    }

    /**
     * The compiler's log of a failed build.
     *
     * @return the full log with {@link Code#BUILD_FAILED}, else null
     */
    public String log() {
        return log;
    }
}
