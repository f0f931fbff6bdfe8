package nndl.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import nndl.neuralnet.Sweep;
import nndl.neuralnet.TrainOptions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw tables for the notebooks' summaries, built row by row:
 * <pre>{@code
 * Table results = Tables.sweep()
 *     .row(1e-3, 0.25, 0.95, 1000, 0.513, "ok")
 *     .row(1e-2, 0.25, 0.95, 1000, 0.087, "diverged at iteration 37")
 *     .build();
 * }</pre>
 * Column types follow the values: whole numbers (Integer, Long, Short, Byte) make an integer
 * column, other numbers a double column printed like Python's {@code '%g'} ({@code 0.0001},
 * {@code 5e-05}, {@code 0.513}), booleans a boolean column, anything else text; {@code null} is a
 * missing cell.
 */
public final class Tables {
    /** Sweep column: learning rate, the seed's {@code learning_rate}. */
    public static final String LEARNING_RATE = "learning_rate";
    /** Sweep column: per-epoch learning-rate decay, the seed's {@code learning_rate_decay}. */
    public static final String LEARNING_RATE_DECAY = "learning_rate_decay";
    /** Sweep column: L2 regularisation strength, the seed's {@code reg}. */
    public static final String REG = "reg";
    /** Sweep column: training iterations, the seed's {@code num_iters}. */
    public static final String NUM_ITERS = "num_iters";
    /** Sweep column: validation accuracy; the sweep table is sorted on it, best first. */
    public static final String VAL_ACC = "val_acc";
    /** Sweep column: "ok" or what went wrong, e.g. "diverged at iteration 37". */
    public static final String STATUS = "status";

    private Tables() {
    }

    /**
     * A builder for a table called {@code name} with the given column names, in order.
     *
     * @param name    table name, shown as the caption in a notebook
     * @param columns distinct column names (at least one)
     */
    public static Builder builder(String name, String... columns) {
        return new Builder(name, columns);
    }

    /**
     * A builder for hyperparameter sweep results with the columns {@value #LEARNING_RATE},
     * {@value #REG}, {@value #LEARNING_RATE_DECAY}, {@value #NUM_ITERS}, {@value #VAL_ACC},
     * {@value #STATUS} (in that order), sorted on {@value #VAL_ACC}, best first.
     */
    public static Builder sweep() {
        return builder("Hyperparameter sweep", LEARNING_RATE, REG, LEARNING_RATE_DECAY, NUM_ITERS, VAL_ACC, STATUS)
                .sortDescendingOn(VAL_ACC);
    }

    /**
     * The results of a {@link Sweep} as a table in the columns of {@link #sweep()}, best first.
     *
     * @param results the trained configurations (not modified)
     */
    public static Table sweep(List<Sweep.Result> results) {
        Builder builder = sweep();
        for (Sweep.Result r : results) {
            TrainOptions o = r.options();
            builder.row(o.learningRate(), o.reg(), o.learningRateDecay(), o.numIters(), r.valAcc(), r.status());
        }
        return builder.build();
    }

    /** Collects rows, then {@link #build()}s the table; rows may be added after a build for another build. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();
        private String sortColumn;
        private boolean descending;

        private Builder(String name, String[] columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("Tables.builder: no columns given for table '" + name + "'");
            }
            if (Arrays.stream(columns).distinct().count() != columns.length) {
                throw new IllegalArgumentException("Tables.builder: duplicate column names " + Arrays.toString(columns));
            }
            this.name = name;
            this.columns = List.of(columns);
        }

        /**
         * Adds one row; its values are in column order.
         *
         * @param values one value per column (null for a missing cell); copied
         */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("Tables.row: table '" + name + "' has " + columns.size()
                        + " columns " + columns + " but row " + rows.size() + " has " + values.length + " values");
            }
            rows.add(values.clone());
            return this;
        }

        /**
         * Sorts the built table on {@code column}, largest first; missing values go last.
         *
         * @param column name of one of the table's columns
         */
        public Builder sortDescendingOn(String column) {
            return sortOn(column, true);
        }

        /**
         * Sorts the built table on {@code column}, smallest first; missing values go last.
         *
         * @param column name of one of the table's columns
         */
        public Builder sortAscendingOn(String column) {
            return sortOn(column, false);
        }

        /** The table: one typed column per name, rows in insertion order or sorted as asked. */
        public Table build() {
            List<Object[]> ordered = new ArrayList<>(rows);
            if (sortColumn != null) {
                ordered.sort(rowOrder(columns.indexOf(sortColumn), descending));
            }
            Table table = Table.create(name);
            for (int c = 0; c < columns.size(); c++) {
                table.addColumns(column(columns.get(c), c, ordered));
            }
            return table;
        }

        @Override
        public String toString() {
            return "Tables.Builder '" + name + "' " + columns + ", " + rows.size() + " rows"
                    + (sortColumn == null ? "" : ", sorted " + (descending ? "descending" : "ascending") + " on " + sortColumn);
        }

        private Builder sortOn(String column, boolean descendingOrder) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("Tables.sortOn: no column '" + column + "' in " + columns);
            }
            sortColumn = column;
            descending = descendingOrder;
            return this;
        }
    }

    /** Missing cells (null or NaN) last in either direction; numbers by value, the rest by text. */
    private static Comparator<Object[]> rowOrder(int index, boolean descending) {
        Comparator<Object> byValue = (a, b) -> a instanceof Number x && b instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue())
                : String.valueOf(a).compareTo(String.valueOf(b));
        Comparator<Object> present = descending ? byValue.reversed() : byValue;
        return (r1, r2) -> {
            boolean missing1 = isMissing(r1[index]);
            boolean missing2 = isMissing(r2[index]);
            if (missing1 || missing2) {
                return Boolean.compare(missing1, missing2);
            }
            return present.compare(r1[index], r2[index]);
        };
    }

    private static boolean isMissing(Object value) {
        return value == null || (value instanceof Number n && Double.isNaN(n.doubleValue()));
    }

    private static Column<?> column(String name, int index, List<Object[]> rows) {
        List<Object> values = rows.stream().map(r -> r[index]).toList();
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        boolean any = !present.isEmpty();
        if (any && present.stream().allMatch(Tables::isWhole)) {
            if (present.stream().allMatch(v -> ((Number) v).longValue() == ((Number) v).intValue())) {
                IntColumn column = IntColumn.create(name);
                fill(values, v -> column.append(((Number) v).intValue()), column::appendMissing);
                column.setPrintFormatter(NumberColumnFormatter.ints());
                return column;
            }
            LongColumn column = LongColumn.create(name);
            fill(values, v -> column.append(((Number) v).longValue()), column::appendMissing);
            column.setPrintFormatter(NumberColumnFormatter.ints());
            return column;
        }
        if (any && present.stream().allMatch(v -> v instanceof Number)) {
            DoubleColumn column = DoubleColumn.create(name);
            fill(values, v -> column.append(((Number) v).doubleValue()), column::appendMissing);
            column.setPrintFormatter(new NumberColumnFormatter(new PyGFormat()));
            return column;
        }
        if (any && present.stream().allMatch(v -> v instanceof Boolean)) {
            BooleanColumn column = BooleanColumn.create(name);
            fill(values, v -> column.append((boolean) (Boolean) v), column::appendMissing);
            return column;
        }
        StringColumn column = StringColumn.create(name);
        fill(values, v -> column.append(String.valueOf(v)), column::appendMissing);
        return column;
    }

    private static void fill(List<Object> values, Consumer<Object> append, Runnable appendMissing) {
        for (Object value : values) {
            if (value == null) {
                appendMissing.run();
            } else {
                append.accept(value);
            }
        }
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }
}
