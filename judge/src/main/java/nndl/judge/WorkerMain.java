package nndl.judge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import nndl.util.NotImplementedYet;

/**
 * The judge's worker (docs/editions.md, "The judge"): runs in the sandbox on the hand-in's library,
 * reads requests ({@code op}, {@code id} and the inputs) from stdin and writes each reply (the same
 * {@code id} and the outputs, or the exception) to stdout, in {@link Wire}'s format. It decides
 * nothing: the judge compares. Whatever the library prints goes to stderr, so stdout carries only
 * replies.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Serves requests until stdin ends. */
    public static void main(String[] args) throws Exception {
        OutputStream replies = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        InputStream requests = new BufferedInputStream(System.in);
        for (Map<String, Object> request = Wire.read(requests); request != null; request = Wire.read(requests)) {
            Object id = request.remove("id");
            Object op = request.remove("op");
            Reply reply = run(op instanceof String s ? s : "", request);
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("id", id instanceof Double d ? d : -1.0);
            wire.putAll(reply.toWire());
            Wire.write(replies, wire);
        }
    }

    /** Runs one request, turning an exception into a reply that names it and the library's own frame. */
    public static Reply run(String op, Map<String, Object> inputs) {
        try {
            return Reply.of(Exercises.run(op, inputs));
        } catch (NotImplementedYet e) {
            return new Reply(Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), null, e.method());  // its message names the place
        } catch (Throwable e) {
            Throwable root = e;
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Reply(Map.of(), message, frame(root), null);
        }
    }

    /** The first frame of the library's exercise code (not the judge's, not the JDK's), as a path in the tree and a line. */
    static String frame(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("nndl.") && !c.startsWith("nndl.judge.") && !c.startsWith("nndl.grader.")
                    && !c.equals(NotImplementedYet.class.getName()) && f.getFileName() != null) {
                String pkg = c.substring(0, c.lastIndexOf('.')).replace('.', '/');
                return "lib/src/main/java/" + pkg + "/" + f.getFileName() + ":" + f.getLineNumber();
            }
        }
        return null;
    }
}
