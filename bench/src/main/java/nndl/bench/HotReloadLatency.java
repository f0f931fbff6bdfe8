package nndl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Save → re-run → new result through a real kernel: runs {@code bench/src/main/python/hot_reload_latency.py}
 * (the installed {@code java} kernelspec on a scratch copy of the library's sources; Relu.java rewritten
 * between runs of the same cell) and reads back its times.
 *
 * @param first   seconds for the first edit after the kernel started (the kernel's compiler still cold)
 * @param runs    the later edits, or null when not measured
 * @param problem why it could not be measured, or null
 */
public record HotReloadLatency(double first, Timing runs, String problem) {
    static final String SCRIPT = "bench/src/main/python/hot_reload_latency.py";

    /**
     * Measures {@code edits} edits after a first one.
     *
     * @param python  Debian's Python with jupyter_client
     * @param project the project root (lib/, display/target/dependency/, the script)
     * @param edits   timed edits after the first (≥ 1)
     */
    public static HotReloadLatency measure(String python, Path project, int edits) {
        Path script = project.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            return failed("no script at " + script);
        }
        List<String> command = List.of(python, "-Xfrozen_modules=off", script.toString(), "--project", project.toString(),
                "--runs", Integer.toString(edits));
        double first = Double.NaN;
        double[] runs = null;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("hot_reload.first_seconds=")) {
                        first = Double.parseDouble(line.substring(line.indexOf('=') + 1).trim());
                    } else if (line.startsWith("hot_reload.runs=")) {
                        runs = Arrays.stream(line.substring(line.indexOf('=') + 1).trim().split("\\s+"))
                                .mapToDouble(Double::parseDouble).toArray();
                    } else {
                        System.out.println("  | " + line);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || runs == null) {
                return failed(String.join(" ", command) + " exited with " + exit);
            }
            return new HotReloadLatency(first, new Timing("hot reload", runs), null);
        } catch (IOException | NumberFormatException e) {
            return failed("cannot run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    /** The machine-readable lines, {@code bench.hot_reload_seconds=} (median of the later edits) first. */
    List<String> machineLines() {
        if (problem != null) {
            return List.of();
        }
        return List.of("bench.hot_reload_seconds=" + String.format(Locale.ROOT, "%.2f", runs.median()),
                "bench.hot_reload_first_seconds=" + String.format(Locale.ROOT, "%.2f", first));
    }

    /** One line for the table. */
    String summary() {
        if (problem != null) {
            return "  hot reload (save → re-run → new result): not measured: " + problem;
        }
        return String.format(Locale.ROOT, "  hot reload (save → re-run → new result, real kernel): median %.2f s over %d edits "
                + "(%.2f-%.2f s), first edit after the kernel started %.2f s", runs.median(), runs.seconds().length,
                runs.min(), runs.max(), first);
    }

    /**
     * Measures on its own: {@code java -cp ... nndl.bench.HotReloadLatency [edits]} from the project root,
     * with JUPYTER_PATH holding the kernelspec.
     */
    public static void main(String[] args) {
        HotReloadLatency latency = measure("/usr/bin/python3", Path.of("").toAbsolutePath(), args.length > 0 ? Integer.parseInt(args[0]) : 5);
        System.out.println(latency.summary());
        latency.machineLines().forEach(System.out::println);
    }

    private static HotReloadLatency failed(String problem) {
        return new HotReloadLatency(Double.NaN, null, problem);
    }
}
