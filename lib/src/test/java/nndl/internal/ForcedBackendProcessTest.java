package nndl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The backend switch end to end: each case starts a fresh JVM (the choice is made once per process)
 * with a setting, and checks the backend it reports and the line it announces on stderr.
 */
class ForcedBackendProcessTest {

    private record Outcome(int exit, String stdout, String stderr) {
    }

    @Test
    void propertyJavaForcesEjml() throws Exception {
        Outcome out = run(List.of("-Dnndl.blas=java"), Map.of());
        assertEquals("ejml", out.stdout(), out.stderr());
        assertTrue(out.stderr().contains("nndl: matrix products on EJML") && out.stderr().contains("(forced by nndl.blas=java)"), out.stderr());
    }

    @Test
    void environmentJavaForcesEjmlAndThePropertyWins() throws Exception {
        assertEquals("ejml", run(List.of(), Map.of("NNDL_BLAS", "java")).stdout());
        Outcome out = run(List.of("-Dnndl.blas=java"), Map.of("NNDL_BLAS", "native"));
        assertEquals("ejml", out.stdout(), out.stderr());
    }

    @Test
    void nativeForcedOrChosenByDefaultIsTheSystemBlas() throws Exception {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        Outcome forced = run(List.of(), Map.of("NNDL_BLAS", "native"));
        assertEquals(nativeBlas.name(), forced.stdout(), forced.stderr());
        assertTrue(forced.stderr().contains("nndl: matrix products on native BLAS"), forced.stderr());
        Outcome auto = run(List.of(), Map.of());
        assertEquals(nativeBlas.name(), auto.stdout(), auto.stderr());
        assertEquals(1, auto.stderr().lines().filter(l -> l.startsWith("nndl:")).count(), "announced once: " + auto.stderr());
    }

    @Test
    void missingLibraryFallsBackWithTheReasonOrFailsWhenNativeIsForced() throws Exception {
        String missing = "-Ddev.ludovic.netlib.blas.nativeLib=libnndl-missing.so.3";
        Outcome auto = run(List.of(missing), Map.of());
        assertEquals("ejml", auto.stdout(), auto.stderr());
        assertTrue(auto.stderr().contains("nndl: native BLAS not available (could not open libnndl-missing.so.3"), auto.stderr());
        assertTrue(!auto.stderr().contains("WARNING"), "netlib's own warnings stay quiet: " + auto.stderr());
        Outcome forced = run(List.of(missing, "-Dnndl.blas=native"), Map.of());
        assertTrue(forced.exit() != 0, "forcing a missing native BLAS must fail");
        assertTrue(forced.stderr().contains("nndl.blas=native but native BLAS is not available: could not open libnndl-missing.so.3"),
                forced.stderr());
    }

    private static Outcome run(List<String> jvmOptions, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintBackend.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(Gemm.ENV_BACKEND);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        return new Outcome(process.exitValue(), new String(stdout, StandardCharsets.UTF_8).trim(),
                new String(stderr, StandardCharsets.UTF_8));
    }
}
