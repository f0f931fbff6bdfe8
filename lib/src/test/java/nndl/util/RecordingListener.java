package nndl.util;

import java.util.ArrayList;
import java.util.List;

/** A {@link ProgressListener} that keeps every call, for the loops' tests. */
public final class RecordingListener implements ProgressListener {
    /** One call: step {@code done} of {@code total} with {@code loss}. */
    public record Call(int done, int total, double loss) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void progress(int done, int total, double loss) {
        calls.add(new Call(done, total, loss));
    }

    /** The calls so far, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The {@code done} counts of the calls, in order. */
    public synchronized List<Integer> doneCounts() {
        return calls.stream().map(Call::done).toList();
    }
}
