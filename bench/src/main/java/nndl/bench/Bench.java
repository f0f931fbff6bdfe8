package nndl.bench;

import com.sun.management.ThreadMXBean;
import nndl.data.Cifar10;
import nndl.data.DataRoot;
import nndl.data.DataSplits;
import nndl.internal.Gemm;
import nndl.internal.GemmBackend;
import nndl.neuralnet.Sweep;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import nndl.neuralnet.TuningGrids;
import nndl.neuralnet.TwoLayerNet;
import nndl.random.RandomState;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
                         [--python PATH] [--numpy-script PATH | --no-numpy]
              --iterations    training iterations per timed run (default 1000); times are per 1,000
              --runs          recorded rounds; each times the Java step, the floor and NumPy back to back, so
                              that they see the same load; medians are reported (default 5)
              --warmups       unrecorded rounds before them (default 1)
              --sweep-runs    recorded runs of the quick sweep, each sequential then parallel (default 3; 0 skips
                              the sweep and its two bench.sweep_* lines)
              --threads       threads of the parallel sweep (default: all processors)
              --python        interpreter with NumPy (default /usr/bin/python3)
              --numpy-script  NumPy reference (default bench/src/main/python/two_layer_step.py)
              --no-numpy      skip NumPy
            The step is TwoLayerNet.train as the notebook calls it (the readable student code); the fused fast path
            is the same training on reused buffers (nndl.bench.FusedTraining, bench only). Both use learning rate 1e-4, decay 0.95, reg 0.25,
            batch 200, hidden 50, RandomState(0) on CIFAR-10's quick split: 4,000 training and 1,000 validation
            rows from the folder under the data root (-Dnndl.data, else $NNDL_DATA, else data/). Its epoch checks
            (predict on the minibatch and the validation rows every 20 iterations, 50 in 1,000) are timed with
            it, and their products are in the floor. The sweep is TuningGrids.quick() through Sweep.run, hidden 50, seed 0.
            NumPy is timed with this process's environment and, when OPENBLAS_CORETYPE or OPENBLAS_NUM_THREADS is
            set, again without them (as installed; at most 3 runs, no warm-up). OpenBLAS reads both once, at start.
            Run from the project root (the default script path is relative to it). Times of each product of the
            step, on every backend, come from nndl.bench.GemmBench (same class path).
            """;
    private static final int HIDDEN = 50;
    private static final int BATCH = 200;
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
     * The rounds' timings: the Java step, the floor and NumPy's step (null when not measured), the last
     * NumPy run's report (its kernels, version and final loss, or why it failed) and the Java final loss.
     */
    private record Rounds(Measured step, Measured fused, Measured floor, Measured numpySteps, NumpyReference numpy, double finalLoss) {
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
        BenchSettings settings = BenchSettings.parse(args, USAGE);
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
        NumpyReference numpy = rounds.numpy();
        NumpyReference numpyAsInstalled = null;
        List<String> tuned = OPENBLAS_SETTINGS.stream().filter(v -> System.getenv(v) != null).toList();
        if (numpy != null && numpy.problem() == null && !tuned.isEmpty()) {
            progress("timing NumPy again without " + String.join(", ", tuned) + " (as installed), one process ...");
            numpyAsInstalled = runNumpy(settings, folder, Math.min(settings.runs(), 3), 0, tuned);
        }
        Sweeps sweeps = settings.sweepRuns() > 0 ? timeSweeps(data, settings) : null;

        Measured step = rounds.step();
        Measured floor = rounds.floor();
        Timing numpySteps = rounds.numpySteps() == null ? null : rounds.numpySteps().timing();
        BenchResults results = new BenchResults(step.timing(), floor.timing(), numpySteps, stepTiming(numpyAsInstalled),
                sweeps == null ? null : sweeps.sequential().timing(), sweeps == null ? null : sweeps.parallel().timing(), active.name());
        printMachine(active, folder, loadStart, numpy);
        printTimes(settings, results, step, rounds.fused(), floor, floorProducts, numpy, numpyAsInstalled);
        printChecks(settings, rounds.finalLoss(), numpy, allocation);
        printSweeps(settings, sweeps, active);
        System.out.println("bench.fused_step_seconds_per_1000=" + String.format(Locale.ROOT, "%.4f", rounds.fused().timing().median()));
        System.out.println("bench.fused_to_floor_ratio=" + String.format(Locale.ROOT, "%.4f", BenchResults.ratio(rounds.fused().timing(), floor.timing())));
        results.machineLines().forEach(System.out::println);
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
     * Warm-up rounds, then recorded ones; each round times the Java step, the floor and (in a process of
     * its own) NumPy back to back, so that all three see the same load on a shared machine.
     */
    private static Rounds rounds(BenchSettings settings, DataSplits data, TrainOptions options, Path folder,
                                 TrainingFloor floorProducts, GemmBackend active) {
        int total = settings.warmups() + settings.runs();
        double per1000 = 1000.0 / settings.iterations();
        double[] step = new double[settings.runs()];
        double[] fused = new double[settings.runs()];
        double[] floor = new double[settings.runs()];
        double[] numpySeconds = new double[settings.runs()];
        double finalLoss = Double.NaN;
        NumpyReference numpy = null;
        for (int round = 0; round < total; round++) {
            TwoLayerNet net = seededNet();
            TrainStats[] stats = new TrainStats[1];
            double stepSeconds = seconds(() -> stats[0] = net.train(data.xTrain(), data.yTrain(), data.xVal(), data.yVal(), options)) * per1000;
            finalLoss = stats[0].finalLoss();
            TwoLayerNet fusedNet = seededNet();
            RandomState fusedDraws = fusedRandom();
            double fusedSeconds = seconds(() -> FusedTraining.train(fusedNet.params(), fusedDraws, data.xTrain(), data.yTrain(),
                    data.xVal(), data.yVal(), options)) * per1000;
            double floorSeconds = seconds(() -> floorProducts.run(active)) * per1000;
            if (settings.numpyScript() != null && (numpy == null || numpy.problem() == null)) {
                numpy = runNumpy(settings, folder, 1, 0, List.of());
            }
            Timing numpyRun = stepTiming(numpy);
            boolean warm = round < settings.warmups();
            int index = round - settings.warmups();
            if (!warm) {
                step[index] = stepSeconds;
                fused[index] = fusedSeconds;
                floor[index] = floorSeconds;
                numpySeconds[index] = numpyRun == null ? Double.NaN : numpyRun.median();
            }
            progress(String.format(Locale.ROOT, "%s %d/%d: Java step %.3f s, fused %.3f s, floor %.3f s%s per 1,000; load %s",
                    warm ? "warm-up" : "run", warm ? round + 1 : index + 1, warm ? settings.warmups() : settings.runs(),
                    stepSeconds, fusedSeconds, floorSeconds, numpyRun == null ? "" : String.format(Locale.ROOT, ", NumPy %.3f s", numpyRun.median()),
                    Machine.loadAverage()));
        }
        String load = Machine.loadAverage().split(" ")[0];
        Measured numpySteps = numpy == null || numpy.problem() != null ? null : new Measured(new Timing("numpy step", numpySeconds), load);
        return new Rounds(new Measured(new Timing("step", step), load), new Measured(new Timing("fused", fused), load),
                new Measured(new Timing("floor", floor), load),
                numpySteps, numpy, finalLoss);
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
                double seconds = seconds(() -> out.add(Sweep.run(grid, data.xTrain(), data.yTrain(), data.xVal(), data.yVal(), HIDDEN,
                        SEED, threads, null)));
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

    private static NumpyReference runNumpy(BenchSettings settings, Path folder, int runs, int warmups, List<String> unset) {
        List<String> args = List.of("--data", folder.toString(), "--num-training", "" + NUM_TRAIN, "--num-validation", "" + NUM_VAL,
                "--iterations", "" + settings.iterations(), "--runs", "" + runs, "--warmups", "" + warmups,
                "--seed", "" + SEED, "--hidden", "" + HIDDEN, "--batch", "" + BATCH);
        NumpyReference reference = NumpyReference.run(settings.python(), Path.of(settings.numpyScript()), args, unset);
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

    private static void printTimes(BenchSettings settings, BenchResults r, Measured step, Measured fused, Measured floor,
                                   TrainingFloor products,
                                   NumpyReference numpy, NumpyReference numpyAsInstalled) {
        System.out.println();
        System.out.printf(Locale.ROOT, "two-layer training, seconds per 1,000 iterations (median, min–max; %d iterations per run)%n",
                settings.iterations());
        System.out.println(BenchResults.row("Java step: TwoLayerNet.train", WIDTH, r.step(), step.load()));
        System.out.println(BenchResults.row("Java fused fast path (bench only)", WIDTH, fused.timing(), fused.load()));
        System.out.println(BenchResults.row("Java floor: its matrix products alone", WIDTH, r.floor(), floor.load()));
        System.out.println(BenchResults.ratioRow("step / floor", WIDTH, BenchResults.ratio(r.step(), r.floor())));
        System.out.println(BenchResults.ratioRow("fused / floor", WIDTH, BenchResults.ratio(fused.timing(), r.floor())));
        if (numpy != null) {
            System.out.println(numpy.problem() != null ? "  NumPy: not measured (" + numpy.problem() + ")"
                    : BenchResults.row("NumPy, seed's loop, same OpenBLAS settings", WIDTH, r.numpy(), step.load()));
        }
        if (numpyAsInstalled != null) {
            System.out.println(numpyAsInstalled.problem() != null ? "  NumPy as installed: not measured (" + numpyAsInstalled.problem() + ")"
                    : BenchResults.row("NumPy as installed (core " + numpyAsInstalled.info().getOrDefault("openblas_core", "?")
                    + ")", WIDTH, r.numpyAsInstalled(), null));
        }
        if (r.numpy() != null) {
            System.out.println(BenchResults.ratioRow("Java step / NumPy (same settings)", WIDTH, BenchResults.ratio(r.step(), r.numpy())));
        }
        System.out.println("  floor: " + products);
    }

    private static void printChecks(BenchSettings settings, double javaLoss, NumpyReference numpy, long[] allocation) {
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

    private static void printSweeps(BenchSettings settings, Sweeps sweeps, GemmBackend active) {
        if (sweeps == null) {
            System.out.println("quick sweep: skipped (--sweep-runs 0)");
            return;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "quick sweep: %d configurations × 400 iterations, hidden 50, seed 0; seconds per sweep%n",
                TuningGrids.quick().size());
        Timing sequential = sweeps.sequential().timing();
        Timing parallel = sweeps.parallel().timing();
        System.out.println(BenchResults.row("sequential (1 thread)", WIDTH, sequential, sweeps.sequential().load()));
        System.out.println(BenchResults.row("parallel (" + settings.threads() + " threads)", WIDTH, parallel, sweeps.parallel().load()));
        System.out.println(BenchResults.ratioRow("speed-up", WIDTH, BenchResults.ratio(sequential, parallel)));
        System.out.println("  parallel results identical to sequential: " + (sweeps.identical() ? "yes" : "NO"));
        System.out.println("  large products take turns across threads: " + (active.takesTurns()
                ? "yes (OpenBLAS runs several threads per product; set OPENBLAS_NUM_THREADS=1 for sweeps)"
                : "no (each configuration's thread calls BLAS freely)"));
    }
}
