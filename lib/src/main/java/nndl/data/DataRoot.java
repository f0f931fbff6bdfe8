package nndl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the loaders look for data when they are not given a folder. The first of these that is set
 * wins:
 * <ol>
 *   <li>the loader's own argument (for example {@code loadCifar10(Path.of("/data/sets"))});</li>
 *   <li>the system property {@code nndl.data} ({@code -Dnndl.data=...}, handy in a kernel or a test
 *       JVM where the environment is fixed);</li>
 *   <li>the environment variable {@code NNDL_DATA};</li>
 *   <li>{@code data/} relative to the working directory.</li>
 * </ol>
 * Under the root, CIFAR-10 is looked for in {@code cifar-10-batches-bin/} (the official archive's
 * folder) then {@code cifar-10-subset/}; MNIST in {@code mnist/} then {@code mnist-subset/}; a folder
 * that holds none of the dataset's files is passed over. A root that was named but does not exist is
 * an error, never created for a download.
 */
public final class DataRoot {
    /** The system property naming the data root. */
    public static final String PROPERTY = "nndl.data";
    /** The environment variable naming the data root. */
    public static final String ENVIRONMENT = "NNDL_DATA";

    private DataRoot() {
    }

    /**
     * The data root from {@code nndl.data}, else {@code NNDL_DATA}, else {@code data/}.
     *
     * @return the root as an absolute, normalised path
     */
    public static Path resolve() {
        return resolve(null);
    }

    /**
     * The data root: {@code root} when it is not null, else as {@link #resolve()}.
     *
     * @param root an explicit data root or a dataset folder, or null (not modified)
     * @return the root as an absolute, normalised path
     */
    public static Path resolve(Path root) {
        if (root != null) {
            return root.toAbsolutePath().normalize();
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of("data").toAbsolutePath().normalize();
    }

    /**
     * The dataset folder for {@code root}: {@code root} itself when one of {@code files} is in it,
     * else the first of {@code folders} under it that exists.
     *
     * @param root    a data root or a dataset folder; null for the default root
     * @param files   file names that mark a dataset folder
     * @param folders folder names to try under the root, in order
     * @return the folder, or empty when there is none
     */
    static Optional<Path> locate(Path root, List<String> files, List<String> folders) {
        Path base = resolve(root);
        if (holdsAny(base, files)) {
            return Optional.of(base);
        }
        // A folder holding none of the files (an empty or failed copy) is passed over for the next one.
        return folders.stream().map(base::resolve).filter(dir -> holdsAny(dir, files)).findFirst();
    }

    private static boolean holdsAny(Path dir, List<String> files) {
        return files.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    /**
     * Before a download into the root: a root that was named (argument, {@code nndl.data},
     * {@code NNDL_DATA}) must exist, since a mistyped path would otherwise be created and filled with
     * a download. Only the default {@code data/} is created when missing.
     *
     * @param root    the loader's argument, or null
     * @param dataset what is looked for, for the message ("CIFAR-10 (cifar-10-batches-bin/ or cifar-10-subset/)")
     */
    static void requireNamedRootExists(Path root, String dataset) {
        Path base = resolve(root);
        if (Files.isDirectory(base)) {
            return;
        }
        String named = root != null ? "the data root " + base
                : notBlank(System.getProperty(PROPERTY)) ? "-D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                : notBlank(System.getenv(ENVIRONMENT)) ? ENVIRONMENT + "=" + System.getenv(ENVIRONMENT) : null;
        if (named == null) {
            return;
        }
        throw new IllegalArgumentException(named + ": " + (Files.exists(base) ? "not a folder" : "no such folder") + " ("
                + base + "); nothing downloaded. Point it at a folder that holds " + dataset
                + ", or create the folder to download into it.");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
