package nndl.util;

/**
 * What a student-edition stub throws in place of a solution block (docs/editions.md): "not implemented
 * yet: TwoLayerNet.loss, forward pass — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97". The
 * notebook prints that one line and the report scores the checks that reached it as not implemented.
 */
public final class NotImplementedYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String block;
    private final String location;

    /**
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
     * Throws a {@link NotImplementedYet} for the block; declared as a call, not a {@code throw}, so that
     * the compiler accepts the shared code after a stub in the middle of a method.
     *
     * @throws NotImplementedYet always
     */
    public static void raise(String method, String block, String location) {
        throw new NotImplementedYet(method, block, location);
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
