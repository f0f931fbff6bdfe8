package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up decision for every setting, with a native BLAS that loaded and one that did not. */
class BackendChoiceTest {
    private static final NativeGemm.Loaded MISSING = new NativeGemm.Loaded(null, "could not open libblas.so.3");

    @Test
    void autoFallsBackToEjmlAndSaysWhy() {
        BackendChoice choice = BackendChoice.decide(null, () -> MISSING);
        assertSame(Gemm.ejml(), choice.backend());
        assertEquals("nndl: native BLAS not available (could not open libblas.so.3); using " + Gemm.ejml().description(),
                choice.announcement());
        assertTrue(choice.warning(), "a fallback is a warning (stderr)");
        assertSame(Gemm.ejml(), BackendChoice.decide("NNDL_BLAS=AUTO", () -> MISSING).backend());
    }

    @Test
    void autoPicksNativeWhenItLoads() {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        BackendChoice choice = BackendChoice.decide(null, NativeGemm::load);
        assertSame(nativeBlas, choice.backend());
        assertEquals("nndl: matrix products on native BLAS, " + nativeBlas.description(), choice.announcement());
        assertFalse(choice.warning(), "information (stdout)");
    }

    @Test
    void javaForcesEjmlWithoutTouchingNativeCode() {
        BackendChoice choice = BackendChoice.decide("NNDL_BLAS=java", () -> {
            throw new AssertionError("java must not load the native BLAS");
        });
        assertSame(Gemm.ejml(), choice.backend());
        assertTrue(choice.announcement().endsWith("(forced by NNDL_BLAS=java)"), choice.announcement());
    }

    @Test
    void nativeForcedUsesNativeOrFailsWithTheReason() {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        BackendChoice choice = BackendChoice.decide("nndl.blas=Native", NativeGemm::load);
        assertSame(nativeBlas, choice.backend());
        assertTrue(choice.announcement().endsWith("(forced by nndl.blas=Native)"), choice.announcement());
        var e = assertThrows(IllegalStateException.class, () -> BackendChoice.decide("nndl.blas=native", () -> MISSING));
        assertEquals("nndl: nndl.blas=native but native BLAS is not available: could not open libblas.so.3", e.getMessage());
    }

    @Test
    void unknownSettingIsRejected() {
        var e = assertThrows(IllegalStateException.class, () -> BackendChoice.decide("NNDL_BLAS=fast", () -> MISSING));
        assertEquals("nndl: NNDL_BLAS=fast is not one of native, java, auto", e.getMessage());
    }
}
