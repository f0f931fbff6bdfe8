package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nndl.neuralnet.Sweep;
import nndl.neuralnet.TrainOptions;
import nndl.neuralnet.TrainStats;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void readableNumbersMatchPythonsPercentG() {
        // Expected strings printed by /usr/bin/python3: '%g' % value.
        double[] values = {1e-4, 5e-5, 0.513, 0.014497864587765886, 1000.0, 0.95, 123456789.0, 2.5e-7, -0.0003,
            0.28700000000000003, 1e6, 999999.4, 3.0, 0.0};
        String[] expected = {"0.0001", "5e-05", "0.513", "0.0144979", "1000", "0.95", "1.23457e+08", "2.5e-07", "-0.0003",
            "0.287", "1e+06", "999999", "3", "0"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], PyGFormat.percentG(values[i]), "value " + values[i]);
        }
    }

    @Test
    void sweepIsSortedBestFirstWithMissingLast() {
        Table table = Tables.sweep()
                .row(1e-4, 0.25, 0.95, 1000, 0.287, "ok")
                .row(1e-2, 0.25, 0.95, 1000, null, "diverged at iteration 37")
                .row(5e-4, 0.25, 0.8, 1000, 0.421, "ok")
                .row(5e-3, 0.25, 0.6, 1000, 0.513, "ok")
                .build();
        assertEquals("Hyperparameter sweep", table.name());
        assertEquals(List.of("learning_rate", "reg", "learning_rate_decay", "num_iters", "val_acc", "status"),
                table.columnNames());
        assertEquals(List.of(0.513, 0.421, 0.287), table.doubleColumn("val_acc").asList().subList(0, 3));
        assertTrue(table.doubleColumn("val_acc").isMissing(3));
        assertEquals("diverged at iteration 37", table.stringColumn("status").get(3));
        assertEquals(ColumnType.INTEGER, table.column("num_iters").type());
        assertEquals("0.005", table.column("learning_rate").getString(0));
        assertEquals("0.0001", table.column("learning_rate").getString(2));
        assertEquals("1000", table.column("num_iters").getString(0));
        assertEquals("", table.column("val_acc").getString(3));
        String printed = table.print();
        assertTrue(printed.contains("0.0005") && printed.contains("0.513"), printed);
    }

    @Test
    void sweepResultsBecomeRowsBestFirst() {
        TrainOptions base = new TrainOptions();
        TrainStats ok = new TrainStats(List.of(2.3, 2.1), List.of(0.2), List.of(0.25), false, "completed 2 iterations");
        TrainStats diverged = new TrainStats(List.of(2.3), List.of(), List.of(), true, "diverged at iteration 1 / 2");
        Table table = Tables.sweep(List.of(
                new Sweep.Result(base.withLearningRate(1e12), null, diverged, 0.1, 0.5),
                new Sweep.Result(base.withLearningRate(1e-4), null, ok, 0.3, 0.5)));
        assertEquals(2, table.rowCount());
        assertEquals("ok", table.stringColumn("status").get(0), "best first");
        assertEquals(0.3, table.doubleColumn("val_acc").get(0));
        assertTrue(table.stringColumn("status").get(1).startsWith("diverged at iteration"));
    }

    @Test
    void genericTablesKeepInsertionOrderAndInferTypes() {
        Table table = Tables.builder("Grades", "check", "points", "passed", "value")
                .row("forward scores", 5, true, 3.38e-8)
                .row("toy training", 5L, false, 0.0145)
                .build();
        assertEquals("forward scores", table.stringColumn("check").get(0));
        assertEquals(ColumnType.INTEGER, table.column("points").type());
        assertEquals(ColumnType.BOOLEAN, table.column("passed").type());
        assertEquals("3.38e-08", table.column("value").getString(0));
        Table ascending = Tables.builder("t", "x").row(3).row(1).row(2).sortAscendingOn("x").build();
        assertEquals(List.of(1, 2, 3), ascending.intColumn("x").asList());
        Table big = Tables.builder("t", "n").row(5_000_000_000L).row(1).build();
        assertEquals(ColumnType.LONG, big.column("n").type());
    }

    @Test
    void badRowsAndColumnsAreNamed() {
        Tables.Builder builder = Tables.sweep();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.row(1e-3, 0.25));
        assertTrue(e.getMessage().contains("has 6 columns") && e.getMessage().contains("2 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.sortDescendingOn("val acc"));
        assertThrows(IllegalArgumentException.class, () -> Tables.builder("t", "a", "a"));
        assertThrows(IllegalArgumentException.class, () -> Tables.builder("t"));
        assertTrue(builder.toString().contains("sorted descending on val_acc"), builder.toString());
    }
}
