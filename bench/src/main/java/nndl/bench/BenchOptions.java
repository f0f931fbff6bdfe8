package nndl.bench;

import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the benchmarks.
 *
 * @param iterations     steps per timed run (≥ 1); times are reported per 1,000
 * @param runs           recorded runs (≥ 1)
 * @param warmups        unrecorded runs first (≥ 0)
 * @param ejmlIterations steps per run on EJML when it is not the active backend (≥ 1)
 * @param parallel       configurations run at once in the parallel measurement (≥ 1; 1 skips it)
 * @param python         interpreter with NumPy
 * @param numpyScript    NumPy reference script, or null to skip NumPy
 */
public record BenchOptions(int iterations, int runs, int warmups, int ejmlIterations, int parallel,
                           String python, String numpyScript) {
    private static final Set<String> WITH_VALUE = Set.of("--iterations", "--runs", "--warmups", "--ejml-iterations",
            "--parallel", "--python", "--numpy-script");

    /** Validates the counts. */
    public BenchOptions {
        if (iterations < 1 || runs < 1 || warmups < 0 || ejmlIterations < 1 || parallel < 1) {
            throw new IllegalArgumentException("BenchOptions: need iterations, runs, ejml-iterations, parallel ≥ 1 and warmups ≥ 0, got "
                    + iterations + ", " + runs + ", " + ejmlIterations + ", " + parallel + " and " + warmups);
        }
    }

    /** The defaults: 1,000 iterations, 5 runs after 1 warm-up, EJML on 100, 2 at once, Debian's NumPy. */
    public static BenchOptions defaults() {
        return new BenchOptions(1000, 5, 1, 100, 2, "/usr/bin/python3", "bench/src/main/python/step_products.py");
    }

    /**
     * Parses {@code --name value} options over the defaults.
     *
     * @param args  the command line
     * @param usage printed for --help
     * @return the options, or null after printing the usage for --help
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad number
     */
    public static BenchOptions parse(String[] args, String usage) {
        return CommandLine.parse(args, usage, defaults(), WITH_VALUE, Map.of("--no-numpy", o -> o.withNumpyScript(null)), (o, name, value) ->
                switch (name) {
                    case "--iterations" -> o.withIterations(CommandLine.number(name, value));
                    case "--runs" -> o.withRuns(CommandLine.number(name, value));
                    case "--warmups" -> o.withWarmups(CommandLine.number(name, value));
                    case "--ejml-iterations" -> o.withEjmlIterations(CommandLine.number(name, value));
                    case "--parallel" -> o.withParallel(CommandLine.number(name, value));
                    case "--python" -> o.withPython(value);
                    case "--numpy-script" -> o.withNumpyScript(value);
                    default -> throw new IllegalStateException("option " + name + " is listed but not handled");
                });
    }

    /** A copy with {@code iterations} steps per timed run. */
    public BenchOptions withIterations(int iterations) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy with {@code runs} recorded runs. */
    public BenchOptions withRuns(int runs) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy with {@code warmups} unrecorded runs. */
    public BenchOptions withWarmups(int warmups) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy timing a non-active EJML on {@code ejmlIterations} steps per run. */
    public BenchOptions withEjmlIterations(int ejmlIterations) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy running {@code parallel} configurations at once in the parallel measurement. */
    public BenchOptions withParallel(int parallel) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy using the interpreter {@code python}. */
    public BenchOptions withPython(String python) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }

    /** A copy using the NumPy reference {@code numpyScript}, or none when null. */
    public BenchOptions withNumpyScript(String numpyScript) {
        return new BenchOptions(iterations, runs, warmups, ejmlIterations, parallel, python, numpyScript);
    }
}
