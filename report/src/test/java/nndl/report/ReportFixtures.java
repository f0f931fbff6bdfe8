package nndl.report;

import static nndl.report.NotebookJson.error;
import static nndl.report.NotebookJson.grade;
import static nndl.report.NotebookJson.html;
import static nndl.report.NotebookJson.png;
import static nndl.report.NotebookJson.result;
import static nndl.report.NotebookJson.run;
import static nndl.report.NotebookJson.stream;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Rubric;

/**
 * A folder of executed notebooks with known scores, and a small source tree:
 * two_layer_nn 7 / 14 (toy_loss fails, backward never ran, three checks not graded on the subset),
 * fc_nets 15 / 17 (overfit never ran, solver_val_acc not graded), mnist_multilayer 100 / 100,
 * backprop_exercises ungraded (autoencoder passes, gplvm fails, swish never ran), momentum_training 20 / 20
 * (the lab-3 checks of two_layer_nn, ungraded, pass). Total 142 / 151 with 19 points not graded on this data.
 */
final class ReportFixtures {
    static final String SUBSET = "cifar-10-subset (5170 train + 1017 test records)";
    static final String PRINTED = "Difference between your scores and correct scores: 3.38e-08";
    /** An informational line a library logs on stderr (not an error). */
    static final String INFO_LINE = "nndl: matrix products on native BLAS (OpenBLAS, 2 threads)";
    static final String TOTAL = "Total: 142 / 151 points (19 not graded on this data)";

    private ReportFixtures() {
    }

    static GradeResult graded(String id, double value) {
        return Rubric.get(id).evaluate(value, true, null);
    }

    static GradeResult onSubset(String id, double value) {
        return Rubric.get(id).evaluate(value, false, SUBSET);
    }

    /** Writes the five notebooks into {@code folder} (created). */
    static void writeNotebooks(Path folder) throws IOException {
        Files.createDirectories(folder);
        twoLayer()
                .code("System.err.println(\"nndl: matrix products on native BLAS\");\nsave(notebook);",
                        stream("stderr", INFO_LINE + "\n"),
                        stream("stdout", "saved " + folder.toAbsolutePath().resolve("two_layer_nn.ipynb") + "\n"))
                .write(folder.resolve("two_layer_nn.ipynb"));
        NotebookJson fc = new NotebookJson().code("Profile.header(\"fc_nets\");", run("fc_nets", "quick"));
        fc.markdown("# Fully-connected nets\n\nThe affine layer computes $out = xW + b$ for $x \\in \\mathbb{R}^{N \\times D}$.");
        for (Check check : Rubric.checks("fc_nets")) {
            if (check.name().equals("overfit")) {
                continue;
            }
            GradeResult result = check.fullDatasetOnly() ? onSubset(check.id(), 0.31) : graded(check.id(), passing(check));
            fc.code("Grade.check(\"" + check.id() + "\", value);", grade(result));
        }
        fc.write(folder.resolve("fc_nets.ipynb"));
        NotebookJson mnist = new NotebookJson().code("Profile.header(\"mnist_multilayer\");", run("mnist_multilayer", "quick"));
        mnist.markdown("# Multi-layer net on MNIST\n\nColumn convention: $A^{[l]} = g(W^{[l]} A^{[l-1]} + b^{[l]})$.");
        for (Check check : Rubric.checks("mnist_multilayer")) {
            mnist.code("Grade.check(\"" + check.id() + "\", value);", grade(graded(check.id(), passing(check))));
        }
        mnist.write(folder.resolve("mnist_multilayer.ipynb"));
        new NotebookJson()
                .code("Profile.header(\"backprop_exercises\");", run("backprop_exercises", "quick"))
                .markdown("# Backprop exercises\n\n$$\\nabla_W \\tfrac12 \\|W^T W x - x\\|^2 = W(mx^T + xm^T)$$")
                .code("Grade.check(\"backprop_exercises.autoencoder\", err);", grade(graded("backprop_exercises.autoencoder", 2e-10)))
                .code("Grade.check(\"backprop_exercises.gplvm\", err);", grade(graded("backprop_exercises.gplvm", 0.3)))
                .write(folder.resolve("backprop_exercises.ipynb"));
        NotebookJson momentum = new NotebookJson().code("Profile.header(\"momentum_training\");", run("momentum_training", "quick"));
        for (Check check : Rubric.checks("momentum_training")) {
            momentum.code("Grade.check(\"" + check.id() + "\", value);", grade(graded(check.id(), passing(check))));
        }
        momentum.write(folder.resolve("momentum_training.ipynb"));
    }

    private static NotebookJson twoLayer() throws IOException {
        return new NotebookJson()
                .code("Profile.header(\"two_layer_nn\");", run("two_layer_nn", "quick"))
                .markdown("# Two-layer neural network\n\nThe score of class $c$ is $x^2$ plus a *bias*, "
                        + "with **bold** words and `code` spans. The loss is\n\n$$\\frac{a}{b}$$\n\n"
                        + "- first item with $\\alpha$\n- second item\n\n1. one\n2. two\n\n"
                        + "Unicode: αβγ ∇ ≤ × 中文 ok.\n\n"
                        + "| lr | val acc |\n|---|--:|\n| 1e-3 | 0.513 |\n| 5e-4 | 0.49 |\n")
                .code("double diff = Matrices.sumAbsDiff(scores, correct);\nSystem.out.println(\"Difference: \" + diff);\n"
                        + "Grade.check(\"two_layer_nn.toy_scores\", diff);",
                        stream("stdout", PRINTED + "\n"),
                        grade(graded("two_layer_nn.toy_scores", 3.38e-8)))
                .code("Grade.check(\"two_layer_nn.toy_loss\", lossDiff);", grade(graded("two_layer_nn.toy_loss", 1e-3)))
                .code("var stats = net.train(...);\nGrade.check(\"two_layer_nn.toy_training\", stats.finalLoss());\nstats.lossHistory().size()",
                        result(4, "100"),
                        grade(graded("two_layer_nn.toy_training", 0.0145)))
                .code("chart", png(chart()))
                .code("sweep", html("<table><caption>Sweep results</caption><thead><tr><th>lr</th><th>reg</th><th>val_acc</th></tr></thead>"
                        + "<tbody><tr><td>0.001</td><td>0.25</td><td>0.513</td></tr><tr><td>0.0005</td><td>0.5</td><td>0.49</td></tr>"
                        + "<tr><td>0.01</td><td>0.25</td><td>diverged &amp; dropped</td></tr></tbody></table>", "lr reg val_acc"))
                .code("Grade.check(\"two_layer_nn.sgd_val_acc\", valAcc, data);", grade(onSubset("two_layer_nn.sgd_val_acc", 0.213)))
                .code("Grade.check(\"two_layer_nn.tuning\", best, data);", grade(onSubset("two_layer_nn.tuning", 0.33)))
                .code("Grade.check(\"two_layer_nn.test_acc\", testAcc, data);", grade(onSubset("two_layer_nn.test_acc", 0.3)))
                .code("Grade.check(\"two_layer_nn.lab3_loss\", lab3Diff);", grade(graded("two_layer_nn.lab3_loss", 1e-16)))
                .code("Grade.check(\"two_layer_nn.lab3_gradients\", lab3Error);", grade(graded("two_layer_nn.lab3_gradients", 1e-10)))
                .code("int[] a = new int[2]; a[3] = 1;", error("java.lang.ArrayIndexOutOfBoundsException", "Index 3 out of bounds for length 2",
                        "\u001B[1;31mjava.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 2\u001B[0m",
                        "\u001B[1;31m\tat .(#12:1)\u001B[0m"));
    }

    static double passing(Check check) {
        nndl.grade.Criterion criterion = check.criterion();
        if (criterion instanceof nndl.grade.Criterion.Below below) {
            return below.limit() / 10;
        }
        if (criterion instanceof nndl.grade.Criterion.Above above) {
            return above.limit() + (above.inclusive() ? 0 : 0.01);
        }
        return criterion.threshold();
    }

    /** A 640×400 line chart-like image: a red diagonal on white with a black frame. */
    static BufferedImage chart() {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 400);
        g.setColor(Color.BLACK);
        g.drawRect(40, 20, 580, 340);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(4));
        g.drawLine(40, 360, 620, 20);
        g.dispose();
        return image;
    }

    /** The body of the student-edition block in the fixture sources (lines 12-14 of Layers.java). */
    static final String BLOCK_LINE = "out[i] = x[i] * w + 0.5; // out = x·W + b";

    /**
     * Writes a Maven-like tree under {@code base}: lib/src/main/java/nndl/layers/Layers.java with a
     * student-edition block (BEGIN YOUR CODE, lines 11-15, in a two-line signature) and an
     * instructor-edition one (BEGIN SOLUTION, lines 20-22), and optim/Optim.java without blocks;
     * returns the source root base/lib/src/main/java/nndl.
     */
    static Path writeSources(Path base) throws IOException {
        Path root = base.resolve("lib/src/main/java/nndl");
        Files.createDirectories(root.resolve("layers"));
        Files.createDirectories(root.resolve("optim"));
        Files.writeString(root.resolve("layers/Layers.java"), String.join("\n",
                "package nndl.layers;",
                "",
                "/** Layers, a class comment that is not part of an exercise. */",
                "public final class Layers {",
                "    static final String LONG = \"" + "0123456789".repeat(20) + "\";",
                "",
                "    /** Javadoc of affineForward, not part of an exercise. */",
                "    public static double[] affineForward(double[] x,",
                "                                         double w) {",
                "        double[] out = new double[x.length];",
                "        // BEGIN YOUR CODE Layers.affineForward: affine forward",
                "        for (int i = 0; i < x.length; i++) {",
                "            " + BLOCK_LINE,
                "        }",
                "        // END YOUR CODE",
                "        return out;",
                "    }",
                "",
                "    static int relu(int v) {",
                "        // BEGIN SOLUTION Layers.relu: relu forward",
                "        return Math.max(0, v);",
                "        // END SOLUTION",
                "    }",
                "}",
                ""));
        Files.writeString(root.resolve("optim/Optim.java"), "package nndl.optim;\n\npublic final class Optim {\n\tint notAnExercise;\n}\n");
        return root;
    }
}
