package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sandbox's pair of cgroup v1 groups: {@code memory} (heap and off-heap, tmpfs pages, no swap)
 * and {@code pids} (processes and threads). Created below this JVM's own groups, so a limit set on
 * the grader applies to its sandboxes too. The sandbox's first process writes itself into
 * {@link #procsFiles()} before it execs bwrap, so every process of the tree is counted from its
 * first instruction on.
 */
final class CgroupV1 {
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

    /** Null when memory and pids groups can be made here, else why not (one line). */
    static String unavailableBecause() {
        try {
            Path memory = ownGroup("memory");
            Path pids = ownGroup("pids");
            if (memory == null || pids == null) {
                return "no cgroup v1 " + (memory == null ? "memory" : "pids") + " controller mounted"
                        + " (see `mount | grep cgroup`; cgroup v2-only hosts are not supported yet)";
            }
            removeStale(memory);
            removeStale(pids);
            CgroupV1 probe = create(new Limits(64L << 20, 8, 1L << 20, 1L << 20, java.time.Duration.ofSeconds(1)));
            probe.remove();
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot create a cgroup for the sandbox's memory and process caps: " + e.getMessage()
                    + " (run grade as root)";
        }
    }

    /** Groups left by a grader that died; only empty ones can be removed, which is all that is wanted. */
    private static void removeStale(Path parent) {
        try (var children = Files.list(parent)) {
            children.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException stillInUse) {
                    // a running sandbox of another grader on this machine
                }
            });
        } catch (IOException ignored) {
            // nothing listed, nothing to clean
        }
    }

    /** Makes the two groups with {@code limits}' memory (no swap beyond it) and process caps. */
    static CgroupV1 create(Limits limits) throws IOException {
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

    /** The files the first process writes its pid into (joining both groups). */
    List<Path> procsFiles() {
        return List.of(memory.resolve("cgroup.procs"), pids.resolve("cgroup.procs"));
    }

    /** How many processes the kernel's OOM killer ended in this group (memory.oom_control's oom_kill). */
    long oomKills() {
        return counter(memory.resolve("memory.oom_control"), "oom_kill");
    }

    /** How many fork/clone calls the process cap refused (pids.events' max). */
    long processCapHits() {
        return counter(pids.resolve("pids.events"), "max");
    }

    /** The group's peak memory use in bytes. */
    long peakMemory() {
        try {
            return Long.parseLong(Files.readString(memory.resolve("memory.max_usage_in_bytes")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) return Long.parseLong(kv[1]);
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The pids of every process still in the tree. */
    List<Long> members() {
        List<Long> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(pids.resolve("cgroup.procs"))) {
                if (!line.isBlank()) out.add(Long.parseLong(line.trim()));
            }
        } catch (IOException | NumberFormatException e) {
            return out;
        }
        return out;
    }

    /**
     * SIGKILLs every member until the group is empty (a member may fork while it is being killed;
     * the process cap bounds how often). Returns false if members remain after {@code attempts}.
     */
    boolean killAll(int attempts) throws InterruptedException {
        for (int i = 0; i < attempts; i++) {
            List<Long> left = members();
            if (left.isEmpty()) return true;
            for (long pid : left) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(Math.min(5L << i, 200));
        }
        return members().isEmpty();
    }

    /** Removes both groups (they must be empty). */
    void remove() throws IOException {
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
