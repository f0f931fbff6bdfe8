package nndl.nets;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** A loss value and the gradient of that loss for each parameter, keyed like {@link Model#params()}. */
public record LossAndGrads(double loss, Map<String, DMatrixRMaj> grads) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LossAndGrads(loss=").append(loss);
        grads.forEach((k, v) -> sb.append(", ").append(k).append(": ").append(v.numRows).append('×').append(v.numCols));
        return sb.append(')').toString();
    }
}
