package nndl.bench;

import com.sun.management.ThreadMXBean;
import nndl.data.Cifar10;
import nndl.data.DataRoot;
import nndl.data.DataSplits;
import nndl.data.Mnist;
import nndl.internal.Gemm;
import nndl.internal.GemmBackend;
import nndl.neuralnet.Sweep;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TuningGrids;
import nndl.neuralnet.TwoLayerNet;
import nndl.random.RandomState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./workbook bench} (README, Performance): on this machine and in one run, 1,000 iterations of the seed's
 * two-layer training ({@code neuralnet.TwoLayerNet.train}, hidden 50, batch 200, D 3,072) on the quick
 * CIFAR-10 split, the same training as the bench's fused fast path ({@link FusedTraining}), the same
 * iterations' matrix products alone (the floor), NumPy running the seed's loop
 * on the same OpenBLAS, and the quick-profile sweep sequential and parallel. Prints progress, a table
 * with the machine, then machine-readable lines ({@link BenchResults#machineLines()}) last.
 * Run with {@code --help} for the options.
 */
public final class Bench {
    private static final String USAGE = """
            Usage: Bench [--iterations N] [--runs N] [--warmups N] [--sweep-runs N] [--threads N]
                         [--python PATH] [--numpy-script PATH | --no-numpy] [--full]
              --iterations    training iterations per timed run (default 1000); times are per 1,000
              --runs          recorded rounds; each times, back to back so that they see the same load, the Java
                              step on all cores and on one, the fused fast path, the floor on all cores and on one,
                              NumPy as installed and NumPy on one thread; medians are reported (default 5)
              --warmups       unrecorded rounds before them (default 1)
              --sweep-runs    recorded runs of the quick sweep, each sequential then parallel (default 3; 0 skips
                              the sweep and its two bench.sweep_* lines)
              --threads       threads of the parallel sweep (default: all processors)
              --python        interpreter with NumPy (default /usr/bin/python3)
              --numpy-script  NumPy reference (default bench/src/main/python/two_layer_step.py)
              --no-numpy      skip NumPy
            Always: the hot-reload latency (nndl.bench.HotReloadLatency): the installed java kernel on a scratch copy of
              lib/src/main/java, Relu.java rewritten 6 times between runs of the same cell; bench.hot_reload_seconds= is
              the median of the last 5 (the first pays the kernel's compiler start, bench.hot_reload_first_seconds=).
              --full          then execute the five notebooks with NNDL_PROFILE=full on full-size data (the official
                              CIFAR-10 when the data root has it, else the subset tiled to 50,000 + 10,000 records
                              under build/bench-full-data, labelled tiled) and report their wall time and the
                              kernels' peak resident memory (VmHWM); needs the kernelspec (./workbook bench does it)
            The step is TwoLayerNet.train as the notebook calls it (the readable student code); its large products are
            split over all cores by rows, wide ones by columns (the same bits as on one core). "One core" runs the same
            inside Gemm.oneThread.
            The fused fast path is the same training on reused buffers (nndl.bench.FusedTraining, bench only). Both use
            learning rate 1e-4, decay 0.95, reg 0.25, batch 200, hidden 50, RandomState(0) on CIFAR-10's quick split:
            4,000 training and 1,000 validation rows from the folder under the data root (-Dnndl.data, else $NNDL_DATA,
            else data/). Its epoch checks (predict on the minibatch and the validation rows every 20 iterations, 50 in
            1,000) are timed with it, and their products are in the floors. The sweep is TuningGrids.quick() through
            Sweep.run, hidden 50, seed 0: sequential is one configuration at a time with its products on one core,
            parallel one configuration per thread, one core each.
            NumPy as installed runs without OPENBLAS_NUM_THREADS and OPENBLAS_CORETYPE (OpenBLAS on all cores, its own
            kernel choice), NumPy on one thread with OPENBLAS_NUM_THREADS=1 and this process's OPENBLAS_CORETYPE.
            The step's ReLU gradient mask (200×50) is timed too, written with a branch per element and as the model
            answers write it (Matrices.keepWherePositive), on 64 random patterns in turn.
            Run from the project root (the default script path is relative to it). Times of each product of the
            step, on every backend, come from nndl.bench.GemmBench (same class path).
            """;
    static final int HIDDEN = 50;
    static final int BATCH = 200;
    /** Training rows of the quick split. */
    static final int NUM_TRAIN = 4000;
    /** Validation rows of the quick split. */
    static final int NUM_VAL = 1000;
    private static final long SEED = 0;
    private static final List<String> OPENBLAS_SETTINGS = List.of("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS");
    private static final int WIDTH = 44;

    /** A timing with the load average (1 minute) when it ended. */
    private record Measured(Timing timing, String load) {
    }

    /**
     * The rounds' timings: the Java step on all cores and on one, the fused path, the floor on one core and
     * on all, NumPy on one thread and as installed (null when not measured), the last NumPy runs' reports
     * (kernels, version and final loss, or why they failed), the Java final loss and whether the step
     * on all cores gave the one-core losses bit for bit in every round.
     */
    private record Rounds(Measured step, Measured stepOneCore, Measured fused, Measured floor, Measured floorAllCores,
                          Measured numpySteps, Measured numpyAsInstalledSteps, NumpyReference numpy,
                          NumpyReference numpyAsInstalled, double finalLoss, boolean sameLosses) {
    }

    /** The quick sweep's timings, and whether every parallel run gave the sequential numbers. */
    private record Sweeps(Measured sequential, Measured parallel, boolean identical) {
    }

    private Bench() {
    }

    /**
     * Runs the benchmark and prints its progress, table and machine-readable lines to stdout.
     *
     * @param args options, see {@code --help}
     */
    public static void main(String[] args) {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args, USAGE);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            return;
        }
        String loadStart = Machine.loadAverage();
        GemmBackend active = Gemm.backend();
        Path folder = Cifar10.locate(null).orElseThrow(() -> new IllegalStateException("bench: no CIFAR-10 under "
                + DataRoot.resolve() + "; set NNDL_DATA to a folder holding cifar-10-batches-bin/ or cifar-10-subset/"));
        DataSplits data = Cifar10.getCifar10Data(folder, NUM_TRAIN, NUM_VAL, 0);
        TrainOptions options = stepOptions(settings.iterations());
        progress("data: " + data.source() + ", quick split " + NUM_TRAIN + " training / " + NUM_VAL + " validation rows");

        TrainingFloor floorProducts = new TrainingFloor(data.xTrain(), data.xVal(), HIDDEN, 10, BATCH, settings.iterations(), 231);
        Rounds rounds = rounds(settings, data, options, folder, floorProducts, active);
        long[] allocation = allocation(data, options);
        ReluMasks.Result masks = ReluMasks.measure(settings.runs());
        Sweeps sweeps = settings.sweepRuns() > 0 ? timeSweeps(data, settings) : null;
        FullNotebooks.Outcome full = settings.full() ? runFull(settings, folder) : null;
        progress("hot reload: save → re-run → new result through a real kernel");
        HotReloadLatency hotReload = HotReloadLatency.measure(settings.python(), Path.of("").toAbsolutePath(), 5);

        BenchResults results = new BenchResults(rounds.step().timing(), rounds.floor().timing(), rounds.floorAllCores().timing(),
                timing(rounds.numpySteps()), timing(rounds.numpyAsInstalledSteps()),
                sweeps == null ? null : sweeps.sequential().timing(), sweeps == null ? null : sweeps.parallel().timing(), active.name());
        printMachine(active, folder, loadStart, rounds.numpy());
        printTimes(settings, results, rounds, floorProducts);
        printChecks(settings, rounds, allocation);
        System.out.println("  the step's ReLU gradient mask (200×50, random patterns): " + masks);
        printSweeps(settings, sweeps);
        printFull(full);
        System.out.println(hotReload.summary());
        hotReload.machineLines().forEach(System.out::println);
        System.out.println("bench.step_one_core_seconds_per_1000=" + String.format(Locale.ROOT, "%.4f", rounds.stepOneCore().timing().median()));
        System.out.println("bench.fused_step_seconds_per_1000=" + String.format(Locale.ROOT, "%.4f", rounds.fused().timing().median()));
        System.out.println("bench.fused_to_floor_ratio=" + String.format(Locale.ROOT, "%.4f",
                BenchResults.ratio(rounds.fused().timing(), rounds.floorAllCores().timing())));
        System.out.println("bench.relu_mask_branching_microseconds=" + String.format(Locale.ROOT, "%.2f", masks.branching()));
        System.out.println("bench.relu_mask_microseconds=" + String.format(Locale.ROOT, "%.2f", masks.branchless()));
        if (full != null) {
            System.out.println("bench.full_notebooks_seconds=" + String.format(Locale.ROOT, "%.1f", full.seconds()));
            System.out.println("bench.full_kernel_peak_rss_mib=" + String.format(Locale.ROOT, "%.0f", full.peakRssKiB() / 1024.0));
            System.out.println("bench.full_notebooks_data=" + (full.data().startsWith("tiled") ? "tiled" : "official"));
        }
        results.machineLines().forEach(System.out::println);
    }

    private static Timing timing(Measured measured) {
        return measured == null ? null : measured.timing();
    }

    /** The notebook's training call: learning rate 1e-4, decay 0.95, reg 0.25, batch 200, {@code iterations} iterations. */
    static TrainOptions stepOptions(int iterations) {
        return TrainOptions.defaults().withNumIters(iterations).withBatchSize(BATCH).withLearningRate(1e-4)
                .withLearningRateDecay(0.95).withReg(0.25);
    }

    /** The net every timed run starts from: D = 3,072, H = 50, C = 10, std 1e-4, drawn from RandomState(0). */
    static TwoLayerNet seededNet() {
        return new TwoLayerNet(3072, HIDDEN, 10, 1e-4, new RandomState(SEED));
    }

    /** The random source of {@link #seededNet()} after its initial weights: the minibatch draws of its training. */
    static RandomState fusedRandom() {
        RandomState random = new RandomState(SEED);
        random.randn(HIDDEN, 3072);
        random.randn(10, HIDDEN);
        return random;
    }

    /**
     * Warm-up rounds, then recorded ones; each round times, back to back so that all see the same load on a
     * shared machine: the Java step on all cores and on one, the fused path, the floor on all cores and on
     * one, and (each in a process of its own) NumPy as installed and on one thread.
     */
    private static Rounds rounds(BenchSettings settings, DataSplits data, TrainOptions options, Path folder,
                                 TrainingFloor floorProducts, GemmBackend active) {
        int total = settings.warmups() + settings.runs();
        double per1000 = 1000.0 / settings.iterations();
        double[][] times = new double[7][settings.runs()];
        double finalLoss = Double.NaN;
        boolean sameLosses = true;
        NumpyReference numpy = null;
        NumpyReference asInstalled = null;
        for (int round = 0; round < total; round++) {
            TrainStats[] stats = new TrainStats[2];
            double[] t = new double[7];
            t[0] = seconds(() -> stats[0] = seededNet().train(data.xTrain(), data.yTrain(), data.xVal(), data.yVal(), options)) * per1000;
            t[1] = seconds(() -> stats[1] = Gemm.oneThread(() -> seededNet().train(data.xTrain(), data.yTrain(), data.xVal(),
                    data.yVal(), options))) * per1000;
            finalLoss = stats[0].finalLoss();
            sameLosses &= stats[0].lossHistory().equals(stats[1].lossHistory()) && stats[0].valAccHistory().equals(stats[1].valAccHistory());
            TwoLayerNet fusedNet = seededNet();
            RandomState fusedDraws = fusedRandom();
            t[2] = seconds(() -> FusedTraining.train(fusedNet.params(), fusedDraws, data.xTrain(), data.yTrain(),
                    data.xVal(), data.yVal(), options)) * per1000;
            t[3] = seconds(() -> floorProducts.run(active)) * per1000;
            t[4] = seconds(() -> Gemm.oneThread(() -> floorProducts.run(active))) * per1000;
            if (settings.numpyScript() != null && (asInstalled == null || asInstalled.problem() == null)) {
                asInstalled = runNumpy(settings, folder, OPENBLAS_SETTINGS, Map.of());
            }
            if (settings.numpyScript() != null && (numpy == null || numpy.problem() == null)) {
                numpy = runNumpy(settings, folder, List.of(), Map.of("OPENBLAS_NUM_THREADS", "1"));
            }
            t[5] = median(stepTiming(asInstalled));
            t[6] = median(stepTiming(numpy));
            boolean warm = round < settings.warmups();
            if (!warm) {
                for (int i = 0; i < t.length; i++) {
                    times[i][round - settings.warmups()] = t[i];
                }
            }
            progress(String.format(Locale.ROOT, "%s %d/%d, per 1,000: Java step %.3f s (one core %.3f), fused %.3f, floor %.3f"
                            + " (one core %.3f), NumPy as installed %.3f, on one thread %.3f; load %s",
                    warm ? "warm-up" : "run", warm ? round + 1 : round - settings.warmups() + 1, warm ? settings.warmups() : settings.runs(),
                    t[0], t[1], t[2], t[3], t[4], t[5], t[6], Machine.loadAverage()));
        }
        String load = Machine.loadAverage().split(" ")[0];
        boolean numpyRan = numpy != null && numpy.problem() == null;
        boolean asInstalledRan = asInstalled != null && asInstalled.problem() == null;
        return new Rounds(new Measured(new Timing("step", times[0]), load), new Measured(new Timing("step one core", times[1]), load),
                new Measured(new Timing("fused", times[2]), load), new Measured(new Timing("floor one core", times[4]), load),
                new Measured(new Timing("floor all cores", times[3]), load),
                numpyRan ? new Measured(new Timing("numpy one thread", times[6]), load) : null,
                asInstalledRan ? new Measured(new Timing("numpy as installed", times[5]), load) : null,
                numpy, asInstalled, finalLoss, sameLosses);
    }

    private static double median(Timing timing) {
        return timing == null ? Double.NaN : timing.median();
    }

    /** Wall time of {@code task} in seconds. */
    private static double seconds(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * Bytes this thread allocates in train(): {total for a run, the run's one-off buffers, per further
     * iteration}, from a run of all iterations and one of a single iteration.
     */
    private static long[] allocation(DataSplits data, TrainOptions options) {
        long full = allocatedDuring(data, options);
        if (options.numIters() < 2) {
            return new long[] {full, full, 0};
        }
        long one = allocatedDuring(data, options.withNumIters(1));
        return new long[] {full, one, Math.max(0, (full - one) / (options.numIters() - 1))};
    }

    private static long allocatedDuring(DataSplits data, TrainOptions options) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        TwoLayerNet net = seededNet();
        long before = threads.getCurrentThreadAllocatedBytes();
        net.train(data.xTrain(), data.yTrain(), data.xVal(), data.yVal(), options);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** The sequential and parallel quick sweep, alternating so that both see the same load. */
    private static Sweeps timeSweeps(DataSplits data, BenchSettings settings) {
        List<TrainOptions> grid = TuningGrids.quick();
        int runs = settings.sweepRuns();
        double[] sequential = new double[runs];
        double[] parallel = new double[runs];
        List<Sweep.Result> reference = null;
        boolean identical = true;
        for (int r = 0; r < runs; r++) {
            for (int threads : new int[] {1, settings.threads()}) {
                List<List<Sweep.Result>> out = new ArrayList<>();
                // Sequential: one configuration at a time, each product on one core (Sweep.run on one thread would split them).
                double seconds = seconds(() -> out.add(Gemm.oneThread(() -> Sweep.run(grid, data.xTrain(), data.yTrain(), data.xVal(),
                        data.yVal(), HIDDEN, SEED, threads, null))));
                List<Sweep.Result> results = out.get(0);
                (threads == 1 ? sequential : parallel)[r] = seconds;
                if (reference == null) {
                    reference = results;
                } else {
                    identical &= sameResults(reference, results);
                }
                progress(String.format(Locale.ROOT, "quick sweep (%d configurations) on %d thread%s, run %d/%d: %.3f s, load %s",
                        grid.size(), threads, threads == 1 ? "" : "s", r + 1, runs, seconds, Machine.loadAverage()));
            }
        }
        String load = Machine.loadAverage().split(" ")[0];
        return new Sweeps(new Measured(new Timing("sweep sequential", sequential), load),
                new Measured(new Timing("sweep parallel", parallel), load), identical);
    }

    private static boolean sameResults(List<Sweep.Result> a, List<Sweep.Result> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).stats().lossHistory().equals(b.get(i).stats().lossHistory()) || a.get(i).valAcc() != b.get(i).valAcc()) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    /** One timed NumPy run (no warm-up) with {@code unset} removed from and {@code set} put into its environment. */
    private static NumpyReference runNumpy(BenchSettings settings, Path folder, List<String> unset, Map<String, String> set) {
        List<String> args = List.of("--data", folder.toString(), "--num-training", "" + NUM_TRAIN, "--num-validation", "" + NUM_VAL,
                "--iterations", "" + settings.iterations(), "--runs", "1", "--warmups", "0",
                "--seed", "" + SEED, "--hidden", "" + HIDDEN, "--batch", "" + BATCH);
        NumpyReference reference = NumpyReference.run(settings.python(), Path.of(settings.numpyScript()), args, unset, set);
        if (reference.problem() == null && reference.timing("step") == null) {
            return new NumpyReference(reference.timings(), reference.info(), "the script reported no numpy.runs.step line");
        }
        return reference;
    }

    private static Timing stepTiming(NumpyReference reference) {
        return reference == null || reference.problem() != null ? null : reference.timing("step");
    }

    private static void progress(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    private static void printMachine(GemmBackend active, Path folder, String loadStart, NumpyReference numpy) {
        System.out.println();
        System.out.println("machine");
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "CPU", Machine.cpuModel() + ", "
                + Runtime.getRuntime().availableProcessors() + " processors");
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "Java", System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "BLAS", active.description());
        String core = numpy == null || numpy.problem() != null ? "unknown (read through NumPy)" : numpy.info().getOrDefault("openblas_core", "unknown");
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "OpenBLAS settings", OPENBLAS_SETTINGS.stream()
                .map(v -> v + "=" + (System.getenv(v) == null ? "(unset)" : System.getenv(v))).reduce((a, b) -> a + ", " + b).orElse("")
                + "; kernels " + core);
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "data", folder);
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "load average (1, 5, 15 min) at start", loadStart);
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %s%n", "load average (1, 5, 15 min) at end", Machine.loadAverage());
    }

    private static void printTimes(BenchSettings settings, BenchResults r, Rounds rounds, TrainingFloor products) {
        System.out.println();
        System.out.printf(Locale.ROOT, "two-layer training, seconds per 1,000 iterations (median, min–max; %d iterations per run)%n",
                settings.iterations());
        int cores = Gemm.splitThreads();
        System.out.println(BenchResults.row("Java step: TwoLayerNet.train, " + cores + " cores", WIDTH, r.step(), rounds.step().load()));
        System.out.println(BenchResults.row("Java step on one core (Gemm.oneThread)", WIDTH, rounds.stepOneCore().timing(),
                rounds.stepOneCore().load()));
        System.out.println(BenchResults.row("Java fused fast path (bench only), " + cores + " cores", WIDTH, rounds.fused().timing(),
                rounds.fused().load()));
        System.out.println(BenchResults.row("floor: its matrix products, " + cores + " cores", WIDTH, r.floorAllCores(),
                rounds.floorAllCores().load()));
        System.out.println(BenchResults.row("floor on one core", WIDTH, r.floor(), rounds.floor().load()));
        NumpyReference asInstalled = rounds.numpyAsInstalled();
        NumpyReference oneThread = rounds.numpy();
        if (asInstalled != null) {
            System.out.println(asInstalled.problem() != null ? "  NumPy as installed: not measured (" + asInstalled.problem() + ")"
                    : BenchResults.row("NumPy as installed (" + asInstalled.info().getOrDefault("openblas_core", "?") + ", "
                    + asInstalled.info().getOrDefault("openblas_threads", "?") + " threads)", WIDTH, r.numpyAsInstalled(),
                    rounds.numpyAsInstalledSteps() == null ? null : rounds.numpyAsInstalledSteps().load()));
        }
        if (oneThread != null) {
            System.out.println(oneThread.problem() != null ? "  NumPy on one thread: not measured (" + oneThread.problem() + ")"
                    : BenchResults.row("NumPy on one OpenBLAS thread", WIDTH, r.numpy(),
                    rounds.numpySteps() == null ? null : rounds.numpySteps().load()));
        }
        System.out.println(BenchResults.ratioRow("Java step / NumPy as installed", WIDTH, BenchResults.ratio(r.step(), r.numpyAsInstalled())));
        System.out.println(BenchResults.ratioRow("Java step / its floor (" + cores + " cores)", WIDTH, BenchResults.ratio(r.step(), r.floorAllCores())));
        System.out.println(BenchResults.ratioRow("fused / floor (" + cores + " cores)", WIDTH,
                BenchResults.ratio(rounds.fused().timing(), r.floorAllCores())));
        System.out.println(BenchResults.ratioRow("Java step / NumPy, both on one thread", WIDTH,
                BenchResults.ratio(rounds.stepOneCore().timing(), r.numpy())));
        System.out.println(BenchResults.ratioRow("Java step: one core / " + cores + " cores", WIDTH,
                BenchResults.ratio(rounds.stepOneCore().timing(), r.step())));
        System.out.println(BenchResults.ratioRow("floor: one core / " + cores + " cores", WIDTH, BenchResults.ratio(r.floor(), r.floorAllCores())));
        System.out.println("  floor: " + products);
    }

    private static void printChecks(BenchSettings settings, Rounds rounds, long[] allocation) {
        double javaLoss = rounds.finalLoss();
        NumpyReference numpy = rounds.numpy();
        System.out.println("  losses and accuracies on all cores identical to one core, every round: " + (rounds.sameLosses() ? "yes" : "NO"));
        System.out.printf(Locale.ROOT, "  allocation in train(): %.1f MB per call, of which %.1f MB its one-off buffers; %d bytes per further"
                + " iteration%n",
                allocation[0] / 1e6, allocation[1] / 1e6, allocation[2]);
        String numpyLoss = numpy == null || numpy.problem() != null ? null : numpy.info().get("final_loss");
        if (numpyLoss == null) {
            System.out.printf(Locale.ROOT, "  final loss after %d iterations: Java %s%n", settings.iterations(), javaLoss);
            return;
        }
        double other = Double.parseDouble(numpyLoss);
        System.out.printf(Locale.ROOT, "  final loss after %d iterations: Java %s, NumPy %s (relative difference %.1e: the same computation)%n",
                settings.iterations(), javaLoss, numpyLoss, Math.abs(javaLoss - other) / Math.abs(other));
    }

    private static void printSweeps(BenchSettings settings, Sweeps sweeps) {
        if (sweeps == null) {
            System.out.println("quick sweep: skipped (--sweep-runs 0)");
            return;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "quick sweep: %d configurations × 400 iterations, hidden 50, seed 0; seconds per sweep%n",
                TuningGrids.quick().size());
        Timing sequential = sweeps.sequential().timing();
        Timing parallel = sweeps.parallel().timing();
        System.out.println(BenchResults.row("sequential (one at a time, 1 core)", WIDTH, sequential, sweeps.sequential().load()));
        System.out.println(BenchResults.row("parallel (" + settings.threads() + " at once, 1 core each)", WIDTH,
                parallel, sweeps.parallel().load()));
        System.out.println(BenchResults.ratioRow("speed-up", WIDTH, BenchResults.ratio(sequential, parallel)));
        System.out.println("  parallel results identical to sequential: " + (sweeps.identical() ? "yes" : "NO"));
    }

    /** Tiles the data when the root has no official CIFAR-10, installs nothing, runs the notebooks. */
    private static FullNotebooks.Outcome runFull(BenchSettings settings, Path folder) {
        try {
            Path project = Path.of("").toAbsolutePath();
            Path dataRoot;
            String data;
            if (folder.getFileName().toString().equals(Cifar10.SUBSET_FOLDER)) {
                dataRoot = project.resolve("build/bench-full-data");
                progress("--full: tiling " + folder + " to CIFAR-10's size under " + dataRoot + " (labelled TILED.txt) ...");
                FullNotebooks.tile(folder, Mnist.locate(null).orElse(null), dataRoot);
                data = "tiled: the " + Cifar10.SUBSET_FOLDER + " records repeated to 5 × 10,000 training + 10,000 test (not the official"
                        + " CIFAR-10), MNIST subset";
            } else {
                dataRoot = folder.getParent();
                data = "the data root " + dataRoot + " (" + folder.getFileName() + ")";
            }
            progress("--full: executing " + String.join(", ", FullNotebooks.NOTEBOOKS) + " with NNDL_PROFILE=full on " + data
                    + "; load " + Machine.loadAverage());
            FullNotebooks.Outcome outcome = FullNotebooks.run(settings.python(), project, dataRoot, project.resolve("build/bench-full/notebooks"), data);
            progress(String.format(Locale.ROOT, "--full: %.1f s, kernel peak RSS %.0f MiB, runner exit %d; load %s", outcome.seconds(),
                    outcome.peakRssKiB() / 1024.0, outcome.exitStatus(), Machine.loadAverage()));
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("bench --full: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench --full: interrupted", e);
        }
    }

    private static void printFull(FullNotebooks.Outcome full) {
        if (full == null) {
            return;
        }
        System.out.println();
        System.out.println("notebooks on full-size data (NNDL_PROFILE=full), data: " + full.data());
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %8.1f s (%s), load %s%n", "wall time of the five notebooks", full.seconds(),
                formatMinutes(full.seconds()), Machine.loadAverage().split(" ")[0]);
        System.out.printf(Locale.ROOT, "  %-" + WIDTH + "s %8.0f MiB%n", "peak resident memory of a kernel (VmHWM)", full.peakRssKiB() / 1024.0);
        System.out.println("  every cell ran: " + (full.exitStatus() == 0 ? "yes" : "NO (runner exit status " + full.exitStatus() + ")")
                + "; executed copies in build/bench-full/notebooks/");
    }

    private static String formatMinutes(double seconds) {
        long whole = Math.round(seconds);
        return whole / 60 + " min " + whole % 60 + " s";
    }
}
