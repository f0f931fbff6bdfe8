package nndl.release;

/**
 * One solution block of an instructor source file (docs/editions.md).
 *
 * @param file       path relative to the repository root, e.g. {@code lib/src/main/java/nndl/layers/Affine.java}
 * @param beginLine  1-based line of {@code // BEGIN SOLUTION ...}
 * @param endLine    1-based line of {@code // END SOLUTION}
 * @param method     the method named by the marker, e.g. {@code TwoLayerNet.loss}
 * @param name       the block's name, e.g. {@code forward pass}
 * @param indent     the BEGIN line's leading blanks (the stub gets the same)
 * @param endsMethod whether the block is followed by the closing brace of its method (its stub throws)
 */
public record SolutionBlock(String file, int beginLine, int endLine, String method, String name, String indent,
                            boolean endsMethod) {
    /** Returns e.g. {@code "TwoLayerNet.loss: forward pass"}. */
    public String title() {
        return method + ": " + name;
    }

    /** Returns the number of model-answer lines between the markers. */
    public int answerLines() {
        return endLine - beginLine - 1;
    }
}
