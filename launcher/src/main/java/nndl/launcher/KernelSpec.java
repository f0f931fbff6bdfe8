package nndl.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The `java` kernelspec: kernel.json from its template (resources nndl/launcher/kernel.json.template)
 * and the kernel jar, installed into a Jupyter prefix with {@code jupyter kernelspec install}.
 *
 * <p>Its argv runs java through sh to expand JJAVA_JVM_OPTS (word-split, no globbing: {@code set -f})
 * and to give the OpenBLAS settings and NNDL_ROOT as defaults that the environment Jupyter starts with
 * overrides; {@code exec} leaves a single JVM process. Later JVM options win, so JJAVA_JVM_OPTS=-Xmx8g
 * overrides the default heap (60% of RAM: full CIFAR-10 in doubles is 1.5 GB). The young generation is
 * capped at 256 MB because the nets allocate their gradients afresh every step and an uncapped G1 grows
 * it by gigabytes of new pages (docs/performance.md). NNDL_ROOT names the project whose lib/ sources the
 * kernel hot-reloads (set but empty: off); the kernel jar is also its own Java agent, whose
 * Instrumentation redefines the library's classes in place (kernel/README.md, Hot reload).
 */
public final class KernelSpec {
    private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

    private KernelSpec() {
    }

    /**
     * Returns kernel.json for the kernel running on {@code java}, with OpenBLAS core type
     * {@code coreType} ("" for none) and the project root {@code root}.
     */
    public static String json(String java, String coreType, String root) {
        String blas = coreType.isEmpty() ? ""
                : ": \"${OPENBLAS_CORETYPE:=" + coreType + "}\"; export OPENBLAS_CORETYPE; ";
        return template().replace("@OPENBLAS_CORETYPE@", jsonEscape(blas))
                .replace("@NNDL_ROOT@", jsonEscape(shellQuote(root)))
                .replace("@JAVA@", jsonEscape(java));
    }

    private static String template() {
        try (InputStream in = KernelSpec.class.getResourceAsStream("kernel.json.template")) {
            if (in == null) {
                throw new IllegalStateException("kernel.json.template is missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code s} quoted for sh as Python's shlex.quote does. */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** Returns {@code s} escaped for the inside of a JSON string. */
    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Builds the kernel jar if needed and installs the `java` kernelspec into {@code prefix} (default
     * build/jupyter, a project-local Jupyter data dir on JUPYTER_PATH, leaving the user's kernels alone).
     *
     * @param java   the JDK's java to run the kernel on, or null for {@link Jdk#java()}
     * @param prefix the Jupyter prefix, or null for build/jupyter
     * @return the prefix's share/jupyter folder
     */
    public static Path install(Tree tree, Path java, Path prefix) {
        if (Build.stale(tree.kernelJar(), tree.kernelInputs())) {
            Say.say("building the kernel (Maven)");
            Build.maven(tree, "the kernel build", "-q", "-pl", "kernel", "-am", "package", "-DskipTests");
        }
        Path jdk = java == null ? Jdk.java() : java;
        Jdk.requireJshell(tree, jdk);
        Path into = prefix == null ? tree.jupyterPrefix() : prefix.toAbsolutePath().normalize();
        Path spec = tree.kernelSpecDir(into);
        try {
            deleteTree(spec);
            Files.createDirectories(spec);
            Files.copy(tree.kernelJar(), spec.resolve("nndl-kernel.jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(spec.resolve("kernel.json"), json(jdk.toString(), Settings.coreType(tree), tree.root().toString()));
        } catch (IOException e) {
            throw new Die("cannot write the kernelspec in " + spec + ": " + e.getMessage());
        }
        int status = Proc.inherit(tree, List.of(Proc.PYTHON, "-Xfrozen_modules=off", "-m", "jupyter", "kernelspec", "install",
                spec.toString(), "--name", "java", "--prefix", into.toString(), "--log-level=ERROR"));
        if (status != 0) {
            throw new Die("jupyter kernelspec install failed (is Debian's jupyter-client installed?)");
        }
        return into.resolve("share/jupyter");
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
