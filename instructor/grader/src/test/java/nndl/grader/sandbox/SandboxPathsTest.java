package nndl.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only paths that would show a home folder, ~/.m2 or the other hand-ins are refused before anything runs. */
class SandboxPathsTest {
    @TempDir
    Path dir;

    private SandboxSpec spec(String program, Path... readOnly) throws IOException {
        Path scratch = Files.createDirectories(dir.resolve("hand-ins/alice"));
        return new SandboxSpec(List.of(program), scratch, scratch, List.of(readOnly), Map.of(),
                new Limits(1L << 30, 64, 1L << 20, 1L << 20, Duration.ofSeconds(5)), null);
    }

    @Test
    void homeAndMavenRepositoryAreRefused() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        for (Path p : List.of(home, home.resolve(".m2"), Path.of("/"), Path.of("/home"), Path.of("/root"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> SandboxPaths.check(spec("/bin/sh", p), true));
            assertTrue(e.getMessage().startsWith("read-only path " + p + " holds "), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> SandboxPaths.check(spec("/bin/sh", home.resolve(".m2/repository/nndl")), true));
        assertTrue(e.getMessage().contains("is inside " + home.resolve(".m2")), e.getMessage());
    }

    @Test
    void aFolderHoldingTheScratchFolderIsRefused() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> SandboxPaths.check(spec("/bin/sh", dir.resolve("hand-ins")), true));
        assertTrue(e.getMessage().contains("and so the other hand-ins beside it"), e.getMessage());
    }

    @Test
    void missingPathsAndInvisibleProgramsAreRefused() throws IOException {
        var missing = assertThrows(IOException.class, () -> SandboxPaths.check(spec("/bin/sh", dir.resolve("nope")), true));
        assertTrue(missing.getMessage().endsWith("nope does not exist"), missing.getMessage());
        Path program = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(program, "#!/bin/sh\n");
        program.toFile().setExecutable(true);
        var invisible = assertThrows(IOException.class, () -> SandboxPaths.check(spec(program.toString()), true));
        assertTrue(invisible.getMessage().startsWith("program " + program + " is not an executable inside"), invisible.getMessage());
        Files.setPosixFilePermissions(dir.resolve("jdk"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        var unreadable = assertThrows(IOException.class, () -> SandboxPaths.check(spec(program.toString(), dir.resolve("jdk")), true));
        assertTrue(unreadable.getMessage().contains("is not readable by others"), unreadable.getMessage());
    }
}
