package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.None;

class PlotsTest {

    @Test
    void lossHistoryHasTheSeedsLabelsAndOneLineSeries() {
        XYChart chart = Plots.lossHistory(List.of(2.3, 1.9, 1.2, 0.7));
        assertEquals("Training Loss history", chart.getTitle());
        assertEquals("iteration", chart.getXAxisTitle());
        assertEquals("training loss", chart.getYAxisTitle());
        assertEquals(Plots.WIDTH, chart.getWidth());
        assertEquals(Plots.HEIGHT, chart.getHeight());
        XYSeries loss = only(chart);
        assertArrayEquals(new double[] {0, 1, 2, 3}, loss.getXData());
        assertArrayEquals(new double[] {2.3, 1.9, 1.2, 0.7}, loss.getYData());
        assertEquals(XYSeriesRenderStyle.Line, loss.getXYSeriesRenderStyle());
        assertTrue(loss.getMarker() instanceof None);
        assertFalse(chart.getStyler().isLegendVisible(), "one series: no legend");
        assertEquals(Color.WHITE, chart.getStyler().getChartBackgroundColor());
    }

    @Test
    void longHistoriesGetAHiddenTickHelperOnly() {
        double[] loss = new double[1000];
        java.util.Arrays.fill(loss, 1.0);
        XYChart chart = Plots.lossHistory(loss);
        XYSeries helper = chart.getSeriesMap().get(Plots.TICK_HELPER);
        assertFalse(helper.isEnabled());
        assertFalse(helper.isShowInLegend());
        assertFalse(chart.getStyler().isLegendVisible());
        assertEquals(1000, chart.getSeriesMap().get("loss").getXData().length);
        XYChart epochs = Plots.accuracyHistory(new double[11], new double[11]);
        assertFalse(epochs.getSeriesMap().containsKey(Plots.TICK_HELPER), "short histories keep one tick per epoch");
    }

    @Test
    void lossHistoryAsPointsForTheSolver() {
        XYSeries loss = only(Plots.lossHistory(new double[] {3, 2, 1}, Mark.POINTS));
        assertEquals(XYSeriesRenderStyle.Scatter, loss.getXYSeriesRenderStyle());
        assertFalse(loss.getMarker() instanceof None);
    }

    @Test
    void accuracyHistoryHasTrainValAndADashedHalfLine() {
        XYChart chart = Plots.accuracyHistory(new double[] {0.1, 0.3, 0.45}, new double[] {0.12, 0.28, 0.41});
        assertEquals("Accuracy", chart.getTitle());
        assertEquals("Epoch", chart.getXAxisTitle());
        assertEquals(List.of("train", "val", "0.5"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries train = chart.getSeriesMap().get("train");
        assertArrayEquals(new double[] {0, 1, 2}, train.getXData(), "epochs start at 0 as plt.plot(history) does");
        XYSeries half = chart.getSeriesMap().get("0.5");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, half.getYData());
        assertTrue(half.getLineStyle().getDashArray() != null, "dashed");
        assertEquals(Color.BLACK, half.getLineColor());
        assertFalse(half.isShowInLegend());
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.InsideSE, chart.getStyler().getLegendPosition());
    }

    @Test
    void yAxisNumbersKeepTheirLeadingZero() {
        XYChart chart = Plots.trainValHistory(new double[] {0.06, 0.08}, new double[] {0.05, 0.09});
        assertEquals("0.08", new java.text.DecimalFormat(chart.getStyler().getYAxisDecimalPattern()).format(0.08));
    }

    @Test
    void trainValHistoryCountsEpochsFromOne() {
        XYChart chart = Plots.trainValHistory(List.of(0.095, 0.15, 0.25, 0.25, 0.315), List.of(0.1, 0.16, 0.24, 0.26, 0.3));
        assertEquals("Training and Validation History", chart.getTitle());
        assertEquals(List.of("Train Accuracy", "Validation Accuracy"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, chart.getSeriesMap().get("Train Accuracy").getXData());
    }

    @Test
    void costHistoryUsesTheRecordingInterval() {
        XYChart chart = Plots.costHistory(new double[] {2.30262, 1.80242, 0.92838}, 20);
        assertEquals("Iterations", chart.getXAxisTitle());
        assertEquals("Loss", chart.getYAxisTitle());
        assertArrayEquals(new double[] {0, 20, 40}, only(chart).getXData());
    }

    @Test
    void solverSummaryStacksLossAboveAccuracy() {
        Figure figure = Plots.solverSummary(List.of(2.3, 2.0, 1.7, 1.6), List.of(0.2, 0.4), List.of(0.18, 0.35));
        assertEquals("Training loss", figure.panel(0).getTitle());
        assertEquals("Accuracy", figure.panel(1).getTitle());
        BufferedImage image = figure.image();
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(2 * Plots.PANEL_HEIGHT, image.getHeight());
        assertTrue(figure.toString().contains("'Training loss', 'Accuracy'"), figure.toString());
    }

    @Test
    void imageHasTheChartsSizeAndAWhiteBackground() {
        BufferedImage image = Plots.image(Plots.lossHistory(new double[] {1, 0.5}));
        assertEquals(700, image.getWidth());
        assertEquals(450, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(1, 1) | 0xff000000);
    }

    @Test
    void divergedValuesBecomeGapsAndStillRender() {
        XYChart chart = Plots.lossHistory(new double[] {2.3, 5.0, Double.POSITIVE_INFINITY, Double.NaN});
        assertTrue(Double.isNaN(only(chart).getYData()[2]));
        assertEquals(450, Plots.image(chart).getHeight());
    }

    @Test
    void perEpochDrawsOneLinePerSeriesWithALegend() {
        java.util.Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        series.put("train", List.of(2.3, 1.0, 0.5));
        series.put("validation", List.of(2.3, 1.2, 0.9));
        XYChart chart = Plots.perEpoch("Loss", "average cross-entropy", series);
        assertEquals(List.of("train", "validation"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {0, 1, 2}, chart.getSeriesMap().get("train").getXData());
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals("Epoch", chart.getXAxisTitle());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Plots.perEpoch("x", "y", java.util.Map.of("a", List.of(1.0), "b", List.of(1.0, 2.0))));
        assertTrue(bad.getMessage().startsWith("perEpoch: "), bad.getMessage());
    }

    @Test
    void badInputsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.accuracyHistory(new double[] {0.1, 0.2}, new double[] {0.1}));
        assertTrue(e.getMessage().contains("trainAcc has 2 values but valAcc has 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.lossHistory(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Plots.costHistory(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Figure.of());
    }

    private static XYSeries only(XYChart chart) {
        assertEquals(1, chart.getSeriesMap().size());
        return chart.getSeriesMap().values().iterator().next();
    }
}
