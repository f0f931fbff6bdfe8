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
 * folder) then {@code cifar-10-subset/}; MNIST in {@code mnist/} then {@code mnist-subset/}.
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
        if (files.stream().anyMatch(name -> Files.isRegularFile(base.resolve(name)))) {
            return Optional.of(base);
        }
        return folders.stream().map(base::resolve).filter(Files::isDirectory).findFirst();
    }
}
