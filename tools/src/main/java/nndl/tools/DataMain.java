package nndl.tools;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nndl.data.Cifar10;
import nndl.data.Mnist;

/**
 * Command line that makes sure the datasets are there and sound before notebooks run: finds CIFAR-10
 * and MNIST under the data root or downloads them (progress bar on stderr), reads every file the
 * notebooks will read (headers, sizes, labels) and checks that CIFAR-10 holds enough records for
 * the profile's split. {@code ./workbook run} calls it so a download or a broken file shows in the
 * terminal, naming the file and the byte offset, not later inside a notebook cell.
 */
public final class DataMain {
    private static final String HELP = """
            Usage: java -cp tools/target/nndl-tools.jar:tools/target/dependency/* nndl.tools.DataMain [--root DIR] [--profile quick|full]

            Finds CIFAR-10 (cifar-10-batches-bin/, then cifar-10-subset/) and MNIST (mnist/, then
            mnist-subset/) under the data root, downloading the official files into it when a dataset is
            missing (MD5-checked, renamed into place only when complete). The root is --root, else
            -Dnndl.data, else $NNDL_DATA, else data/; a root that was named must exist.
            Then reads every file the notebooks use: CIFAR-10's six batch files (not empty, whole
            3,073-byte records, labels 0..9) and MNIST's four IDX files (magic numbers, header counts,
            lengths, labels 0..9, as many labels as images); a bad file is named with its byte offset.
            CIFAR-10 must hold the profile's split: quick 4,000 + 1,000 training and 1,000 test records,
            full 49,000 + 1,000 and 1,000 (the profile is --profile, else $NNDL_PROFILE, else full).
            Prints one line per dataset.
            Exit status: 0 both found and sound, 1 a dataset is missing, broken or too small, 2 bad usage.
            """;

    /** The notebooks' CIFAR-10 split per profile (two_layer_nn and fc_nets: Profile.pick(4000, 49000) + 1,000 + 1,000). */
    private static final int QUICK_TRAINING = 4_000;
    private static final int FULL_TRAINING = 49_000;
    private static final int VALIDATION = 1_000;
    private static final int TEST = 1_000;

    private DataMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit status.
     *
     * @param args {@code [--root DIR] [--profile quick|full] | --help} (not modified)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = List.of(args);
        if (list.contains("--help") || list.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        Path root = null;
        String profile = System.getenv("NNDL_PROFILE");
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if ((arg.equals("--root") || arg.equals("--profile")) && i + 1 < list.size()) {
                String value = list.get(++i);
                if (arg.equals("--root")) {
                    root = Path.of(value);
                } else {
                    profile = value;
                }
            } else {
                err.println("DataMain: unexpected argument '" + arg + "'" + (arg.startsWith("--") ? " (or its value is missing)" : "")
                        + "\n" + HELP);
                return 2;
            }
        }
        profile = profile == null || profile.isBlank() ? "full" : profile.trim().toLowerCase(Locale.ROOT);
        if (!profile.equals("quick") && !profile.equals("full")) {
            err.println("DataMain: the profile must be quick or full, not '" + profile + "'");
            return 2;
        }
        try {
            Cifar10.FolderCheck cifar = Cifar10.verify(Cifar10.findOrDownload(root));
            String tooSmall = checkSplit(cifar, profile);
            if (tooSmall != null) {
                err.println("DataMain: " + tooSmall);
                return 1;
            }
            out.println("CIFAR-10: " + cifar);
            out.println("MNIST: " + Mnist.verify(Mnist.findOrDownload(root)));
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("DataMain: " + e.getMessage());
            return 1;
        }
    }

    /** Null when the folder holds the profile's split, else what is missing and what to do. */
    private static String checkSplit(Cifar10.FolderCheck cifar, String profile) {
        int training = profile.equals("quick") ? QUICK_TRAINING : FULL_TRAINING;
        if (cifar.trainRecords() >= training + VALIDATION && cifar.testRecords() >= TEST) {
            return null;
        }
        String needs = "the " + profile + " profile needs " + (training + VALIDATION) + " training (" + training + " + "
                + VALIDATION + " validation) and " + TEST + " test records, but " + cifar;
        if (profile.equals("full") && cifar.trainRecords() >= QUICK_TRAINING + VALIDATION && cifar.testRecords() >= TEST) {
            return needs + " is not the full CIFAR-10: run with NNDL_PROFILE=quick (it fits this data), or put the full "
                    + Cifar10.OFFICIAL_FOLDER + "/ under the data root";
        }
        return needs + ": put the full " + Cifar10.OFFICIAL_FOLDER + "/ (or the course's " + Cifar10.SUBSET_FOLDER
                + "/) under the data root";
    }
}
