package nndl.kernel.cell;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Code read by {@code %load}: a {@code .jsh} or {@code .java} file as one piece, a notebook's code
 * cells one by one.
 *
 * @param origin how errors name it, e.g. {@code helpers.jsh} or {@code setup.ipynb, code cell 2}
 * @param code   the Java code (it may hold magics)
 */
public record LoadedSource(String origin, String code) {

    /**
     * The code in {@code file}; {@code shownName} is the name errors use for it.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if a notebook is not valid JSON
     */
    public static List<LoadedSource> read(Path file, String shownName) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!file.getFileName().toString().endsWith(".ipynb")) {
            return List.of(new LoadedSource(shownName, text));
        }
        return notebookCells(text, shownName);
    }

    /** The code cells of notebook JSON {@code text}, in order. */
    static List<LoadedSource> notebookCells(String text, String shownName) {
        JsonArray cells;
        try {
            JsonElement cellsElement = JsonParser.parseString(text).getAsJsonObject().get("cells");
            cells = cellsElement == null ? new JsonArray() : cellsElement.getAsJsonArray();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(shownName + " is not a notebook: " + e.getMessage(), e);
        }
        List<LoadedSource> sources = new ArrayList<>();
        int number = 0;
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            if (cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString())) {
                number++;
                sources.add(new LoadedSource(shownName + ", code cell " + number, joined(cell.get("source"))));
            }
        }
        return sources;
    }

    /** nbformat stores a cell's source as one string or as a list of lines. */
    private static String joined(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (!source.isJsonArray()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) {
            text.append(line.getAsString());
        }
        return text.toString();
    }
}
