package nndl.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nndl.grader.sandbox.SandboxFixture.Run;
import nndl.grader.sandbox.SandboxResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile programs run through {@link Bubblewrap}, one per kind of attack (spec §10.7): each ends
 * with the cause named, and nothing of it is left running or changed outside its scratch folder.
 * Runs as root in CI, like grading.
 */
class BubblewrapTest {
    /** The instructor tree: Maven runs these tests in instructor/grader/. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @TempDir
    Path dir;
    SandboxFixture fx;
    /** A host folder any uid could write, outside the scratch folder: only the mounts keep the hand-in out. */
    Path outside;

    @BeforeAll
    static void sandboxStartsHere() {
        SandboxFixture.assumeSandbox();
    }

    @BeforeEach
    void scratch() throws IOException {
        fx = new SandboxFixture(dir);
        outside = SandboxFixture.openFolder(Files.createTempDirectory("nndl-outside"));
    }

    @AfterEach
    void nothingLeftRunning() throws IOException {
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(fx.scratch.toString()));
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(outside.toString()));
        Bubblewrap.deleteTree(outside);
    }

    @Test
    void describesItsIsolation() {
        String d = new Bubblewrap().describe();
        assertTrue(d.startsWith("bubblewrap"), d);
        assertTrue(d.contains("uid 65534"), d);
    }

    @Test
    void endlessLoopTimesOut() throws Exception {
        Run r = fx.run(fx.java(List.of(), "loop"), SandboxFixture.limits(512, 128, 64, 256, 8));
        assertEquals(Status.TIMED_OUT, r.result().status(), r::toString);
        assertEquals("timed out after 8 s", r.result().detail());
        assertTrue(r.log().contains("looping"), r::toString);
    }

    @Test
    void outputFloodKeepsACappedLog() throws Exception {
        long flood = 200L << 20;
        Run r = fx.run(fx.java(List.of(), "flood", Long.toString(flood)), SandboxFixture.limits());
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), r.result(), r::toString);
        long logBytes = Files.size(fx.log);
        assertTrue(logBytes <= BubblewrapRun.LOG_HEAD_BYTES + BubblewrapRun.LOG_TAIL_BYTES + 200, logBytes + " B log");
        var cut = java.util.regex.Pattern.compile("\\[\\.\\.\\. (\\d+) bytes of output cut \\((\\d+) in all\\) \\.\\.\\.]").matcher(r.log());
        assertTrue(cut.find(), () -> r.log().substring(0, 300));
        long all = Long.parseLong(cut.group(2));
        assertTrue(all >= flood && all < flood + 100, cut.group());
        assertEquals(all - BubblewrapRun.LOG_HEAD_BYTES - BubblewrapRun.LOG_TAIL_BYTES, Long.parseLong(cut.group(1)));
        assertTrue(r.log().endsWith("flood\n"), "the tail is kept");
    }

    @Test
    void heapPastTheCapIsAMemoryCap() throws Exception {
        Run r = fx.run(fx.java(List.of("-Xmx4g"), "heap"), SandboxFixture.limits(384, 128, 64, 256, 120));
        assertEquals(Status.MEMORY_CAP, r.result().status(), r::toString);
        assertEquals("memory cap (384 MB)", r.result().detail());
    }

    @Test
    void unsafeOffHeapPastXmxIsAMemoryCap() throws Exception {
        Run r = fx.run(fx.java(List.of("-Xmx64m"), "unsafe"), SandboxFixture.limits(384, 128, 64, 256, 120));
        assertEquals(Status.MEMORY_CAP, r.result().status(), r::toString);
        assertTrue(r.log().contains("off-heap 128 MB"), r::toString);
    }

    @Test
    void directBuffersPastXmxAreAMemoryCap() throws Exception {
        Run r = fx.run(fx.java(List.of("-Xmx64m", "-XX:MaxDirectMemorySize=8g"), "direct"),
                SandboxFixture.limits(384, 128, 64, 256, 120));
        assertEquals(Status.MEMORY_CAP, r.result().status(), r::toString);
        assertTrue(r.log().contains("direct 128 MB"), r::toString);
    }

    @Test
    void threadFloodIsAProcessCap() throws Exception {
        Run r = fx.run(fx.java(List.of("-Xss256k"), "threads"), SandboxFixture.limits(512, 64, 64, 256, 120));
        assertEquals(new SandboxResult(Status.PROCESS_CAP, -1, "process cap (64 processes and threads)"), r.result(), r::toString);
    }

    @Test
    void forkFloodIsAProcessCap() throws Exception {
        Run r = fx.run(List.of("/bin/sh", "-c", "while :; do sleep 100 & done"), SandboxFixture.limits(512, 64, 64, 256, 120));
        assertEquals(Status.PROCESS_CAP, r.result().status(), r::toString);
    }

    @Test
    void systemExitAndHaltReportTheirCode() throws Exception {
        Run exit = fx.run(fx.java(List.of(), "exit", "3"), SandboxFixture.limits());
        assertEquals(new SandboxResult(Status.EXITED, 3, "exited with code 3"), exit.result(), exit::toString);
        Run halt = fx.run(fx.java(List.of(), "halt", "7"), SandboxFixture.limits());
        assertEquals(new SandboxResult(Status.EXITED, 7, "exited with code 7"), halt.result(), halt::toString);
        assertTrue(halt.log().contains("halting"), halt::toString);
    }

    @Test
    void oneGigabyteFileStopsAtTheFileSizeCap() throws Exception {
        Path big = fx.scratch.resolve("big.bin");
        Run r = fx.run(fx.java(List.of(), "bigfile", big.toString()), SandboxFixture.limits(512, 128, 64, 256, 120));
        assertEquals(Status.FILE_SIZE_CAP, r.result().status(), r::toString);
        assertEquals("file size cap (64 MB): big.bin", r.result().detail());
        assertEquals(64L << 20, Files.size(big));
        assertFalse(r.log().contains("wrote 1 GB"), r::toString);
    }

    @Test
    void oneGigabyteInTmpStopsAtTheFileSizeCapToo() throws Exception {
        Run r = fx.run(fx.java(List.of(), "bigfile", "/tmp/big.bin"), SandboxFixture.limits(512, 128, 64, 256, 120));
        assertFalse(r.log().contains("wrote 1 GB"), r::toString);
        assertTrue(r.log().contains("File too large"), r::toString);
    }

    @Test
    void manyFilesStopAtTheDiskCap() throws Exception {
        Run r = fx.run(fx.java(List.of(), "manyfiles", fx.scratch.toString()), SandboxFixture.limits(512, 128, 64, 128, 120));
        assertEquals(new SandboxResult(Status.DISK_CAP, -1, "disk cap (128 MB in the scratch folder)"), r.result(), r::toString);
        long written = ScratchUsage.measure(fx.scratch, Long.MAX_VALUE).bytes();
        // The folder is measured every 0.4 s, so what was written before the kill overshoots the cap by
        // what the hand-in writes in that time; bounded here by the 1 GB the test is about.
        assertTrue(written < 1L << 30, written + " B in scratch");
    }

    @Test
    void detachedProcessDiesWithTheSandbox() throws Exception {
        Path late = fx.scratch.resolve("late");
        Path escaped = outside.resolve("x");
        String detached = "sleep 3; touch " + late + "; touch " + escaped;
        Run r = fx.run(List.of("/bin/sh", "-c", "setsid nohup sh -c '" + detached + "' >/dev/null 2>&1 & echo started"),
                SandboxFixture.limits());
        assertEquals(new SandboxResult(Status.EXITED, 0, "exited with code 0"), r.result(), r::toString);
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(escaped.toString()));
        Thread.sleep(5000);
        assertFalse(Files.exists(late), "the detached process ran on after the sandbox ended");
        assertFalse(Files.exists(escaped));
    }

    @Test
    void closeKillsEveryProcessOfTheTree() throws Exception {
        Path late = fx.scratch.resolve("late");
        String detached = "sleep 4; touch " + late;
        SandboxSpec spec = fx.spec(List.of("/bin/sh", "-c",
                "setsid nohup sh -c '" + detached + "' >/dev/null 2>&1 & nohup sleep 60 & echo started; sleep 60"),
                SandboxFixture.limits(), List.of());
        SandboxResult result;
        try (Sandboxed s = new Bubblewrap().start(spec)) {
            for (int i = 0; i < 100 && SandboxFixture.hostProcessesMentioning(late.toString()).isEmpty(); i++) Thread.sleep(100);
            assertFalse(SandboxFixture.hostProcessesMentioning(late.toString()).isEmpty(), "the detached process never started");
            assertNull(s.result());
            s.close();
            result = s.result();
        }
        assertEquals(new SandboxResult(Status.KILLED, -1, "killed by the grader before it ended"), result);
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(late.toString()));
        Thread.sleep(6000);
        assertFalse(Files.exists(late));
    }

    @Test
    void aGraderThatDiesTakesItsSandboxesWithIt() throws Exception {
        Path escaped = outside.resolve("after-the-grader");
        Process grader = new ProcessBuilder(SandboxFixture.JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                DyingGrader.class.getName(), fx.scratch.toString(), escaped.toString()).redirectErrorStream(true).start();
        String said = new String(grader.getInputStream().readAllBytes());
        assertEquals(9, grader.waitFor(), said);
        assertTrue(said.contains("detached process running: true"), said);
        // bwrap's --die-with-parent: the kernel kills bwrap, then its PID namespace, when the grader's JVM is gone.
        for (int i = 0; i < 50 && !SandboxFixture.hostProcessesMentioning(escaped.toString()).isEmpty(); i++) Thread.sleep(100);
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(escaped.toString()));
        assertEquals(List.of(), SandboxFixture.hostProcessesMentioning(fx.scratch.toString()));
    }

    @Test
    void writesOutsideTheScratchFolderChangeNothing() throws Exception {
        Path repo = REPOSITORY;
        Path hostTmp = SandboxFixture.openFile(outside.resolve("host-tmp.txt"), "original\n");
        Path otherHandIn = SandboxFixture.openFolder(dir.resolve("other-hand-in"));
        Path otherNotes = SandboxFixture.openFile(otherHandIn.resolve("notes.txt"), "original\n");
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> targets = List.of(repo.resolve("README.md"), repo.resolve("sandbox-was-here"), hostTmp, outside.resolve("new"),
                otherNotes, home.resolve("sandbox-was-here"), home.resolve(".m2/sandbox-was-here"),
                Path.of("/usr/sandbox-was-here"), Path.of("/etc/passwd"), SandboxFixture.JAVA_HOME.resolve("release"),
                Path.of("/sandbox-was-here"));
        String readme = Files.readString(repo.resolve("README.md"));
        String release = Files.readString(SandboxFixture.JAVA_HOME.resolve("release"));
        String[] args = new String[targets.size() + 2];
        args[0] = "write";
        for (int i = 0; i < targets.size(); i++) args[i + 1] = targets.get(i).toString();
        args[args.length - 1] = fx.scratch.resolve("mine.txt").toString();
        Run r = fx.run(fx.java(List.of(), args), SandboxFixture.limits());
        assertEquals(Status.EXITED, r.result().status(), r::toString);
        assertTrue(r.log().contains("WROTE " + fx.scratch.resolve("mine.txt")), r::toString);
        for (Path p : targets) {
            assertTrue(r.log().contains("REFUSED " + p + ": "), () -> p + " was writable inside:\n" + r);
        }
        assertTrue(Files.exists(fx.scratch.resolve("mine.txt")));
        assertEquals(readme, Files.readString(repo.resolve("README.md")));
        assertEquals(release, Files.readString(SandboxFixture.JAVA_HOME.resolve("release")));
        assertEquals("original\n", Files.readString(hostTmp));
        assertEquals("original\n", Files.readString(otherNotes));
        for (Path p : List.of(repo.resolve("sandbox-was-here"), outside.resolve("new"), home.resolve("sandbox-was-here"),
                home.resolve(".m2/sandbox-was-here"), Path.of("/usr/sandbox-was-here"))) {
            assertFalse(Files.exists(p), p + " was written");
        }
        assertFalse(Files.readString(Path.of("/etc/passwd")).contains("written by a hand-in"));
    }

    @Test
    void instructorFilesAndMavenRepositoryAreNotVisible() throws Exception {
        Path repo = REPOSITORY;
        Path home = Path.of(System.getProperty("user.home"));
        Path ejmlJar = Path.of(org.ejml.data.DMatrixRMaj.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path otherHandIn = SandboxFixture.openFolder(dir.resolve("other-hand-in"));
        SandboxFixture.openFile(otherHandIn.resolve("notes.txt"), "answers\n");
        SandboxFixture.openFile(outside.resolve("secret.txt"), "secret\n");
        List<Path> hidden = List.of(repo.resolve("README.md"), repo.resolve("lib/src/main/java"), repo, repo.getParent(),
                home, home.resolve(".m2/repository"), ejmlJar, ejmlJar.getParent(), otherHandIn.resolve("notes.txt"),
                outside.resolve("secret.txt"), Path.of("/etc/shadow"), Path.of("/var/log"));
        String[] args = new String[hidden.size() + 2];
        args[0] = "read";
        for (int i = 0; i < hidden.size(); i++) args[i + 1] = hidden.get(i).toString();
        args[args.length - 1] = fx.classes.toString();
        Run r = fx.run(fx.java(List.of(), args), SandboxFixture.limits());
        assertEquals(Status.EXITED, r.result().status(), r::toString);
        assertTrue(r.log().contains("VISIBLE " + fx.classes), r::toString);
        for (Path p : hidden) assertTrue(r.log().contains("HIDDEN " + p + ":"), () -> p + " is visible:\n" + r);
    }

    @Test
    void ownMemoryIsReadableAndNoOtherProcessIsVisible() throws Exception {
        Run r = fx.run(fx.java(List.of(), "proc"), SandboxFixture.limits());
        assertEquals(Status.EXITED, r.result().status(), r::toString);
        assertTrue(r.log().contains("OWN MEMORY read 16 bytes"), r::toString);
        assertTrue(r.log().contains("PID 1 MEMORY DENIED"), r::toString);
        List<String> processes = r.log().lines().filter(l -> l.startsWith("PROCESS ")).toList();
        // bwrap's init as PID 1 and the hand-in's JVM: no process of the host, not the grader's JVM.
        assertEquals(2, processes.size(), r::toString);
        assertTrue(processes.get(0).startsWith("PROCESS 1 " + BwrapArgs.BWRAP + " "), r::toString);
        assertTrue(processes.get(1).contains(" " + SandboxFixture.JAVA), r::toString);
    }

    @Test
    void sandboxesSideBySideCannotSeeEachOther() throws Exception {
        // Parallel grading: another hand-in's sandbox runs (its marker in its command line) while this one looks.
        SandboxFixture other = new SandboxFixture(Files.createDirectories(dir.resolve("other")));
        String marker = "other-hand-in-" + ProcessHandle.current().pid();
        SandboxSpec spec = other.spec(List.of("/bin/sh", "-c", "echo secret > notes.txt; sleep 60; echo " + marker),
                SandboxFixture.limits(), List.of());
        try (Sandboxed running = new Bubblewrap().start(spec)) {
            for (int i = 0; i < 100 && SandboxFixture.hostProcessesMentioning(marker).isEmpty(); i++) Thread.sleep(100);
            assertFalse(SandboxFixture.hostProcessesMentioning(marker).isEmpty(), "the other sandbox never started");
            Run r = fx.run(fx.java(List.of(), "proc"), SandboxFixture.limits());
            assertEquals(2, r.log().lines().filter(l -> l.startsWith("PROCESS ")).count(), r::toString);
            assertFalse(r.log().contains(marker), r::toString);
            Run read = fx.run(fx.java(List.of(), "read", other.scratch.resolve("notes.txt").toString()), SandboxFixture.limits());
            assertTrue(read.log().contains("HIDDEN " + other.scratch.resolve("notes.txt") + ":"), read::toString);
            assertNull(running.result());
        }
    }

    @Test
    void noUserNamespaceInside() throws Exception {
        // A user namespace would give the hand-in every capability inside it: the usual way into kernel bugs.
        Run r = fx.run(List.of("/bin/sh", "-c", "/usr/bin/unshare -U -r /usr/bin/id; echo \"unshare $?\"; "
                + "/usr/bin/unshare -U -r /bin/true 2>&1 | head -1"), SandboxFixture.limits());
        assertEquals(Status.EXITED, r.result().status(), r::toString);
        assertTrue(r.log().contains("unshare 1"), r::toString);
        assertTrue(r.log().contains("unshare failed: Operation not permitted"), r::toString);
        assertFalse(r.log().contains("uid=0"), r::toString);
    }

    @Test
    void noNetworkButLoopback() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed, so nothing leaves the machine even without a sandbox.
        Run r = fx.run(fx.java(List.of(), "connect", "192.0.2.1", "80"), SandboxFixture.limits());
        assertEquals(Status.EXITED, r.result().status(), r::toString);
        assertTrue(r.log().contains("NO ROUTE 192.0.2.1: java.net.SocketException: Network is unreachable"), r::toString);
        assertTrue(r.log().contains("INTERFACES lo\n"), r::toString);
    }
}
