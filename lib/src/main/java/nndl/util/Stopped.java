package nndl.util;

/**
 * Thrown by the library's long loops when their thread is interrupted (the notebook kernel interrupts a
 * cell that way): "stopped at iteration 1234 / 100000". Each loop checks the flag once per iteration,
 * clears it and throws this, carrying what it had recorded so far.
 */
public final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int iteration;
    private final int total;
    private final transient Object partial;

    /**
     * @param iteration the iteration that was about to run (the number completed)
     * @param total     how many the loop was asked for
     * @param partial   what the loop recorded so far (its method's documentation names the type), or null
     */
    public Stopped(int iteration, int total, Object partial) {
        this("iteration", iteration, total, partial);
    }

    /**
     * As {@link #Stopped(int, int, Object)} for a loop over something else than iterations:
     * "stopped at configuration 3 / 8".
     *
     * @param unit what the loop counts, e.g. {@code configuration}
     */
    public Stopped(String unit, int iteration, int total, Object partial) {
        super("stopped at " + unit + " " + iteration + " / " + total);
        this.iteration = iteration;
        this.total = total;
        this.partial = partial;
    }

    /** The number of iterations completed before the interrupt. */
    public int iteration() {
        return iteration;
    }

    /** The number of iterations the loop was asked for. */
    public int total() {
        return total;
    }

    /** What the loop recorded so far (e.g. the {@code TrainStats} of {@code TwoLayerNet.train}), or null. */
    public Object partial() {
        return partial;
    }

    /**
     * The partial result as {@code type}.
     *
     * @throws ClassCastException when the loop recorded something else
     */
    public <T> T partial(Class<T> type) {
        return type.cast(partial);
    }
}
