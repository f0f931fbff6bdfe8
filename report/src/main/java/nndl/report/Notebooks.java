package nndl.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nndl.grade.Rubric;

/** Finding and walking the executed notebooks of a folder. */
final class Notebooks {
    private Notebooks() {
    }

    /**
     * Reads every {@code .ipynb} directly in {@code folder}: the rubric's notebooks first in their
     * order (two_layer_nn, fc_nets, mnist_multilayer, backprop_exercises), then any others by name.
     *
     * @throws IllegalArgumentException if {@code folder} is not a directory
     */
    static List<NotebookFile> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("notebooks folder " + folder.toAbsolutePath()
                    + " does not exist: execute the notebooks first (./workbook run)");
        }
        List<Path> paths;
        try (Stream<Path> files = Files.list(folder)) {
            paths = files.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .sorted(Comparator.comparingInt(Notebooks::rank).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<NotebookFile> notebooks = new ArrayList<>();
        for (Path path : paths) {
            notebooks.add(NotebookFile.read(path));
        }
        return notebooks;
    }

    private static int rank(Path path) {
        String name = path.getFileName().toString().replaceFirst("\\.ipynb$", "");
        int index = Rubric.NOTEBOOKS.indexOf(name);
        return index < 0 ? Rubric.NOTEBOOKS.size() : index;
    }

    /** Returns the display_data / execute_result outputs of every code cell, in order. */
    static List<NotebookFile.Data> dataOutputs(NotebookFile notebook) {
        List<NotebookFile.Data> outputs = new ArrayList<>();
        for (NotebookFile.Cell cell : notebook.cells()) {
            if (cell instanceof NotebookFile.Code code) {
                for (NotebookFile.Output output : code.outputs()) {
                    if (output instanceof NotebookFile.Data data) {
                        outputs.add(data);
                    }
                }
            }
        }
        return outputs;
    }
}
