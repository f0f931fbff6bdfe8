package nndl.kernel.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception thrown by the user's code. Its frames are already in the user's terms: lines of
 * cells instead of JShell's wrapper classes, with the kernel's own frames removed.
 */
public final class UserCodeFailure extends CellFailure {
    private static final long serialVersionUID = 1L;

    /** At most this many frames per exception are shown; deep recursion would flood the cell. */
    static final int MAX_FRAMES = 30;

    private final Thrown thrown;

    /**
     * One exception of a cause chain.
     *
     * @param className the exception's class name, e.g. {@code java.lang.ArithmeticException}
     * @param message   its message, or {@code null}
     * @param frames    its stack, top first, each rendered as the text after {@code at }
     * @param cause     the exception that caused it, or {@code null}
     */
    public record Thrown(String className, String message, List<String> frames, Thrown cause) {
        /** Copies {@code frames}. */
        public Thrown {
            frames = List.copyOf(frames);
        }

        /** The class name without its package, as Jupyter's {@code ename}. */
        public String simpleName() {
            return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        }

        /** {@code class: message}, like {@link Throwable#toString()}. */
        public String headline() {
            return message == null ? className : className + ": " + message;
        }
    }

    /** A failure for {@code thrown} and its causes. */
    public UserCodeFailure(Thrown thrown) {
        super(thrown.headline());
        this.thrown = thrown;
    }

    /** The exception chain, outermost first. */
    public Thrown thrown() {
        return thrown;
    }

    @Override
    public ErrorReport report() {
        List<String> lines = new ArrayList<>();
        String prefix = "";
        for (Thrown t = thrown; t != null; t = t.cause()) {
            lines.add(prefix + t.headline());
            appendFrames(lines, t.frames());
            prefix = "Caused by: ";
        }
        return new ErrorReport(thrown.simpleName(), thrown.message() == null ? "" : thrown.message(), lines);
    }

    /** Adds {@code frames} as indented {@code at} lines, cut after {@link #MAX_FRAMES}. */
    static void appendFrames(List<String> lines, List<String> frames) {
        int shown = Math.min(frames.size(), MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            lines.add("    at " + frames.get(i));
        }
        if (frames.size() > shown) {
            lines.add("    ... " + (frames.size() - shown) + " more");
        }
    }
}
