package nndl.util;

/**
 * Told how a long loop is going (training iterations, sweep configurations), so that a notebook can
 * show a live progress display while the loop's own log lines stay as they are. The loops call it on
 * their own thread after every step, so an implementation must be cheap; a sweep calls it from its
 * worker threads, one call at a time. The library never depends on who listens.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The listener that ignores everything: the default of every loop. */
    ProgressListener NONE = (done, total, loss) -> { };

    /**
     * Step {@code done} of {@code total} has finished.
     *
     * @param done  steps finished so far, 1 ≤ done ≤ total
     * @param total steps the loop will take when it runs to the end
     * @param loss  the loss of the step just finished (NaN when the step has none)
     */
    void progress(int done, int total, double loss);
}
