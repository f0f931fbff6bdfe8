package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * bubblewrap with every namespace but the user namespace unshared, an allowlist of read-only mounts,
 * the scratch folder the only writable host folder, and caps (docs/editions.md, "The sandbox").
 *
 * <p>As root (how CI and a grading machine run), bwrap creates no user namespace and the command runs
 * through {@code setpriv} as uid/gid 65534 with no capabilities and no-new-privileges, so even a file
 * mounted by mistake is protected by its permissions; the scratch folder is chowned to that uid. The
 * memory (heap and off-heap, including /tmp's tmpfs pages) and process/thread caps are cgroups
 * ({@link Cgroup}: v1 groups below the grader's own, or a v2 group), checked to hold by the probe; the file-size cap is RLIMIT_FSIZE; the scratch folder's disk use is
 * measured by walking it every 0.4 s (a file system quota would need the scratch folder on its own
 * file system); /tmp is a tmpfs of the disk cap's size.
 *
 * <p>Read-only paths must be readable by others (mode o+r, folders o+rx): the command runs as
 * another uid. Home folders, {@code ~/.m2}, the root and any folder holding the scratch folder (it
 * would show the other hand-ins beside it) are refused as read-only paths.
 */
public final class Bubblewrap implements Sandbox {
    private static volatile String unavailable;
    private static volatile boolean probed;
    private static volatile String version = "bubblewrap";
    private static Path etc;

    /** Null when the sandbox can start here, else why not (said by {@code grade} when it refuses). Probes once. */
    public static String unavailableBecause() {
        if (!probed) {
            synchronized (Bubblewrap.class) {
                if (!probed) {
                    unavailable = probe();
                    probed = true;
                }
            }
        }
        return unavailable;
    }

    private static String probe() {
        if (!Files.isExecutable(Path.of(BwrapArgs.BWRAP))) {
            return "bwrap not installed: apt-get install bubblewrap";
        }
        for (String tool : List.of(BwrapArgs.PRLIMIT, BwrapArgs.SETPRIV)) {
            if (!Files.isExecutable(Path.of(tool))) return tool + " not installed: apt-get install util-linux";
        }
        String cgroups = Cgroup.unavailableBecause();
        if (cgroups != null) return cgroups;
        Path scratch = null;
        try {
            version = firstLine(new ProcessBuilder(BwrapArgs.BWRAP, "--version").redirectErrorStream(true).start());
            scratch = Files.createTempDirectory("nndl-sandbox-probe");
            Path log = Files.createTempFile("nndl-sandbox-probe", ".log");
            // Writes the scratch folder, and fails if any network interface but lo is visible.
            SandboxSpec spec = new SandboxSpec(List.of("/bin/sh", "-c",
                    "touch ok && test \"$(grep -c : /proc/net/dev)\" = 1 || { echo 'network namespace not private'; exit 3; }; "
                            + "! /usr/bin/unshare -U /bin/true 2>/dev/null || { echo 'user namespaces not blocked inside'; exit 4; }"),
                    scratch, scratch, List.of(), Map.of("PATH", "/usr/bin:/bin"),
                    new Limits(256L << 20, 16, 1L << 20, 1L << 20, Duration.ofSeconds(60)), log);
            SandboxResult result = runOnce(spec);
            String said = Files.readString(log, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            Files.deleteIfExists(log);
            if (result.status() != SandboxResult.Status.EXITED || result.exitCode() != 0 || !Files.exists(scratch.resolve("ok"))) {
                String hint = said.contains("namespace") ? " (user namespaces disabled? see sysctl user.max_user_namespaces)" : "";
                return "bwrap cannot start a sandbox here: " + (said.isEmpty() ? result.detail() : said) + hint;
            }
            // The caps hold on this host: 64 MB of dd's buffer under a 32 MB cap, 20 processes under a cap of 8.
            Limits small = new Limits(32L << 20, 8, 1L << 20, 1L << 20, Duration.ofSeconds(60));
            SandboxResult memory = runOnce(new SandboxSpec(List.of("/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"),
                    scratch, scratch, List.of(), Map.of(), small, log));
            if (memory.status() != SandboxResult.Status.MEMORY_CAP) {
                return "the sandbox's memory cap does not hold here: 64 MB under a 32 MB cap ended as " + memory.detail();
            }
            SandboxResult processes = runOnce(new SandboxSpec(List.of("/bin/sh", "-c",
                    "i=0; while [ $i -lt 20 ]; do sleep 5 & i=$((i+1)); done; wait"), scratch, scratch, List.of(), Map.of(), small, log));
            Files.deleteIfExists(log);
            if (processes.status() != SandboxResult.Status.PROCESS_CAP) {
                return "the sandbox's process cap does not hold here: 20 processes under a cap of 8 ended as " + processes.detail();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "bwrap cannot start a sandbox here: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing bwrap";
        } finally {
            if (scratch != null) deleteTree(scratch);
        }
    }

    private static SandboxResult runOnce(SandboxSpec spec) throws IOException, InterruptedException {
        try (BubblewrapRun run = startChecked(spec)) {
            return run.waitFor();
        }
    }

    private static String firstLine(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out.lines().findFirst().orElse("bubblewrap");
    }

    /**
     * Starts {@code spec.command()} in a new sandbox. The scratch folder is chowned to the sandbox's
     * uid when the grader is root.
     *
     * @throws IOException when the sandbox cannot start here ({@link #unavailableBecause()}), a
     *                     path does not exist, or the program is not inside a mounted folder
     * @throws IllegalArgumentException when a read-only path would show what must stay hidden
     */
    @Override
    public Sandboxed start(SandboxSpec spec) throws IOException {
        String why = unavailableBecause();
        if (why != null) throw new IOException("no sandbox: " + why);
        return startChecked(spec);
    }

    private static BubblewrapRun startChecked(SandboxSpec spec) throws IOException {
        SandboxPaths.check(spec, root());
        if (root()) chownTree(spec.scratch(), BwrapArgs.SANDBOX_UID);
        ScratchUsage before = ScratchUsage.measure(spec.scratch(), spec.limits().maxFileBytes());
        Cgroup cgroup = Cgroup.create(spec.limits());
        List<String> command = BwrapArgs.command(spec, root() ? BwrapArgs.Mode.ROOT : BwrapArgs.Mode.USER,
                etc(), cgroup.procsFiles());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.redirectErrorStream(spec.log() != null);
        try {
            return new BubblewrapRun(builder.start(), cgroup, spec, before);
        } catch (IOException | RuntimeException e) {
            cgroup.remove();
            throw e;
        }
    }

    /** Whether the grader runs as root (how grading machines and CI run; the sandbox's tests need it). */
    static boolean root() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The sandbox's own /etc/hosts (its hostname on loopback), passwd and group (root and nobody only). */
    private static synchronized Path etc() throws IOException {
        if (etc == null) {
            Path dir = Files.createTempDirectory("nndl-sandbox-etc");
            // deleteOnExit deletes in reverse order of registration: the files, then their folder.
            dir.toFile().deleteOnExit();
            Set<PosixFilePermission> readable = PosixFilePermissions.fromString("rw-r--r--");
            Files.writeString(dir.resolve("hosts"), "127.0.0.1\tlocalhost " + BwrapArgs.HOSTNAME + "\n::1\tlocalhost\n");
            Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                    + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
            Files.writeString(dir.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
            Files.write(dir.resolve(BwrapArgs.SECCOMP_FILE), Seccomp.program());
            for (String name : List.of("hosts", "passwd", "group", BwrapArgs.SECCOMP_FILE)) {
                Files.setPosixFilePermissions(dir.resolve(name), readable);
                dir.resolve(name).toFile().deleteOnExit();
            }
            etc = dir;
        }
        return etc;
    }

    private static void chownTree(Path root, int uid) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                own(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                own(file);
                return FileVisitResult.CONTINUE;
            }

            private void own(Path p) throws IOException {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        });
    }

    static void deleteTree(Path root) {
        try {
            List<Path> all = new ArrayList<>();
            try (var walk = Files.walk(root)) {
                walk.forEach(all::add);
            }
            for (int i = all.size() - 1; i >= 0; i--) Files.deleteIfExists(all.get(i));
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    @Override
    public String describe() {
        String who = (root() ? "uid 65534 without capabilities" : "the grader's uid in a user namespace")
                + (Seccomp.supported() ? ", no user namespaces (seccomp)" : "");
        return version + ": own PID, mount, network (loopback only), IPC and UTS namespaces; read-only /usr and"
                + " pieces of /etc, fresh /tmp, only the scratch folder writable; " + who
                + "; " + (CgroupV1.mounted() ? "cgroup v1" : "cgroup v2")
                + " memory and process caps, RLIMIT_FSIZE, scratch disk cap, wall clock";
    }
}
