package nndl.neuralnet;

import java.util.ArrayList;
import java.util.List;

/**
 * The hyperparameter grids of the two-layer notebook's search (hidden size 50, batch 200), one per
 * profile, kept here so that the notebook and {@code ./workbook bench} time the same sweep.
 */
public final class TuningGrids {
    private TuningGrids() {
    }

    /**
     * The full profile: the seed's grid, learning rate {1e-3, 5e-3, 1e-4, 5e-4} × reg {0.1, 0.25} ×
     * decay {0.55, 0.6, 0.8} at 1,000 iterations, plus longer runs of the settings that did best in the
     * seed's search: learning rate 5e-3 with decay 0.6 or 0.7 for 2,000 iterations and 1e-3 with decay
     * 0.95 for 3,000 (reg 0.25). 27 configurations.
     */
    public static List<TrainOptions> full() {
        TrainOptions base = TrainOptions.defaults().withBatchSize(200);
        List<TrainOptions> grid = new ArrayList<>(Sweep.grid(new double[] {1e-3, 5e-3, 1e-4, 5e-4},
                new double[] {0.1, 0.25}, new double[] {0.55, 0.6, 0.8}, base.withNumIters(1000)));
        grid.addAll(Sweep.grid(new double[] {5e-3}, new double[] {0.25}, new double[] {0.6, 0.7},
                base.withNumIters(2000)));
        grid.addAll(Sweep.grid(new double[] {1e-3}, new double[] {0.25}, new double[] {0.95},
                base.withNumIters(3000)));
        return List.copyOf(grid);
    }

    /**
     * The quick profile: learning rate {1e-3, 3e-3} × reg {0.1, 0.25} × decay {0.9, 0.95} at 400
     * iterations; its epochs are only 20 iterations long (4,000 training images), hence the gentler
     * decays. 8 configurations.
     */
    public static List<TrainOptions> quick() {
        return Sweep.grid(new double[] {1e-3, 3e-3}, new double[] {0.1, 0.25}, new double[] {0.9, 0.95},
                TrainOptions.defaults().withBatchSize(200).withNumIters(400));
    }
}
