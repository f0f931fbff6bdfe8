package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sandbox's pair of cgroup v1 groups (hybrid hosts such as the CI's and this project's machines): {@code memory} (heap and off-heap, tmpfs pages, no swap)
 * and {@code pids} (processes and threads). Created below this JVM's own groups, so a limit set on
 * the grader applies to its sandboxes too. The sandbox's first process writes itself into
 * {@link #procsFiles()} before it execs bwrap, so every process of the tree is counted from its
 * first instruction on.
 */
final class CgroupV1 implements Cgroup {
    private static final String PREFIX = "nndl-sandbox-";
    private static final AtomicLong NEXT = new AtomicLong();

    private final Path memory;
    private final Path pids;

    private CgroupV1(Path memory, Path pids) {
        this.memory = memory;
        this.pids = pids;
    }

    /** This JVM's own group of {@code controller} (a directory of the mounted hierarchy), or null when it is not mounted. */
    static Path ownGroup(String controller) throws IOException {
        Path mount = null;
        String root = "/";
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            // mountinfo: id parent major:minor root mountpoint options - fstype source superoptions
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) continue;
            String[] head = halves[0].split(" ");
            String[] tail = halves[1].split(" ");
            if (tail.length < 3 || !tail[0].equals("cgroup")) continue;
            if (List.of(tail[2].split(",")).contains(controller)) {
                root = head[3];
                mount = Path.of(head[4]);
            }
        }
        if (mount == null) return null;
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                String path = parts[2];
                if (!root.equals("/") && path.startsWith(root)) path = path.substring(root.length());
                return path.isEmpty() || path.equals("/") ? mount : mount.resolve(path.substring(1));
            }
        }
        return mount;
    }

    /** True when both the memory and the pids controller are mounted as cgroup v1 hierarchies. */
    static boolean mounted() {
        try {
            return ownGroup("memory") != null && ownGroup("pids") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes empty groups left by a grader that died. */
    static void removeStale() throws IOException {
        Cgroup.removeStale(ownGroup("memory"), PREFIX);
        Cgroup.removeStale(ownGroup("pids"), PREFIX);
    }

    /** Makes the two groups with {@code limits}' memory (no swap beyond it) and process caps. */
    static Cgroup create(Limits limits) throws IOException {
        String name = PREFIX + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        Path memory = Files.createDirectory(ownGroup("memory").resolve(name));
        Path pids;
        try {
            pids = Files.createDirectory(ownGroup("pids").resolve(name));
        } catch (IOException e) {
            Files.delete(memory);
            throw e;
        }
        CgroupV1 group = new CgroupV1(memory, pids);
        try {
            write(memory.resolve("memory.limit_in_bytes"), limits.memoryBytes());
            Path swap = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(swap)) write(swap, limits.memoryBytes());
            write(pids.resolve("pids.max"), limits.maxProcesses());
        } catch (IOException e) {
            group.remove();
            throw e;
        }
        return group;
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value), StandardCharsets.US_ASCII);
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(memory.resolve("cgroup.procs"), pids.resolve("cgroup.procs"));
    }

    /** memory.oom_control's oom_kill: processes the kernel's OOM killer ended in this group. */
    @Override
    public long oomKills() {
        return Cgroup.counter(memory.resolve("memory.oom_control"), "oom_kill");
    }

    /** pids.events' max: fork/clone calls the process cap refused. */
    @Override
    public long processCapHits() {
        return Cgroup.counter(pids.resolve("pids.events"), "max");
    }

    @Override
    public List<Long> members() {
        return Cgroup.pids(pids.resolve("cgroup.procs"));
    }

    @Override
    public void remove() throws IOException {
        IOException first = null;
        for (Path group : List.of(pids, memory)) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public String toString() {
        return memory + " and " + pids;
    }
}
