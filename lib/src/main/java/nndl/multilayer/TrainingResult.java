package nndl.multilayer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@code multi_layer_network}: the cost every 20 iterations, the trained parameters and how
 * the run ended. A diverged run is a result like any other, as for every training loop of the library.
 *
 * @param costs      the cost at iterations 1, 21, 41, ... (up to the last finite one)
 * @param parameters W1, b1, W2, b2, ... in order (on divergence, those of the last finite cost)
 * @param diverged   whether training stopped because the cost became NaN or infinite
 * @param message    how the run ended: {@code "completed 500 iterations"} or the divergence report
 */
public record TrainingResult(List<Double> costs, Map<String, DMatrixRMaj> parameters, boolean diverged, String message) {
    /** Copies the costs into an unmodifiable list. */
    public TrainingResult {
        costs = List.copyOf(costs);
    }

    /** A completed run's result (not diverged, message {@code "completed"}). */
    public TrainingResult(List<Double> costs, Map<String, DMatrixRMaj> parameters) {
        this(costs, parameters, false, "completed");
    }

    @Override
    public String toString() {
        String shapes = parameters.entrySet().stream()
                .map(e -> e.getKey() + ": " + Matrices.shape(e.getValue()))
                .collect(Collectors.joining(", "));
        String last = costs.isEmpty() ? "none" : String.format(Locale.ROOT, "%.5f", costs.get(costs.size() - 1));
        return "TrainingResult(" + message + ", " + costs.size() + " costs, last " + last + "; " + shapes + ")";
    }
}
