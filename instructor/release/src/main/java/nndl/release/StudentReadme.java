package nndl.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.grade.Check;
import nndl.grade.Rubric;
import nndl.judge.Exercise;
import nndl.judge.ExerciseRubric;

/**
 * The student edition's README, generated: the student's loop (the commands, hot reload, checking one
 * exercise, written answers, submitting), then every exercise in notebook order with where it is, the
 * checks it feeds and their points ({@link ExerciseTable}, {@link Rubric}), then the shared part of the
 * instructor README (its instructor-only regions already removed).
 */
final class StudentReadme {
    private StudentReadme() {
    }

    /**
     * Returns the README.
     *
     * @param stubs    every stub of the release, in file order
     * @param table    the exercises in notebook order (a row for every stub)
     * @param original the README of the instructor edition, stripped of its instructor-only regions
     * @throws ReleaseError naming a stub without a row in the table, or a check the rubric lacks
     */
    static String write(List<Stubber.Stub> stubs, List<ExerciseTable.Exercise> table, String original) throws ReleaseError {
        Map<String, Stubber.Stub> byTitle = new LinkedHashMap<>();
        for (Stubber.Stub stub : stubs) {
            byTitle.put(stub.block().title(), stub);
        }
        Map<String, List<ExerciseTable.Exercise>> byNotebook = new LinkedHashMap<>();
        for (ExerciseTable.Exercise exercise : table) {
            if (byTitle.containsKey(exercise.title())) {
                byNotebook.computeIfAbsent(exercise.notebook(), n -> new ArrayList<>()).add(exercise);
            }
        }
        for (Stubber.Stub stub : stubs) {
            if (table.stream().noneMatch(e -> e.title().equals(stub.block().title()))) {
                throw new ReleaseError(stub.block().file(), stub.block().beginLine(), "exercise '" + stub.block().title()
                        + "' has no row in nndl.release.ExerciseTable (its notebook and checks, for the student README)");
            }
        }
        StringBuilder text = new StringBuilder();
        intro(text);
        text.append("## The exercises (").append(stubs.size()).append(", in the order the notebooks meet them)\n\n")
                .append("Grades come from the judge: each exercise is run on its public cases (the notebook's inputs,\n")
                .append("what `./workbook check` runs) and, when your hand-in is graded, on hidden cases (other shapes, seeds\n")
                .append("and labels); it earns its points only when every case passes. The last column names the notebook\n")
                .append("checks that print its numbers while you work.\n\n");
        int number = 0;
        for (Map.Entry<String, List<ExerciseTable.Exercise>> notebook : byNotebook.entrySet()) {
            text.append("### `notebooks/").append(notebook.getKey()).append(".ipynb` (")
                    .append(judgedPoints(notebook.getKey())).append(" points)\n\n");
            text.append("| # | exercise | where | graded as (points) | notebook checks |\n|---|---|---|---|---|\n");
            for (ExerciseTable.Exercise exercise : notebook.getValue()) {
                Stubber.Stub stub = byTitle.get(exercise.title());
                text.append("| ").append(++number).append(" | `").append(stub.block().method()).append("`: ")
                        .append(stub.block().name()).append(" | `").append(stub.block().file()).append(':')
                        .append(stub.begin()).append("` | ").append(judged(stub)).append(" | ")
                        .append(checks(stub, exercise)).append(" |\n");
            }
            text.append('\n');
        }
        String about = original.strip();
        if (!about.isEmpty()) {
            about = about.replaceFirst("\\A# [^\\n]*\\n", "").strip();
            text.append("## About the workbook\n\n").append(about.replaceAll("(?m)^#(#*) ", "##$1 ")).append('\n');
        }
        // A removed instructor-only region leaves its blank lines on both sides.
        return text.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** The judge's points for a notebook: its exercises' points, those needing the full CIFAR-10 included. */
    private static int judgedPoints(String notebook) {
        return ExerciseRubric.EXERCISES.stream().filter(e -> e.notebook().equals(notebook)).mapToInt(Exercise::points).sum();
    }

    /** The judge's exercises that run this block's method, with their points. */
    private static String judged(Stubber.Stub stub) {
        List<String> parts = ExerciseRubric.EXERCISES.stream()
                .filter(e -> e.methods().contains(stub.block().method()))
                .map(e -> "`" + e.id() + "` (" + e.points() + ")").toList();
        return parts.isEmpty() ? "not judged" : String.join(", ", parts);
    }

    private static String checks(Stubber.Stub stub, ExerciseTable.Exercise exercise) throws ReleaseError {
        if (exercise.checks().isEmpty()) {
            return "none graded: the notebook runs it";
        }
        List<String> parts = new ArrayList<>();
        for (String id : exercise.checks()) {
            Check check = Rubric.find(id).orElseThrow(() -> new ReleaseError(stub.block().file(), stub.block().beginLine(),
                    "ExerciseTable names the check '" + id + "', which the rubric (nndl.grade.Rubric) lacks"));
            parts.add("`" + id + "` (" + check.points() + ")");
        }
        return String.join(", ", parts);
    }

    private static void intro(StringBuilder text) {
        text.append("""
                # nndl-workbook: student edition

                The neural-network assignment in Java: five Jupyter notebooks on a Java kernel, calling the course's
                library under `lib/`. The library is complete except for the exercises listed below. Each exercise is
                a block of a method, between the lines `// BEGIN YOUR CODE <Class.method>: <block>` and
                `// END YOUR CODE`; the comments at its top say what to compute, the shapes and which variables to
                set. Replace the line `NotImplementedYet.raise(...)` (or `throw new NotImplementedYet(...)`) by your
                code and leave the marker lines where they are: your report and the grader find your code by them.
                Write it with the library's public operations: `nndl.util.Ops` (`mult`, `multTransA`,
                `multTransB`, `multAdd`, `sumCols`, `sumRows`, `addRow`, `addCol`, `relu`, `reluMask`,
                `addEquals`, on the native BLAS), EJML's `CommonOps_DDRM`, and the layers of `nndl.layers`.

                ## Your loop

                ```
                ./workbook lab                  # Jupyter with the Java kernel: edit lib/, re-run the cell
                ./workbook check EXERCISE...    # one exercise's public cases in seconds, e.g. ./workbook check TwoLayerNet.loss
                ./workbook run [NOTEBOOK...]    # run the notebooks (all five, or those named), write the PDF, print the score
                ./workbook submit               # pack build/submission-<your id>.zip to hand in
                ```

                Every command takes `--help`. Offline, or to be done in minutes, use the course's data subsets and
                the quick profile: `NNDL_DATA=../shared/datasets NNDL_PROFILE=quick ./workbook run`.

                **Hot reload.** In `./workbook lab`, save your change to a file under `lib/src/main/java` and run the
                cell again: before the cell runs, the kernel recompiles the changed files and swaps the new code in,
                keeping every variable of the notebook. A compile error is that cell's error (file:line, the line and
                a caret). A change that cannot be swapped in place (a field, a method or a signature added or
                removed) stops the cell and says so: restart the kernel (Kernel → Restart), which always loads the
                current sources.

                **Checks.** `./workbook check TwoLayerNet.loss` runs that exercise's public cases and prints one line
                per case, the same wording as the grader's feedback. A notebook cell that reaches a stub ends with one
                line, `not implemented yet: <method>, <block> — <file>:<line>`; later cells that do not need it still
                run, and `./workbook run` scores the checks of that cell 0 with the status `not-implemented`.

                **Written answers.** Some markdown cells of the notebooks ask a question and hold the prompt
                *Your answer here.* Replace the prompt by your answer (double-click the cell); a person reads it.

                **Submit.** `./workbook submit` needs a finished run (`./workbook run` first). It packs the library
                files that hold exercises, the executed notebooks of `build/notebooks/`,
                `build/report/graded-report.pdf` and a manifest of SHA-256 checksums, named with your student id (from
                `NNDL_STUDENT`, else asked once and kept in `build/student-id`). Only the exercise files are graded:
                changes elsewhere in the tree are ignored.

                """);
    }
}
