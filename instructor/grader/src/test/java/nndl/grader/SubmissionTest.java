package nndl.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {
    @TempDir
    Path dir;

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                z.putNextEntry(new ZipEntry(entry));
                z.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aFolderOfHandInsExpandsToEach() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.createDirectories(inbox.resolve("bob/lib"));
        Files.writeString(inbox.resolve("notes.txt"), "not a hand-in");
        Path alice = zip("inbox/alice.zip", "lib/src/main/java/nndl/layers/Affine.java");
        assertEquals(List.of(alice, inbox.resolve("bob")), Submission.expand(List.of(inbox)));
        assertThrows(IllegalArgumentException.class, () -> Submission.expand(List.of(dir.resolve("missing"))));
    }

    @Test
    void zipsAndFoldersReadTheSameFiles() throws IOException {
        Submission fromZip = Submission.read(zip("carol id.zip", "lib/src/main/java/nndl/layers/Relu.java", "notebooks/fc_nets.ipynb"));
        assertEquals("carol_id", fromZip.name());
        assertEquals(Set.of("lib/src/main/java/nndl/layers/Relu.java", "notebooks/fc_nets.ipynb"), fromZip.files().keySet());
        Path folder = Files.createDirectories(dir.resolve("dave/lib/src"));
        Files.writeString(folder.resolve("X.java"), "class X {}");
        Submission fromFolder = Submission.read(dir.resolve("dave"));
        assertEquals(Set.of("lib/src/X.java"), fromFolder.files().keySet());
    }
}
