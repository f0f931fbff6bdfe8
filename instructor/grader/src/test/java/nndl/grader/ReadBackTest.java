package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hand-in can leave in its scratch folder for the grader to read back: only regular files come out. */
class ReadBackTest {
    @TempDir
    Path dir;

    private List<String> copied(Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            return walk.filter(Files::isRegularFile).map(p -> target.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void onlyRegularFilesWithoutFollowingLinks() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.ipynb"), "instructor's file");
        Path secretFolder = Files.createDirectories(dir.resolve("instructor/displays"));
        Files.writeString(secretFolder.resolve("model.ipynb"), "model answers");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path executed = Files.createDirectories(scratch.resolve("build/notebooks"));
        Files.writeString(executed.resolve("fc_nets.ipynb"), "{}");
        Files.createSymbolicLink(executed.resolve("two_layer_nn.ipynb"), secret);
        Files.createSymbolicLink(executed.resolve("linked"), secretFolder);
        Files.writeString(executed.resolve("big.ipynb"), "x".repeat(2000));
        assertEquals(0, new ProcessBuilder("mkfifo", executed.resolve("fifo.ipynb").toString()).start().waitFor());

        Path target = dir.resolve("trusted");
        assertEquals(1, ReadBack.copy(scratch, "build/notebooks", ".ipynb", target, 1000, 50));
        assertEquals(List.of("fc_nets.ipynb"), copied(target));
    }

    @Test
    void aFolderReplacedByALinkGivesNothing() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("instructor/build/notebooks"));
        Files.writeString(outside.resolve("two_layer_nn.ipynb"), "instructor's executed notebook");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.createSymbolicLink(scratch.resolve("build"), dir.resolve("instructor/build"));

        Path target = dir.resolve("trusted");
        assertEquals(0, ReadBack.copy(scratch, "build/notebooks", ".ipynb", target, 1 << 20, 50));
        assertEquals(List.of(), copied(target));
        assertFalse(ReadBack.realFolders(scratch, scratch.resolve("build/notebooks")));
        assertTrue(ReadBack.realFolders(scratch, scratch));
    }
}
