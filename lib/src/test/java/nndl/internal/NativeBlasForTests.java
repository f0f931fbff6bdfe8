package nndl.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The native backend for tests. Where it does not load, a test says why and is skipped, except when
 * NNDL_REQUIRE_NATIVE_BLAS=1 (set by the launcher's test stage, whose machines install OpenBLAS): then it fails.
 */
final class NativeBlasForTests {
    static final String REQUIRE = "NNDL_REQUIRE_NATIVE_BLAS";

    private NativeBlasForTests() {
    }

    static GemmBackend nativeOrSkip() {
        var loaded = Gemm.nativeBlas();
        if (loaded.isPresent()) {
            return loaded.get();
        }
        String reason = "native BLAS not available on this machine: " + Gemm.nativeBlasProblem().orElse("unknown reason");
        if (required()) {
            fail(reason + " (" + REQUIRE + "=1 demands it)");
        }
        Assumptions.abort(reason + "; native tests skipped (set " + REQUIRE + "=1 to make this a failure)");
        throw new AssertionError("unreachable");
    }

    /**
     * The native backend when it runs one thread per call, as the launcher and the kernel set it
     * ({@code OPENBLAS_NUM_THREADS=1}); else the test is skipped: a multi-threaded OpenBLAS partitions a
     * product its own way, so the unsplit call it is compared with is not the single-threaded one.
     */
    static NativeGemm singleThreadedOrSkip() {
        GemmBackend backend = nativeOrSkip();
        Assumptions.assumeFalse(backend.takesTurns(), "OpenBLAS runs several threads per call (" + backend.description()
                + "); bit-identity of split products is a property of single-threaded calls: run with OPENBLAS_NUM_THREADS=1, as ./workbook test does");
        return (NativeGemm) backend;
    }

    /** OpenBLAS kernel families with small-matrix dgemm kernels (all built on KERNEL.SKYLAKEX; {@link SmallKernel}). */
    private static final Set<String> SMALL_KERNEL_FAMILIES = Set.of("skylakex", "cooperlake", "sapphirerapids");
    private static final String[] PYTHONS = {"/usr/bin/python3", "python3"};
    private static volatile Optional<String> core;

    /**
     * The kernel family the OpenBLAS loaded in this process runs, e.g. "SkylakeX" or "Haswell", as its
     * {@code openblas_get_corename()} says in a Python (ctypes) process started with this environment
     * (so with this OPENBLAS_CORETYPE; the JNI binding offers BLAS calls only); empty when OpenBLAS is not
     * loaded or no Python can ask.
     */
    static Optional<String> openBlasCore() {
        Optional<String> known = core;
        if (known == null) {
            known = askOpenBlasCore();
            core = known;
        }
        return known;
    }

    /**
     * Whether the running OpenBLAS has small-matrix dgemm kernels: true or false when its family is
     * known, empty when not.
     */
    static Optional<Boolean> hasSmallKernels() {
        return openBlasCore().map(name -> SMALL_KERNEL_FAMILIES.contains(name.toLowerCase(Locale.ROOT)));
    }

    private static Optional<String> askOpenBlasCore() {
        nativeOrSkip();
        Optional<String> library;
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            library = lines.map(line -> line.indexOf('/') < 0 ? "" : line.substring(line.indexOf('/')).trim())
                    .filter(file -> file.contains("openblas") && file.contains(".so")).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (library.isEmpty()) {
            return Optional.empty();
        }
        String script = "import ctypes, sys\nlib = ctypes.CDLL(sys.argv[1])\n"
                + "lib.openblas_get_corename.restype = ctypes.c_char_p\nprint(lib.openblas_get_corename().decode())\n";
        for (String python : PYTHONS) {
            try {
                Process process = new ProcessBuilder(List.of(python, "-c", script, library.get()))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                    return Optional.of(out);
                }
            } catch (IOException e) {
                // No such Python: try the next.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }
}
