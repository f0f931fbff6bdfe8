package nndl.viz;

/**
 * How a series is drawn, named after matplotlib's format strings: {@code 'o'} is {@link #POINTS},
 * {@code '-'} is {@link #LINE}, {@code '-o'} is {@link #LINE_POINTS}.
 */
public enum Mark {
    /** Markers only, matplotlib {@code 'o'} (the Solver notebook's loss history). */
    POINTS,
    /** A line without markers, matplotlib's default (the two-layer net's loss history). */
    LINE,
    /** A line with a marker on every point, matplotlib {@code '-o'} (accuracy per epoch). */
    LINE_POINTS
}
