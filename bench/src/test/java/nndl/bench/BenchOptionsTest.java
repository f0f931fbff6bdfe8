package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parsesOverTheDefaults() {
        BenchOptions options = BenchOptions.parse(new String[] {"--runs", "3", "--iterations", "200", "--no-numpy"}, "usage");
        assertEquals(BenchOptions.defaults().withRuns(3).withIterations(200).withNumpyScript(null), options);
        assertEquals(BenchOptions.defaults(), BenchOptions.parse(new String[0], "usage"));
    }

    @Test
    void helpPrintsUsageAndReturnsNull() {
        assertNull(BenchOptions.parse(new String[] {"--help"}, ""));
    }

    @Test
    void mistakesAreNamed() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--fast", "1"}, "usage"));
        assertTrue(unknown.getMessage().startsWith("unknown option --fast"), unknown.getMessage());
        var last = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--fast"}, "usage"));
        assertTrue(last.getMessage().startsWith("unknown option --fast"), last.getMessage());
        var notNumber = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--runs", "five"}, "usage"));
        assertEquals("option --runs needs a whole number, got 'five'", notNumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--runs"}, "usage"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.defaults().withRuns(0));
    }
}
