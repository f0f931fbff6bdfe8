package nndl.kernel.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from, so that JShell's stack frames ({@code #12:3},
 * snippet 12 line 3) become the user's cell lines, and drops the frames that are not the user's.
 */
public final class SnippetLocations {
    private final Map<String, Placed> snippets = new ConcurrentHashMap<>();

    private record Placed(SourceText source, int offset) {
    }

    /** Records that snippet {@code id} starts at character {@code offset} of {@code source}. */
    public void put(String id, SourceText source, int offset) {
        snippets.put(id, new Placed(source, offset));
    }

    /**
     * {@code frames} rendered for the notebook. JShell names a snippet frame's file {@code #id}
     * and its line relative to the snippet; those become {@code g (In [3], line 2)}. Frames below
     * the last snippet frame belong to the kernel and are dropped.
     *
     * @param currentCount execution count of the cell now running
     */
    public List<String> render(StackTraceElement[] frames, int currentCount) {
        int last = lastSnippetFrame(frames);
        int end = last >= 0 ? last + 1 : frames.length;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            out.add(render(frames[i], currentCount));
        }
        return out;
    }

    /** Only the user's snippet frames of {@code frames}, rendered, top first. */
    public List<String> renderSnippetFrames(StackTraceElement[] frames, int currentCount) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (isSnippetFrame(frame)) {
                out.add(render(frame, currentCount));
            }
        }
        return out;
    }

    private String render(StackTraceElement frame, int currentCount) {
        if (!isSnippetFrame(frame)) {
            return plain(frame);
        }
        Placed placed = snippets.get(frame.getFileName().substring(1));
        String method = methodName(frame);
        if (placed == null) {
            return method.isEmpty() ? "snippet " + frame.getFileName() : method + " (snippet " + frame.getFileName() + ")";
        }
        SourceText source = placed.source();
        int line = source.lineAt(placed.offset()) + Math.max(frame.getLineNumber(), 1) - 1;
        String where = source.describeLine(line, currentCount);
        return method.isEmpty() ? where : method + " (" + where + ")";
    }

    /** {@code pkg.Type.method(File.java:12)}, without the class loader and module prefixes. */
    private static String plain(StackTraceElement frame) {
        String where;
        if (frame.isNativeMethod()) {
            where = "Native Method";
        } else if (frame.getFileName() == null) {
            where = "Unknown Source";
        } else {
            where = frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    private static int lastSnippetFrame(StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (isSnippetFrame(frames[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    /** {@code A.m} for a method of a user class, {@code g} for a top-level method, empty at top level. */
    private static String methodName(StackTraceElement frame) {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        String name = type.isEmpty() ? method : type + "." + method;
        return name.startsWith(".") ? name.substring(1) : name;
    }
}
