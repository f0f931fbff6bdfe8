package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nndl.grader.sandbox.Limits;
import nndl.grader.sandbox.SandboxResult;
import nndl.grader.sandbox.SandboxSpec;
import nndl.grader.sandbox.Sandboxed;
import nndl.grader.sandbox.Unsandboxed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsandboxedTest {
    @TempDir
    Path dir;

    private SandboxSpec spec(String script, Path log, int seconds) {
        return new SandboxSpec(List.of("/bin/sh", "-c", script), dir, dir, List.of(), Map.of("PATH", "/usr/bin:/bin", "MARK", "given"),
                new Limits(1L << 30, 64, 1L << 20, 1L << 20, Duration.ofSeconds(seconds)), log);
    }

    @Test
    void theEnvironmentIsTheSpecsAndTheLogGetsBothStreams() throws Exception {
        Path log = dir.resolve("out.log");
        try (Sandboxed run = new Unsandboxed().start(spec("echo \"$MARK ${HOME:-no-home}\"; pwd; echo err >&2; exit 4", log, 30))) {
            SandboxResult result = run.waitFor();
            assertEquals(SandboxResult.Status.EXITED, result.status());
            assertEquals(4, result.exitCode());
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(List.of("given no-home", dir.toRealPath().toString(), "err"), lines);
    }

    @Test
    void theWallClockEndsTheTreeChildrenIncluded() throws Exception {
        Path marker = dir.resolve("child-alive");
        try (Sandboxed run = new Unsandboxed().start(spec("(sleep 3; touch " + marker + ") & sleep 60", dir.resolve("log"), 1))) {
            SandboxResult result = run.waitFor();
            assertEquals(SandboxResult.Status.TIMED_OUT, result.status());
            assertEquals(-1, result.exitCode());
        }
        Thread.sleep(4000);
        assertFalse(Files.exists(marker), "a child outlived the tree");
    }

    @Test
    void stdinAndStdoutReachTheCallerWithoutALog() throws Exception {
        try (Sandboxed run = new Unsandboxed().start(spec("read line; echo \"got $line\"", null, 30))) {
            run.stdin().write("ping\n".getBytes(StandardCharsets.UTF_8));
            run.stdin().close();
            assertEquals("got ping\n", new String(run.stdout().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, run.waitFor().exitCode());
            assertTrue(run.result() != null);
        }
    }
}
