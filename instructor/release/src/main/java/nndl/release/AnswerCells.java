package nndl.release;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The written answers of the notebooks (docs/editions.md, "Written answers"): in the instructor edition a
 * markdown cell that answers a question of the seed carries the metadata {@code "nndl": {"answer": "<id>"}}
 * and holds its model answer between the lines {@value #BEGIN} and {@value #END}. The release replaces
 * each such region by the prompt {@value #PROMPT} and keeps the metadata, so the grader finds what the
 * student wrote there; the leak check searches every released file for the answers' lines.
 */
final class AnswerCells {
    static final String BEGIN = "<!-- BEGIN INSTRUCTOR ONLY -->";
    static final String END = "<!-- END INSTRUCTOR ONLY -->";
    static final String PROMPT = "*Your answer here.*";

    private AnswerCells() {
    }

    /**
     * Replaces the instructor-only regions of the markdown cells of {@code root} (modified) by the prompt.
     *
     * @return whether any region was replaced
     * @throws ReleaseError naming the file and cell of a region in a code cell, left open or nested, or in a
     *                      cell without the {@code nndl.answer} metadata
     */
    static boolean replace(String file, JsonObject root) throws ReleaseError {
        boolean replaced = false;
        JsonArray cells = root.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            String source = source(cell);
            if (!source.contains("INSTRUCTOR ONLY")) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            split(file, i, cell, source, kept, null);
            setSource(cell, String.join("\n", kept));
            replaced = true;
        }
        return replaced;
    }

    /**
     * Adds the lines of the notebook {@code text}'s answers to {@code answers} and the other lines of its
     * cells to {@code shared} (both trimmed).
     */
    static void collect(String file, String text, Set<String> answers, Set<String> shared) throws ReleaseError {
        JsonObject root = parse(file, text);
        JsonArray cells = root.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            List<String> kept = new ArrayList<>();
            List<String> answer = new ArrayList<>();
            split(file, i, cell, source(cell), kept, answer);
            kept.forEach(line -> shared.add(line.strip()));
            answer.forEach(line -> answers.add(line.strip()));
        }
    }

    /** Returns every cell's source of a notebook, one after the other, or null when it is not a notebook. */
    static String cellText(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("cells")) {
                return null;
            }
            StringBuilder all = new StringBuilder();
            for (JsonElement cell : parsed.getAsJsonObject().getAsJsonArray("cells")) {
                all.append(source(cell.getAsJsonObject())).append('\n');
            }
            return all.toString();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    static JsonObject parse(String file, String text) throws ReleaseError {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("cells")) {
                throw new ReleaseError(file + ": not a Jupyter notebook (no \"cells\" list)");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ReleaseError(file + ": not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Splits a cell's lines: outside the regions into {@code kept} (each region becoming the prompt), inside
     * into {@code answer} when not null.
     */
    private static void split(String file, int index, JsonObject cell, String source, List<String> kept,
                              List<String> answer) throws ReleaseError {
        String where = file + ": cell " + index + ": ";
        boolean open = false;
        boolean any = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.equals(BEGIN)) {
                if (open) {
                    throw new ReleaseError(where + "nested " + BEGIN);
                }
                open = true;
                any = true;
                kept.add(PROMPT);
            } else if (trimmed.equals(END)) {
                if (!open) {
                    throw new ReleaseError(where + END + " without a " + BEGIN);
                }
                open = false;
            } else if (open) {
                if (answer != null) {
                    answer.add(line);
                }
            } else {
                kept.add(line);
            }
        }
        if (open) {
            throw new ReleaseError(where + BEGIN + " is left open");
        }
        if (!any) {
            return;
        }
        if (!"markdown".equals(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "")) {
            throw new ReleaseError(where + "an instructor-only region in a code cell (written answers are markdown cells)");
        }
        JsonElement metadata = cell.get("metadata");
        JsonElement nndl = metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject().get("nndl") : null;
        if (nndl == null || !nndl.isJsonObject() || !nndl.getAsJsonObject().has("answer")) {
            throw new ReleaseError(where + "a written answer without the cell metadata \"nndl\": {\"answer\": \"<question id>\"}"
                    + " (the grader collects the student's answers by it)");
        }
    }

    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement part : source.getAsJsonArray()) {
            text.append(part.getAsString());
        }
        return text.toString();
    }

    /** Stores {@code text} as Jupyter does: a list of lines, each but the last ending in a newline. */
    private static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            String line = i < parts.length - 1 ? parts[i] + "\n" : parts[i];
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        cell.add("source", lines);
    }
}
