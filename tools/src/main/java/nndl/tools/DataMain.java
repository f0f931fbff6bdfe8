package nndl.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nndl.data.Cifar10;
import nndl.data.Mnist;

/**
 * Command line that makes sure the datasets are there before notebooks run: finds CIFAR-10 and
 * MNIST under the data root or downloads them (progress bar on stderr), and prints which folders
 * the notebooks will read. {@code ./workbook run} calls it so a download shows in the terminal, not
 * inside a notebook cell.
 */
public final class DataMain {
    private static final String HELP = """
            Usage: java -cp tools/target/nndl-tools.jar:tools/target/dependency/* nndl.tools.DataMain [--root DIR]

            Finds CIFAR-10 (cifar-10-batches-bin/, then cifar-10-subset/) and MNIST (mnist/, then
            mnist-subset/) under the data root, downloading the official files into it when a dataset is
            missing (MD5-checked, renamed into place only when complete). The root is --root, else
            -Dnndl.data, else $NNDL_DATA, else data/. Prints one line per dataset.
            Exit status: 0 both found, 1 a dataset is missing and could not be downloaded, 2 bad usage.
            """;

    private DataMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit status.
     *
     * @param args {@code [--root DIR] | --help} (not modified)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path root = null;
        List<String> list = List.of(args);
        if (list.contains("--help") || list.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        if (list.size() == 2 && list.get(0).equals("--root")) {
            root = Path.of(list.get(1));
        } else if (!list.isEmpty()) {
            err.println("DataMain: unexpected arguments " + list + "\n" + HELP);
            return 2;
        }
        try {
            out.println("CIFAR-10: " + Cifar10.findOrDownload(root));
            out.println("MNIST: " + Mnist.findOrDownload(root));
            return 0;
        } catch (RuntimeException e) {
            err.println("DataMain: " + e.getMessage());
            return 1;
        }
    }
}
