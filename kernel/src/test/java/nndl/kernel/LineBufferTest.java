package nndl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferTest {
    /** Records each write that reaches the notebook side, as jjava publishes each one. */
    private final List<String> published = new ArrayList<>();
    private final PrintStream target = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            published.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            published.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }, true, StandardCharsets.UTF_8);
    private final PrintStream cell = new PrintStream(new LineBuffer(target), false, StandardCharsets.UTF_8);

    @Test
    void piecesOfALineAreSentTogether() {
        cell.print("Cost at iteration ");
        cell.printf("%d is: %.5f", 1, 2.30262);
        cell.println();
        cell.print("next");
        assertEquals(List.of("Cost at iteration 1 is: 2.30262\n"), published);
        cell.flush();
        assertEquals(List.of("Cost at iteration 1 is: 2.30262\n", "next"), published);
    }

    @Test
    void carriageReturnSendsAProgressBarFrame() {
        cell.print("[###       ] 30%\r");
        assertEquals(List.of("[###       ] 30%\r"), published);
    }

    @Test
    void flushWithNothingPendingSendsNothing() {
        cell.flush();
        assertEquals(List.of(), published);
    }
}
