package nndl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a NumPy reference script ({@code bench/src/main/python/*.py}) and reads back its timings: lines
 * {@code numpy.runs.<key>=<seconds> <seconds> ...} become {@link Timing}s keyed by {@code <key>}, every
 * other {@code numpy.<key>=<text>} line an info entry. The script's own table is echoed for the log.
 *
 * @param timings recorded runs by key, e.g. "floor", "xw1t"
 * @param info    other reported values by key, e.g. "version"
 * @param problem why the reference could not run, or null when it did
 */
public record NumpyReference(Map<String, Timing> timings, Map<String, String> info, String problem) {

    /**
     * Runs {@code python script args...} and parses its output.
     *
     * @param python the interpreter with NumPy (on Debian, /usr/bin/python3)
     * @param script the reference script
     * @param args   its arguments (iterations, runs, ...)
     * @param unset  environment variables removed for the child, e.g. to time NumPy as installed
     * @return the parsed timings, or an empty result naming the problem
     */
    public static NumpyReference run(String python, Path script, List<String> args, List<String> unset) {
        return run(python, script, args, unset, Map.of());
    }

    /**
     * As {@link #run(String, Path, List, List)}, then setting {@code set} in the child's environment
     * (e.g. OPENBLAS_NUM_THREADS=1).
     */
    public static NumpyReference run(String python, Path script, List<String> args, List<String> unset, Map<String, String> set) {
        if (!Files.isRegularFile(script)) {
            return failed("no script at " + script.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            unset.forEach(builder.environment()::remove);
            builder.environment().putAll(set);
            Process process = builder.start();
            Map<String, Timing> timings = new LinkedHashMap<>();
            Map<String, String> info = new LinkedHashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!parse(line, timings, info)) {
                        System.out.println("  | " + line);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || timings.isEmpty()) {
                return failed(String.join(" ", command) + " exited with " + exit + " and " + timings.size() + " timings");
            }
            return new NumpyReference(timings, info, null);
        } catch (IOException e) {
            return failed("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    /** Runs {@code python script args...} in this process's environment. */
    public static NumpyReference run(String python, Path script, List<String> args) {
        return run(python, script, args, List.of());
    }

    /** The timing under {@code key}, or null when the script did not report it. */
    public Timing timing(String key) {
        return timings.get(key);
    }

    private static boolean parse(String line, Map<String, Timing> timings, Map<String, String> info) {
        if (!line.startsWith("numpy.") || !line.contains("=")) {
            return false;
        }
        String key = line.substring("numpy.".length(), line.indexOf('='));
        String value = line.substring(line.indexOf('=') + 1).trim();
        if (key.startsWith("runs.")) {
            try {
                double[] seconds = Arrays.stream(value.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
                timings.put(key.substring("runs.".length()), new Timing("numpy " + key, seconds));
                return true;
            } catch (NumberFormatException e) {
                // Reported below as information, so a malformed line stays visible.
            }
        }
        info.put(key, value);
        return true;
    }

    private static NumpyReference failed(String problem) {
        return new NumpyReference(Map.of(), Map.of(), problem);
    }
}
