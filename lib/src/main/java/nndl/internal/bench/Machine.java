package nndl.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
