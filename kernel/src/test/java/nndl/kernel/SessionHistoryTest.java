package nndl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {
    private final SessionHistory history = new SessionHistory();
    private final Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);

    @BeforeEach
    void fill() {
        history.record(1, "int x = 6;", "");
        history.record(2, "6 * 7", "42");
        history.record(3, "x", "6");
        history.record(4, "6 * 7", "42");
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).collect(Collectors.toList());
    }

    @Test
    void tailGivesTheLastEntriesInOrder() {
        assertEquals(List.of("x", "6 * 7"), inputs(history.lookupTail(2, none)));
        assertNull(history.lookupTail(1, none).get(0).getOutput());
        assertEquals("42", history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        List<HistoryEntry> range = history.lookupRange(SessionHistory.SESSION, 2, 4, none);
        assertEquals(List.of(2, 3), range.stream().map(HistoryEntry::getCellNumber).collect(Collectors.toList()));
        assertEquals(List.of(), history.lookupRange(7, 1, 5, none));
    }

    @Test
    void searchMatchesGlobsOverTheWholeInput() {
        assertEquals(List.of("6 * 7", "6 * 7"), inputs(history.search("6*7", 0, none)));
        assertEquals(List.of("6 * 7"), inputs(history.search("6*7", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("x"), inputs(history.search("?", 0, none)));
        assertEquals(List.of("int x = 6;", "6 * 7", "x", "6 * 7"), inputs(history.search("*", 0, none)));
        assertEquals(List.of("x", "6 * 7"), inputs(history.search("*", 2, none)));
    }
}
