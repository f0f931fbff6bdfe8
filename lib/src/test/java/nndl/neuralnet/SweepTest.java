package nndl.neuralnet;

import java.util.stream.IntStream;
import nndl.util.RecordingListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nndl.internal.Gemm;
import nndl.random.RandomState;
import nndl.util.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static final int N = 300;
    private static final int D = 12;
    private static final int C = 3;

    /** Three Gaussian blobs, so a small net learns them well above chance. */
    private static DMatrixRMaj blobs(RandomState random, int[] labels) {
        DMatrixRMaj x = random.randn(labels.length, D);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % C;
            x.data[i * D + labels[i]] += 4.0;
        }
        return x;
    }

    private final int[] y = new int[N];
    private final int[] yVal = new int[60];
    private final DMatrixRMaj x = blobs(new RandomState(11), y);
    private final DMatrixRMaj xVal = blobs(new RandomState(12), yVal);
    private final List<TrainOptions> grid = Sweep.grid(new double[] {1.0, 0.3}, new double[] {1e-3, 1e-1},
            new double[] {0.9}, TrainOptions.defaults().withNumIters(200).withBatchSize(50));

    @Test
    void gridNestsLearningRateThenRegThenDecay() {
        assertEquals(4, grid.size());
        assertEquals(1.0, grid.get(0).learningRate());
        assertEquals(1e-3, grid.get(0).reg());
        assertEquals(1e-1, grid.get(1).reg());
        assertEquals(0.3, grid.get(2).learningRate());
        assertEquals(200, grid.get(3).numIters());
    }

    @Test
    void parallelRunGivesExactlyTheSequentialNumbers() {
        List<Sweep.Result> parallel = Sweep.run(grid, x, y, xVal, yVal, 20, 7, 2, null);
        List<Sweep.Result> sequential = Sweep.run(grid, x, y, xVal, yVal, 20, 7, 1, null);
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(sequential.get(i).stats().lossHistory(), parallel.get(i).stats().lossHistory(), "configuration " + i);
            assertEquals(sequential.get(i).valAcc(), parallel.get(i).valAcc(), 0.0);
        }
        assertTrue(Sweep.best(parallel).valAcc() > 0.9, "best " + Sweep.best(parallel));
    }

    @Test
    void configurationUsesItsOwnSeededSource() {
        Sweep.Result viaSweep = Sweep.run(grid.subList(0, 1), x, y, xVal, yVal, 20, 5, 1, null).get(0);
        TwoLayerNet alone = new TwoLayerNet(D, 20, C, 1e-4, new RandomState(5));
        TrainStats stats = alone.train(x, y, xVal, yVal, grid.get(0));
        assertEquals(stats.lossHistory(), viaSweep.stats().lossHistory());
    }

    @Test
    void divergingConfigurationIsRecordedAndTheSweepGoesOn() {
        List<TrainOptions> configs = List.of(grid.get(0), grid.get(0).withLearningRate(1e12));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Sweep.Result> results = Sweep.run(configs, x, y, xVal, yVal, 20, 3, 2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertFalse(results.get(0).stats().diverged());
        assertEquals("ok", results.get(0).status());
        assertTrue(results.get(1).stats().diverged());
        assertTrue(results.get(1).status().startsWith("diverged at iteration"), results.get(1).status());
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[1/2]") && log.contains("[2/2]"), log);
    }

    @Test
    void workersKeepToOneThreadWhenSeveralRunOrTheCallerAsksForIt() {
        assertEquals(List.of(true), scopesSeenByWorkers(2, false), "two at a time");
        assertEquals(List.of(false), scopesSeenByWorkers(1, false), "one at a time: products may be split");
        assertEquals(List.of(true), scopesSeenByWorkers(1, true), "one at a time inside the caller's Gemm.oneThread");
    }

    /** Whether the workers ran inside Gemm.oneThread, as each listener call (on a worker) saw it; distinct values. */
    private List<Boolean> scopesSeenByWorkers(int threads, boolean callerOneThread) {
        List<Boolean> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressListener listener = (done, total, loss) -> seen.add(Gemm.isOneThread());
        Runnable sweep = () -> Sweep.run(grid, x, y, xVal, yVal, 20, 7, threads, null, listener);
        if (callerOneThread) {
            Gemm.oneThread(sweep);
        } else {
            sweep.run();
        }
        assertEquals(grid.size(), seen.size());
        return seen.stream().distinct().toList();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Sweep.run(List.of(), x, y, xVal, yVal, 20, 1));
        assertThrows(IllegalArgumentException.class, () -> Sweep.run(grid, x, y, xVal, yVal, 20, 1, 0, null));
    }

    @Test
    void listenersHearEveryIterationAndEveryFinishedConfiguration() {
        RecordingListener iterations = new RecordingListener();
        TrainStats stats = new TwoLayerNet(D, 20, C, 1e-4, new RandomState(5)).train(x, y, xVal, yVal, grid.get(0), iterations);
        assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(), iterations.doneCounts());
        assertEquals(new RecordingListener.Call(200, 200, stats.finalLoss()), iterations.calls().get(199));

        RecordingListener configurations = new RecordingListener();
        List<Sweep.Result> results = Sweep.run(grid, x, y, xVal, yVal, 20, 7, 2, null, configurations);
        assertEquals(List.of(1, 2, 3, 4), configurations.doneCounts());
        assertTrue(configurations.calls().stream().allMatch(call -> call.total() == 4));
        List<Double> finalLosses = results.stream().map(r -> r.stats().finalLoss()).sorted().toList();
        assertEquals(finalLosses, configurations.calls().stream().map(RecordingListener.Call::loss).sorted().toList());
    }
}
