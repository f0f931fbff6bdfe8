package nndl.judge;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's outputs of the public cases, recorded as data ({@value #RESOURCE}) so that
 * {@code ./workbook check} judges them in the student edition, which has no reference code. The
 * instructor edition writes the file from the model answers ({@code nndl.grader.PublicExpectedMain});
 * a grader test fails when it is stale.
 */
public final class PublicExpected {
    /** The classpath resource. */
    public static final String RESOURCE = "/nndl/judge/public-expected.bin";

    private PublicExpected() {
    }

    /** Writes one message per case: its exercise, label and the outputs. */
    public static void write(OutputStream out, List<Case> cases, List<Map<String, Object>> outputs) throws IOException {
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("exercise", cases.get(i).exercise());
            m.put("label", cases.get(i).label());
            outputs.get(i).forEach((k, v) -> m.put("out " + k, v));
            Wire.write(out, m);
        }
    }

    /**
     * Reads the recorded outputs, one map per case of {@code cases} in order.
     *
     * @throws IOException when the resource is missing or was recorded for other cases (naming the first that differs)
     */
    public static List<Map<String, Object>> read(List<Case> cases) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (InputStream raw = PublicExpected.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException("no " + RESOURCE + " on the classpath: the public cases' expected outputs are missing");
            }
            InputStream in = new BufferedInputStream(raw);
            for (Case c : cases) {
                Map<String, Object> m = Wire.read(in);
                if (m == null || !c.exercise().equals(m.get("exercise")) || !c.label().equals(m.get("label"))) {
                    throw new IOException(RESOURCE + " is stale at case " + (out.size() + 1) + " (" + c.exercise() + ", " + c.label()
                            + "): it holds " + (m == null ? "nothing more" : m.get("exercise") + ", " + m.get("label")));
                }
                Map<String, Object> outputs = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (k.startsWith("out ")) {
                        outputs.put(k.substring(4), v);
                    }
                });
                out.add(outputs);
            }
        }
        return out;
    }
}
