package nndl.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JDK the launcher runs the tools, the judge and the kernel on. */
public final class Jdk {
    private Jdk() {
    }

    /** Returns the JDK's java: $JAVA_HOME's if set, else the one on PATH. */
    public static Path java() {
        String home = Proc.env("JAVA_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Path.of(home, "bin", "java");
        }
        Path java = Proc.onPath("java");
        if (java == null) {
            throw new Die("java not found on PATH (a JDK 17+ is needed)");
        }
        return java;
    }

    /** Returns the javac beside {@link #java()}. */
    public static Path javac() {
        return java().resolveSibling("javac");
    }

    /**
     * Returns the java of a full JDK given as its home or its bin/java (the --java option).
     *
     * @throws Die when there is no java there
     */
    public static Path given(String jdk) {
        Path java = Path.of(jdk);
        if (Files.isDirectory(java)) {
            java = java.resolve("bin/java");
        }
        if (!Files.isExecutable(java) || Files.isDirectory(java)) {
            throw new Die("--java " + jdk + ": no java there (give a JDK's home or its bin/java)");
        }
        return java.toAbsolutePath();
    }

    /**
     * Checks that {@code java} has the jdk.jshell module the kernel needs.
     *
     * @throws Die for a JRE
     */
    public static void requireJshell(Tree tree, Path java) {
        String modules = Proc.output(tree, List.of(java.toString(), "--list-modules"));
        if (modules == null || modules.lines().noneMatch(l -> l.startsWith("jdk.jshell@"))) {
            throw new Die(java + " has no jdk.jshell module: the kernel needs a full JDK 17+, not a JRE");
        }
    }
}
