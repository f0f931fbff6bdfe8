package nndl.kernel;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nndl.kernel.cell.MagicArgs;

/**
 * The kernel's settings, read from JJava's environment variables so that existing JJava setups
 * keep working.
 *
 * @param workingDirectory where relative paths of magics and of these settings start
 * @param classpath        {@code JJAVA_CLASSPATH}: path-separator list of jars, directories or globs
 * @param timeout          {@code JJAVA_TIMEOUT}: bound per top-level statement, {@code null} for none
 * @param compilerOptions  {@code JJAVA_COMPILER_OPTS}: extra javac options
 * @param startupScripts   {@code JJAVA_STARTUP_SCRIPTS_PATH}: .jsh files (or globs) run before the first cell
 * @param startupScript    {@code JJAVA_STARTUP_SCRIPT}: code run before the first cell, or empty
 * @param outputCapBytes   {@code NNDL_KERNEL_OUTPUT_CAP}: output one cell shows (head and tail) before
 *                         the rest is left out, with a notice
 */
public record KernelConfig(Path workingDirectory, List<String> classpath, Duration timeout,
                           List<String> compilerOptions, List<String> startupScripts, String startupScript,
                           long outputCapBytes) {
    /** Output shown per cell unless {@code NNDL_KERNEL_OUTPUT_CAP} says otherwise: 10 MB. */
    public static final long DEFAULT_OUTPUT_CAP = 10L * 1024 * 1024;
    private static final Pattern TIMEOUT = Pattern.compile("\\s*(-?\\d+)\\s*([A-Za-z]*)\\s*");
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([KMG]?)B?\\s*", Pattern.CASE_INSENSITIVE);

    /** Copies the lists; {@code timeout} must be positive or {@code null}. */
    public KernelConfig {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        classpath = List.copyOf(classpath);
        compilerOptions = List.copyOf(compilerOptions);
        startupScripts = List.copyOf(startupScripts);
        startupScript = startupScript == null ? "" : startupScript;
        if (outputCapBytes < 1024) {
            throw new IllegalArgumentException("KernelConfig: the output cap must be at least 1 KB, got " + outputCapBytes);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("KernelConfig: timeout must be positive or null, got " + timeout);
        }
    }

    /**
     * The settings in {@code env} (normally {@link System#getenv()}).
     *
     * @throws IllegalArgumentException naming the variable if a value cannot be read
     */
    public static KernelConfig fromEnvironment(Map<String, String> env, Path workingDirectory) {
        return new KernelConfig(workingDirectory,
                pathList(env.get("JJAVA_CLASSPATH")),
                timeout(env.get("JJAVA_TIMEOUT")),
                words("JJAVA_COMPILER_OPTS", env.get("JJAVA_COMPILER_OPTS")),
                pathList(env.get("JJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("JJAVA_STARTUP_SCRIPT", ""),
                outputCap(env.get("NNDL_KERNEL_OUTPUT_CAP")));
    }

    /**
     * Reads an output cap: bytes ({@code 1048576}) or a number with {@code KB}, {@code MB} or
     * {@code GB} (powers of 1024); the default when unset.
     *
     * @throws IllegalArgumentException if {@code text} is neither, or under 1 KB
     */
    static long outputCap(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_OUTPUT_CAP;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("NNDL_KERNEL_OUTPUT_CAP: cannot read '" + text + "' (expected e.g. 10MB or 500KB)");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        long bytes = Long.parseLong(m.group(1)) << shift;
        if (bytes < 1024) {
            throw new IllegalArgumentException("NNDL_KERNEL_OUTPUT_CAP: '" + text + "' is under the least cap, 1KB");
        }
        return bytes;
    }

    /**
     * Reads a JJava time-out: milliseconds ({@code 30000}), or a number and a
     * {@link TimeUnit} name ({@code 30 SECONDS}, {@code 5 minutes}); zero or less means none.
     *
     * @throws IllegalArgumentException if {@code text} is neither
     */
    static Duration timeout(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TIMEOUT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("JJAVA_TIMEOUT: cannot read '" + text + "' (expected e.g. 30000 or 30 SECONDS)");
        }
        long amount = Long.parseLong(m.group(1));
        TimeUnit unit = unit(m.group(2), text);
        return amount <= 0 ? null : Duration.ofNanos(unit.toNanos(amount));
    }

    private static TimeUnit unit(String name, String text) {
        if (name.isEmpty()) {
            return TimeUnit.MILLISECONDS;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (TimeUnit unit : TimeUnit.values()) {
            if (unit.name().equals(upper) || unit.name().equals(upper + "S")) {
                return unit;
            }
        }
        throw new IllegalArgumentException("JJAVA_TIMEOUT: unknown unit '" + name + "' in '" + text + "'");
    }

    private static List<String> pathList(String text) {
        List<String> entries = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    private static List<String> words(String variable, String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return MagicArgs.split(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }
}
