package nndl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The notebooks' plots as XChart charts: loss history, train/val accuracy per epoch, the Solver's
 * two-panel summary and the MNIST cost curve. Every factory returns the chart itself, so a notebook
 * can restyle it before it is shown ({@code chart.setTitle(...)}, {@code chart.getStyler()...});
 * {@link #image} renders any chart to a {@link BufferedImage} without opening a window.
 *
 * <p>Defaults: 700×450 pixels, white background, light grid, no tooltips or cursor; the legend is
 * shown only when more than one series appears in it (decided when the chart is built, so a
 * notebook that adds a series itself calls {@code chart.getStyler().setLegendVisible(true)}).
 * Histories are accepted as {@code double[]} or as any {@code List} of numbers; non-finite values
 * (a diverged run's NaN or infinite loss) are left out of the drawing as gaps.
 */
public final class Plots {
    /** Default chart width in pixels. */
    public static final int WIDTH = 700;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 450;
    /** Height of each panel of {@link #solverSummary}; two panels make a 700×800 figure. */
    public static final int PANEL_HEIGHT = 400;

    /** matplotlib's first colours (tab:blue, tab:orange, tab:green, tab:red), so plots look like the seed's. */
    private static final Color[] SERIES_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)
    };
    private static final Color GRID_COLOR = new Color(0xe0e0e0);
    /** matplotlib's {@code '--'}: 1.5 px wide, dashes of 6 px with 4 px gaps. */
    private static final BasicStroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    /** Width reserved left of the plot in stacked panels so their plot areas line up. */
    private static final int PANEL_Y_AXIS_WIDTH = 48;
    private static final int DENSE_MARKER_SIZE = 4;
    private static final int MARKER_SIZE = 7;
    /** Up to this many equally spaced points XChart's one-tick-per-k-points labelling reads well (epochs). */
    private static final int MAX_POINT_TICKS = 30;
    /** Name of the hidden series that gives long histories round x ticks (see {@link #finish}). */
    static final String TICK_HELPER = "(x ticks)";

    private Plots() {
    }

    /**
     * The two-layer notebook's loss plot: training loss per iteration as a line, titled
     * "Training Loss history" with axes "iteration" / "training loss".
     *
     * @param loss loss history, one value per iteration (length ≥ 1); not modified
     */
    public static XYChart lossHistory(double[] loss) {
        return lossHistory(loss, Mark.LINE);
    }

    /** {@link #lossHistory(double[])} for a list history such as {@code stats.lossHistory()}. */
    public static XYChart lossHistory(List<? extends Number> loss) {
        return lossHistory(values("lossHistory", "loss", loss), Mark.LINE);
    }

    /**
     * Training loss per iteration drawn as {@code mark}: {@link Mark#POINTS} is the Solver
     * notebook's {@code plt.plot(loss_history, 'o')}, {@link Mark#LINE} the two-layer net's.
     *
     * @param loss loss history, one value per iteration (length ≥ 1); not modified
     * @param mark how the series is drawn
     */
    public static XYChart lossHistory(double[] loss, Mark mark) {
        return lossChart(loss, mark, HEIGHT);
    }

    /** {@link #lossHistory(double[], Mark)} for a list history. */
    public static XYChart lossHistory(List<? extends Number> loss, Mark mark) {
        return lossHistory(values("lossHistory", "loss", loss), mark);
    }

    /**
     * The Solver notebook's accuracy plot: train and val accuracy against the epoch (0, 1, ...),
     * lines with markers, a black dashed reference line at 0.5, legend lower right, titled
     * "Accuracy" with x axis "Epoch".
     *
     * @param trainAcc train accuracy per epoch check (length E ≥ 1); not modified
     * @param valAcc   validation accuracy per epoch check (length E); not modified
     */
    public static XYChart accuracyHistory(double[] trainAcc, double[] valAcc) {
        return accuracyChart(trainAcc, valAcc, HEIGHT);
    }

    /** {@link #accuracyHistory(double[], double[])} for list histories. */
    public static XYChart accuracyHistory(List<? extends Number> trainAcc, List<? extends Number> valAcc) {
        return accuracyHistory(values("accuracyHistory", "trainAcc", trainAcc),
                values("accuracyHistory", "valAcc", valAcc));
    }

    private static XYChart lossChart(double[] loss, Mark mark, int height) {
        requireNonEmpty("lossHistory", "loss", loss);
        XYChart chart = chart("Training Loss history", "iteration", "training loss", WIDTH, height);
        addSeries(chart, "loss", indices(loss.length, 0, 1), loss, mark);
        return finish(chart);
    }

    private static XYChart accuracyChart(double[] trainAcc, double[] valAcc, int height) {
        requirePair("accuracyHistory", trainAcc, valAcc);
        XYChart chart = chart("Accuracy", "Epoch", "", WIDTH, height);
        addAccuracySeries(chart, "train", "val", trainAcc, valAcc, 0);
        double[] epochs = indices(valAcc.length, 0, 1);
        double[] half = new double[epochs.length];
        Arrays.fill(half, 0.5);
        XYSeries reference = addSeries(chart, "0.5", epochs, half, Mark.LINE);
        reference.setLineColor(Color.BLACK);
        reference.setLineStyle(DASHED);
        reference.setShowInLegend(false);
        return finish(chart);
    }

    /**
     * The two-layer notebook's "Training and Validation History": train and validation accuracy
     * against the epoch counted from 1 (the net records one value at the end of each epoch), axes
     * "Epoch" / "Training and Validation Accuracy". The seed labels the x axis "Iteration", but
     * the values are per epoch.
     *
     * @param trainAcc train accuracy at the end of each epoch (length E ≥ 1); not modified
     * @param valAcc   validation accuracy at the end of each epoch (length E); not modified
     */
    public static XYChart trainValHistory(double[] trainAcc, double[] valAcc) {
        requirePair("trainValHistory", trainAcc, valAcc);
        XYChart chart = chart("Training and Validation History", "Epoch",
                "Training and Validation Accuracy", WIDTH, HEIGHT);
        addAccuracySeries(chart, "Train Accuracy", "Validation Accuracy", trainAcc, valAcc, 1);
        return finish(chart);
    }

    /** {@link #trainValHistory(double[], double[])} for list histories. */
    public static XYChart trainValHistory(List<? extends Number> trainAcc, List<? extends Number> valAcc) {
        return trainValHistory(values("trainValHistory", "trainAcc", trainAcc),
                values("trainValHistory", "valAcc", valAcc));
    }

    /**
     * The Solver notebook's two-panel figure ({@code plt.subplot(2, 1, ...)}): "Training loss" as
     * points against the iteration on top, {@link #accuracyHistory} below. XChart has no subplots,
     * so the panels stay separate restylable charts inside a {@link Figure}, which renders them
     * stacked into one image.
     *
     * @param loss     loss per iteration (length ≥ 1); not modified
     * @param trainAcc train accuracy per epoch check (length E ≥ 1); not modified
     * @param valAcc   validation accuracy per epoch check (length E); not modified
     */
    public static Figure solverSummary(double[] loss, double[] trainAcc, double[] valAcc) {
        XYChart top = lossChart(loss, Mark.POINTS, PANEL_HEIGHT);
        top.setTitle("Training loss");
        top.setXAxisTitle("Iteration");
        top.setYAxisTitle("");
        XYChart bottom = accuracyChart(trainAcc, valAcc, PANEL_HEIGHT);
        top.getStyler().setYAxisLeftWidthHint(PANEL_Y_AXIS_WIDTH);
        bottom.getStyler().setYAxisLeftWidthHint(PANEL_Y_AXIS_WIDTH);
        return Figure.of(top, bottom);
    }

    /** {@link #solverSummary(double[], double[], double[])} for list histories. */
    public static Figure solverSummary(List<? extends Number> loss, List<? extends Number> trainAcc,
            List<? extends Number> valAcc) {
        return solverSummary(values("solverSummary", "loss", loss),
                values("solverSummary", "trainAcc", trainAcc), values("solverSummary", "valAcc", valAcc));
    }

    /**
     * The MNIST notebook's cost curve: cost k was recorded at iteration k·{@code every} (the seed
     * keeps one cost every 20 iterations, starting at iteration 0), drawn as a line with axes
     * "Iterations" / "Loss" and titled "Training cost".
     *
     * @param costs recorded costs (length ≥ 1); not modified
     * @param every iterations between two recorded costs (≥ 1)
     */
    public static XYChart costHistory(double[] costs, int every) {
        requireNonEmpty("costHistory", "costs", costs);
        if (every < 1) {
            throw new IllegalArgumentException("costHistory: every must be ≥ 1, got " + every);
        }
        XYChart chart = chart("Training cost", "Iterations", "Loss", WIDTH, HEIGHT);
        addSeries(chart, "cost", indices(costs.length, 0, every), costs, Mark.LINE);
        return finish(chart);
    }

    /** {@link #costHistory(double[], int)} for a list of costs. */
    public static XYChart costHistory(List<? extends Number> costs, int every) {
        return costHistory(values("costHistory", "costs", costs), every);
    }

    /**
     * Curves against the epoch (0, 1, ...), one line per entry of {@code series} in its order, e.g. the
     * momentum notebook's train and validation loss, or momentum against plain gradient descent; the
     * legend is shown when there are two or more.
     *
     * @param title  chart title
     * @param yLabel y axis title (the x axis is "Epoch")
     * @param series name → values per epoch (each of length ≥ 1, all of one length); not modified
     */
    public static XYChart perEpoch(String title, String yLabel, Map<String, ? extends List<? extends Number>> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("perEpoch: no series");
        }
        XYChart chart = chart(title, "Epoch", yLabel, WIDTH, HEIGHT);
        int length = -1;
        for (Map.Entry<String, ? extends List<? extends Number>> entry : series.entrySet()) {
            double[] y = values("perEpoch", entry.getKey(), entry.getValue());
            requireNonEmpty("perEpoch", entry.getKey(), y);
            if (length >= 0 && y.length != length) {
                throw new IllegalArgumentException("perEpoch: " + entry.getKey() + " has " + y.length
                        + " values but the first series has " + length);
            }
            length = y.length;
            addSeries(chart, entry.getKey(), indices(y.length, 0, 1), y, Mark.LINE);
        }
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        return finish(chart);
    }

    /**
     * An empty {@value #WIDTH}×{@value #HEIGHT} chart with the notebooks' look, as
     * {@link #chart(String, String, String, int, int)}.
     *
     * @param title  chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     */
    public static XYChart chart(String title, String xLabel, String yLabel) {
        return chart(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /**
     * An empty chart with the notebooks' look (white background, light grid, matplotlib's colours,
     * legend lower right) for plots the factories above do not cover; add series with
     * {@link #addSeries}.
     *
     * @param title  chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param width  width in pixels (≥ 1)
     * @param height height in pixels (≥ 1)
     */
    public static XYChart chart(String title, String xLabel, String yLabel, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("chart: size must be positive, got " + width + "×" + height);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setPlotGridLinesColor(GRID_COLOR);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(LegendPosition.InsideSE);
        styler.setToolTipsEnabled(false);
        styler.setCursorEnabled(false);
        styler.setSeriesColors(SERIES_COLORS);
        styler.setMarkerSize(MARKER_SIZE);
        styler.setAxisTitlesVisible(true);
        return chart;
    }

    /**
     * Adds series {@code name} (y against x) to {@code chart}, drawn as {@code mark}; returns it
     * for further styling.
     *
     * @param chart the chart; modified (gains the series)
     * @param name  series name, shown in the legend
     * @param x     x values (length n ≥ 1); not modified
     * @param y     y values (length n); non-finite values become gaps; not modified
     * @param mark  how the series is drawn
     */
    public static XYSeries addSeries(XYChart chart, String name, double[] x, double[] y, Mark mark) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("addSeries: x has " + x.length + " values but y has " + y.length
                    + " (need the same positive length)");
        }
        XYSeries series = chart.addSeries(name, x, finiteOrNaN(y));
        switch (mark) {
            case POINTS -> {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            case LINE -> {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(new None());
            }
            case LINE_POINTS -> {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        series.setLineWidth(1.5f);
        if (mark == Mark.POINTS && x.length > 100) {
            chart.getStyler().setMarkerSize(DENSE_MARKER_SIZE);
        }
        return series;
    }

    /**
     * Renders {@code chart} at its own size to an image (headless; no window is opened).
     *
     * @param chart any XChart chart; not modified
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Shows the legend only when more than one series would appear in it (matplotlib shows none
     * unless asked), labels the x axis (iterations, epochs) with whole numbers without grouping
     * and the y axis with a leading zero (0.08, not XChart's .08), and gives long histories round
     * x ticks.
     */
    static XYChart finish(XYChart chart) {
        long shown = chart.getSeriesMap().values().stream().filter(Series::isShowInLegend).count();
        chart.getStyler().setLegendVisible(shown > 1);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        roundTicksForLongSeries(chart);
        return chart;
    }

    /**
     * XChart puts x ticks on every k-th data point when all x values are equally spaced, which
     * for 1,000 iterations gives ticks at 0, 44, 88, ... Past {@value #MAX_POINT_TICKS} points a
     * disabled, unlisted series holding one x value off the spacing makes XChart fall back to its
     * round-number ticks (0, 200, 400, ...); it draws nothing and does not change the axis range.
     */
    private static void roundTicksForLongSeries(XYChart chart) {
        double[] x = chart.getSeriesMap().values().iterator().next().getXData();
        if (x.length <= MAX_POINT_TICKS || chart.getSeriesMap().containsKey(TICK_HELPER)) {
            return;
        }
        XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {(x[0] + x[1]) / 2}, new double[] {Double.NaN});
        helper.setEnabled(false);
        helper.setShowInLegend(false);
        helper.setMarker(new None());
    }

    private static void addAccuracySeries(XYChart chart, String trainName, String valName,
            double[] trainAcc, double[] valAcc, int firstEpoch) {
        double[] epochs = indices(trainAcc.length, firstEpoch, 1);
        addSeries(chart, trainName, epochs, trainAcc, Mark.LINE_POINTS);
        addSeries(chart, valName, epochs, valAcc, Mark.LINE_POINTS);
    }

    private static double[] indices(int n, int first, int step) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = first + (double) i * step;
        }
        return x;
    }

    private static double[] finiteOrNaN(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static double[] values(String function, String argument, List<? extends Number> list) {
        if (list == null) {
            throw new IllegalArgumentException(function + ": " + argument + " is null");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Number value = list.get(i);
            out[i] = value == null ? Double.NaN : value.doubleValue();
        }
        return out;
    }

    private static void requireNonEmpty(String function, String argument, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(function + ": " + argument + " is empty");
        }
    }

    private static void requirePair(String function, double[] trainAcc, double[] valAcc) {
        requireNonEmpty(function, "trainAcc", trainAcc);
        requireNonEmpty(function, "valAcc", valAcc);
        if (trainAcc.length != valAcc.length) {
            throw new IllegalArgumentException(function + ": trainAcc has " + trainAcc.length
                    + " values but valAcc has " + valAcc.length);
        }
    }
}
