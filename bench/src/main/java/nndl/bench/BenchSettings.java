package nndl.bench;

import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link Bench}.
 *
 * @param iterations  training iterations per timed run (≥ 1); times are reported per 1,000
 * @param runs        recorded runs of the step, the floor and NumPy (≥ 1)
 * @param warmups     unrecorded runs before them (≥ 0)
 * @param sweepRuns   recorded runs of the quick sweep, each sequential then parallel (≥ 0; 0 skips the sweep)
 * @param threads     threads of the parallel sweep (≥ 1)
 * @param python      interpreter with NumPy
 * @param numpyScript NumPy reference script, or null to skip NumPy
 * @param full        whether to time the five notebooks on full-size (tiled) data too
 */
public record BenchSettings(int iterations, int runs, int warmups, int sweepRuns, int threads, String python,
                            String numpyScript, boolean full) {
    private static final Set<String> WITH_VALUE = Set.of("--iterations", "--runs", "--warmups", "--sweep-runs", "--threads",
            "--python", "--numpy-script");

    /** Validates the counts. */
    public BenchSettings {
        if (iterations < 1 || runs < 1 || warmups < 0 || sweepRuns < 0 || threads < 1) {
            throw new IllegalArgumentException("BenchSettings: need iterations, runs, threads ≥ 1 and warmups, sweep-runs ≥ 0, got "
                    + iterations + ", " + runs + ", " + threads + " and " + warmups + ", " + sweepRuns);
        }
    }

    /** The defaults: 1,000 iterations, 5 runs after 1 warm-up, 3 sweep runs on all processors, Debian's NumPy. */
    public static BenchSettings defaults() {
        return new BenchSettings(1000, 5, 1, 3, Runtime.getRuntime().availableProcessors(), "/usr/bin/python3",
                "bench/src/main/python/two_layer_step.py", false);
    }

    /**
     * Parses {@code --name value} options over the defaults.
     *
     * @param args  the command line
     * @param usage printed for --help
     * @return the settings, or null after printing the usage for --help
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad number
     */
    public static BenchSettings parse(String[] args, String usage) {
        return CommandLine.parse(args, usage, defaults(), WITH_VALUE,
                Map.of("--no-numpy", s -> s.withNumpyScript(null), "--full", s -> s.withFull(true)), (s, name, value) ->
                switch (name) {
                    case "--iterations" -> s.withIterations(CommandLine.number(name, value));
                    case "--runs" -> s.withRuns(CommandLine.number(name, value));
                    case "--warmups" -> s.withWarmups(CommandLine.number(name, value));
                    case "--sweep-runs" -> s.withSweepRuns(CommandLine.number(name, value));
                    case "--threads" -> s.withThreads(CommandLine.number(name, value));
                    case "--python" -> s.withPython(value);
                    case "--numpy-script" -> s.withNumpyScript(value);
                    default -> throw new IllegalStateException("option " + name + " is listed but not handled");
                });
    }

    /** A copy with {@code iterations} per timed run. */
    public BenchSettings withIterations(int iterations) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy with {@code runs} recorded runs. */
    public BenchSettings withRuns(int runs) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy with {@code warmups} unrecorded runs. */
    public BenchSettings withWarmups(int warmups) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy with {@code sweepRuns} recorded sweep runs (0: no sweep). */
    public BenchSettings withSweepRuns(int sweepRuns) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy whose parallel sweep runs on {@code threads} threads. */
    public BenchSettings withThreads(int threads) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy using the interpreter {@code python}. */
    public BenchSettings withPython(String python) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy using the NumPy reference {@code numpyScript}, or none when null. */
    public BenchSettings withNumpyScript(String numpyScript) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }

    /** A copy that does (or does not) time the notebooks on full-size data. */
    public BenchSettings withFull(boolean full) {
        return new BenchSettings(iterations, runs, warmups, sweepRuns, threads, python, numpyScript, full);
    }
}
