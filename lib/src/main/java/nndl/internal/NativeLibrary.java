package nndl.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which native BLAS the JNI binding actually loaded, and how many threads it runs. The binding only
 * dlopens a name, so the library is recognised from the files mapped into the process
 * ({@code /proc/self/maps}), and OpenBLAS's thread count is worked out as OpenBLAS does at load time.
 *
 * @param name        short id: openblas, mkl, blis or blas (any other)
 * @param description one line, e.g. "OpenBLAS 0.3.21 (pthread, 2 threads)", naming the kernels when
 *                    OPENBLAS_CORETYPE forces them
 * @param threads     threads per product, 0 when unknown
 */
record NativeLibrary(String name, String description, int threads) {
    private static final Pattern OPENBLAS_VERSION = Pattern.compile("libopenblas[a-z]?-r(\\d+(?:\\.\\d+)+)");

    /** Identifies the BLAS mapped into this process. */
    static NativeLibrary identify() {
        List<String> mapped;
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            mapped = lines.map(NativeLibrary::mappedFile).filter(f -> !f.isEmpty()).distinct().toList();
        } catch (IOException | RuntimeException e) {
            mapped = List.of();
        }
        return identify(mapped, System.getenv(), Runtime.getRuntime().availableProcessors(), requestedLibrary());
    }

    /**
     * Identifies the BLAS among the mapped files.
     *
     * @param mapped     absolute paths of the shared objects mapped into the process
     * @param env        the process environment (thread-count variables)
     * @param processors processors available to the process
     * @param requested  the library name the binding was asked to open
     */
    static NativeLibrary identify(List<String> mapped, Map<String, String> env, int processors, String requested) {
        List<String> openBlasFiles = mapped.stream().filter(f -> f.contains("openblas")).toList();
        if (!openBlasFiles.isEmpty()) {
            return openBlas(String.join(" ", openBlasFiles), env, processors);
        }
        for (String file : mapped) {
            if (file.contains("libmkl")) {
                return new NativeLibrary("mkl", "Intel MKL (" + file + ")", 0);
            }
            if (file.contains("libblis")) {
                return new NativeLibrary("blis", "BLIS (" + file + ")", 0);
            }
        }
        String file = mapped.stream().filter(f -> f.endsWith("/" + requested)).findFirst().orElse(requested);
        return new NativeLibrary("blas", "system BLAS " + file, 0);
    }

    private static NativeLibrary openBlas(String files, Map<String, String> env, int processors) {
        Matcher version = OPENBLAS_VERSION.matcher(files);
        String label = "OpenBLAS" + (version.find() ? " " + version.group(1) : "");
        if (files.contains("openblas-serial")) {
            return new NativeLibrary("openblas", label + " (serial, 1 thread)", 1);
        }
        String variant = files.contains("openblas-openmp") || files.contains("libopenblaso") ? "OpenMP" : "pthread";
        int threads = openBlasThreads(env, processors);
        String core = env.getOrDefault("OPENBLAS_CORETYPE", "").isBlank() ? "" : ", core " + env.get("OPENBLAS_CORETYPE").trim();
        return new NativeLibrary("openblas", label + " (" + variant + ", " + threads + (threads == 1 ? " thread" : " threads") + core + ")", threads);
    }

    /**
     * The thread count OpenBLAS settles on when it loads: OPENBLAS_NUM_THREADS, else GOTO_NUM_THREADS,
     * else OMP_NUM_THREADS, else all processors; never more than the processors available.
     */
    static int openBlasThreads(Map<String, String> env, int processors) {
        for (String variable : List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")) {
            int value = positiveInt(env.get(variable));
            if (value > 0) {
                return Math.min(value, processors);
            }
        }
        return processors;
    }

    /** The library the binding dlopens: its nativeLibPath property, else nativeLib, else libblas.so.3. */
    static String requestedLibrary() {
        String path = System.getProperty("dev.ludovic.netlib.blas.nativeLibPath");
        if (path != null && !path.isEmpty()) {
            return path;
        }
        return System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
    }

    private static int positiveInt(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String mappedFile(String mapsLine) {
        int slash = mapsLine.indexOf('/');
        return slash < 0 ? "" : mapsLine.substring(slash).trim();
    }
}
