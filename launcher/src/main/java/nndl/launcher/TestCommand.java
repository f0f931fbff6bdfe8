package nndl.launcher;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./workbook test: takes the tree's lock and hands over to the test driver .ci/test-stages. */
@Command(name = "test", customSynopsis = "./workbook test",
        header = {"build and run every test: library and kernel unit tests, the kernel conformance suite,",
            "all five notebooks executed in the quick profile, the report read back"},
        description = {"",
            "Builds everything and runs every test, stopping at the first failing stage:",
            "  1. Maven: library and kernel unit tests (JUnit 5; log build/maven-tests.log), then the",
            "     thread-agreement tests (split products, training on all cores, native against EJML) again under",
            "     every other OpenBLAS kernel family the CPU can run: SkylakeX, Cooperlake, Haswell, Zen,",
            "     Sandybridge, Prescott, as its flags allow (OPENBLAS_CORETYPE; logs build/maven-tests-<family>.log)",
            "  2. Kernel: installs the kernelspec, then Debian's jupyter_kernel_test conformance suite, the",
            "     feature notebook kernel/src/test/notebooks/kernel_features.ipynb through nbclient, the",
            "     live-output / interrupt / time-out / restart / shutdown tests, stopping busy cells (thread",
            "     states read from /proc, not CPU shares), output bursts, System.exit and other cell mishaps,",
            "     %%maven, the notebook of cells written as for IJava/JJava",
            "     (kernel/src/test/notebooks/ijava_style.ipynb), and hot reload of lib/ (a scratch copy of its",
            "     sources edited between two runs of a cell); on the kernel's",
            "     JDK and again on the newest JDK under /usr/lib/jvm (logs: build/kernel-tests*.log)",
            "  3. Notebooks: all five executed on the real kernel in the quick profile on ../shared/datasets",
            "     into build/test/notebooks/; fails when a cell errors or a graded check fails or did not run",
            "  4. Report: the graded PDF written from those notebooks and read back with poppler",
            "  5. Faults: ./workbook run/report/... in scratch copies of this tree (tiny notebooks) and of the",
            "     datasets: failed and stopped runs, small runs, compile errors, the last good report kept,",
            "     knock-on failures named, the lock, options, bad notebook files, bad data",
            "     (tools/src/test/python/test_faults.py; log build/fault-tests.log)",
            "  6. Browser: ./workbook lab on a free loopback port with a token; Debian's Chromium, headless, driven",
            "     by npm's playwright-core (installed into build/browser-test/), runs fc_nets.ipynb's cells through",
            "     the Notebook UI until a plot appears; screenshot build/test/browser/fc_nets.png",
            "     (tools/src/test/browser/lab_test.cjs; log build/test/browser/lab.log)",
            "  7. Release (instructor edition): ./workbook release into build/test/release; no model-answer line",
            "     (every block line after its instructions, every line of the notebooks' written answers, over 25",
            "     characters) nor build output in the tree or zip; every stub between // BEGIN YOUR CODE and",
            "     // END YOUR CODE with its instructions, the README listing every exercise in notebook order with",
            "     its checks' points and no instructor text; the release builds",
            "     and its ./workbook run (quick) with every exercise a stub exits 0 scoring only the free checks,",
            "     the rest not-implemented; ./workbook submit packs it; the model answers overlaid (the",
            "     instructor's student-editable files copied back), lib rebuilt and the five notebooks rerun",
            "     score full marks (log: build/test/release.log)",
            "  8. Grading (instructor edition), every hand-in process in the bubblewrap sandbox:",
            "     ./workbook check in the student edition; one ./workbook grade --judge-only call on the hand-ins",
            "     of instructor/grader/src/test/handins (the model answers, the stubs, an empty one, a partial one, a",
            "     hard-coder, common mistakes, another style, faults) and the hostile hand-ins of",
            "     instructor/grader/src/test/resources/hostile (exfiltration, writes outside, a detached process, floods,",
            "     heap/off-heap/thread/process exhaustion, a 1 GB file, exit/halt) with their honest twin; every",
            "     gradebook row and feedback asserted, each hostile one holding (status naming its cause, no",
            "     unearned point, nothing changed outside its scratch folder, nothing left running), the model",
            "     answers graded as alone; then the model answers and the file-rewriting and exfiltrating",
            "     hand-ins graded in full, and the one total asserted in the gradebook, feedback.txt, the PDF and",
            "     the student's run (instructor/grader/src/test/python/grade_fixtures.py, hostile_fixtures.py; log",
            "     build/test/grade.log)",
            "Ends with a line \"workbook test: N passed, 0 failed\".",
            "Needs ../shared/datasets beside the clone (real CIFAR-10 and MNIST subsets).",
            "The stages are the test driver .ci/test-stages; this command takes the tree's lock and runs it.",
            "Some stages only: NNDL_TEST_STAGES=3,4 ./workbook test (numbers, ranges such as 3-6, or 5- for",
            "stage 5 on; the same as arguments: bash .ci/test-stages 3 4).", ""})
public final class TestCommand implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Override
    public Integer call() {
        Tree tree = Workbook.tree();
        Lock.take(tree, "test");
        if (!Files.isRegularFile(tree.testStages())) {
            throw new Die("no test driver at " + tree.relative(tree.testStages()) + ": the test stages are not in this tree");
        }
        Exit.onSignalsPassToChild();
        return Proc.inherit(tree, List.of("bash", tree.testStages().toString()));
    }
}
