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
import nndl.grade.Rubric;

/**
 * The grades of one executed notebook, read so that nothing a notebook claims is taken on trust:
 * a record counts only from the notebook it names, only for a check of that notebook's rubric, only
 * from a code cell whose own source calls {@code Grade.check("<that id>"...)}, and only its measured
 * value: points and status are computed again from the rubric here, and whether the data was the
 * full dataset is decided by the reader's caller (the data it verified), never by the record.
 * When a cell shows several records for one id, the last one counts: the check's own
 * {@code Grade.check} runs after the code it measures.
 */
public final class TrustedGrades {
    private static final Pattern CHECK_CALL = Pattern.compile("Grade\\.check\\(\\s*\"([^\"]+)\"");

    private TrustedGrades() {
    }

    /**
     * The graded checks of {@code notebook}, keyed by id, in rubric order of appearance.
     *
     * @param notebook    an executed notebook (not modified)
     * @param fullDataset whether the caller verified that the run used the full official dataset
     * @return the re-evaluated results; a check without an acceptable record is absent
     */
    public static Map<String, GradeResult> read(NotebookFile notebook, boolean fullDataset) {
        Map<String, GradeResult> results = new LinkedHashMap<>();
        for (NotebookFile.Cell cell : notebook.cells()) {
            if (!(cell instanceof NotebookFile.Code code)) {
                continue;
            }
            List<String> named = namedChecks(code.source());
            Map<String, GradeResult> lastInCell = new LinkedHashMap<>();
            for (NotebookFile.Output output : code.outputs()) {
                accepted(output, notebook.name(), named, fullDataset).ifPresent(r -> lastInCell.put(r.id(), r));
            }
            results.putAll(lastInCell);
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
                                                  boolean fullDataset) {
        if (!(output instanceof NotebookFile.Data data)) {
            return Optional.empty();
        }
        JsonObject json = data.json(GradeResult.MIME_TYPE);
        if (json == null || !json.has("id") || !json.has("notebook") || !json.has("value")) {
            return Optional.empty();
        }
        String id = json.get("id").getAsString();
        Optional<Check> check = Rubric.find(id);
        if (check.isEmpty() || !check.get().notebook().equals(notebook) || !json.get("notebook").getAsString().equals(notebook)
                || !named.contains(id)) {
            return Optional.empty();
        }
        String dataset = json.has("dataset") && !json.get("dataset").isJsonNull() ? json.get("dataset").getAsString() : null;
        return Optional.of(check.get().evaluate(value(json), fullDataset, dataset));
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
