package nndl.report;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Numbers;
import nndl.grade.Rubric;
import nndl.grade.RunInfo;

/**
 * The grades read back from executed notebooks, scored against the {@link Rubric}. Every rubric
 * check appears: one whose record is missing "did not run" and earns 0 of its points; one not
 * graded on this data leaves the possible total. Records are read by {@link TrustedGrades}: only
 * their values count, points are recomputed with the current rubric, and whether the run used the
 * full dataset is the caller's verified answer, not the record's claim. With the judge's verdicts
 * ({@link #withJudge}) the total is the judge's: the one total of spec §10.5.
 */
public final class GradeSummary {

    /** What happened to a check. */
    public enum Outcome {
        PASSED("passed"), PARTIAL("partial credit"), FAILED("failed"), NOT_RUN("not run"),
        NOT_GRADED("not graded on this data"),
        /** The cell that records the check reached a stub of the student edition (NotImplementedYet). */
        NOT_IMPLEMENTED("not-implemented");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** Returns the label shown in the score table, e.g. "not run". */
        public String label() {
            return label;
        }
    }

    /**
     * A rubric check with its recorded result ({@code result} is null when the check never ran; then
     * {@code missing} says why, or is null when no cell calls it).
     */
    public record CheckScore(Check check, GradeResult result, MissingChecks.Reason missing) {
        /** A check scored without knowing why a missing record is missing. */
        public CheckScore(Check check, GradeResult result) {
            this(check, result, null);
        }

        /** Returns what happened to the check. */
        public Outcome outcome() {
            if (result == null) {
                return missing != null && missing.kind() == MissingChecks.Kind.NOT_IMPLEMENTED ? Outcome.NOT_IMPLEMENTED
                        : Outcome.NOT_RUN;
            }
            if (result.status() == GradeResult.Status.NOT_GRADED_ON_THIS_DATA) {
                return Outcome.NOT_GRADED;
            }
            return result.passed() ? Outcome.PASSED : result.earned() > 0 ? Outcome.PARTIAL : Outcome.FAILED;
        }

        /** Returns the points earned (0 when not run or not graded). */
        public double earned() {
            return result == null ? 0 : result.earned();
        }

        /** Returns the points this check adds to the possible total (0 when not graded on this data). */
        public int possible() {
            return outcome() == Outcome.NOT_GRADED ? 0 : check.points();
        }

        /**
         * Returns the status text of the score table, e.g. "failed", "ungraded · passed",
         * "not-implemented", "failed at cell 12" or "not executed".
         */
        public String statusLabel() {
            String label = result == null && missing != null ? missing.status() : outcome().label();
            return check.ungraded() ? "ungraded · " + label : label;
        }

        /**
         * Returns why a check has no record, in full ("not implemented yet: TwoLayerNet.loss, forward
         * pass — lib/...:97", "failed at cell 12: NullPointerException: ...", "not executed", "not
         * run"), or null when it has one.
         */
        public String missingDetail() {
            return result != null ? null : missing == null ? "not run" : missing.detail();
        }

        /** Returns the measured value as text, or "—" when the check did not run. */
        public String valueText() {
            return result == null ? "—" : Numbers.format(result.value());
        }
    }

    /** One notebook's checks; {@code run} is null when the notebook did not record its profile. */
    public record NotebookScore(String notebook, boolean present, RunInfo run, List<CheckScore> checks) {
        /** Returns the points earned in this notebook. */
        public double earned() {
            return checks.stream().mapToDouble(CheckScore::earned).sum();
        }

        /** Returns the points possible in this notebook on the data it ran on. */
        public int possible() {
            return checks.stream().mapToInt(CheckScore::possible).sum();
        }

        /** Returns the points of the checks not graded on this data. */
        public int notGraded() {
            return checks.stream().filter(c -> c.outcome() == Outcome.NOT_GRADED).mapToInt(c -> c.check().points()).sum();
        }
    }

    private final List<NotebookScore> notebooks;
    private final List<String> warnings;
    private final Set<String> datasets;
    private final JudgeResults judge;

    private GradeSummary(List<NotebookScore> notebooks, List<String> warnings, Set<String> datasets) {
        this(notebooks, warnings, datasets, null);
    }

    private GradeSummary(List<NotebookScore> notebooks, List<String> warnings, Set<String> datasets, JudgeResults judge) {
        this.judge = judge;
        this.notebooks = notebooks;
        this.warnings = warnings;
        this.datasets = datasets;
    }

    /**
     * Reads the executed notebooks of {@code folder} and scores them.
     *
     * @throws IllegalArgumentException if the folder does not exist or a notebook is malformed
     */
    public static GradeSummary read(Path folder, boolean fullDataset) throws IOException {
        return of(Notebooks.readFolder(folder), fullDataset);
    }

    /**
     * Scores the given executed notebooks against the rubric.
     *
     * @param files       executed notebooks (not modified)
     * @param fullDataset whether the caller verified that they ran on the full official dataset
     */
    public static GradeSummary of(List<NotebookFile> files, boolean fullDataset) {
        Map<String, GradeResult> grades = new LinkedHashMap<>();
        Map<String, RunInfo> runs = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>();
        Set<String> datasets = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        Map<String, MissingChecks.Reason> missing = MissingChecks.of(files);
        for (NotebookFile file : files) {
            present.add(file.name());
            for (NotebookFile.Data data : Notebooks.dataOutputs(file)) {
                JsonObject run = data.json(RunInfo.MIME_TYPE);
                if (run != null) {
                    RunInfo info = RunInfo.fromJson(run);
                    runs.put(info.notebook(), info);
                }
            }
            for (GradeResult result : TrustedGrades.read(file, fullDataset, warnings).values()) {
                if (result.dataset() != null) {
                    datasets.add(result.dataset());
                }
                grades.put(result.id(), result);
            }
        }
        List<NotebookScore> scores = new ArrayList<>();
        for (String notebook : Rubric.NOTEBOOKS) {
            List<CheckScore> checks = new ArrayList<>();
            for (Check check : Rubric.checks(notebook)) {
                GradeResult grade = grades.get(check.id());
                MissingChecks.Reason reason = grade != null ? null : !present.contains(notebook)
                        ? new MissingChecks.Reason(MissingChecks.Kind.NOT_EXECUTED, 0, "not executed (no " + notebook + ".ipynb)")
                        : missing.get(check.id());
                checks.add(new CheckScore(check, grade, reason));
            }
            boolean ran = present.contains(notebook) || runs.containsKey(notebook)
                    || checks.stream().anyMatch(c -> c.result() != null);
            scores.add(new NotebookScore(notebook, ran, runs.get(notebook), List.copyOf(checks)));
        }
        return new GradeSummary(List.copyOf(scores), List.copyOf(warnings), datasets);
    }

    /**
     * Returns this summary with the judge's verdicts, whose total is the report's total (spec §10.5):
     * the notebooks' own grade records are then shown for reading and do not count.
     */
    public GradeSummary withJudge(JudgeResults results) {
        return new GradeSummary(notebooks, warnings, datasets, results);
    }

    /** The judge's verdicts when the report has them, else null (a report of the notebooks' records alone). */
    public JudgeResults judge() {
        return judge;
    }

    /** Returns the notebooks of the rubric, in order, with their checks. */
    public List<NotebookScore> notebooks() {
        return notebooks;
    }

    /** Returns every check, in rubric order. */
    public List<CheckScore> checks() {
        return notebooks.stream().flatMap(n -> n.checks().stream()).toList();
    }

    /** Returns the points earned in all notebooks (the judge's when the summary has its verdicts). */
    public double earned() {
        if (judge != null) {
            return judge.earned();
        }
        return notebooks.stream().mapToDouble(NotebookScore::earned).sum();
    }

    /** Returns the points possible on the data the notebooks ran on (the judge's when the summary has its verdicts). */
    public int possible() {
        if (judge != null) {
            return judge.possible();
        }
        return notebooks.stream().mapToInt(NotebookScore::possible).sum();
    }

    /** Returns the points not graded on this data (excluded from {@link #possible()}; the judge's when it has its verdicts). */
    public int notGraded() {
        if (judge != null) {
            return judge.notGraded();
        }
        return notebooks.stream().mapToInt(NotebookScore::notGraded).sum();
    }

    /** Returns the checks that failed or did not run, ungraded ones included (not-graded-on-this-data ones excluded). */
    public List<CheckScore> problems() {
        return checks().stream().filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.NOT_RUN
                || c.outcome() == Outcome.NOT_IMPLEMENTED).toList();
    }

    /** Returns the datasets named by the grade records, in order of appearance. */
    public List<String> datasets() {
        return List.copyOf(datasets);
    }

    /** Returns notes about records that were ignored or rescored. */
    public List<String> warnings() {
        return warnings;
    }

    /** Returns e.g. "two_layer_nn: 23 / 30 points", or for ungraded notebooks how many checks passed. */
    public static String scoreLine(NotebookScore score) {
        if (!score.checks().isEmpty() && score.checks().stream().allMatch(c -> c.check().ungraded())) {
            long passed = score.checks().stream().filter(c -> c.outcome() == Outcome.PASSED).count();
            return score.notebook() + ": ungraded, " + passed + " of " + score.checks().size() + " numerical checks passed"
                    + (score.present() ? "" : " (notebook not found)");
        }
        String line = score.notebook() + ": " + Numbers.points(score.earned()) + " / " + score.possible() + " points";
        if (score.notGraded() > 0) {
            line += " (" + score.notGraded() + " not graded on this data)";
        }
        return score.present() ? line : line + " (notebook not found)";
    }

    /**
     * Returns e.g. "Total: 97.5 / 120 points (30 not graded on this data)" (the judge's total when the
     * summary has the judge's verdicts, saying so).
     */
    public String totalLine() {
        if (judge != null) {
            return "Total: " + judge.totalLine() + " (" + judge.source() + "; the notebooks' own checks below do not count)";
        }
        return "Total: " + Numbers.points(earned()) + " / " + possible() + " points"
                + (notGraded() > 0 ? " (" + notGraded() + " not graded on this data)" : "");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (judge != null) {
            for (JudgeResults.Entry e : judge.exercises()) {
                text.append(e.line()).append('\n');
                e.cases().forEach(c -> text.append("    ").append(c).append('\n'));
            }
            return text.append(totalLine()).toString();
        }
        for (NotebookScore score : notebooks) {
            text.append(scoreLine(score)).append('\n');
        }
        return text.append(totalLine()).toString();
    }
}
