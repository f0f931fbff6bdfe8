package nndl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nndl.util.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The cs231n update-rule checks: N, D = 4, 5; w = linspace(-0.4, 0.6), dw = linspace(-0.6, 0.4), state
 * = linspace(0.6, 0.9) (Adam: m = linspace(0.6, 0.9), v = linspace(0.7, 0.5), t = 5). The expected
 * values were computed with numpy 1.24 (/usr/bin/python3) by an independent reference that applies
 * the optim.py formulas with whole-array operations and prints repr() of each entry.
 */
class OptimTest {
    private static final int N = 4;
    private static final int D = 5;

    private static DMatrixRMaj w() {
        return Matrices.linspace(-0.4, 0.6, N * D, N, D);
    }

    private static DMatrixRMaj dw() {
        return Matrices.linspace(-0.6, 0.4, N * D, N, D);
    }

    /** cs231n's rel_error: max |x − y| / max(1e-8, |x| + |y|). */
    static double relError(DMatrixRMaj x, double[] y) {
        assertEquals(y.length, x.getNumElements(), "element count");
        double max = 0;
        for (int i = 0; i < y.length; i++) {
            max = Math.max(max, Math.abs(x.data[i] - y[i]) / Math.max(1e-8, Math.abs(x.data[i]) + Math.abs(y[i])));
        }
        return max;
    }

    @Test
    void sgdMatchesNumpy() {
        double[] expected = {-0.394, -0.3418947368421053, -0.28978947368421054, -0.23768421052631583, -0.1855789473684211,
            -0.13347368421052636, -0.08136842105263162, -0.029263157894736883, 0.022842105263157848, 0.07494736842105258,
            0.1270526315789473, 0.1791578947368421, 0.23126315789473678, 0.2833684210526315, 0.33547368421052626,
            0.387578947368421, 0.43968421052631573, 0.4917894736842104, 0.5438947368421052, 0.596};
        DMatrixRMaj w = w();
        DMatrixRMaj next = Optim.sgd(w, dw(), new Sgd(1e-2));
        assertSame(w, next, "updates in place");
        assertTrue(relError(next, expected) < 1e-8);
        assertTrue(relError(Optim.sgd(w(), dw()), expected) < 1e-8, "default lr is 1e-2");
    }

    @Test
    void sgdMomentumMatchesNumpy() {
        double[] expectedW = {0.14060000000000006, 0.2073894736842105, 0.27417894736842097, 0.34096842105263164, 0.407757894736842,
            0.47454736842105266, 0.5413368421052631, 0.6081263157894736, 0.6749157894736842, 0.7417052631578946,
            0.8084947368421053, 0.8752842105263158, 0.9420736842105263, 1.0088631578947367, 1.0756526315789472,
            1.142442105263158, 1.2092315789473682, 1.276021052631579, 1.3428105263157895, 1.4096000000000002};
        double[] expectedV = {0.5406000000000001, 0.5547578947368421, 0.5689157894736842, 0.5830736842105264, 0.5972315789473683,
            0.6113894736842106, 0.6255473684210526, 0.6397052631578948, 0.6538631578947369, 0.6680210526315788,
            0.6821789473684211, 0.6963368421052631, 0.7104947368421053, 0.7246526315789474, 0.7388105263157895,
            0.7529684210526316, 0.7671263157894737, 0.7812842105263159, 0.795442105263158, 0.8096000000000001};
        var state = new SgdMomentum.State(Matrices.linspace(0.6, 0.9, N * D, N, D));
        DMatrixRMaj next = Optim.sgdMomentum(w(), dw(), new SgdMomentum(1e-3, 0.9), state);
        assertTrue(relError(next, expectedW) < 1e-8);
        assertTrue(relError(state.velocity(), expectedV) < 1e-8);
    }

    @Test
    void rmspropMatchesNumpy() {
        double[] expectedW = {-0.3922384948433383, -0.34037513299070765, -0.28849238846687814, -0.23659120821081786,
            -0.18467247195258382, -0.13273699834703015, -0.08078555043091254, -0.02881884049026984, 0.023162465587694647,
            0.07515774441461458, 0.12716641159814304, 0.17918791858913796, 0.2312217498380417, 0.28326742022505713,
            0.33532447273333105, 0.3873924763382963, 0.43947102408970146, 0.4915597313657581, 0.5436582342813369,
            0.5957661882343064};
        double[] expectedCache = {0.5976, 0.6126277008310249, 0.6277108033240998, 0.6428493074792244, 0.6580432132963988,
            0.6732925207756232, 0.6885972299168975, 0.7039573407202216, 0.7193728531855956, 0.7348437673130194,
            0.7503700831024931, 0.7659518005540166, 0.78158891966759, 0.7972814404432133, 0.8130293628808865,
            0.8288326869806094, 0.8446914127423822, 0.8606055401662049, 0.8765750692520776, 0.8926000000000001};
        var state = new RmsProp.State(Matrices.linspace(0.6, 0.9, N * D, N, D));
        DMatrixRMaj next = Optim.rmsprop(w(), dw(), new RmsProp(), state);
        assertTrue(relError(next, expectedW) < 1e-8);
        assertTrue(relError(state.cache(), expectedCache) < 1e-8);
    }

    @Test
    void adamMatchesNumpy() {
        double[] expectedW = {-0.40094747166840083, -0.3483618689667189, -0.2957770321333014, -0.24319298836973444,
            -0.19060976631902593, -0.13802739616704435, -0.08544590975289204, -0.032865340689163525, 0.019714275506843335,
            0.07229290126975907, 0.12487049682925762, 0.17744702003811577, 0.2300224261834716, 0.2825966677792994,
            0.33516969433784094, 0.3877414521174136, 0.4403118838436444, 0.49288092840074144, 0.5454485204889067,
            0.5980145902433942};
        double[] expectedM = {0.48000000000000004, 0.49947368421052635, 0.5189473684210526, 0.538421052631579, 0.5578947368421052,
            0.5773684210526316, 0.596842105263158, 0.6163157894736842, 0.6357894736842106, 0.6552631578947368,
            0.6747368421052632, 0.6942105263157895, 0.7136842105263158, 0.7331578947368422, 0.7526315789473684,
            0.7721052631578947, 0.791578947368421, 0.8110526315789475, 0.8305263157894738, 0.8500000000000001};
        double[] expectedV = {0.69966, 0.6890838227146813, 0.678513185595568, 0.6679480886426593, 0.6573885318559557,
            0.6468345152354571, 0.6362860387811634, 0.6257431024930747, 0.615205706371191, 0.6046738504155125,
            0.5941475346260386, 0.5836267590027702, 0.5731115235457064, 0.5626018282548476, 0.5520976731301939,
            0.5415990581717451, 0.5311059833795013, 0.5206184487534625, 0.5101364542936287, 0.49966};
        var state = new Adam.State(Matrices.linspace(0.6, 0.9, N * D, N, D), Matrices.linspace(0.7, 0.5, N * D, N, D), 5);
        DMatrixRMaj next = Optim.adam(w(), dw(), new Adam().withLearningRate(1e-2), state);
        assertTrue(relError(next, expectedW) < 1e-8);
        assertTrue(relError(state.m(), expectedM) < 1e-8);
        assertTrue(relError(state.v(), expectedV) < 1e-8);
        assertEquals(6, state.t(), "t is incremented before the update");
    }

    @Test
    void optimConfigUpdatesInPlaceLikeTheRule() {
        assertConfigMatchesRule(new Sgd());
        assertConfigMatchesRule(new SgdMomentum());
        assertConfigMatchesRule(new RmsProp());
        assertConfigMatchesRule(new Adam());
    }

    private static <S> void assertConfigMatchesRule(UpdateRule<S> rule) {
        DMatrixRMaj a = w();
        OptimConfig<S> config = OptimConfig.of(rule, a);
        DMatrixRMaj b = w();
        S state = rule.newState(b);
        for (int step = 0; step < 3; step++) {
            assertSame(a, config.update(a, dw()), rule.name() + " returns the parameter it updated");
            rule.update(b, dw(), state);
        }
        assertEquals(0.0, Matrices.sumAbsDiff(a, b), rule.name());
        assertTrue(Matrices.sumAbsDiff(a, w()) > 0, rule.name() + " moved the parameter");
    }

    /** Three steps through OptimConfig must equal three steps of the static function from zero state. */
    @Test
    void threeStepsThroughOptimConfigEqualStaticCalls() {
        DMatrixRMaj a = w();
        OptimConfig<Adam.State> config = OptimConfig.of(new Adam(), a);
        DMatrixRMaj b = w();
        Adam.State state = new Adam.State(new DMatrixRMaj(N, D), new DMatrixRMaj(N, D), 0);
        for (int i = 0; i < 3; i++) {
            config.update(a, dw());
            Optim.adam(b, dw(), new Adam(), state);
        }
        assertEquals(0.0, Matrices.sumAbsDiff(a, b));
        assertEquals(3, config.state().t());
        DMatrixRMaj c = w();
        OptimConfig<SgdMomentum.State> momentum = OptimConfig.of(new SgdMomentum(), c);
        momentum.update(c, dw());
        momentum.update(c, dw());
        // v1 = -lr·dw, v2 = μ·v1 − lr·dw = −(1 + μ)·lr·dw; w2 = w + v1 + v2
        DMatrixRMaj expected = w();
        DMatrixRMaj g = dw();
        for (int i = 0; i < expected.data.length; i++) {
            expected.data[i] += -1e-2 * g.data[i] - 1.9 * 1e-2 * g.data[i];
        }
        assertTrue(Matrices.sumAbsDiff(expected, c) < 1e-15);
    }

    @Test
    void defaultsAreCs231ns() {
        assertEquals(1e-2, new Sgd().learningRate());
        assertEquals(new SgdMomentum(1e-2, 0.9), new SgdMomentum());
        assertEquals(new RmsProp(1e-2, 0.99, 1e-8), new RmsProp());
        assertEquals(new Adam(1e-3, 0.9, 0.999, 1e-8), new Adam());
        assertEquals(new Adam(1e-3, 0.8, 0.99, 1e-7), new Adam().withBeta1(0.8).withBeta2(0.99).withEpsilon(1e-7));
        assertEquals(new SgdMomentum(5e-3, 0.5), new SgdMomentum().withLearningRate(5e-3).withMomentum(0.5));
        assertEquals(new RmsProp(1e-2, 0.9, 1e-6), new RmsProp().withDecayRate(0.9).withEpsilon(1e-6));
        assertEquals("sgd_momentum", new SgdMomentum().name());
        assertEquals("adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08)", new Adam().toString());
    }

    @Test
    void newStateIsZeroShapedLikeTheParameter() {
        DMatrixRMaj w = new DMatrixRMaj(3, 7);
        Adam.State adam = new Adam().newState(w);
        assertEquals(0, adam.t());
        assertEquals(3, adam.m().numRows);
        assertEquals(7, adam.v().numCols);
        assertEquals("Adam.State(m 3×7, v 3×7, t=0)", adam.toString());
        assertEquals("SgdMomentum.State(velocity 3×7)", new SgdMomentum().newState(w).toString());
        assertEquals("RmsProp.State(cache 3×7)", new RmsProp().newState(w).toString());
    }

    @Test
    void hyperparametersAreValidated() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(-1e-3)).getMessage().contains("learningRate"));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.POSITIVE_INFINITY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SgdMomentum(1e-2, 1.0)).getMessage()
                .contains("momentum must be in [0, 1)"));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1e-2, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1e-2, 0.99, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 0.9, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam.State(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2), -1));
        assertThrows(IllegalArgumentException.class, () -> new Adam.State(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 3), 0));
    }

    @Test
    void shapeMismatchNamesFunctionAndShapes() {
        DMatrixRMaj wrong = new DMatrixRMaj(D, N);
        var e = assertThrows(IllegalArgumentException.class, () -> Optim.sgdMomentum(w(), wrong, new SgdMomentum(),
                new SgdMomentum.State(new DMatrixRMaj(N, D))));
        assertEquals("sgdMomentum: w is 4×5 but dw is 5×4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optim.rmsprop(w(), dw(), new RmsProp(),
                new RmsProp.State(new DMatrixRMaj(1, 1))));
        assertEquals("rmsprop: w is 4×5 but cache is 1×1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optim.adam(w(), null, new Adam(), new Adam().newState(w())));
        assertEquals("adam: dw must not be null", e.getMessage());
    }

    @Test
    void decayMultipliesTheLearningRateAndKeepsTheState() {
        OptimConfig<RmsProp.State> config = OptimConfig.of(new RmsProp(), w());
        RmsProp.State state = config.state();
        config.decayLearningRate(0.5);
        config.decayLearningRate(0.5);
        assertEquals(1e-2 * 0.5 * 0.5, config.learningRate());
        assertEquals(new RmsProp(1e-2 * 0.5 * 0.5, 0.99, 1e-8), config.rule());
        assertSame(state, config.state());
        assertThrows(IllegalArgumentException.class, () -> config.decayLearningRate(0));
    }
}
