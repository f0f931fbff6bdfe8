package nndl.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nndl.layers.Affine;
import nndl.layers.Forward;
import nndl.layers.LayerUtils;
import nndl.layers.Losses;
import nndl.random.RandomState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The nets' gradients are bit for bit those of the full composition of the layer functions
 * (affine−ReLU backward on every layer): the model answers add no shortcut of their own.
 */
class FirstLayerGradientTest {
    private static final RandomState DATA = new RandomState(31);
    private static final DMatrixRMaj X = DATA.randn(24, 17);
    private static final int[] Y = DATA.randint(5, 24);

    @Test
    void twoLayerNetGradientsEqualTheLayerComposition() {
        FcTwoLayerNet net = new FcTwoLayerNet(new FcTwoLayerNet.Options(17, 9, 5, 0.0, 0.3, 0.4), new RandomState(1));
        Map<String, DMatrixRMaj> p = net.params();
        Forward<LayerUtils.AffineReluCache> first = LayerUtils.affineReluForward(X, p.get("W1"), p.get("b1"));
        Forward<Affine.Cache> second = Affine.affineForward(first.out(), p.get("W2"), p.get("b2"));
        Losses.Result data = Losses.softmaxLoss(second.out(), Y);
        Affine.Grads g2 = Affine.affineBackward(data.dx(), second.cache());
        Affine.Grads g1 = LayerUtils.affineReluBackward(g2.dx(), first.cache());
        CommonOps_DDRM.addEquals(g1.dw(), 0.4, p.get("W1"));
        CommonOps_DDRM.addEquals(g2.dw(), 0.4, p.get("W2"));

        LossAndGrads out = net.loss(X, Y);
        assertArrayEquals(g1.dw().data, out.grads().get("W1").data, 0.0);
        assertArrayEquals(g1.db().data, out.grads().get("b1").data, 0.0);
        assertArrayEquals(g2.dw().data, out.grads().get("W2").data, 0.0);
        assertArrayEquals(g2.db().data, out.grads().get("b2").data, 0.0);
    }

    @Test
    void fullyConnectedNetGradientsEqualTheLayerComposition() {
        FullyConnectedNet.Options options = FullyConnectedNet.Options.of(8, 6).withInputDim(17).withNumClasses(5)
                .withReg(0.2).withWeightScale(0.3);
        FullyConnectedNet net = new FullyConnectedNet(options, new RandomState(2));
        Map<String, DMatrixRMaj> p = net.params();
        Forward<LayerUtils.AffineReluCache> h1 = LayerUtils.affineReluForward(X, p.get("W1"), p.get("b1"));
        Forward<LayerUtils.AffineReluCache> h2 = LayerUtils.affineReluForward(h1.out(), p.get("W2"), p.get("b2"));
        Forward<Affine.Cache> top = Affine.affineForward(h2.out(), p.get("W3"), p.get("b3"));
        Losses.Result data = Losses.softmaxLoss(top.out(), Y);
        Affine.Grads g3 = Affine.affineBackward(data.dx(), top.cache());
        Affine.Grads g2 = LayerUtils.affineReluBackward(g3.dx(), h2.cache());
        Affine.Grads g1 = LayerUtils.affineReluBackward(g2.dx(), h1.cache());

        LossAndGrads out = net.loss(X, Y);
        Affine.Grads[] expected = {g1, g2, g3};
        for (int layer = 1; layer <= 3; layer++) {
            DMatrixRMaj dw = expected[layer - 1].dw();
            CommonOps_DDRM.addEquals(dw, 0.2, p.get("W" + layer));
            assertArrayEquals(dw.data, out.grads().get("W" + layer).data, 0.0, "W" + layer);
            assertArrayEquals(expected[layer - 1].db().data, out.grads().get("b" + layer).data, 0.0, "b" + layer);
        }
        assertEquals(6, out.grads().size());
    }
}
