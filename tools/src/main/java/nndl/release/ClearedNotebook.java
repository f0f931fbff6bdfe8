package nndl.release;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** A notebook with its executed state removed: no outputs, no execution counts, no timing metadata. */
final class ClearedNotebook {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" ")).create();

    private ClearedNotebook() {
    }

    /**
     * Returns the notebook JSON {@code text} cleared, in Jupyter's one-blank indentation.
     *
     * @throws ReleaseError naming {@code file} when it is not a notebook
     */
    static String clear(String file, String text) throws ReleaseError {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("cells")) {
                throw new ReleaseError(file + ": not a Jupyter notebook (no \"cells\" list)");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ReleaseError(file + ": not valid JSON: " + e.getMessage());
        }
        boolean cleared = false;
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
