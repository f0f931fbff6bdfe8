package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobsTest {
    @TempDir
    Path root;
    Path notebooks;

    @BeforeEach
    void layout() throws IOException {
        notebooks = Files.createDirectories(root.resolve("notebooks"));
        Path deps = Files.createDirectories(root.resolve("lib/target/dependency"));
        Files.createFile(deps.resolve("ejml-core.jar"));
        Files.createFile(deps.resolve("a-first.jar"));
        Files.createFile(deps.resolve("notes.txt"));
        Files.createDirectories(root.resolve("lib/target/classes/nndl"));
        Files.createFile(root.resolve("lib/target/nndl-lib.jar"));
        Files.createDirectories(root.resolve("lib/target/deep/er"));
        Files.createFile(root.resolve("lib/target/deep/er/x.jar"));
    }

    @Test
    void starMatchesWithinOneDirectoryRelativeToTheBase() {
        assertEquals(List.of(root.resolve("lib/target/dependency/a-first.jar"), root.resolve("lib/target/dependency/ejml-core.jar")),
                Globs.resolve(notebooks, "../lib/target/dependency/*.jar"));
    }

    @Test
    void starDoesNotDescend() {
        assertEquals(List.of(root.resolve("lib/target/nndl-lib.jar")), Globs.resolve(notebooks, "../lib/target/*.jar"));
    }

    @Test
    void doubleStarDescends() {
        List<Path> all = Globs.resolve(root, "lib/**.jar");
        assertEquals(4, all.size(), all.toString());
        assertTrue(all.contains(root.resolve("lib/target/deep/er/x.jar")));
    }

    @Test
    void literalPathsAndDirectoriesResolveWhenTheyExist() {
        assertEquals(List.of(root.resolve("lib/target/classes")), Globs.resolve(notebooks, "../lib/target/classes"));
        assertEquals(List.of(), Globs.resolve(notebooks, "../lib/target/missing.jar"));
    }

    @Test
    void absolutePatternsIgnoreTheBase() {
        String pattern = root.resolve("lib/target/dependency").toString() + "/e*.jar";
        assertEquals(List.of(root.resolve("lib/target/dependency/ejml-core.jar")), Globs.resolve(notebooks, pattern));
    }

    @Test
    void noMatchIsEmpty() {
        assertEquals(List.of(), Globs.resolve(notebooks, "../nowhere/*.jar"));
    }

    @Test
    void isGlobSpotsWildcards() {
        assertTrue(Globs.isGlob("a/*.jar"));
        assertTrue(Globs.isGlob("a?.jar"));
        assertFalse(Globs.isGlob("../lib/target/nndl-lib.jar"));
    }
}
