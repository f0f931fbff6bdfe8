package nndl.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import nndl.grade.GradeResult;
import nndl.grade.RunInfo;

/** Builds small executed notebooks (nbformat 4 JSON, as nbclient writes them) for the report tests. */
final class NotebookJson {
    private final JsonArray cells = new JsonArray();
    private int count;

    NotebookJson markdown(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        cell.add("source", lines(source));
        cells.add(cell);
        return this;
    }

    NotebookJson code(String source, JsonObject... outputs) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("execution_count", ++count);
        cell.add("metadata", new JsonObject());
        cell.add("source", lines(source));
        JsonArray list = new JsonArray();
        for (JsonObject output : outputs) {
            list.add(output);
        }
        cell.add("outputs", list);
        cells.add(cell);
        return this;
    }

    static JsonObject stream(String name, String text) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.add("text", lines(text));
        return output;
    }

    static JsonObject display(Map<String, Object> bundle) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "display_data");
        output.add("data", new GsonBuilder().create().toJsonTree(bundle));
        output.add("metadata", new JsonObject());
        return output;
    }

    static JsonObject result(int executionCount, String text) {
        JsonObject output = display(Map.of("text/plain", text));
        output.addProperty("output_type", "execute_result");
        output.addProperty("execution_count", executionCount);
        return output;
    }

    static JsonObject grade(GradeResult result) {
        return display(Map.of("text/plain", result.humanLine(), GradeResult.MIME_TYPE, result.toJson()));
    }

    static JsonObject run(String notebook, String profile) {
        RunInfo info = new RunInfo(notebook, profile, "17.0.15", "2025-05-01T10:00:00");
        return display(Map.of("text/plain", "Profile: " + profile + " (NNDL_PROFILE=" + profile + ")", RunInfo.MIME_TYPE, info.toJson()));
    }

    static JsonObject png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return display(Map.of("image/png", Base64.getEncoder().encodeToString(bytes.toByteArray()), "text/plain", "<image>"));
    }

    static JsonObject html(String html, String plain) {
        return display(Map.of("text/html", html, "text/plain", plain));
    }

    static JsonObject error(String ename, String evalue, String... traceback) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", ename);
        output.addProperty("evalue", evalue);
        JsonArray lines = new JsonArray();
        for (String line : traceback) {
            lines.add(line);
        }
        output.add("traceback", lines);
        return output;
    }

    void write(Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.add("cells", cells);
        JsonObject kernel = new JsonObject();
        kernel.addProperty("name", "java");
        kernel.addProperty("display_name", "Java");
        kernel.addProperty("language", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernel);
        root.add("metadata", metadata);
        root.addProperty("nbformat", 4);
        root.addProperty("nbformat_minor", 5);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root), StandardCharsets.UTF_8);
    }

    /** nbformat's list-of-lines form, each line keeping its newline. */
    private static JsonArray lines(String text) {
        JsonArray array = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            array.add(new JsonPrimitive(text.substring(start, end)));
            start = end;
        }
        return array;
    }
}
