package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control groups of one sandbox: its memory cap (heap and off-heap, no swap) and its cap on
 * processes and threads, per sandbox rather than per uid. cgroup v1 ({@link CgroupV1}) where the
 * memory and pids controllers are v1 hierarchies, else cgroup v2 ({@link CgroupV2}).
 */
interface Cgroup {

    /** Null when groups with both caps can be made here, else why not (one line). Removes empty groups left by a dead grader. */
    static String unavailableBecause() {
        try {
            if (CgroupV1.mounted()) {
                CgroupV1.removeStale();
            } else if (CgroupV2.mounted()) {
                CgroupV2.removeStale();
            } else {
                return "no cgroup memory and pids controllers (neither cgroup v1 hierarchies nor enabled in cgroup v2;"
                        + " see `mount | grep cgroup`)";
            }
            create(new Limits(64L << 20, 8, 1L << 20, 1L << 20, Duration.ofSeconds(1))).remove();
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot create a cgroup for the sandbox's memory and process caps: "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied: " : "") + e.getMessage()
                    + " (run grade as root)";
        }
    }

    /** Makes the groups with {@code limits}' memory and process caps. */
    static Cgroup create(Limits limits) throws IOException {
        return CgroupV1.mounted() ? CgroupV1.create(limits) : CgroupV2.create(limits);
    }

    /** The cgroup.procs files the sandbox's first process writes its pid into, before it execs bwrap. */
    List<Path> procsFiles();

    /** How many processes the kernel's OOM killer ended in the group. */
    long oomKills();

    /** How many fork/clone calls the process cap refused. */
    long processCapHits();

    /** The pids of every process still in the tree. */
    List<Long> members();

    /** Removes the groups (they must be empty). */
    void remove() throws IOException;

    /**
     * SIGKILLs every member until the group is empty (a member may fork while it is being killed; the
     * process cap bounds how often). Returns false if members remain after {@code attempts}.
     */
    default boolean killAll(int attempts) throws InterruptedException {
        for (int i = 0; i < attempts; i++) {
            List<Long> left = members();
            if (left.isEmpty()) return true;
            for (long pid : left) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(Math.min(5L << i, 200));
        }
        return members().isEmpty();
    }

    /** The value of {@code key} in a flat-keyed cgroup file ("key value" lines), 0 when absent. */
    static long counter(Path file, String key) {
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

    /** The pids listed in a cgroup.procs file. */
    static List<Long> pids(Path procs) {
        List<Long> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(procs)) {
                if (!line.isBlank()) out.add(Long.parseLong(line.trim()));
            }
        } catch (IOException | NumberFormatException e) {
            return out;
        }
        return out;
    }

    /** Removes the empty groups named {@code prefix}* under {@code parent}; groups still in use stay. */
    static void removeStale(Path parent, String prefix) {
        try (var children = Files.list(parent)) {
            children.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> {
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
}
