package nndl.multilayer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@code multi_layer_network}: the cost every 20 iterations and the trained parameters.
 *
 * @param costs      the cost at iterations 1, 21, 41, ...
 * @param parameters W1, b1, W2, b2, ... in order
 */
public record TrainingResult(List<Double> costs, Map<String, DMatrixRMaj> parameters) {
    public TrainingResult {
        costs = List.copyOf(costs);
    }

    @Override
    public String toString() {
        String shapes = parameters.entrySet().stream()
                .map(e -> e.getKey() + ": " + Matrices.shape(e.getValue()))
                .collect(Collectors.joining(", "));
        String last = costs.isEmpty() ? "none" : String.format(Locale.ROOT, "%.5f", costs.get(costs.size() - 1));
        return "TrainingResult(" + costs.size() + " costs, last " + last + "; " + shapes + ")";
    }
}
