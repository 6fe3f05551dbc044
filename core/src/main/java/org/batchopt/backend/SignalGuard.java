package org.batchopt.backend;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.function.Supplier;

/**
 * Keeps the JVM's signal handlers across calls into native libraries that replace them: {@link #call} and
 * {@link #run} go around every OpenCL call that can initialize a driver or run its compiler, and
 * {@link #recheck()} follows every kernel launch, where a driver may compile too.
 *
 * <p>Why: POCL's LLVM ({@code llvm::sys::RemoveFileOnSignal}, reached from {@code clGetDeviceIDs}) installs its
 * own handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGINT, SIGTERM, SIGQUIT and more, with {@code SA_RESETHAND},
 * and POCL one for SIGFPE that steps over integer divisions by zero. The JVM needs SIGSEGV (safepoint polls,
 * implicit null checks) and SIGFPE (division by zero) itself: when two threads fault at once, the second finds
 * the default action and the process dies with exit 139 and no hs_err file, and Java's {@code 1 / 0} returns
 * 1 instead of throwing. See native-notes/opencl.md.
 *
 * <p>What it does (Linux): before the first of the guarded calls in flight it reads the action of every signal
 * 1..31; when the last of them returns it reinstates each action a call replaced. Actions changed between
 * guarded calls (by the JVM, or by the application) are left alone. While a guarded call runs the foreign
 * handlers are in place, so a fault of another thread in that window is not protected; the JDK's signal-chaining
 * library ({@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}) closes that window too. When the JVM's SIGSEGV handler
 * was already replaced before batchopt's first guarded call (another library loaded POCL first), nothing can be
 * reinstated and a warning says so once.
 *
 * <p>Elsewhere than on Linux, and where libc cannot be bound, it only runs the call.
 */
public final class SignalGuard {
    /** Bytes reserved per {@code struct sigaction} (152 on glibc x86-64 and aarch64). */
    private static final int ACTION_BYTES = 256;
    private static final int SIGNALS = 32;
    private static final int SIGKILL = 9;
    private static final int SIGSEGV = 11;
    private static final int SIGSTOP = 19;
    private static final boolean BOUND = bind();
    private static final Object LOCK = new Object();
    private static final Memory SAVED = BOUND ? new Memory((long) SIGNALS * ACTION_BYTES) : null;
    private static final Memory NOW = BOUND ? new Memory(ACTION_BYTES) : null;
    private static final boolean[] READABLE = new boolean[SIGNALS];
    private static int inFlight;
    private static boolean checked;
    private static long reinstated;

    private SignalGuard() {
    }

    private static native int sigaction(int signal, Pointer action, Pointer old);

    /** dladdr, in libc since glibc 2.34 and in libdl before. */
    private static final class Dl {
        static final boolean BOUND = bind();

        private Dl() {
        }

        static native int dladdr(Pointer address, Pointer info);

        private static boolean bind() {
            for (String lib : new String[] {Platform.C_LIBRARY_NAME, "dl"}) {
                try {
                    Native.register(Dl.class, NativeLibrary.getInstance(lib));
                    return true;
                } catch (UnsatisfiedLinkError | RuntimeException e) {
                    // the next
                }
            }
            return false;
        }
    }

    private static boolean bind() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            Native.register(SignalGuard.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code call} and reinstates every signal action it replaced; returns what it returns. */
    public static <T> T call(Supplier<T> call) {
        enter();
        try {
            return call.get();
        } finally {
            exit();
        }
    }

    /** Runs {@code call} and reinstates every signal action it replaced. */
    public static void run(Runnable call) {
        enter();
        try {
            call.run();
        } finally {
            exit();
        }
    }

    /** Signal actions reinstated so far in this process. */
    public static long reinstated() {
        synchronized (LOCK) {
            return reinstated;
        }
    }

    /**
     * The file of the library that holds the current handler of {@code signal}, {@code "SIG_DFL"} or
     * {@code "SIG_IGN"} for those, or null where it cannot be told (not Linux, no such signal).
     */
    public static String handlerLibrary(int signal) {
        if (!BOUND) {
            return null;
        }
        synchronized (LOCK) {
            NOW.clear();
            if (sigaction(signal, null, NOW) != 0) {
                return null;
            }
            return library(NOW.getPointer(0));
        }
    }

    private static void enter() {
        if (!BOUND) {
            return;
        }
        synchronized (LOCK) {
            if (inFlight++ > 0) {
                return;
            }
            SAVED.clear();
            for (int s = 1; s < SIGNALS; s++) {
                READABLE[s] = s != SIGKILL && s != SIGSTOP && sigaction(s, null, SAVED.share((long) s * ACTION_BYTES))
                        == 0;
            }
            if (!checked) {
                checked = true;
                warnIfReplaced();
            }
        }
    }

    private static void exit() {
        if (!BOUND) {
            return;
        }
        synchronized (LOCK) {
            if (--inFlight == 0) {
                reinstate();
            }
        }
    }

    /**
     * After a frequent call (a kernel launch), where reading every action would cost more than the call: when
     * SIGSEGV's handler is no longer what the last guarded call left, reinstates what that call left. One
     * system call when nothing changed.
     */
    public static void recheck() {
        if (!BOUND) {
            return;
        }
        synchronized (LOCK) {
            if (inFlight > 0 || !READABLE[SIGSEGV]) {
                return;
            }
            NOW.clear();
            if (sigaction(SIGSEGV, null, NOW) == 0 && NOW.getLong(0) != SAVED.getLong((long) SIGSEGV * ACTION_BYTES)) {
                reinstate();
            }
        }
    }

    /** Puts back every action that differs from the one saved. Holds LOCK. */
    private static void reinstate() {
        for (int s = 1; s < SIGNALS; s++) {
            if (!READABLE[s]) {
                continue;
            }
            Pointer saved = SAVED.share((long) s * ACTION_BYTES);
            NOW.clear();
            if (sigaction(s, null, NOW) == 0 && NOW.getLong(0) != saved.getLong(0) && sigaction(s, saved, null) == 0) {
                reinstated++;
            }
        }
    }

    /** Warns once when SIGSEGV's handler is not HotSpot's before batchopt's first guarded call. */
    private static void warnIfReplaced() {
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("OpenJDK") && !vm.contains("HotSpot")) {
            return;
        }
        String owner = library(SAVED.share((long) SIGSEGV * ACTION_BYTES).getPointer(0));
        if (owner != null && !owner.startsWith("SIG_") && !owner.contains("libjvm")) {
            System.getLogger(SignalGuard.class.getName()).log(System.Logger.Level.WARNING, "the JVM's SIGSEGV "
                    + "handler was replaced by " + owner + " before batchopt's first OpenCL call, so the JVM may die "
                    + "with exit 139; run Java with LD_PRELOAD=" + System.getProperty("java.home")
                    + "/lib/libjsig.so (see batchopt's native-notes/opencl.md)");
        }
    }

    /** The library file that holds {@code address}, as dladdr tells it. */
    private static String library(Pointer address) {
        long a = Pointer.nativeValue(address);
        if (a == 0 || a == 1) {
            return a == 0 ? "SIG_DFL" : "SIG_IGN";
        }
        if (!Dl.BOUND) {
            return null;
        }
        Memory info = new Memory(4L * Native.POINTER_SIZE);
        info.clear();
        if (Dl.dladdr(address, info) == 0 || info.getPointer(0) == null) {
            return null;
        }
        return info.getPointer(0).getString(0);
    }
}
