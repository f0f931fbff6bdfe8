package nndl.judge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What came back for one case: the outputs, or why there are none.
 *
 * @param outputs the outputs by name (empty on failure)
 * @param error   null, or one capped line: the exception's type and first line, the worker's end, a time-out
 * @param frame   the hand-in's own frame of the exception ({@code lib/src/main/java/…/File.java:line}), or null
 * @param stub    the {@code Class.method} of the stub that was reached, or null
 */
public record Reply(Map<String, Object> outputs, String error, String frame, String stub) {
    /** The longest error line kept (spec §10.5). */
    public static final int MAX_LINE = 200;

    public Reply {
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        error = error == null ? null : cap(error);
        frame = frame == null ? null : cap(frame);
        stub = stub == null ? null : cap(stub);
    }

    /** A reply with outputs. */
    public static Reply of(Map<String, Object> outputs) {
        return new Reply(outputs, null, null, null);
    }

    /** A failure with one line of why. */
    public static Reply failed(String why) {
        return new Reply(Map.of(), why, null, null);
    }

    /** The first line of {@code text}, at most {@link #MAX_LINE} characters, control characters removed. */
    public static String cap(String text) {
        String line = text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    }

    /** Whether the case produced outputs. */
    public boolean ok() {
        return error == null;
    }

    /** The wire form (what the worker writes). */
    public Map<String, Object> toWire() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (error != null) {
            m.put("error", error);
            if (frame != null) {
                m.put("frame", frame);
            }
            if (stub != null) {
                m.put("stub", stub);
            }
        }
        outputs.forEach((k, v) -> m.put("out " + k, v));
        return m;
    }

    /** Reads the wire form; anything else than the expected entries is dropped. */
    public static Reply fromWire(Map<String, Object> m) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("out ")) {
                outputs.put(k.substring(4), v);
            }
        });
        String error = m.get("error") instanceof String s ? s : null;
        return new Reply(error == null ? outputs : Map.of(), error, m.get("frame") instanceof String f ? f : null,
                m.get("stub") instanceof String s ? s : null);
    }
}
