package nndl.nets;

import java.util.Map;
import nndl.util.Matrices;
import nndl.util.PyFloat;
import org.ejml.data.DMatrixRMaj;

/** A loss value and the gradient of that loss for each parameter, keyed like {@link Model#params()}. */
public record LossAndGrads(double loss, Map<String, DMatrixRMaj> grads) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LossAndGrads(loss=").append(PyFloat.repr(loss));
        grads.forEach((k, v) -> sb.append(", ").append(k).append(": ").append(Matrices.shape(v)));
        return sb.append(')').toString();
    }
}
