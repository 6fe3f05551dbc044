package org.batchopt.backend.cuda;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.batchopt.BackendException;

/**
 * NVRTC, the CUDA run-time compiler, bound through JNA by plain symbol names so that any installed major
 * version works: {@code libnvrtc.so.13}, {@code .so.12} or {@code .so.11.2}. (JCuda's own binding is linked
 * against the versioned symbols of {@code libnvrtc.so.12} and cannot load any other; see native-notes/cuda.md.)
 *
 * <p>The library is looked for in this order, and the first that loads is used:
 * <ol>
 *   <li>the path in the system property {@value #PROPERTY}, else in the environment variable {@value #ENV};
 *       when one is given nothing else is tried, so that a mistake in it is reported, not worked around;</li>
 *   <li>{@code nvrtc}, resolved by JNA: {@code jna.library.path}, the loader path ({@code LD_LIBRARY_PATH},
 *       the {@code ld.so} cache), {@code libnvrtc.so} or its highest versioned file in those folders;</li>
 *   <li>each of {@link #SONAMES}, newest first: on the loader path, then in {@code $CUDA_HOME/lib64},
 *       {@code $CUDA_PATH/lib64} and each of {@link #FOLDERS}.</li>
 * </ol>
 * When none loads, {@link #find()} throws {@link BackendException.Code#UNAVAILABLE} naming every place tried.
 *
 * <p>Programs are compiled with {@link #OPTIONS}: no FMA contraction ({@code --fmad=false}), correctly rounded
 * division and square root, denormals kept, so that arithmetic matches the CPU and OpenCL backends bit for bit.
 * Thread-safe: compilations are serialized.
 */
public final class Nvrtc {
    /** System property naming the NVRTC library file. */
    public static final String PROPERTY = "batchopt.nvrtc";
    /** Environment variable naming the NVRTC library file, when the property is not set. */
    public static final String ENV = "BATCHOPT_NVRTC";
    /** Versioned library names, newest first. */
    public static final List<String> SONAMES = List.of("libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2");
    /** Folders searched for {@link #SONAMES} after the loader path. */
    public static final List<String> FOLDERS = List.of("/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib",
            "/usr/lib/x86_64-linux-gnu");
    /** Options of every compilation besides the architecture; the defaults of NVRTC spelled out where they matter. */
    public static final List<String> OPTIONS = List.of("--fmad=false", "--prec-div=true", "--prec-sqrt=true",
            "--ftz=false", "--device-as-default-execution-space");

    private static final int SUCCESS = 0;
    private static final FoundOnce<Nvrtc> FOUND = new FoundOnce<>(() -> load(candidates(System.getProperty(PROPERTY),
            System.getenv(ENV), System.getenv("CUDA_HOME"), System.getenv("CUDA_PATH"))));

    /** The C functions used, by their unversioned names. */
    interface Api extends Library {
        int nvrtcVersion(IntByReference major, IntByReference minor);

        int nvrtcGetNumSupportedArchs(IntByReference count);

        int nvrtcGetSupportedArchs(int[] archs);

        int nvrtcCreateProgram(PointerByReference program, byte[] source, String name, int headers,
                               String[] headerSources, String[] includeNames);

        int nvrtcCompileProgram(Pointer program, int count, String[] options);

        int nvrtcGetProgramLogSize(Pointer program, LongByReference size);

        int nvrtcGetProgramLog(Pointer program, byte[] log);

        int nvrtcGetCUBINSize(Pointer program, LongByReference size);

        int nvrtcGetCUBIN(Pointer program, byte[] cubin);

        int nvrtcGetPTXSize(Pointer program, LongByReference size);

        int nvrtcGetPTX(Pointer program, byte[] ptx);

        int nvrtcDestroyProgram(PointerByReference program);

        String nvrtcGetErrorString(int result);
    }

    /**
     * What to compile for: a real architecture ({@code sm_XY}, giving a cubin the driver loads as is) or a
     * virtual one ({@code compute_XY}, giving PTX the driver compiles when it loads the module).
     *
     * @param arch  10 * major + minor of the compute capability
     * @param cubin whether the output is a cubin (else PTX)
     */
    public record Target(int arch, boolean cubin) {
        /** The {@code -arch} option. */
        public String option() {
            return "-arch=" + (cubin ? "sm_" : "compute_") + arch;
        }

        @Override
        public String toString() {
            return (cubin ? "sm_" : "compute_") + arch;
        }
    }

    /**
     * A compiled program.
     *
     * @param bytes the cubin, or the PTX text with its terminating NUL (as {@code cuModuleLoadData} wants it)
     * @param cubin whether {@code bytes} is a cubin
     * @param log   the compiler's messages (warnings), possibly empty
     */
    public record Image(byte[] bytes, boolean cubin, String log) {
    }

    private final Api api;
    private final String library;
    private final int major;
    private final int minor;
    private final int[] archs;

    private Nvrtc(Api api, String library, int major, int minor, int[] archs) {
        this.api = api;
        this.library = library;
        this.major = major;
        this.minor = minor;
        this.archs = archs;
    }

    /**
     * The NVRTC of this machine, looked for once per process in the documented order.
     *
     * @throws BackendException UNAVAILABLE naming every place tried, when none loads
     */
    public static Nvrtc find() {
        return FOUND.get();
    }

    /**
     * The places looked at, in order: {@code explicitPath} alone when given (the property's value), else
     * {@code envPath} alone when given, else the search described in the class comment.
     */
    static List<String> candidates(String explicitPath, String envPath, String cudaHome, String cudaPath) {
        return searchOrder("nvrtc", SONAMES, explicitPath, envPath, cudaHome, cudaPath);
    }

    /**
     * A CUDA library's search order (NVRTC's above, cuBLAS's the same): {@code explicitPath} alone when given,
     * else {@code envPath} alone when given, else {@code jnaName} as JNA resolves it, then each of {@code sonames}
     * on the loader path and in {@code $CUDA_HOME/lib64}, {@code $CUDA_PATH/lib64} and {@link #FOLDERS}.
     */
    static List<String> searchOrder(String jnaName, List<String> sonames, String explicitPath, String envPath,
                                    String cudaHome, String cudaPath) {
        for (String given : new String[] {explicitPath, envPath}) {
            if (given != null && !given.isBlank()) {
                return List.of(given.trim());
            }
        }
        List<String> folders = new ArrayList<>();
        for (String root : new String[] {cudaHome, cudaPath}) {
            if (root != null && !root.isBlank()) {
                folders.add(new File(root.trim(), "lib64").getPath());
            }
        }
        folders.addAll(FOLDERS);
        Set<String> out = new LinkedHashSet<>();
        out.add(jnaName);
        for (String soname : sonames) {
            out.add(soname);
            for (String folder : folders) {
                out.add(new File(folder, soname).getPath());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first of {@code candidates} (library names or paths) that loads and answers {@code nvrtcVersion}.
     *
     * @throws BackendException UNAVAILABLE naming each candidate and why it failed
     */
    static Nvrtc load(List<String> candidates) {
        return loadFirst(candidates, Nvrtc::open, "NVRTC (libnvrtc, the CUDA run-time compiler) not found; set -D"
                + PROPERTY + " or " + ENV + " to its path");
    }

    /**
     * {@code open} of the first of {@code candidates} that loads (a path that does not exist is not tried).
     *
     * @throws BackendException UNAVAILABLE: {@code notFound}, then each candidate and why it failed
     */
    static <T> T loadFirst(List<String> candidates, Function<String, T> open, String notFound) {
        List<String> tried = new ArrayList<>();
        for (String c : candidates) {
            if (c.contains("/") && !new File(c).exists()) {
                tried.add(c + " (no such file)");
                continue;
            }
            try {
                return open.apply(c);
            } catch (UnsatisfiedLinkError | BackendException e) {
                tried.add(c + " (" + firstLine(e.getMessage()) + ")");
            }
        }
        throw new BackendException(BackendException.Code.UNAVAILABLE, notFound + ". Tried: "
                + String.join("; ", tried));
    }

    /** Loads NVRTC from one name or path. */
    static Nvrtc open(String nameOrPath) {
        NativeLibrary lib = NativeLibrary.getInstance(nameOrPath);
        Api api = Native.load(nameOrPath, Api.class);
        IntByReference major = new IntByReference();
        IntByReference minor = new IntByReference();
        int r;
        try {
            r = api.nvrtcVersion(major, minor);
        } catch (UnsatisfiedLinkError e) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, nameOrPath + " has no nvrtcVersion: "
                    + e.getMessage(), null, e);
        }
        if (r != SUCCESS) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, nameOrPath + ": nvrtcVersion failed with " + r);
        }
        int[] archs = new int[0];
        try {
            IntByReference n = new IntByReference();
            if (api.nvrtcGetNumSupportedArchs(n) == SUCCESS && n.getValue() > 0) {
                int[] a = new int[n.getValue()];
                if (api.nvrtcGetSupportedArchs(a) == SUCCESS) {
                    archs = a;
                    Arrays.sort(archs);
                }
            }
        } catch (UnsatisfiedLinkError e) {
            // Before CUDA 11.2: the list is unknown, and the device's own architecture is asked for.
        }
        String file = lib.getFile() != null ? lib.getFile().getPath() : nameOrPath;
        return new Nvrtc(api, file, major.getValue(), minor.getValue(), archs);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "failed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The library file loaded. */
    public String library() {
        return library;
    }

    /** {@code major.minor}, e.g. {@code 13.0}. */
    public String version() {
        return major + "." + minor;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** The real architectures this NVRTC compiles for (10 * major + minor), ascending; empty when it cannot say. */
    public int[] supportedArchs() {
        return archs.clone();
    }

    /**
     * What to compile for a device of compute capability {@code ccMajor.ccMinor}; see {@link #target(int[], int)}.
     *
     * @throws BackendException UNAVAILABLE when the device is older than every architecture this NVRTC knows
     */
    public Target target(int ccMajor, int ccMinor) {
        Target t = target(archs, 10 * ccMajor + ccMinor);
        if (t == null) {
            throw new BackendException(BackendException.Code.UNAVAILABLE, "NVRTC " + version() + " cannot compile for "
                    + "compute capability " + ccMajor + "." + ccMinor + " (it supports sm_" + archs[0] + " to sm_"
                    + archs[archs.length - 1] + "); use an older CUDA toolkit's NVRTC");
        }
        return t;
    }

    /**
     * The target for device architecture {@code device} given the {@code supported} real architectures
     * (ascending; empty when unknown): a cubin for the device's own architecture when supported; else a
     * cubin for the newest supported one of the same major version that is not newer than the device (cubins
     * run on later minor versions of their major); else PTX for the newest supported architecture older than
     * the device, which the driver compiles at load (a device newer than this NVRTC); null when the device is
     * older than everything supported.
     */
    static Target target(int[] supported, int device) {
        if (supported.length == 0) {
            return new Target(device, true);
        }
        int sameMajor = -1;
        int older = -1;
        for (int a : supported) {
            if (a == device) {
                return new Target(device, true);
            }
            if (a < device) {
                older = a;
                if (a / 10 == device / 10) {
                    sameMajor = a;
                }
            }
        }
        if (sameMajor >= 0) {
            return new Target(sameMajor, true);
        }
        return older >= 0 ? new Target(older, false) : null;
    }

    /** Every option of a compilation for {@code target}. */
    public static List<String> options(Target target) {
        List<String> o = new ArrayList<>(OPTIONS);
        o.add(target.option());
        return o;
    }

    /**
     * Compiles {@code source} (CUDA C++ without includes) for {@code target}.
     *
     * @param name the program's name in messages, e.g. {@code batchopt.cu}
     * @throws BackendException BUILD_FAILED with the full compiler log when it does not compile
     */
    public synchronized Image compile(String source, String name, Target target) {
        byte[] text = (source + "\0").getBytes(StandardCharsets.UTF_8);
        PointerByReference ref = new PointerByReference();
        check(api.nvrtcCreateProgram(ref, text, name, 0, null, null), "nvrtcCreateProgram");
        Pointer program = ref.getValue();
        try {
            String[] options = options(target).toArray(new String[0]);
            int r = api.nvrtcCompileProgram(program, options.length, options);
            String log = log(program);
            if (r != SUCCESS) {
                throw new BackendException(BackendException.Code.BUILD_FAILED, "NVRTC " + version() + " could not compile "
                        + name + " for " + target + " (" + api.nvrtcGetErrorString(r) + ", options "
                        + String.join(" ", options) + "):\n" + log, log, null);
            }
            LongByReference size = new LongByReference();
            byte[] bytes;
            if (target.cubin()) {
                check(api.nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
                bytes = new byte[Math.toIntExact(size.getValue())];
                check(api.nvrtcGetCUBIN(program, bytes), "nvrtcGetCUBIN");
            } else {
                check(api.nvrtcGetPTXSize(program, size), "nvrtcGetPTXSize");
                bytes = new byte[Math.toIntExact(size.getValue())];
                check(api.nvrtcGetPTX(program, bytes), "nvrtcGetPTX");
            }
            return new Image(bytes, target.cubin(), log);
        } finally {
            api.nvrtcDestroyProgram(ref);
        }
    }

    private String log(Pointer program) {
        LongByReference size = new LongByReference();
        if (api.nvrtcGetProgramLogSize(program, size) != SUCCESS || size.getValue() <= 1) {
            return "";
        }
        byte[] log = new byte[Math.toIntExact(size.getValue())];
        if (api.nvrtcGetProgramLog(program, log) != SUCCESS) {
            return "";
        }
        int end = log.length;
        while (end > 0 && log[end - 1] == 0) {
            end--;
        }
        return new String(log, 0, end, StandardCharsets.UTF_8).trim();
    }

    private void check(int result, String call) {
        if (result != SUCCESS) {
            throw new BackendException(BackendException.Code.BUILD_FAILED, "NVRTC " + version() + ": " + call
                    + " failed: " + api.nvrtcGetErrorString(result));
        }
    }

    @Override
    public String toString() {
        return "NVRTC " + version() + " (" + library + ")";
    }
}
