package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void picksAUnitAndThreeSignificantDigits() {
        assertEquals("850 ns", Durations.format(850));
        assertEquals("1.50 µs", Durations.format(1_500));
        assertEquals("812 µs", Durations.format(812_400));
        assertEquals("12.3 ms", Durations.format(12_340_000));
        assertEquals("1.23 s", Durations.format(1_234_000_000L));
        assertEquals("59.0 s", Durations.format(59_000_000_000L));
    }

    @Test
    void minutesForLongRuns() {
        assertEquals("2 min 3.4 s", Durations.format(123_400_000_000L));
    }

    @Test
    void negativeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Durations.format(-1));
    }
}
