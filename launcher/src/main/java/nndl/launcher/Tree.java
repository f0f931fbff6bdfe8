package nndl.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Every path of the project tree the launcher uses, in one place (a rename of the layout changes only
 * this class).
 *
 * @param root the project root, the folder holding {@code workbook}
 */
public record Tree(Path root) {

    /** The notebooks of the course, in the order a run executes them. */
    public static final List<String> NOTEBOOKS =
            List.of("two_layer_nn", "fc_nets", "mnist_multilayer", "backprop_exercises", "momentum_training");

    /** The modules whose sources make the full build stale (README, "What is inside"). */
    static final List<String> MODULES = List.of("lib", "judge", "display", "report", "tools", "bench");

    /** Returns {@code root/rel}. */
    public Path at(String rel) {
        return root.resolve(rel);
    }

    /** Returns build/, all output of the launcher. */
    public Path build() {
        return at("build");
    }

    /** Returns build/jupyter, the project-local Jupyter prefix the kernelspec is installed into. */
    public Path jupyterPrefix() {
        return at("build/jupyter");
    }

    /** Returns the folder the kernelspec is assembled in before {@code jupyter kernelspec install}. */
    public Path kernelSpecDir(Path prefix) {
        return prefix.equals(jupyterPrefix()) ? at("build/kernelspec/java") : Path.of(prefix + "-kernelspec", "java");
    }

    /** Returns the notebooks/ folder (the .ipynb files). */
    public Path notebooks() {
        return at("notebooks");
    }

    /** Returns the source notebook {@code name}.ipynb. */
    public Path notebook(String name) {
        return notebooks().resolve(name + ".ipynb");
    }

    /** Returns lib's Java sources (the student's code). */
    public Path libSources() {
        return at("lib/src/main/java");
    }

    /** Returns the sources {@code ./workbook check} compiles: lib's (the student's code) and the judge's worker. */
    public List<Path> checkSources() {
        return List.of(libSources(), at("judge/src/main/java"));
    }

    /** Returns the judge's resources (its public cases' recorded outputs). */
    public Path judgeResources() {
        return at("judge/src/main/resources");
    }

    /** Returns lib's classes as Maven last built them. */
    public Path libClasses() {
        return at("lib/target/classes");
    }

    /** Returns the tools' class path (data check, report, submit, release). */
    public String toolsClassPath() {
        return at("tools/target/nndl-tools.jar") + ":" + at("tools/target/dependency") + "/*";
    }

    /** Returns the tools jar (a stamp of the full build). */
    public Path toolsJar() {
        return at("tools/target/nndl-tools.jar");
    }

    /** Returns the bench's class path. */
    public String benchClassPath() {
        return at("bench/target/nndl-bench.jar") + ":" + at("bench/target/dependency") + "/*";
    }

    /** Returns the bench jar, built last by the full build: its stamp. */
    public Path benchJar() {
        return at("bench/target/nndl-bench.jar");
    }

    /** Returns the inputs of the full build: the root pom and each module's pom and main sources. */
    public List<Path> buildInputs() {
        List<Path> inputs = new java.util.ArrayList<>(List.of(at("pom.xml")));
        for (String m : MODULES) {
            inputs.add(at(m + "/pom.xml"));
            inputs.add(at(m + "/src/main"));
        }
        return inputs;
    }

    /** Returns the kernel jar. */
    public Path kernelJar() {
        return at("kernel/target/nndl-kernel.jar");
    }

    /** Returns what the kernel jar is built from. */
    public List<Path> kernelInputs() {
        return List.of(at("pom.xml"), at("kernel/pom.xml"), at("kernel/src/main/java"), at("kernel/src/main/resources"));
    }

    /** Returns the folder of third-party jars the judge runs with ({@code ./workbook check}). */
    public Path checkDependencies() {
        return at("display/target/dependency");
    }

    /** Returns build/check, where {@code ./workbook check} compiles lib with javac. */
    public Path checkBuild() {
        return at("build/check");
    }

    /** Returns the notebook runner (Debian's Python with nbclient). */
    public Path notebookRunner() {
        return at("launcher/src/main/python/run_notebooks.py");
    }

    /** Returns CompileErrors.java, run from source so that it works when nothing else builds. */
    public Path compileErrorsSource() {
        return at("tools/src/main/java/nndl/tools/CompileErrors.java");
    }

    /** Returns the test driver {@code ./workbook test} hands over to. */
    public Path testStages() {
        return at(".ci/test-stages");
    }

    /** Returns the shared datasets beside the clone (tests and the bench read them). */
    public Path sharedDatasets() {
        return root.resolve("../shared/datasets").normalize();
    }

    /** Returns the release tool's sources: present only in the instructor edition. */
    public Path releaseToolSources() {
        return at(RELEASE_MODULE + "/src/main/java/nndl/release");
    }

    /** Returns student-edition.json, written by the release into the student edition. */
    public Path studentEditionJson() {
        return at("student-edition.json");
    }

    /** The release tool's module (instructor edition), relative to the root. */
    public static final String RELEASE_MODULE = "instructor/release";

    /** The grader's module (instructor edition), relative to the root. */
    public static final String GRADER_MODULE = "instructor/grader";

    /** Returns the release tool's class path (instructor edition). */
    public String releaseClassPath() {
        return releaseJar() + ":" + at(RELEASE_MODULE + "/target/dependency") + "/*";
    }

    /** Returns the release tool's jar (instructor edition). */
    public Path releaseJar() {
        return at(RELEASE_MODULE + "/target/nndl-release.jar");
    }

    /** Returns what the release tool's jar is built from: its module, the tools' and lib's sources. */
    public List<Path> releaseInputs() {
        return List.of(at(RELEASE_MODULE + "/src/main"), at(RELEASE_MODULE + "/pom.xml"), at("tools/src/main"), at("lib/src/main"));
    }

    /** Returns the grader's class path (instructor edition). */
    public String graderClassPath() {
        return graderJar() + ":" + at(GRADER_MODULE + "/target/dependency") + "/*";
    }

    /** Returns the grader jar (instructor edition). */
    public Path graderJar() {
        return at(GRADER_MODULE + "/target/nndl-grader.jar");
    }

    /** Returns what the grader jar is built from. */
    public List<Path> graderInputs() {
        return List.of(at(GRADER_MODULE + "/src/main"), at(GRADER_MODULE + "/pom.xml"), at("lib/src/main"), at("judge/src/main"));
    }

    /** Returns the executed notebooks of the last complete run. */
    public Path executedNotebooks() {
        return at("build/notebooks");
    }

    /** Returns the graded report of the last complete run. */
    public Path report() {
        return at("build/report/graded-report.pdf");
    }

    /** Returns where a failed run moves the report of the last complete one. */
    public Path previousReport() {
        return at("build/report/previous/graded-report.pdf");
    }

    /** Returns the remembered student id. */
    public Path studentIdFile() {
        return at("build/student-id");
    }

    /** Returns whether this is the instructor edition (the release tool's sources are present). */
    public boolean isInstructorEdition() {
        return java.nio.file.Files.isDirectory(releaseToolSources());
    }

    /** Returns the launcher script itself (nested calls of a command). */
    public Path workbook() {
        return at("workbook");
    }

    /** Returns the default data root. */
    public Path data() {
        return at("data");
    }

    /** Returns the tree's lock file. */
    public Path lock() {
        return at("build/.lock");
    }

    /** Returns the lock holder's command, pid and start time. */
    public Path lockOwner() {
        return at("build/.lock.owner");
    }

    /** Returns the log of the launcher's Maven builds. */
    public Path buildLog() {
        return at("build/build.log");
    }

    /** Returns the scratch folder of run {@code pid} (build/.run-PID). */
    public Path runScratch(long pid) {
        return at("build/.run-" + pid);
    }

    /** Returns where a failed or stopped run keeps what it executed. */
    public Path partialRun() {
        return at("build/partial-run");
    }

    /** Returns the default folder of ./workbook release. */
    public Path release() {
        return at("build/release");
    }

    /** Returns the log of the bench's timing of ./workbook check. */
    public Path benchCheckLog() {
        return at("build/bench-check.log");
    }

    /** Returns the bench's grading folder (instructor edition). */
    public Path benchGrade() {
        return at("build/bench-grade");
    }

    /** Returns the path relative to the root, with {@code /}, for messages. */
    public String relative(Path path) {
        return root.relativize(path).toString();
    }
}
