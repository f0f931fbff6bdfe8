package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseBlocksTest {
    @TempDir
    Path dir;

    @Test
    void findsBothEditionsBlocksWithTheirSignaturesAndTreeRelativeFiles() throws IOException {
        Path root = ReportFixtures.writeSources(dir);
        List<String> missing = new ArrayList<>();
        List<ExerciseBlocks.Block> blocks = ExerciseBlocks.scan(root, List.of(), ExerciseBlocks.tree(root), missing);
        assertEquals(2, blocks.size(), blocks.toString());
        ExerciseBlocks.Block student = blocks.get(0);
        assertEquals("Layers.affineForward", student.method());
        assertEquals("affine forward", student.name());
        assertEquals("lib/src/main/java/nndl/layers/Layers.java:12-14", student.location());
        assertEquals(8, student.signatureLine());
        assertEquals(2, student.signature().size());
        assertFalse(student.signatureAdjacent(), "a line lies between the signature and the block");
        ExerciseBlocks.Block instructor = blocks.get(1);
        assertEquals("Layers.relu", instructor.method());
        assertEquals(List.of("        return Math.max(0, v);"), instructor.body());
        assertEquals(19, instructor.signatureLine());
        assertTrue(instructor.signatureAdjacent());
        assertTrue(missing.isEmpty());
    }

    @Test
    void constructorsAnglesAndAnOpenBlock() {
        List<String> lines = List.of(
                "    public Net(Options options,",
                "               Random random) {",
                "        // BEGIN SOLUTION <Net.Net>: initialisation",
                "        w = random.next();",
                "        // END SOLUTION",
                "    }",
                "    void step() {",
                "        // BEGIN YOUR CODE Net.step: update",
                "        x = step(x);");
        List<ExerciseBlocks.Block> blocks = ExerciseBlocks.blocks("Net.java", lines);
        assertEquals(2, blocks.size());
        assertEquals("Net.Net", blocks.get(0).method());
        assertEquals(1, blocks.get(0).signatureLine());
        assertEquals(List.of("    public Net(Options options,", "               Random random) {"), blocks.get(0).signature());
        assertEquals("Net.java:9", blocks.get(1).location(), "an open block runs to the end of the file");
        assertEquals(7, blocks.get(1).signatureLine(), "x = step(x) is a call, not the declaration");
    }

    @Test
    void blocksFollowTheOrderTheNotebooksFirstNameTheirClasses() {
        List<ExerciseBlocks.Block> blocks = List.of(block("Affine.affineForward"), block("Relu.reluForward"),
                block("Affine.affineBackward"), block("Unused.x"), block("TwoLayerNet.loss"), block("Layers.sigmoid"));
        List<NotebookFile> notebooks = List.of(
                new NotebookFile("a", Path.of("a.ipynb"), List.of(new NotebookFile.Code("var net = new TwoLayerNet(o);", 1, List.of()))),
                new NotebookFile("b", Path.of("b.ipynb"), List.of(new NotebookFile.Markdown("Affine first in prose"),
                        new NotebookFile.Code("Relu.reluForward(x); // ReluAffine\nAffine.affineForward(x, w, b);\n"
                                + "var s = sigmoid (x);", 2, List.of()))));
        assertEquals(List.of("TwoLayerNet.loss", "Relu.reluForward", "Affine.affineForward", "Affine.affineBackward",
                        "Layers.sigmoid", "Unused.x"),
                ExerciseBlocks.inNotebookOrder(blocks, notebooks).stream().map(ExerciseBlocks.Block::method).toList());
    }

    private static ExerciseBlocks.Block block(String method) {
        return new ExerciseBlocks.Block("F.java", method, "b", 1, 3, List.of("x"), 0, List.of());
    }

    @Test
    void theTreeOfAMavenSourceRootIsTheFolderAboveTheModule() {
        assertEquals(Path.of("/a/tree"), ExerciseBlocks.tree(Path.of("/a/tree/lib/src/main/java/nndl")));
        assertEquals(Path.of("/a"), ExerciseBlocks.tree(Path.of("/a/sources")));
    }
}
