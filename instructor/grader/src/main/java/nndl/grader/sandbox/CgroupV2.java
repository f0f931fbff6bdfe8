package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sandbox's cgroup v2 group, {@code <cgroup2 mount>/nndl-sandbox/run-<pid>-<n>}: memory.max with
 * memory.swap.max 0, and pids.max. The parent {@code nndl-sandbox} holds no process, so the memory and
 * pids controllers can be enabled for its children (cgroup v2's no-internal-process rule); it sits at
 * the top of the hierarchy because the grader's own group usually holds processes. Needs root.
 */
final class CgroupV2 implements Cgroup {
    private static final String PARENT = "nndl-sandbox";
    private static final String PREFIX = "run-";
    private static final AtomicLong NEXT = new AtomicLong();

    private final Path group;

    private CgroupV2(Path group) {
        this.group = group;
    }

    /** The cgroup2 mount point, or null. */
    static Path mount() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] halves = line.split(" - ", 2);
            if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) return Path.of(halves[0].split(" ")[4]);
        }
        return null;
    }

    /** True when a cgroup2 hierarchy is mounted with both the memory and the pids controller available. */
    static boolean mounted() {
        try {
            Path mount = mount();
            if (mount == null) return false;
            List<String> controllers = List.of(Files.readString(mount.resolve("cgroup.controllers")).trim().split("\\s+"));
            return controllers.contains("memory") && controllers.contains("pids");
        } catch (IOException e) {
            return false;
        }
    }

    static void removeStale() throws IOException {
        Cgroup.removeStale(mount().resolve(PARENT), PREFIX);
    }

    /** The parent group, made once, with memory and pids enabled for its children. */
    private static synchronized Path parent() throws IOException {
        Path mount = mount();
        enable(mount);
        Path parent = mount.resolve(PARENT);
        if (!Files.isDirectory(parent)) Files.createDirectory(parent);
        enable(parent);
        return parent;
    }

    private static void enable(Path group) throws IOException {
        String enabled = Files.readString(group.resolve("cgroup.subtree_control"));
        for (String controller : List.of("memory", "pids")) {
            if (!List.of(enabled.trim().split("\\s+")).contains(controller)) {
                Files.writeString(group.resolve("cgroup.subtree_control"), "+" + controller, StandardCharsets.US_ASCII);
            }
        }
    }

    static Cgroup create(Limits limits) throws IOException {
        Path group = Files.createDirectory(parent().resolve(PREFIX + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet()));
        CgroupV2 made = new CgroupV2(group);
        try {
            Files.writeString(group.resolve("memory.max"), Long.toString(limits.memoryBytes()), StandardCharsets.US_ASCII);
            Path swap = group.resolve("memory.swap.max");
            if (Files.exists(swap)) Files.writeString(swap, "0", StandardCharsets.US_ASCII);
            Files.writeString(group.resolve("pids.max"), Integer.toString(limits.maxProcesses()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            made.remove();
            throw e;
        }
        return made;
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(group.resolve("cgroup.procs"));
    }

    /** memory.events' oom_kill. */
    @Override
    public long oomKills() {
        return Cgroup.counter(group.resolve("memory.events"), "oom_kill");
    }

    /** pids.events' max. */
    @Override
    public long processCapHits() {
        return Cgroup.counter(group.resolve("pids.events"), "max");
    }

    @Override
    public List<Long> members() {
        return Cgroup.pids(group.resolve("cgroup.procs"));
    }

    /** cgroup.kill (Linux 5.14+) kills the whole group at once, forks included; then the member-by-member sweep. */
    @Override
    public boolean killAll(int attempts) throws InterruptedException {
        Path kill = group.resolve("cgroup.kill");
        if (Files.exists(kill)) {
            try {
                Files.writeString(kill, "1", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                // fall back to the sweep
            }
        }
        return Cgroup.super.killAll(attempts);
    }

    @Override
    public void remove() throws IOException {
        Files.deleteIfExists(group);
    }

    @Override
    public String toString() {
        return group.toString();
    }
}
