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
 * with a setting, and checks the backend it reports and the line it announces: on stdout when it is
 * information (a notebook shows it as ordinary output, not as an error), on stderr when native BLAS was
 * wanted and did not load.
 */
class ForcedBackendProcessTest {

    /** The child's exit status, its stdout and stderr, and the backend it printed (stdout's last line). */
    private record Outcome(int exit, String stdout, String stderr) {
        String backend() {
            List<String> lines = stdout.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    @Test
    void propertyJavaForcesEjml() throws Exception {
        Outcome out = run(List.of("-Dnndl.blas=java"), Map.of());
        assertEquals("ejml", out.backend(), out.stderr());
        assertTrue(out.stdout().contains("nndl: matrix products on EJML") && out.stdout().contains("(forced by nndl.blas=java)"), out.stdout());
        assertTrue(!out.stderr().contains("nndl:"), "nothing of ours on stderr: " + out.stderr());
    }

    @Test
    void environmentJavaForcesEjmlAndThePropertyWins() throws Exception {
        assertEquals("ejml", run(List.of(), Map.of("NNDL_BLAS", "java")).backend());
        Outcome out = run(List.of("-Dnndl.blas=java"), Map.of("NNDL_BLAS", "native"));
        assertEquals("ejml", out.backend(), out.stderr());
    }

    @Test
    void nativeForcedOrChosenByDefaultIsTheSystemBlas() throws Exception {
        GemmBackend nativeBlas = NativeBlasForTests.nativeOrSkip();
        Outcome forced = run(List.of(), Map.of("NNDL_BLAS", "native"));
        assertEquals(nativeBlas.name(), forced.backend(), forced.stderr());
        assertTrue(forced.stdout().contains("nndl: matrix products on native BLAS"), forced.stdout());
        Outcome auto = run(List.of(), Map.of());
        assertEquals(nativeBlas.name(), auto.backend(), auto.stderr());
        assertEquals(1, auto.stdout().lines().filter(l -> l.startsWith("nndl: matrix products on native BLAS")).count(),
                "announced once, on stdout: " + auto.stdout());
        assertTrue(!auto.stderr().contains("nndl:"), "the harmless start-up line is not on stderr: " + auto.stderr());
    }

    @Test
    void missingLibraryFallsBackWithTheReasonOrFailsWhenNativeIsForced() throws Exception {
        String missing = "-Ddev.ludovic.netlib.blas.nativeLib=libnndl-missing.so.3";
        Outcome auto = run(List.of(missing), Map.of());
        assertEquals("ejml", auto.backend(), auto.stderr());
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
