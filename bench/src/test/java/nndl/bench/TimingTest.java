package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

class TimingTest {

    @Test
    void medianMinMaxAndSummary() {
        Timing odd = new Timing("t", new double[] {3, 1, 2});
        assertEquals(2, odd.median());
        assertEquals(1, odd.min());
        assertEquals(3, odd.max());
        assertEquals("2.000 s (1.000–3.000, 3 runs)", odd.summary());
        assertEquals(2.5, new Timing("t", new double[] {4, 1, 3, 2}).median());
        assertArrayEquals(new double[] {30, 10, 20}, odd.scaled(10).seconds());
    }

    @Test
    void measureRunsWarmupsThenRecordsRuns() {
        AtomicInteger calls = new AtomicInteger();
        Timing timing = Timing.measure("count", 2, 3, calls::incrementAndGet);
        assertEquals(5, calls.get());
        assertEquals(3, timing.seconds().length);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timing("empty", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Timing.measure("x", -1, 1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timing.measure("x", 0, 0, () -> { }));
    }
}
