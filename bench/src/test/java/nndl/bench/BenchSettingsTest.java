package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void parsesOverTheDefaults() {
        BenchSettings s = BenchSettings.parse(new String[] {"--runs", "3", "--sweep-runs", "0", "--threads", "4", "--no-numpy", "--full"}, "usage");
        assertEquals(BenchSettings.defaults().withRuns(3).withSweepRuns(0).withThreads(4).withNumpyScript(null).withFull(true), s);
        BenchSettings d = BenchSettings.parse(new String[0], "usage");
        assertEquals(BenchSettings.defaults(), d);
        assertEquals(1000, d.iterations());
        assertEquals(5, d.runs());
        assertEquals(1, d.warmups());
        assertEquals(3, d.sweepRuns());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
        assertEquals("bench/src/main/python/two_layer_step.py", d.numpyScript());
    }

    @Test
    void helpPrintsUsageAndReturnsNull() {
        assertNull(BenchSettings.parse(new String[] {"--runs", "2", "-h"}, ""));
    }

    @Test
    void mistakesAreNamed() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse(new String[] {"--parallel", "2"}, "usage"));
        assertTrue(unknown.getMessage().startsWith("unknown option --parallel"), unknown.getMessage());
        var notNumber = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse(new String[] {"--sweep-runs", "x"}, "usage"));
        assertEquals("option --sweep-runs needs a whole number, got 'x'", notNumber.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse(new String[] {"--threads"}, "usage"));
        assertTrue(missing.getMessage().startsWith("option --threads needs a value"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.defaults().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.defaults().withSweepRuns(-1));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.defaults().withIterations(0));
    }
}
