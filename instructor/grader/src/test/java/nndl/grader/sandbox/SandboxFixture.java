package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.grader.sandbox.hostile.Hostile;

/**
 * A hand-in's scratch folder for BubblewrapTest: the compiled hostile programs copied in (as a
 * hand-in's built library would be), a log, and runs of the test JVM's own java inside the sandbox.
 */
final class SandboxFixture {
    /**
     * Skips the calling test class unless it runs as root (grading and CI do; as another user the
     * cgroups cannot be made and grade refuses), and fails it when bwrap cannot start here.
     */
    static void assumeSandbox() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Bubblewrap.root(), "the sandbox's tests run as root, like grading");
        org.junit.jupiter.api.Assertions.assertNull(Bubblewrap.unavailableBecause(), "the grading machine must be able to start bwrap");
    }

    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    static final Path JAVA = JAVA_HOME.resolve("bin/java");

    final Path scratch;
    final Path classes;
    final Path log;

    /** Scratch folder {@code dir/scratch} holding {@code classes/} with the hostile programs. */
    SandboxFixture(Path dir) throws IOException {
        scratch = Files.createDirectories(dir.resolve("scratch"));
        classes = scratch.resolve("classes");
        Path compiled = Path.of(Hostile.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path from = compiled.resolve("nndl/grader/sandbox/hostile");
        Path to = Files.createDirectories(classes.resolve("nndl/grader/sandbox/hostile"));
        try (var list = Files.list(from)) {
            for (Path f : list.toList()) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        log = dir.resolve("sandbox.log");
    }

    static Limits limits(long memoryMb, int processes, long fileMb, long diskMb, int seconds) {
        return new Limits(memoryMb << 20, processes, fileMb << 20, diskMb << 20, Duration.ofSeconds(seconds));
    }

    /** The sandbox's default caps in these tests: 512 MB, 128 processes, 64 MB files, 256 MB disk, 120 s. */
    static Limits limits() {
        return limits(512, 128, 64, 256, 120);
    }

    /** {@code java [jvmOptions] -cp classes Hostile args...} as a command. */
    List<String> java(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classes.toString(), Hostile.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    SandboxSpec spec(List<String> command, Limits limits, List<Path> moreReadOnly) {
        List<Path> readOnly = new ArrayList<>(List.of(JAVA_HOME));
        readOnly.addAll(moreReadOnly);
        return new SandboxSpec(command, scratch, scratch, readOnly,
                Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString(), "LANG", "C.UTF-8"), limits, log);
    }

    /** The outcome of one run and what it printed (the capped log). */
    record Run(SandboxResult result, String log) {
        @Override
        public String toString() {
            return result + "\n" + (log.length() > 4000 ? log.substring(0, 4000) + "..." : log);
        }
    }

    Run run(List<String> command, Limits limits, List<Path> moreReadOnly) throws IOException, InterruptedException {
        try (Sandboxed s = new Bubblewrap().start(spec(command, limits, moreReadOnly))) {
            SandboxResult result = s.waitFor();
            return new Run(result, Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    Run run(List<String> command, Limits limits) throws IOException, InterruptedException {
        return run(command, limits, List.of());
    }

    /** Host processes (other than this JVM) whose command line contains {@code text}. */
    static List<String> hostProcessesMentioning(String text) throws IOException {
        List<String> out = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (var list = Files.list(Path.of("/proc"))) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (!name.matches("\\d+") || Long.parseLong(name) == self) continue;
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains(text)) out.add(name + " " + cmd);
                } catch (IOException gone) {
                    // ended while listing
                }
            }
        }
        return out;
    }

    /** A folder any uid may read and write, so only the sandbox's mounts can keep a hand-in out. */
    static Path openFolder(Path path) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
        return path;
    }

    /** A file any uid may read and write. */
    static Path openFile(Path path, String text) throws IOException {
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        return path;
    }
}
