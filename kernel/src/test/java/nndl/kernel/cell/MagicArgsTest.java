package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicArgsTest {

    @Test
    void blanksSeparateWords() {
        assertEquals(List.of("a.jar", "lib/*.jar"), MagicArgs.split("  a.jar \t lib/*.jar "));
    }

    @Test
    void quotesGroupBlanks() {
        assertEquals(List.of("my dir/a.jar", "it's", "x"), MagicArgs.split("\"my dir/a.jar\" \"it's\" 'x'"));
    }

    @Test
    void backslashKeepsTheNextCharacter() {
        assertEquals(List.of("my dir", "a\"b"), MagicArgs.split("my\\ dir a\\\"b"));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertEquals(List.of("", "b"), MagicArgs.split("\"\" b"));
    }

    @Test
    void nothingGivesNoWords() {
        assertEquals(List.of(), MagicArgs.split("   "));
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MagicArgs.split("\"open"));
    }
}
