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

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }
}
