package nndl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GraphTest {

    /** The linear autoencoder of backprop_exercises Q1: W reaches the loss on two paths. */
    private static Graph autoencoder() {
        return Graph.named("½‖WᵀWx − x‖²").input("x").input("W", true)
                .op("h", "·", "W", "x").op("Wᵀ", "transpose", "W").op("x̂", "·", "Wᵀ", "h")
                .op("r", "−", "x̂", "x").op("L", "½‖·‖²", "r");
    }

    private static boolean dotOnPath() {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, "dot").canExecute());
    }

    @Test
    void dotHasOneNodePerOperationAndOneLabelledEdgePerUse() {
        String expected = """
                digraph G {
                  rankdir=LR; labelloc=t; fontname="DejaVu Sans"; fontsize=16; label="½‖WᵀWx − x‖²";
                  node [fontname="DejaVu Sans", fontsize=14]; edge [fontname="DejaVu Sans", fontsize=13];
                  in0 [shape=plaintext, label="x"];
                  in1 [shape=plaintext, label="W", fontcolor="#c0392b"];
                  op0 [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label="·"];
                  in1 -> op0 [label="W", color="#c0392b", fontcolor="#c0392b", penwidth=2];
                  in0 -> op0 [label="x"];
                  op1 [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label="transpose"];
                  in1 -> op1 [label="W", color="#c0392b", fontcolor="#c0392b", penwidth=2];
                  op2 [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label="·"];
                  op1 -> op2 [label="Wᵀ"];
                  op0 -> op2 [label="h"];
                  op3 [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label="−"];
                  op2 -> op3 [label="x̂"];
                  in0 -> op3 [label="x"];
                  op4 [shape=box, style="rounded,filled", fillcolor="#eaf2fb", label="½‖·‖²"];
                  op3 -> op4 [label="r"];
                  out0 [shape=plaintext, label="", width=0, height=0];
                  op4 -> out0 [label="L"];
                }
                """;
        assertEquals(expected, autoencoder().dot());
    }

    @Test
    void quotesAndBackslashesInLabelsAreEscaped() {
        String dot = Graph.named("a \"b\"").input("x\\y").op("z", "f", "x\\y").dot();
        assertTrue(dot.contains("label=\"a \\\"b\\\"\""), dot);
        assertTrue(dot.contains("label=\"x\\\\y\""), dot);
    }

    @Test
    void unknownOrRepeatedValuesAreRejectedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Graph.named("g").input("x").op("y", "f", "w"));
        assertEquals("Graph.op: y reads 'w', which is not in the graph yet (values so far: [x])", unknown.getMessage());
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> Graph.named("g").input("x").op("x", "f", "x"));
        assertEquals("Graph.op: the graph already has a value named 'x'", repeated.getMessage());
    }

    @Test
    void graphvizDrawsAPngThatTheRendererShows() throws Exception {
        Assumptions.assumeTrue(dotOnPath(), "Graphviz's dot is not on PATH (./workbook installs the graphviz package)");
        BufferedImage image = autoencoder().image();
        assertTrue(image.getWidth() > 300 && image.getHeight() > 50, image.getWidth() + "×" + image.getHeight());
        Renderer renderer = new Renderer();
        NotebookRenderers.register(renderer);
        DisplayData data = renderer.render(autoencoder());
        BufferedImage shown = NotebookRenderersTest.decode(data);
        assertEquals(image.getWidth(), shown.getWidth());
        assertEquals("Graph '½‖WᵀWx − x‖²': 2 inputs, 5 operations", data.getData(MIMEType.TEXT_PLAIN));
    }
}
