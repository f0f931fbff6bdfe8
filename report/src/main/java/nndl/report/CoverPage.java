package nndl.report;

import java.awt.Color;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nndl.grade.Numbers;
import nndl.grade.RunInfo;

/** The cover: title, student and run information, the sentences that explain the score, the score table. */
final class CoverPage {
    private final PageWriter writer;
    private final Styles styles;
    private final InlineLayout layout;
    private final TableRenderer tables;

    CoverPage(PageWriter writer, Styles styles, InlineLayout layout, TableRenderer tables) {
        this.writer = writer;
        this.styles = styles;
        this.layout = layout;
        this.tables = tables;
    }

    /** Draws the cover on a new page. */
    void draw(GradeSummary summary, String student, LocalDateTime generated) {
        writer.newPage();
        paragraph(List.of(new Inline.Run("Neural networks workbook — graded report", styles.title.withSize(17f))));
        writer.gap(4);
        paragraph(List.of(new Inline.Run("Two-layer net, fully-connected nets (CIFAR-10), multi-layer net (MNIST) and "
                + "backprop exercises, executed in Java.", styles.body.withColor(Styles.MUTED))));
        writer.gap(8);
        field("Student", student);
        field("Report generated", generated.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        field("Profile", profiles(summary));
        field("Dataset", summary.datasets().isEmpty() ? "not recorded by the grade checks" : String.join("; ", summary.datasets()));
        field("Notebooks run", runs(summary));
        field("Java", javaVersions(summary));
        writer.gap(8);
        paragraph(List.of(new Inline.Run(summary.totalLine().replace("Total:", "Score:"), styles.bold.withSize(14f))));
        writer.gap(3);
        for (String sentence : explanations(summary)) {
            paragraph(List.of(new Inline.Run(sentence, styles.small)));
            writer.gap(2);
        }
        writer.gap(6);
        if (summary.judge() != null) {
            judgeTable(summary.judge());
            writer.gap(8);
            paragraph(List.of(new Inline.Run("The notebooks' own checks (what the notebooks printed and compared; "
                    + "for reference, they do not count)", styles.bold)));
            writer.gap(3);
        }
        table(summary);
    }

    /**
     * The judge's verdicts (spec §10.5): one row per exercise under its notebook, its points and its
     * verdict, and the lines of its failing cases below it. These are the points of the score line.
     */
    private void judgeTable(JudgeResults judge) {
        Inline.Style cell = styles.body.withSize(7.8f);
        Inline.Style bold = styles.bold.withSize(7.8f);
        List<TableRenderer.Row> rows = new ArrayList<>();
        rows.add(row(List.of("Exercise", "Points", "Verdict (" + judge.source() + ")"), bold, true, Styles.HEADER_ROW, null));
        String notebook = null;
        for (JudgeResults.Entry e : judge.exercises()) {
            if (!e.notebook().equals(notebook)) {
                notebook = e.notebook();
                rows.add(row(List.of(notebook, "", ""), bold, false, Styles.SUBTOTAL_ROW, null));
            }
            String points = !e.graded() ? "(" + e.points() + ")" : Numbers.points(e.earned()) + " / " + e.points();
            Inline.Style verdictStyle = cell.withColor(judgeColor(e));
            List<Inline> verdict = new ArrayList<>(List.of(new Inline.Run(verdictLine(e), verdictStyle)));
            for (String failing : e.cases()) {
                verdict.add(new Inline.Break());
                verdict.add(new Inline.Run(caseLine(e, failing), cell));
            }
            rows.add(new TableRenderer.Row(List.of(
                    new TableRenderer.Cell(List.of(new Inline.Run(e.id(), cell)), InlineLayout.Align.LEFT),
                    new TableRenderer.Cell(List.of(new Inline.Run(points, cell)), InlineLayout.Align.RIGHT),
                    new TableRenderer.Cell(verdict, InlineLayout.Align.LEFT)), false, null));
        }
        rows.add(row(List.of("Total", Numbers.points(judge.earned()) + " / " + judge.possible(),
                judge.notGraded() > 0 ? judge.notGraded() + " pts not graded on this data" : ""), bold, false, Styles.HEADER_ROW, null));
        tables.draw(writer, rows, writer.left(), tables.flexibleWidths(rows, writer.width(), 2));
    }

    /**
     * The verdict line without its mark, exercise name and points (the row shows both): e.g. "passed",
     * "failed: 2 of 5 cases", "13 points not graded on this data (...)".
     */
    private static String verdictLine(JudgeResults.Entry e) {
        String line = e.line();
        int name = line.indexOf(e.id() + ": ");
        String verdict = name >= 0 ? line.substring(name + e.id().length() + 2) : line;
        return verdict.replaceFirst("^[0-9.]+ / [0-9]+ points?, ", "");
    }

    /** A failing case's line without its mark and exercise (the row names the exercise): "public case (…): …". */
    private static String caseLine(JudgeResults.Entry e, String line) {
        String text = line.strip();
        int at = text.indexOf(e.id() + " · ");
        return at >= 0 && at <= 2 ? text.substring(at + e.id().length() + 3) : text;
    }

    private static Color judgeColor(JudgeResults.Entry e) {
        if (!e.graded()) {
            return Styles.MUTED;
        }
        return e.earned() >= e.points() ? Styles.PASSED : e.earned() > 0 ? Styles.PARTIAL : Styles.FAILED;
    }

    private void paragraph(List<Inline> items) {
        layout.draw(writer, layout.wrap(items, writer.width()), writer.left(), writer.width(), InlineLayout.Align.LEFT);
    }

    private void field(String name, String value) {
        paragraph(List.of(new Inline.Run(name + ": ", styles.bold), new Inline.Run(value, styles.body)));
    }

    private static String profiles(GradeSummary summary) {
        Set<String> profiles = new LinkedHashSet<>();
        List<String> perNotebook = new ArrayList<>();
        for (GradeSummary.NotebookScore score : summary.notebooks()) {
            if (score.run() != null) {
                profiles.add(score.run().profile());
                perNotebook.add(score.notebook() + ": " + score.run().profile());
            }
        }
        if (profiles.isEmpty()) {
            return "not recorded (the notebooks did not call Profile.header)";
        }
        return profiles.size() == 1 ? profiles.iterator().next() + " (NNDL_PROFILE)" : String.join(", ", perNotebook);
    }

    private static String runs(GradeSummary summary) {
        List<String> parts = new ArrayList<>();
        for (GradeSummary.NotebookScore score : summary.notebooks()) {
            RunInfo run = score.run();
            parts.add(score.notebook() + (run != null ? " (" + run.date().replace('T', ' ') + ")" : score.present() ? "" : " (not found)"));
        }
        return String.join(", ", parts);
    }

    private static String javaVersions(GradeSummary summary) {
        Set<String> versions = new LinkedHashSet<>();
        summary.notebooks().stream().filter(s -> s.run() != null).forEach(s -> versions.add(s.run().javaVersion()));
        return versions.isEmpty() ? System.getProperty("java.version") + " (report)" : String.join(", ", versions);
    }

    private static List<String> explanations(GradeSummary summary) {
        List<String> sentences = new ArrayList<>();
        if (summary.notGraded() > 0) {
            sentences.add("Checks worth " + summary.notGraded() + " points need the full CIFAR-10 dataset (49,000 training "
                    + "images); this run used other data, so they are marked \"not graded on this data\" and excluded "
                    + "from the possible total.");
        }
        long notRun = summary.checks().stream().filter(c -> c.outcome() == GradeSummary.Outcome.NOT_RUN).count();
        if (notRun > 0) {
            sentences.add(notRun + (notRun == 1 ? " check" : " checks") + " did not run: each scores 0 and stays in the possible total.");
        }
        long notImplemented = summary.checks().stream().filter(c -> c.outcome() == GradeSummary.Outcome.NOT_IMPLEMENTED).count();
        if (notImplemented > 0) {
            sentences.add(notImplemented + (notImplemented == 1 ? " check reaches" : " checks reach") + " code that is not "
                    + "implemented yet (a stub of the student edition): each scores 0 with the status not-implemented.");
        }
        sentences.add("The backprop exercises are derivations graded by a person; their numerical checks are listed as "
                + "ungraded (0 points). The value of a check is the measured number the notebook printed; "
                + "the threshold is what it is compared with.");
        return sentences;
    }

    private void table(GradeSummary summary) {
        Inline.Style cell = styles.body.withSize(7.8f);
        Inline.Style bold = styles.bold.withSize(7.8f);
        List<TableRenderer.Row> rows = new ArrayList<>();
        rows.add(row(List.of("Check", "Measured", "Value", "Threshold", "Points", "Status"), bold, true, Styles.HEADER_ROW, null));
        for (GradeSummary.NotebookScore score : summary.notebooks()) {
            String subtotal = Numbers.points(score.earned()) + " / " + score.possible();
            String note = score.present() ? (score.notGraded() > 0 ? score.notGraded() + " pts not graded" : "") : "notebook not found";
            String what = summary.judge() == null ? "notebook subtotal" : "the notebook's own subtotal (not counted)";
            rows.add(row(List.of(score.notebook(), what, "", "", subtotal, note), bold, false, Styles.SUBTOTAL_ROW, null));
            for (GradeSummary.CheckScore check : score.checks()) {
                String points = check.check().ungraded() ? "—"
                        : check.outcome() == GradeSummary.Outcome.NOT_GRADED ? "(" + check.check().points() + ")"
                        : Numbers.points(check.earned()) + " / " + check.check().points();
                rows.add(row(List.of(check.check().name(), check.check().measures(), check.valueText(),
                        check.check().criterion().describe() + (check.check().fullDatasetOnly() ? " †" : ""), points,
                        check.statusLabel()), cell, false, null, color(check.outcome())));
            }
        }
        if (summary.judge() == null) {
            rows.add(row(List.of("Total", "", "", "", Numbers.points(summary.earned()) + " / " + summary.possible(),
                    summary.notGraded() > 0 ? summary.notGraded() + " pts not graded" : ""), bold, false, Styles.HEADER_ROW, null));
        }
        tables.draw(writer, rows, writer.left(), tables.flexibleWidths(rows, writer.width(), 1));
        writer.gap(3);
        paragraph(List.of(new Inline.Run("† graded on the full CIFAR-10 dataset only.", styles.small.withColor(Styles.MUTED))));
    }

    private static Color color(GradeSummary.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> Styles.PASSED;
            case PARTIAL -> Styles.PARTIAL;
            case FAILED, NOT_RUN, NOT_IMPLEMENTED -> Styles.FAILED;
            case NOT_GRADED -> Styles.MUTED;
        };
    }

    private static TableRenderer.Row row(List<String> texts, Inline.Style style, boolean header, Color background, Color statusColor) {
        List<TableRenderer.Cell> cells = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            Inline.Style cellStyle = c == texts.size() - 1 && statusColor != null ? style.withColor(statusColor) : style;
            InlineLayout.Align align = texts.size() == 6 && (c == 2 || c == 4) || texts.size() == 3 && c == 1
                    ? InlineLayout.Align.RIGHT : InlineLayout.Align.LEFT;
            cells.add(new TableRenderer.Cell(List.of(new Inline.Run(texts.get(c), cellStyle)), align));
        }
        return new TableRenderer.Row(cells, header, background);
    }
}
