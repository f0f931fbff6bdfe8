package nndl.kernel.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watched sources: what counts as a change, and how files are named in messages. */
class SourceTreeTest {
    @TempDir
    Path project;

    @Test
    void onlyNewContentChangesAHashAndOnlyJavaFilesUnderLibAreWatched() throws IOException {
        Path relu = project.resolve("lib/src/main/java/nndl/layers/Relu.java");
        Files.createDirectories(relu.getParent());
        Files.writeString(relu, "class Relu {}");
        Files.writeString(relu.resolveSibling("notes.txt"), "not Java");
        Files.createDirectories(project.resolve("lib/src/test/java"));
        Files.writeString(project.resolve("lib/src/test/java/T.java"), "class T {}");
        SourceTree tree = new SourceTree(project);

        Map<Path, String> first = tree.scan();
        assertEquals(Set.of(relu), first.keySet());
        Files.writeString(relu, "class Relu {}");
        Files.setLastModifiedTime(relu, FileTime.fromMillis(Files.getLastModifiedTime(relu).toMillis() + 5_000));
        assertEquals(first, tree.scan(), "the same text saved again is no change");
        Files.writeString(relu, "class Relu { }");
        assertNotEquals(first.get(relu), tree.scan().get(relu));
        assertEquals(Set.of("nndl/layers"), tree.packages(first.keySet()));
        assertEquals("lib/src/main/java/nndl/layers/Relu.java", tree.display(relu));
        Files.delete(relu);
        assertTrue(tree.scan().isEmpty());
    }
}
