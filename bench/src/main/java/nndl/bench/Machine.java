package nndl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a benchmark ran on: processors, CPU model and load, so noisy numbers can be read in context. */
public final class Machine {
    private Machine() {
    }

    /** One line, e.g. "2 processors, Intel(R) Xeon(R) Processor, load average 0.52 0.61 0.40, Java 17.0.15". */
    public static String describe() {
        return Runtime.getRuntime().availableProcessors() + " processors, " + cpuModel()
                + ", load average " + loadAverage() + ", Java " + System.getProperty("java.version");
    }

    /** The CPU model name from /proc/cpuinfo, or os.arch where that is not readable. */
    public static String cpuModel() {
        return firstLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse(System.getProperty("os.arch"));
    }

    /** The CPU feature flags from /proc/cpuinfo (empty where that is not readable). */
    public static Set<String> cpuFlags() {
        return firstLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("flags"))
                .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toUnmodifiableSet()))
                .findFirst().orElse(Set.of());
    }

    /**
     * The OPENBLAS_CORETYPE whose kernels this CPU can run, for when OpenBLAS does not recognise a
     * newer CPU and falls back to its SSE3 "Prescott" kernels: SkylakeX with AVX-512, Haswell with
     * AVX2 and FMA; null otherwise.
     */
    public static String suggestedOpenBlasCore() {
        Set<String> flags = cpuFlags();
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl"))) {
            return "SkylakeX";
        }
        return flags.containsAll(Set.of("avx2", "fma")) ? "Haswell" : null;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown". */
    public static String loadAverage() {
        List<String> lines = firstLines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    private static List<String> firstLines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.limit(64).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
