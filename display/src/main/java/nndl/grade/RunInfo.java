package nndl.grade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a notebook was run, recorded by {@link Profile#header(String)} in the first cell's output as
 * {@value #MIME_TYPE} so the report can show the profile used.
 *
 * @param notebook    notebook name, e.g. {@code "two_layer_nn"}
 * @param profile     {@code "quick"} or {@code "full"}
 * @param javaVersion the JVM's {@code java.version}
 * @param date        ISO-8601 local date-time of the run, e.g. {@code "2025-05-01T14:03:12"}
 */
public record RunInfo(String notebook, String profile, String javaVersion, String date) {
    /** The MIME type of a run record in a cell's display data. */
    public static final String MIME_TYPE = "application/vnd.nndl.run+json";

    /** Returns the JSON object as an insertion-ordered map of strings. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notebook", notebook);
        json.put("profile", profile);
        json.put("java_version", javaVersion);
        json.put("date", date);
        return json;
    }

    /** Reads a run record back from its JSON object; absent fields become "?". */
    public static RunInfo fromJson(JsonObject json) {
        return new RunInfo(text(json, "notebook"), text(json, "profile"), text(json, "java_version"), text(json, "date"));
    }

    private static String text(JsonObject json, String name) {
        JsonElement element = json.get(name);
        return element == null || element.isJsonNull() ? "?" : element.getAsString();
    }

    @Override
    public String toString() {
        return "RunInfo(" + notebook + ": profile " + profile + ", Java " + javaVersion + ", " + date + ")";
    }
}
