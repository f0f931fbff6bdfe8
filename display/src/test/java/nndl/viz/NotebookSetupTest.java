package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks run under a stock IJava/JJava kernel's rules (README, "What is inside"): a stock
 * kernel installs a jar's Extension the moment {@code %classpath} adds it and never retries, so the
 * dependency jars come first; its default imports lack {@code java.util.stream},
 * {@code java.util.function} and {@code java.nio.file}, so the shared setup imports them; and no cell
 * uses a feature only this project's kernel has.
 */
class NotebookSetupTest {
    private static final Path NOTEBOOKS = Path.of("..", "notebooks");
    private static final List<String> FIRST_CELL = List.of(
            "%classpath ../display/target/dependency/*.jar",
            "%classpath ../display/target/nndl-display.jar",
            "%load setup.jsh");

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static List<String> codeCells(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                StringBuilder source = new StringBuilder();
                c.getAsJsonArray("source").forEach(line -> source.append(line.getAsString()));
                cells.add(source.toString());
            }
        }
        return cells;
    }

    @Test
    void everyNotebookStartsWithTheDependencyJarsThenTheExtensionJarThenTheSharedSetup() throws IOException {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 4, "notebooks found: " + notebooks);
        for (Path notebook : notebooks) {
            assertEquals(FIRST_CELL, codeCells(notebook).get(0).strip().lines().toList(), notebook + ": first code cell");
        }
    }

    @Test
    void theSharedSetupImportsWhatAStockKernelLacksAndOnlyImports() throws IOException {
        List<String> lines = Files.readAllLines(NOTEBOOKS.resolve("setup.jsh"), StandardCharsets.UTF_8);
        for (String needed : List.of("import java.util.stream.*;", "import java.util.function.*;", "import java.nio.file.*;")) {
            assertTrue(lines.contains(needed), "setup.jsh lacks " + needed);
        }
        for (String line : lines) {
            String l = line.strip();
            assertTrue(l.isEmpty() || l.startsWith("//") || l.startsWith("import "), "setup.jsh holds more than imports: " + line);
        }
    }

    @Test
    void noCellUsesAFeatureOnlyThisKernelHas() throws IOException {
        for (Path notebook : notebooks()) {
            for (String cell : codeCells(notebook)) {
                assertFalse(cell.contains("clearOutput("), notebook + " calls clearOutput, which stock JJava lacks: " + cell);
                assertFalse(cell.startsWith("%maven") || cell.contains("\n%maven"), notebook + " needs %maven: " + cell);
            }
        }
    }
}
