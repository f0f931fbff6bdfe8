package nndl.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedSourceTest {
    @TempDir
    Path dir;

    @Test
    void scriptIsOnePiece() throws IOException {
        Path file = Files.writeString(dir.resolve("helpers.jsh"), "int f() { return 1; }\n");
        assertEquals(List.of(new LoadedSource("helpers.jsh", "int f() { return 1; }\n")), LoadedSource.read(file, "helpers.jsh"));
    }

    @Test
    void notebookGivesItsCodeCellsInOrder() {
        String json = "{\"cells\": ["
                + "{\"cell_type\": \"markdown\", \"source\": [\"# title\"]},"
                + "{\"cell_type\": \"code\", \"source\": [\"int a = 1;\\n\", \"a\"]},"
                + "{\"cell_type\": \"code\", \"source\": \"%time a\"}"
                + "], \"nbformat\": 4}";
        assertEquals(List.of(new LoadedSource("nb.ipynb, code cell 1", "int a = 1;\na"),
                        new LoadedSource("nb.ipynb, code cell 2", "%time a")),
                LoadedSource.notebookCells(json, "nb.ipynb"));
    }

    @Test
    void brokenNotebookIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadedSource.notebookCells("[1, 2", "bad.ipynb"));
        assertEquals(true, e.getMessage().startsWith("bad.ipynb is not a notebook"), e.getMessage());
    }
}
