package nndl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutputTest {
    /** Each write that reaches the notebook side, as jjava publishes each one, with its stream. */
    private final List<String> published = new ArrayList<>();
    private final CellOutput output = new CellOutput(recorder("out"), recorder("err"), 4096);

    private PrintStream recorder(String name) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                published.add(name + ":" + (char) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                published.add(name + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        }, true, StandardCharsets.UTF_8);
    }

    private String all() {
        StringBuilder text = new StringBuilder();
        published.forEach(p -> text.append(p.substring(4)));
        return text.toString();
    }

    @Test
    void piecesOfALineAreSentTogether() {
        output.beginCell(1);
        output.out.print("Cost at iteration ");
        output.out.printf("%d is: %.5f", 1, 2.30262);
        output.out.println();
        output.out.print("next");
        assertEquals(List.of("out:Cost at iteration 1 is: 2.30262\n"), published);
        output.out.flush();
        assertEquals(List.of("out:Cost at iteration 1 is: 2.30262\n", "out:next"), published);
    }

    @Test
    void aBurstOfLinesIsBatchedInOrderAcrossStreams() {
        output.beginCell(1);
        for (int i = 0; i < 100; i++) {
            output.out.println("line " + i);
        }
        output.err.println("warning");
        output.out.println("after");
        output.endCell();
        assertTrue(published.size() <= 4, published.size() + " messages: " + published);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("line ").append(i).append('\n');
        }
        assertEquals(expected + "warning\nafter\n", all());
        assertEquals("err:warning\n", published.get(published.size() - 2));
    }

    @Test
    void overTheCapTheHeadAndTailAreShownAndTheGapCounted() {
        output.beginCell(1);
        for (int i = 0; i < 2000; i++) {
            output.out.printf("%04d\n", i);
        }
        output.endCell();
        String text = all();
        assertTrue(text.startsWith("0000\n0001\n"), text.substring(0, 20));
        assertTrue(text.endsWith("1998\n1999\n"));
        int shown = 0;
        for (String line : text.split("\n")) {
            shown += line.matches("\\d{4}") ? 1 : 0;
        }
        String counted = String.format("[output cap: %,d lines (", 2000 - shown);
        assertTrue(text.contains(counted), counted + " not in the notice; shown " + shown);
        assertTrue(published.size() < 10, "the kept tail went out in " + published.size() + " messages");
    }

    @Test
    void closingTheStreamDoesNotMuteIt() {
        output.beginCell(1);
        output.out.close();
        output.out.println("still here");
        output.endCell();
        assertEquals("still here\n", all());
    }

    @Test
    void theCapIsPerCell() {
        for (int cell = 1; cell <= 3; cell++) {
            output.beginCell(cell);
            output.out.println("x".repeat(1000));
            output.endCell();
        }
        assertTrue(!all().contains("output cap"), all());
    }
}
