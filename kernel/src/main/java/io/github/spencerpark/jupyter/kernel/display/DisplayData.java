package io.github.spencerpark.jupyter.kernel.display;

/**
 * IJava's display bundle type, for notebooks that build one ({@code new DisplayData()},
 * {@code putHTML(...)}, then {@code display(data)}): JJava's, under IJava's name.
 */
public class DisplayData extends org.dflib.jjava.jupyter.kernel.display.DisplayData {

    /** An empty bundle. */
    public DisplayData() {
        super();
    }

    /** A bundle with {@code text/plain} {@code text}. */
    public DisplayData(String text) {
        super(text);
    }

    /** A copy of {@code that}: its data, metadata and transient data. */
    public DisplayData(org.dflib.jjava.jupyter.kernel.display.DisplayData that) {
        super(that);
    }
}
