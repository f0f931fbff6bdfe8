package nndl.judge;

import java.util.List;

/**
 * One judged exercise of the rubric (spec §10.3): a solution block's method (or a training run built
 * on several), its points, the notebook that teaches it, and the library methods whose stubs it
 * reaches first (so a knock-on failure names its root cause).
 *
 * @param id              e.g. {@code "TwoLayerNet.loss"}
 * @param notebook        the notebook that exercises it, e.g. {@code "two_layer_nn"}
 * @param points          points when every case passes (0: shown, not counted)
 * @param what            what is judged, one line
 * @param methods         the {@code Class.method} names of its own solution blocks
 * @param fullDatasetOnly true when it is judged only on the full CIFAR-10 (else "not graded on this data")
 */
public record Exercise(String id, String notebook, int points, String what, List<String> methods, boolean fullDatasetOnly) {
    public Exercise {
        methods = List.copyOf(methods);
    }
}
