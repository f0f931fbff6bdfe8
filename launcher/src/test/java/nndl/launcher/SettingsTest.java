package nndl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void aPrescottFallbackGetsTheAvxKernelsTheCpuHas() {
        assertEquals("SkylakeX", Settings.coreTypeFor("flags\t\t: fpu sse2 avx avx2 avx512f avx512bw\n"));
        assertEquals("Haswell", Settings.coreTypeFor("flags\t\t: fpu sse2 avx avx2 fma\n"));
        assertEquals("", Settings.coreTypeFor("flags\t\t: fpu sse2 avx\n"));
        assertEquals("", Settings.coreTypeFor("flags\t\t: fpu avx2x\n"), "a flag is a whole word");
    }

    @Test
    void compileErrorCountsAreWordedAsBefore() {
        assertEquals("the Maven build stopped at 1 compile error (above): fix it and run again; nothing was run "
                + "(full log: build/build.log)", Build.compileErrorsMessage("the Maven build", 1));
        assertEquals("the kernel build stopped at 3 compile errors (above): fix them and run again; nothing was run "
                + "(full log: build/build.log)", Build.compileErrorsMessage("the kernel build", 3));
    }
}
