package nndl.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpectTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHoldingConditionPrintsOk() {
        Expect.that("Testing initialization: b1 is all zeros", true, "First layer biases do not seem right");
        Expect.below("|loss - correct_loss|", 4.1e-12, 1e-10, "Problem with training-time loss");
        assertEquals("Testing initialization: b1 is all zeros ... ok\n|loss - correct_loss|: 4.1e-12 < 1e-10 ... ok\n", printed());
    }

    @Test
    void aFailingConditionPrintsAndThrowsTheSeedsMessage() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Expect.below("|W1.std() - std|", 0.002, 0.001, "First layer weights do not seem right"));
        String line = "|W1.std() - std|: 0.002 < 0.001 ... FAILED: First layer weights do not seem right";
        assertEquals(line, e.getMessage());
        assertEquals(line + "\n", printed());
        assertThrows(AssertionError.class, () -> Expect.below("x", Double.NaN, 1.0, "NaN is never below"));
    }
}
