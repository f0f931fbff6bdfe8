package nndl.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedLogTest {
    private static String capped(String text, int head, int tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long total = new CappedLog(head, tail).copy(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out);
        assertEquals(text.length(), total);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shortOutputIsKeptWhole() throws IOException {
        assertEquals("0123456789abcdefghij", capped("0123456789abcdefghij", 10, 10));
        assertEquals("0123", capped("0123", 10, 10));
    }

    @Test
    void longOutputKeepsHeadAndTailAndCountsTheCut() throws IOException {
        String text = "HEAD-" + "x".repeat(20_000) + "-TAIL";
        assertEquals("HEAD-xxxxx\n[... 19991 bytes of output cut (20010 in all) ...]\nxxxx-TAIL", capped(text, 10, 10 - 1));
    }
}
