package nndl.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

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

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }
}
