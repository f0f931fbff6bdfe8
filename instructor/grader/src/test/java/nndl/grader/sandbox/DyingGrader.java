package nndl.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A grader that crashes while its sandbox runs: starts a sandbox whose command leaves a detached
 * process, then halts. BubblewrapTest checks that nothing of the sandbox outlives it.
 * Arguments: the scratch folder, and a path that the detached process would touch after 60 s.
 */
public final class DyingGrader {
    private DyingGrader() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        String detached = "sleep 60; touch " + args[1];
        SandboxSpec spec = new SandboxSpec(List.of("/bin/sh", "-c", "setsid nohup sh -c '" + detached + "' >/dev/null 2>&1 & sleep 60"),
                scratch, scratch, List.of(), Map.of("PATH", "/usr/bin:/bin"),
                new Limits(256L << 20, 64, 1L << 20, 1L << 20, Duration.ofSeconds(120)), null);
        new Bubblewrap().start(spec);
        // Seen in three polls in a row: a process between fork and exec (setsid, nohup, sh) can show an
        // empty command line for a moment, and the outer shell stops mentioning the path once it execs
        // its last command.
        int seen = 0;
        for (int i = 0; i < 150 && seen < 3; i++) {
            seen = SandboxFixture.hostProcessesMentioning(args[1]).isEmpty() ? 0 : seen + 1;
            Thread.sleep(100);
        }
        System.out.println("detached process running: " + (seen >= 3));
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }
}
