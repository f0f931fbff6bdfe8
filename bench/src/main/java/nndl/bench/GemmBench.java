package nndl.bench;

import nndl.internal.Gemm;
import nndl.internal.GemmBackend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The matrix-product floor of the seed's two-layer training step (N = 200, D = 3,072, H = 50,
 * C = 10): 1,000 iterations of the step's five products ({@link StepProducts}) on the native BLAS, on
 * EJML and, through {@code bench/src/main/python/step_products.py}, on NumPy; per product, for the
 * whole step, and with several configurations at once as a parallel sweep runs them.
 *
 * <p>Ends with {@code gemm.step_products_seconds_per_1000=<median on the active backend>}, one such line
 * per backend and for NumPy, and {@code gemm.blas=<active backend>}: the products of the step alone, not
 * {@link Bench}'s floor, which also holds the products of train()'s epoch checks. Run with {@code --help}
 * for the options.
 */
public final class GemmBench {
    private static final String USAGE = """
            Usage: GemmBench [--iterations N] [--runs N] [--warmups N] [--ejml-iterations N]
                             [--parallel N] [--python PATH] [--numpy-script PATH | --no-numpy]
              --iterations       steps per timed run (default 1000); times are reported per 1,000
              --runs             recorded runs, the median is reported (default 5)
              --warmups          unrecorded runs first (default 1)
              --ejml-iterations  steps per run on EJML when it is not the active backend (default 100)
              --parallel         configurations run at once in the parallel row (default 2; 1 skips it)
              --python           interpreter with NumPy (default /usr/bin/python3)
              --numpy-script     NumPy reference (default bench/src/main/python/step_products.py)
            The backend of Gemm is chosen as everywhere (NNDL_BLAS=native|java|auto). OpenBLAS reads
            OPENBLAS_NUM_THREADS and OPENBLAS_CORETYPE once, when the process starts; NumPy is timed
            with the same environment and, when either is set, once more without them (as installed).
            Run from the project root (the default script path is relative to it).
            """;
    private static final long SEED = 231;
    /** Environment variables with which OpenBLAS is tuned when it loads. */
    private static final List<String> OPENBLAS_SETTINGS = List.of("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS");

    /** Timings of one backend, all in seconds per 1,000 steps. */
    private record Result(Map<String, Timing> products, Timing floor, Timing parallel, int iterations) {
    }

    private GemmBench() {
    }

    /**
     * Runs the benchmark and prints its table and machine-readable lines to stdout.
     *
     * @param args options, see {@code --help}
     */
    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE);
        if (options == null) {
            return;
        }
        GemmBackend active = Gemm.backend();
        StepProducts step = StepProducts.seedSizes(SEED);
        System.out.println("GEMM floor of the two-layer training step: " + step);
        System.out.println("machine: " + Machine.describe());
        System.out.println("active backend: " + active.description());

        Map<GemmBackend, Result> results = measureBackends(active, step, options);
        NumpyReference numpy = null;
        NumpyReference numpyAsInstalled = null;
        if (options.numpyScript() != null) {
            numpy = runNumpy(options, false, List.of());
            List<String> tuned = OPENBLAS_SETTINGS.stream().filter(v -> System.getenv(v) != null).toList();
            if (numpy.problem() == null && !tuned.isEmpty()) {
                System.out.println("timing NumPy again without " + String.join(", ", tuned) + " (as installed) ...");
                numpyAsInstalled = runNumpy(options, true, tuned);
            }
        }
        printTable(step, results, numpy, options.parallel());
        printNotes(results, numpy, numpyAsInstalled);
        printMachineLines(active, results, numpy, numpyAsInstalled);
    }

    private static Map<GemmBackend, Result> measureBackends(GemmBackend active, StepProducts step, BenchOptions options)
            throws Exception {
        List<GemmBackend> backends = new ArrayList<>();
        Gemm.nativeBlas().ifPresentOrElse(backends::add,
                () -> System.out.println("native BLAS: not available (" + Gemm.nativeBlasProblem().orElse("?") + ")"));
        backends.add(Gemm.ejml());
        Map<GemmBackend, Result> results = new LinkedHashMap<>();
        for (GemmBackend backend : backends) {
            int iterations = backend == Gemm.ejml() && backend != active ? options.ejmlIterations() : options.iterations();
            System.out.printf(Locale.ROOT, "timing %s, %d steps per run ...%n", backend.description(), iterations);
            results.put(backend, measure(backend, step, iterations, options));
        }
        return results;
    }

    private static NumpyReference runNumpy(BenchOptions options, boolean floorOnly, List<String> unset) {
        List<String> args = new ArrayList<>(List.of("--iterations", "" + options.iterations(), "--runs", "" + options.runs(),
                "--warmups", "" + options.warmups()));
        if (floorOnly) {
            args.add("--floor-only");
        }
        return NumpyReference.run(options.python(), Path.of(options.numpyScript()), args, unset);
    }

    private static void printNotes(Map<GemmBackend, Result> results, NumpyReference numpy, NumpyReference numpyAsInstalled) {
        results.forEach((backend, r) -> {
            if (r.iterations() != 1000) {
                System.out.printf(Locale.ROOT, "%s: timed on %d steps per run, scaled to 1,000%n", backend.name(), r.iterations());
            }
        });
        if (numpy == null) {
            return;
        }
        if (numpy.problem() != null) {
            System.out.println("numpy: not measured (" + numpy.problem() + ")");
            return;
        }
        if (numpyAsInstalled != null && numpyAsInstalled.problem() == null) {
            System.out.println("numpy as installed (no OPENBLAS_* settings, OpenBLAS core " + numpyAsInstalled.info().get("openblas_core")
                    + "): floor " + numpyAsInstalled.timing("floor").summary() + " per 1,000");
        }
        String core = numpy.info().getOrDefault("openblas_core", "unknown");
        System.out.println("OpenBLAS kernels (read through NumPy, same library and environment): " + core);
        String suggested = Machine.suggestedOpenBlasCore();
        if (core.equals("Prescott") && suggested != null) {
            System.out.println("warning: OpenBLAS does not recognise this CPU and runs its SSE3 kernels; "
                    + "OPENBLAS_CORETYPE=" + suggested + " selects the kernels it can run (several times faster)");
        }
    }

    private static void printMachineLines(GemmBackend active, Map<GemmBackend, Result> results, NumpyReference numpy,
                                          NumpyReference numpyAsInstalled) {
        System.out.printf(Locale.ROOT, "gemm.step_products_seconds_per_1000=%.4f%n", results.get(active).floor().median());
        for (var entry : results.entrySet()) {
            System.out.printf(Locale.ROOT, "gemm.step_products_seconds_per_1000.%s=%.4f%n", entry.getKey().name(), entry.getValue().floor().median());
        }
        if (numpy != null && numpy.problem() == null) {
            System.out.printf(Locale.ROOT, "gemm.step_products_seconds_per_1000.numpy=%.4f%n", numpy.timing("floor").median());
        }
        if (numpyAsInstalled != null && numpyAsInstalled.problem() == null) {
            System.out.printf(Locale.ROOT, "gemm.step_products_seconds_per_1000.numpy_as_installed=%.4f%n", numpyAsInstalled.timing("floor").median());
        }
        System.out.println("gemm.blas=" + active.name());
    }

    private static Result measure(GemmBackend backend, StepProducts step, int iterations, BenchOptions options) throws Exception {
        double per1000 = 1000.0 / iterations;
        Map<String, Timing> products = new LinkedHashMap<>();
        for (StepProducts.Product product : step.products()) {
            products.put(product.id(), Timing.measure(product.name(), options.warmups(), options.runs(),
                    () -> repeat(iterations, () -> product.run().accept(backend))).scaled(per1000));
        }
        Timing floor = Timing.measure("floor", options.warmups(), options.runs(),
                () -> repeat(iterations, () -> step.runStep(backend))).scaled(per1000);
        Timing parallel = options.parallel() < 2 ? null : parallel(backend, iterations, options).scaled(per1000);
        return new Result(products, floor, parallel, iterations);
    }

    /** Wall time of {@code parallel} configurations each running the step's products, all at once. */
    private static Timing parallel(GemmBackend backend, int iterations, BenchOptions options) throws Exception {
        int configs = options.parallel();
        List<StepProducts> steps = new ArrayList<>();
        for (int i = 0; i < configs; i++) {
            steps.add(StepProducts.seedSizes(SEED + 1 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(configs);
        try {
            return Timing.measure(configs + " at once", options.warmups(), options.runs(), () -> {
                List<Future<?>> running = new ArrayList<>();
                for (StepProducts each : steps) {
                    running.add(pool.submit(() -> repeat(iterations, () -> each.runStep(backend))));
                }
                for (Future<?> future : running) {
                    await(future);
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static void printTable(StepProducts step, Map<GemmBackend, Result> results, NumpyReference numpy, int parallel) {
        boolean withNumpy = numpy != null && numpy.problem() == null;
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%n%-20s %-22s", "seconds per 1,000", "shapes"));
        results.keySet().forEach(b -> header.append(String.format(Locale.ROOT, " %26s", b.name())));
        header.append(String.format(Locale.ROOT, " %26s", "numpy"));
        System.out.println(header);
        for (StepProducts.Product product : step.products()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s %-22s", product.name(), product.shapes()));
            results.values().forEach(r -> row.append(cell(r.products().get(product.id()))));
            row.append(withNumpy ? cell(numpy.timing(product.id())) : cell(null));
            System.out.println(row);
        }
        StringBuilder floor = new StringBuilder(String.format(Locale.ROOT, "%-43s", "floor: all five"));
        StringBuilder rate = new StringBuilder(String.format(Locale.ROOT, "%-43s", "floor GFLOP/s"));
        StringBuilder together = new StringBuilder(String.format(Locale.ROOT, "%-43s", parallel + " configurations at once (wall)"));
        for (Result r : results.values()) {
            floor.append(cell(r.floor()));
            rate.append(String.format(Locale.ROOT, " %26.1f", step.flopsPerStep() * 1000 / r.floor().median() / 1e9));
            together.append(cell(r.parallel()));
        }
        floor.append(withNumpy ? cell(numpy.timing("floor")) : cell(null));
        rate.append(withNumpy ? String.format(Locale.ROOT, " %26.1f", step.flopsPerStep() * 1000 / numpy.timing("floor").median() / 1e9) : cell(null));
        System.out.println(floor);
        System.out.println(rate);
        if (parallel >= 2) {
            System.out.println(together);
        }
        System.out.println("cells: median (min–max) of the recorded runs, seconds per 1,000 steps");
    }

    private static String cell(Timing timing) {
        if (timing == null) {
            return String.format(Locale.ROOT, " %26s", "—");
        }
        return String.format(Locale.ROOT, " %26s",
                String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", timing.median(), timing.min(), timing.max()));
    }

    private static void repeat(int times, Runnable task) {
        for (int i = 0; i < times; i++) {
            task.run();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GemmBench: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("GemmBench: a configuration failed", e.getCause());
        }
    }
}
