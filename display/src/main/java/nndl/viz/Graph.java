package nndl.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A computational graph drawn with Graphviz: nodes for the operations, edges for the values that
 * flow between them, each edge labelled with its value's name. Inputs and parameters are the
 * sources (drawn as plain names); a value nobody consumes (the loss) gets a sink node of its own.
 * A value used by two operations leaves its node on two edges, so the two paths back to a
 * parameter (W and Wᵀ in the autoencoder) are two visible routes.
 *
 * <pre>{@code
 * Graph.named("autoencoder").input("x").input("W", true)
 *      .op("h", "·", "W", "x").op("Wᵀ", "transpose", "W").op("x̂", "·", "Wᵀ", "h")
 *      .op("r", "−", "x̂", "x").op("L", "½‖·‖²", "r")
 * }</pre>
 *
 * {@link #dot()} is the DOT text; {@link #image()} runs Graphviz's {@code dot -Tpng} on it (Debian's
 * {@code graphviz} package, which {@code ./workbook} installs). The notebook renderers show a graph
 * as that image. Built step by step: each method adds to this graph and returns it.
 */
public final class Graph {
    private final String title;
    /** Value name → whether its edges are drawn highlighted; the sources, in order. */
    private final Map<String, Boolean> inputs = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    /** One operation node: its label, the values it reads (in order) and the value it produces. */
    private record Operation(String label, List<String> arguments, String output) {
    }

    private Graph(String title) {
        this.title = title;
    }

    /**
     * An empty graph with {@code title} written above it.
     *
     * @param title the caption (non-blank)
     */
    public static Graph named(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Graph.named: the title is blank");
        }
        return new Graph(title);
    }

    /**
     * Adds an input or parameter named {@code name}, drawn as a plain name.
     *
     * @param name the value's name, unique in the graph
     */
    public Graph input(String name) {
        return input(name, false);
    }

    /**
     * Adds an input or parameter; when {@code highlighted} its node and every edge carrying it are
     * drawn in colour, so the paths it takes through the graph stand out.
     *
     * @param name        the value's name, unique in the graph
     * @param highlighted whether to colour it
     */
    public Graph input(String name, boolean highlighted) {
        requireNew("input", name);
        inputs.put(name, highlighted);
        return this;
    }

    /**
     * Adds an operation node labelled {@code label} that reads {@code arguments} and produces
     * {@code output}.
     *
     * @param output    the name of the value it produces, unique in the graph
     * @param label     the operation as written in the maths ({@code "·"}, {@code "swish"}, ...)
     * @param arguments the names of the values it reads, each already in the graph (at least one)
     */
    public Graph op(String output, String label, String... arguments) {
        requireNew("op", output);
        if (arguments.length == 0) {
            throw new IllegalArgumentException("Graph.op: " + output + " = " + label + "(...) reads no value");
        }
        Set<String> known = values();
        for (String argument : arguments) {
            if (!known.contains(argument)) {
                throw new IllegalArgumentException("Graph.op: " + output + " reads '" + argument
                        + "', which is not in the graph yet (values so far: " + known + ")");
            }
        }
        operations.add(new Operation(label, List.of(arguments), output));
        return this;
    }

    private void requireNew(String method, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Graph." + method + ": a value name is blank");
        }
        if (values().contains(name)) {
            throw new IllegalArgumentException("Graph." + method + ": the graph already has a value named '" + name + "'");
        }
    }

    /** Every value name so far: the inputs, then the operations' outputs. */
    private Set<String> values() {
        Set<String> names = new LinkedHashSet<>(inputs.keySet());
        operations.forEach(op -> names.add(op.output()));
        return names;
    }

    /**
     * The graph in Graphviz's DOT language, left to right: input {@code i} is node {@code in<i>},
     * operation {@code j} node {@code op<j>}, and the unconsumed values end in sink nodes
     * {@code out<k>}.
     */
    public String dot() {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph G {\n");
        dot.append("  rankdir=LR; labelloc=t; fontname=\"DejaVu Sans\"; fontsize=16; label=").append(quote(title)).append(";\n");
        dot.append("  node [fontname=\"DejaVu Sans\", fontsize=14]; edge [fontname=\"DejaVu Sans\", fontsize=13];\n");
        Map<String, String> producer = new LinkedHashMap<>();
        Set<String> highlighted = new LinkedHashSet<>();
        int i = 0;
        for (Map.Entry<String, Boolean> input : inputs.entrySet()) {
            String node = "in" + i++;
            producer.put(input.getKey(), node);
            dot.append("  ").append(node).append(" [shape=plaintext, label=").append(quote(input.getKey()));
            if (input.getValue()) {
                highlighted.add(input.getKey());
                dot.append(", fontcolor=\"#c0392b\"");
            }
            dot.append("];\n");
        }
        Set<String> consumed = new LinkedHashSet<>();
        for (int j = 0; j < operations.size(); j++) {
            Operation op = operations.get(j);
            String node = "op" + j;
            dot.append("  ").append(node).append(" [shape=box, style=\"rounded,filled\", fillcolor=\"#eaf2fb\", label=")
                    .append(quote(op.label())).append("];\n");
            for (String argument : op.arguments()) {
                edge(dot, producer.get(argument), node, argument, highlighted.contains(argument));
                consumed.add(argument);
            }
            producer.put(op.output(), node);
        }
        int k = 0;
        for (Operation op : operations) {
            if (!consumed.contains(op.output())) {
                String sink = "out" + k++;
                dot.append("  ").append(sink).append(" [shape=plaintext, label=\"\", width=0, height=0];\n");
                edge(dot, producer.get(op.output()), sink, op.output(), false);
            }
        }
        return dot.append("}\n").toString();
    }

    private static void edge(StringBuilder dot, String from, String to, String value, boolean highlighted) {
        dot.append("  ").append(from).append(" -> ").append(to).append(" [label=").append(quote(value));
        if (highlighted) {
            dot.append(", color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=2");
        }
        dot.append("];\n");
    }

    /** A DOT string literal: in double quotes, with backslashes and quotes escaped. */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * The picture Graphviz draws from {@link #dot()} ({@code dot -Tpng}, the {@code dot} on PATH).
     *
     * @throws IllegalStateException when Graphviz is not installed or {@code dot} fails (its message included)
     */
    public BufferedImage image() {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-Tpng").start();
        } catch (IOException e) {
            throw new IllegalStateException("Graph.image: Graphviz's `dot` is not on PATH (" + e.getMessage()
                    + "); install Debian's graphviz package (sudo apt-get install graphviz; ./workbook run installs it)", e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot().getBytes(StandardCharsets.UTF_8));
            }
            byte[] png = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = process.waitFor();
            BufferedImage image = status == 0 ? ImageIO.read(new ByteArrayInputStream(png)) : null;
            if (image == null) {
                throw new IllegalStateException("Graph.image: `dot -Tpng` exited with status " + status
                        + " and no picture" + (errors.isEmpty() ? "" : ": " + errors));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Graph.image: could not run `dot -Tpng`", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Graph.image: interrupted while `dot` was drawing", e);
        }
    }

    @Override
    public String toString() {
        return "Graph '" + title + "': " + inputs.size() + " inputs, " + operations.size() + " operations";
    }
}
