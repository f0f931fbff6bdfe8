package nndl.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./workbook bench: the timings of README's Performance section. */
@Command(name = "bench", customSynopsis = "./workbook bench [options]",
        header = "time the training step, its matrix-product floor and the quick sweep (README, Performance)",
        description = {"",
            "Times, on this machine and in one run (warm-up, several runs, median and spread):",
            "  - 1,000 iterations of the seed's two-layer training step (hidden 50, batch 200, D 3,072) on the",
            "    quick split (4,000 training / 1,000 validation rows) of the CIFAR-10 data under $NNDL_DATA",
            "    (default: ../shared/datasets when present, else data/): TwoLayerNet.train as a notebook runs it,",
            "    its large products split over all cores, and again on one core; the bench's fused fast path;",
            "  - the same iterations' matrix products alone (the floor), on all cores and on one;",
            "  - the seed's loop in NumPy (Debian's python3-numpy, installed when missing) as installed",
            "    (OpenBLAS's own defaults: all cores) and on one OpenBLAS thread;",
            "  - the quick-profile hyperparameter sweep, one configuration at a time and in parallel on all cores;",
            "  - the step's ReLU gradient mask, written with a branch per element and without (as the model answers);",
            "  - save → re-run → new result of the library's hot reload through a real kernel (a scratch copy of",
            "    lib/src/main/java, Relu.java rewritten between runs of one cell; target 2 s on 2 cores);",
            "  - with --full, the five notebooks on full-size data (NNDL_PROFILE=full; without the official",
            "    CIFAR-10, the subset tiled to its size under build/bench-full-data, labelled tiled), their wall",
            "    time and the kernel's peak resident memory (several minutes; installs the kernelspec);",
            "then prints machine-readable lines, last bench.step_seconds_per_1000=, bench.floor_seconds_per_1000=",
            "(one core), bench.sweep_quick_seconds_sequential=, bench.sweep_quick_seconds_parallel=, bench.blas=",
            "(medians), after bench.floor_all_cores_seconds_per_1000=, bench.numpy_as_installed_step_seconds_per_1000=,",
            "bench.step_to_numpy_as_installed_ratio=, bench.hot_reload_seconds= and the others. Without options",
            "it then times `./workbook check TwoLayerNet.loss` (bench.check_first_seconds=, compiling, and",
            "bench.check_seconds=, warm; target 5 s) and, in the instructor edition, grading the model answers",
            "(bench.judge_seconds=, bench.grade_seconds=; quick profile, in the sandbox).",
            "Options are passed to the benchmark; `./workbook bench -- --help` lists them.", ""})
public final class Bench implements Callable<Integer>, Passthrough {
    /** The instructor edition's part of the bench (grading the model answers), present only there. */
    static final String GRADING = "nndl.launcher.instructor.BenchGrading";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Parameters(paramLabel = "OPTION", arity = "0..*", description = "options of the benchmark (./workbook bench -- --help)")
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Tree tree = Workbook.tree();
        Lock.take(tree, "bench");
        Packages.ensure(tree, "python3-numpy");
        Settings.exportBlas(tree);
        // The kernelspec for --full's notebooks and for the hot-reload latency, timed on every run.
        KernelSpec.install(tree, null, null);
        if (Proc.env("NNDL_DATA") == null && Files.isDirectory(tree.sharedDatasets())) {
            Proc.ENV.put("NNDL_DATA", tree.sharedDatasets().toString());
        }
        Settings.export(tree);
        Build.ifNeeded(tree);
        int status = Proc.inherit(tree, Proc.cmd(Jdk.java(), "-Djava.awt.headless=true", "-Xmx6g", "-XX:MaxNewSize=256m", "-cp",
                tree.benchClassPath(), "nndl.bench.Bench", options));
        if (status != 0 || !options.isEmpty()) {
            return status;
        }
        timeCheck(tree);
        if (tree.isInstructorEdition()) {
            try {
                Class.forName(GRADING).getMethod("run", Tree.class).invoke(null, tree);
            } catch (ClassNotFoundException e) {
                // a student edition: no grading to time
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        return 0;
    }

    /**
     * Times ./workbook check TwoLayerNet.loss as a student runs it: the first call compiles, the second
     * is the warm loop. Its verdicts do not matter here (stubs fail their cases).
     */
    static void timeCheck(Tree tree) throws IOException {
        Path log = tree.benchCheckLog();
        Files.deleteIfExists(log);
        double[] seconds = new double[2];
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            try {
                Check.check(tree, List.of("TwoLayerNet.loss"), log);
            } catch (Die e) {
                Files.writeString(log, "workbook: error: " + e.getMessage() + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        if (!Files.isRegularFile(log) || !Files.readString(log).contains("TwoLayerNet.loss")) {
            throw new Die("./workbook check TwoLayerNet.loss printed no case (log: " + log + ")");
        }
        System.out.printf(Locale.ROOT, "bench.check_first_seconds=%.2f%nbench.check_seconds=%.2f%n", seconds[0], seconds[1]);
    }
}
