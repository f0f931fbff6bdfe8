package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {
    /** Returns one letter per char: k keyword, s string, c comment, n number, a annotation, . plain. */
    private static List<String> classes(String... lines) {
        return JavaHighlighter.kinds(List.of(lines)).stream().map(kinds -> {
            StringBuilder out = new StringBuilder();
            for (JavaHighlighter.Kind kind : kinds) {
                out.append(switch (kind) {
                    case KEYWORD -> 'k';
                    case STRING -> 's';
                    case COMMENT -> 'c';
                    case NUMBER -> 'n';
                    case ANNOTATION -> 'a';
                    case PLAIN -> '.';
                });
            }
            return out.toString();
        }).toList();
    }

    @Test
    void keywordsStringsNumbersAndLineComments() {
        assertEquals(List.of(
                        "kkk.......kkk.kkk.nn...cccc",
                        "kkkkkk.sssssssssss......ccccccccc"),
                classes("int[] a = new int[10]; // x",
                        "return \"a \\\"q\\\" b\" + x; // note \""));
    }

    @Test
    void identifiersContainingKeywordsAndNumbersInNamesStayPlain() {
        assertEquals(List.of("............"), classes("forEach(w1);"));
        assertEquals(List.of("..nnnnnn..nnnnnnn..nnnn..nn."), classes("f(1.5e-3, 0x1F_aL, 2.0f, .5)"));
    }

    @Test
    void blockCommentsAndTextBlocksCarryAcrossLines() {
        assertEquals(List.of(
                        "nn.cccccc",
                        "cccccccc.kkkk",
                        "....sss",
                        "ssss",
                        "sss.nn"),
                classes("12 /* a b", "still */ true", "s = \"\"\"", "text", "\"\"\" 42"));
    }

    @Test
    void annotationsAndCharLiterals() {
        assertEquals(List.of("aaaaaaaaa.kkkk.ssss.sss"), classes("@Override char '\\'' 'x'"));
    }
}
