package nndl.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An executed Jupyter notebook (nbformat 4) as the report needs it: its cells in order, each code
 * cell with its execution count and outputs.
 *
 * @param name  file name without {@code .ipynb}, e.g. {@code "two_layer_nn"}
 * @param path  where it was read from
 * @param cells the cells in order
 */
public record NotebookFile(String name, Path path, List<Cell> cells) {

    /** A notebook cell. */
    public sealed interface Cell permits Markdown, Code, Raw {
    }

    /** A markdown cell's source. */
    public record Markdown(String source) implements Cell {
    }

    /** A code cell: its source, execution count (null if never run) and outputs. */
    public record Code(String source, Integer executionCount, List<Output> outputs) implements Cell {
    }

    /** A raw cell (shown as preformatted text). */
    public record Raw(String source) implements Cell {
    }

    /** One output of a code cell. */
    public sealed interface Output permits Stream, Data, Error {
    }

    /** Printed text: {@code name} is stdout or stderr. */
    public record Stream(String name, String text) implements Output {
    }

    /**
     * A display_data or execute_result: a MIME bundle. Text values are joined strings, JSON MIME
     * types keep their JSON. {@code executionCount} is set for execute_result only.
     */
    public record Data(String outputType, Integer executionCount, JsonObject bundle) implements Output {
        /** Returns the bundle's value for {@code mimeType} as text (joined if it is a list of lines), or null. */
        public String text(String mimeType) {
            JsonElement value = bundle.get(mimeType);
            return value == null || value.isJsonNull() ? null : joined(value);
        }

        /** Returns the bundle's value for {@code mimeType} as a JSON object, or null if absent or not an object. */
        public JsonObject json(String mimeType) {
            JsonElement value = bundle.get(mimeType);
            if (value != null && value.isJsonPrimitive()) {
                // Some front ends store JSON MIME data as a string: accept that too.
                try {
                    value = JsonParser.parseString(value.getAsString());
                } catch (JsonParseException e) {
                    return null;
                }
            }
            return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
        }
    }

    /** An exception: name, message and the traceback lines (which may hold ANSI colour codes). */
    public record Error(String ename, String evalue, List<String> traceback) implements Output {
    }

    /**
     * Reads a notebook file.
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException naming the file when it is not nbformat 4 JSON
     */
    public static NotebookFile read(Path path) throws IOException {
        String file = path.getFileName().toString();
        String name = file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(path + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
            throw new IllegalArgumentException(path + " is not a Jupyter notebook (no \"cells\" list)");
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonElement element : root.getAsJsonObject().getAsJsonArray("cells")) {
            cells.add(cell(element.getAsJsonObject()));
        }
        return new NotebookFile(name, path, List.copyOf(cells));
    }

    private static Cell cell(JsonObject json) {
        String type = json.has("cell_type") ? json.get("cell_type").getAsString() : "raw";
        String source = json.has("source") ? joined(json.get("source")) : "";
        switch (type) {
            case "markdown":
                return new Markdown(source);
            case "code":
                JsonElement count = json.get("execution_count");
                List<Output> outputs = new ArrayList<>();
                if (json.has("outputs")) {
                    for (JsonElement output : json.getAsJsonArray("outputs")) {
                        outputs.add(output(output.getAsJsonObject()));
                    }
                }
                return new Code(source, count == null || count.isJsonNull() ? null : count.getAsInt(), List.copyOf(outputs));
            default:
                return new Raw(source);
        }
    }

    private static Output output(JsonObject json) {
        String type = json.has("output_type") ? json.get("output_type").getAsString() : "";
        switch (type) {
            case "stream":
                return new Stream(json.has("name") ? json.get("name").getAsString() : "stdout",
                        json.has("text") ? joined(json.get("text")) : "");
            case "error":
                List<String> traceback = new ArrayList<>();
                if (json.has("traceback")) {
                    json.getAsJsonArray("traceback").forEach(line -> traceback.add(line.getAsString()));
                }
                return new Error(string(json, "ename"), string(json, "evalue"), List.copyOf(traceback));
            default:
                JsonElement count = json.get("execution_count");
                JsonObject bundle = json.has("data") && json.get("data").isJsonObject() ? json.getAsJsonObject("data") : new JsonObject();
                return new Data(type, count == null || count.isJsonNull() ? null : count.getAsInt(), bundle);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.has(name) && !json.get(name).isJsonNull() ? json.get(name).getAsString() : "";
    }

    /** nbformat stores multi-line text either as one string or as a list of lines. */
    static String joined(JsonElement value) {
        if (value.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement part : (JsonArray) value) {
                text.append(part.getAsString());
            }
            return text.toString();
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    @Override
    public String toString() {
        long code = cells.stream().filter(c -> c instanceof Code).count();
        return "NotebookFile(" + name + ": " + cells.size() + " cells, " + code + " code)";
    }
}
