package nndl.release;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A notebook with its executed state removed (no outputs, no execution counts, no timing metadata) and
 * its written answers replaced by a prompt ({@link AnswerCells}).
 */
final class ClearedNotebook {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" ")).create();

    private ClearedNotebook() {
    }

    /**
     * Returns the notebook JSON {@code text} cleared, in Jupyter's one-blank indentation.
     *
     * @throws ReleaseError naming {@code file} when it is not a notebook, or the cell of a malformed answer
     */
    static String clear(String file, String text) throws ReleaseError {
        JsonObject root = AnswerCells.parse(file, text);
        boolean cleared = AnswerCells.replace(file, root);
        for (JsonElement element : root.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (cell.has("cell_type") && cell.get("cell_type").getAsString().equals("code")) {
                JsonElement outputs = cell.get("outputs");
                JsonElement count = cell.get("execution_count");
                if (outputs == null || !outputs.isJsonArray() || !outputs.getAsJsonArray().isEmpty()) {
                    cell.add("outputs", new com.google.gson.JsonArray());
                    cleared = true;
                }
                if (count == null || !count.isJsonNull()) {
                    cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
                    cleared = true;
                }
            }
            if (cell.has("metadata") && cell.get("metadata").isJsonObject()) {
                JsonObject metadata = cell.getAsJsonObject("metadata");
                cleared |= metadata.remove("execution") != null;
            }
        }
        if (root.has("metadata") && root.get("metadata").isJsonObject()) {
            cleared |= root.getAsJsonObject("metadata").remove("nndl") != null;
        }
        return cleared ? GSON.toJson(root) + "\n" : text;
    }
}
