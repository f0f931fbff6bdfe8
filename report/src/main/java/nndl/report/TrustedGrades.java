package nndl.report;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Numbers;
import nndl.grade.Rubric;

/**
 * The grades of one executed notebook, read so that nothing a notebook claims is taken on trust:
 * a record counts only from the notebook it names, only for a check of that notebook's rubric, only
 * from a code cell whose own source calls {@code Grade.check("<that id>"...)}, and only its measured
 * value: points and status are computed again from the rubric here, and whether the data was the
 * full dataset is decided by the reader's caller (the data it verified), never by the record.
 *
 * <p>Code under test runs in the same kernel as the check and could show a record of its own, so a
 * cell's records count only when the cell finished without an error (a record shown before the
 * cell failed cannot be the check's, which is the cell's last statement), and a check whose cell
 * shows more records of its id than the cell's source has {@code Grade.check} calls for it counts
 * none of them (one of them is forged). Of a cell's records for one id, the last counts.
 */
public final class TrustedGrades {
    private static final Pattern CHECK_CALL = Pattern.compile("Grade\\.check\\(\\s*\"([^\"]+)\"");

    private TrustedGrades() {
    }

    /**
     * The graded checks of {@code notebook}, keyed by id, in order of appearance.
     *
     * @param notebook    an executed notebook (not modified)
     * @param fullDataset whether the caller verified that the run used the full official dataset
     * @return the re-evaluated results; a check without an acceptable record is absent
     */
    public static Map<String, GradeResult> read(NotebookFile notebook, boolean fullDataset) {
        return read(notebook, fullDataset, new ArrayList<>());
    }

    /**
     * As {@link #read(NotebookFile, boolean)}, adding to {@code warnings} one line per record that was
     * ignored or whose recorded points differ from the rubric's for its value.
     */
    public static Map<String, GradeResult> read(NotebookFile notebook, boolean fullDataset, List<String> warnings) {
        Map<String, GradeResult> results = new LinkedHashMap<>();
        for (NotebookFile.Cell cell : notebook.cells()) {
            if (!(cell instanceof NotebookFile.Code code)) {
                continue;
            }
            List<String> named = namedChecks(code.source());
            Map<String, GradeResult> lastInCell = new LinkedHashMap<>();
            Map<String, Integer> shown = new LinkedHashMap<>();
            for (NotebookFile.Output output : code.outputs()) {
                accepted(output, notebook.name(), named, fullDataset, warnings).ifPresent(r -> {
                    lastInCell.put(r.id(), r);
                    shown.merge(r.id(), 1, Integer::sum);
                });
            }
            boolean failed = code.outputs().stream().anyMatch(o -> o instanceof NotebookFile.Error);
            for (Map.Entry<String, GradeResult> entry : lastInCell.entrySet()) {
                String id = entry.getKey();
                long calls = named.stream().filter(id::equals).count();
                if (failed) {
                    warnings.add(notebook.name() + ": grade record '" + id + "' ignored: its cell failed before the check could run");
                } else if (shown.get(id) > calls) {
                    warnings.add(notebook.name() + ": grade records '" + id + "' ignored: the cell shows " + shown.get(id)
                            + " for " + calls + " Grade.check call" + (calls == 1 ? "" : "s") + " (a forged one among them)");
                } else {
                    results.put(id, entry.getValue());
                }
            }
        }
        return results;
    }

    /** The check ids a cell's source passes to {@code Grade.check}, in order. */
    public static List<String> namedChecks(String source) {
        List<String> ids = new ArrayList<>();
        Matcher m = CHECK_CALL.matcher(source);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Optional<GradeResult> accepted(NotebookFile.Output output, String notebook, List<String> named,
                                                  boolean fullDataset, List<String> warnings) {
        if (!(output instanceof NotebookFile.Data data)) {
            return Optional.empty();
        }
        JsonObject json = data.json(GradeResult.MIME_TYPE);
        if (json == null || !json.has("id") || !json.has("notebook") || !json.has("value")) {
            return Optional.empty();
        }
        String id = json.get("id").getAsString();
        Optional<Check> check = Rubric.find(id);
        String why = check.isEmpty() ? "is not a check of the rubric"
                : !check.get().notebook().equals(notebook) || !json.get("notebook").getAsString().equals(notebook)
                ? "belongs to " + check.get().notebook() + ", not to " + notebook
                : !named.contains(id) ? "does not come from the cell that calls Grade.check(\"" + id + "\")" : null;
        if (why != null) {
            warnings.add(notebook + ": grade record '" + id + "' ignored: it " + why);
            return Optional.empty();
        }
        String dataset = json.has("dataset") && !json.get("dataset").isJsonNull() ? json.get("dataset").getAsString() : null;
        GradeResult result = check.get().evaluate(value(json), fullDataset, dataset);
        if (json.has("earned") && json.get("earned").isJsonPrimitive() && json.get("earned").getAsDouble() != result.earned()) {
            warnings.add(notebook + ": " + id + " recorded " + Numbers.points(json.get("earned").getAsDouble())
                    + " points, the rubric gives " + Numbers.points(result.earned()) + " for value " + Numbers.format(result.value())
                    + (fullDataset ? "" : " on data not verified as the full official CIFAR-10"));
        }
        return Optional.of(result);
    }

    private static double value(JsonObject json) {
        try {
            return json.get("value").isJsonPrimitive() && json.get("value").getAsJsonPrimitive().isNumber()
                    ? json.get("value").getAsDouble() : Double.parseDouble(json.get("value").getAsString());
        } catch (NumberFormatException | UnsupportedOperationException e) {
            return Double.NaN;
        }
    }
}
