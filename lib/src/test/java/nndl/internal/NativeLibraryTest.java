package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Recognising the loaded BLAS from mapped files, OpenBLAS's thread rule, and load-failure reasons. */
class NativeLibraryTest {
    private static final List<String> DEBIAN_PTHREAD = List.of(
            "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so",
            "/tmp/libnetlibblasjni.so123",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so");

    @Test
    void debianOpenBlasWithDefaultThreads() {
        NativeLibrary library = NativeLibrary.identify(DEBIAN_PTHREAD, Map.of(), 2, "libblas.so.3");
        assertEquals(new NativeLibrary("openblas", "OpenBLAS 0.3.21 (pthread, 2 threads)", 2), library);
    }

    @Test
    void threadVariablesInOpenBlasOrderCappedAtTheProcessors() {
        assertEquals(1, NativeLibrary.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "2"), 2));
        assertEquals(2, NativeLibrary.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "8"), 2));
        assertEquals(3, NativeLibrary.openBlasThreads(Map.of("GOTO_NUM_THREADS", "3", "OMP_NUM_THREADS", "1"), 4));
        assertEquals(1, NativeLibrary.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "0", "OMP_NUM_THREADS", "1"), 4));
        assertEquals(4, NativeLibrary.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "many"), 4));
        assertEquals("OpenBLAS 0.3.21 (pthread, 1 thread)",
                NativeLibrary.identify(DEBIAN_PTHREAD, Map.of("OPENBLAS_NUM_THREADS", "1"), 2, "libblas.so.3").description());
        assertEquals("OpenBLAS 0.3.21 (pthread, 1 thread, core SkylakeX)", NativeLibrary.identify(DEBIAN_PTHREAD,
                Map.of("OPENBLAS_NUM_THREADS", "1", "OPENBLAS_CORETYPE", "SkylakeX"), 2, "libblas.so.3").description());
    }

    @Test
    void otherBuildsAndLibraries() {
        assertEquals("OpenBLAS 0.3.26 (serial, 1 thread)", NativeLibrary.identify(
                List.of("/usr/lib/x86_64-linux-gnu/openblas-serial/libopenblas-r0.3.26.so"), Map.of(), 8, "libblas.so.3").description());
        assertEquals("OpenBLAS 0.3.26 (OpenMP, 4 threads)", NativeLibrary.identify(
                List.of("/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblaso-r0.3.26.so"), Map.of("OMP_NUM_THREADS", "4"), 8, "libblas.so.3").description());
        assertEquals("mkl", NativeLibrary.identify(List.of("/opt/intel/lib/libmkl_rt.so"), Map.of(), 8, "libmkl_rt.so").name());
        NativeLibrary reference = NativeLibrary.identify(
                List.of("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"), Map.of(), 8, "libblas.so.3");
        assertEquals(new NativeLibrary("blas", "system BLAS /usr/lib/x86_64-linux-gnu/blas/libblas.so.3", 0), reference);
    }

    @Test
    void theLoadedLibraryIsRecognised() {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        NativeLibrary library = NativeLibrary.identify();
        assertEquals(library.name(), nativeBlas.name());
        assertTrue(nativeBlas.description().startsWith(library.description()), nativeBlas.description());
    }

    @Test
    void loadFailuresAreExplainedInOneLine() {
        var dlopenFailed = new RuntimeException("Unable to load native implementation",
                new UnsatisfiedLinkError("unsupported JNI version 0xFFFFFFFF required by /tmp/libnetlibblasjni.so42"));
        assertEquals("could not open " + NativeLibrary.requestedLibrary() + "; on Debian/Ubuntu: apt-get install libopenblas0",
                NativeGemm.explain(dlopenFailed));
        var missingClass = new ExceptionInInitializerError(new NoClassDefFoundError("org/netlib/util/booleanW"));
        assertEquals("class org.netlib.util.booleanW is missing from the class path", NativeGemm.explain(missingClass));
        assertTrue(NativeGemm.explain(new IllegalStateException("odd")).startsWith("IllegalStateException on "));
    }
}
