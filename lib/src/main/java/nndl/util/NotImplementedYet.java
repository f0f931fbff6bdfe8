package nndl.util;

/**
 * What a student-edition stub throws in place of a solution block (docs/editions.md): "not implemented
 * yet: TwoLayerNet.loss, forward pass — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97". The
 * notebook prints that one line and the report scores the checks that reached it as not implemented.
 *
 * <p>The file and line are taken from the stack when the stub runs, not written into the stub: a student
 * who adds lines above a stub still reads the line the stack trace shows.
 */
public final class NotImplementedYet extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Where the library's sources sit in the tree; locations are given from the repository root. */
    static final String SOURCES = "lib/src/main/java/";

    private final String method;
    private final String block;
    private final String location;

    /**
     * A stub's exception located at the code that constructs it (the stub's own file and current line).
     *
     * @param method the exercise's {@code Class.method}, e.g. {@code TwoLayerNet.loss}
     * @param block  the block's name, e.g. {@code forward pass}
     */
    public NotImplementedYet(String method, String block) {
        this(method, block, callerLocation());
    }

    /**
     * A stub's exception with a given location.
     *
     * @param method   the exercise's {@code Class.method}, e.g. {@code TwoLayerNet.loss}
     * @param block    the block's name, e.g. {@code forward pass}
     * @param location the block's file and line from the repository root, e.g.
     *                 {@code lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97}
     */
    public NotImplementedYet(String method, String block, String location) {
        super("not implemented yet: " + method + ", " + block + " — " + location);
        this.method = method;
        this.block = block;
        this.location = location;
    }

    /**
     * Throws a {@link NotImplementedYet} located at the caller (the stub's file and current line);
     * declared as a call, not a {@code throw}, so that the compiler accepts the shared code after a stub
     * in the middle of a method.
     *
     * @param method the exercise's {@code Class.method}
     * @param block  the block's name
     * @throws NotImplementedYet always
     */
    public static void raise(String method, String block) {
        throw new NotImplementedYet(method, block, callerLocation());
    }

    /**
     * Throws a {@link NotImplementedYet} with a given location.
     *
     * @throws NotImplementedYet always
     */
    public static void raise(String method, String block, String location) {
        throw new NotImplementedYet(method, block, location);
    }

    /**
     * Returns the file and line of the first frame outside this class, e.g.
     * {@code lib/src/main/java/nndl/layers/Relu.java:54} (the source path is derived from the class's
     * package and its source file name; a frame without them is named by its class).
     */
    static String callerLocation() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(NotImplementedYet.class.getName()))
                .findFirst()
                .map(NotImplementedYet::location)
                .orElse("unknown location"));
    }

    private static String location(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        if (file == null) {
            return className + (line > 0 ? ":" + line : "");
        }
        int dot = className.lastIndexOf('.');
        String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        return SOURCES + folder + file + (line > 0 ? ":" + line : "");
    }

    /** The exercise's {@code Class.method}. */
    public String method() {
        return method;
    }

    /** The block's name. */
    public String block() {
        return block;
    }

    /** The block's file and line from the repository root. */
    public String location() {
        return location;
    }
}
