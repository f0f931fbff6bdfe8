package nndl.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the launcher: the environment they inherit (what the old launcher exported), and
 * the one running in the foreground, which a signal or the exit waits for.
 */
public final class Proc {
    /** The environment of every child: this process's, plus what the commands export. */
    public static final Map<String, String> ENV = new HashMap<>(System.getenv());

    /** Debian's Python, which has Jupyter (a pyenv python3 earlier on PATH lacks it). */
    public static final String PYTHON = "/usr/bin/python3";

    private static volatile Process foreground;

    private Proc() {
    }

    /** Returns the exported value of {@code name}, or null. */
    public static String env(String name) {
        String value = ENV.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Returns a builder of {@code command} in the root, with the children's environment. */
    public static ProcessBuilder builder(Tree tree, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tree.root().toFile());
        pb.environment().clear();
        pb.environment().putAll(ENV);
        return pb;
    }

    /** Runs {@code command} with this process's stdin, stdout and stderr; returns its exit status. */
    public static int inherit(Tree tree, List<String> command) {
        return run(builder(tree, command).inheritIO());
    }

    /** Runs {@code command} with stdout to {@code out} (stderr inherited); returns its exit status. */
    public static int toFile(Tree tree, List<String> command, Path out, boolean withStderr) {
        ProcessBuilder pb = builder(tree, command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (withStderr) {
            pb.redirectErrorStream(true);
        }
        return run(pb);
    }

    /** Starts {@code pb} as the foreground child and waits for it; returns its exit status. */
    public static int run(ProcessBuilder pb) {
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new Die("cannot start " + String.join(" ", pb.command()) + ": " + e.getMessage());
        }
        foreground = p;
        try {
            while (true) {
                try {
                    int code = p.waitFor();
                    if (Exit.stopping()) {
                        Exit.hang();  // the signal's handler ends the launcher
                    }
                    return code;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            foreground = null;
        }
    }

    /** Runs {@code command} and returns its stdout, or null when it fails (stderr discarded). */
    public static String output(Tree tree, List<String> command) {
        try {
            Process p = builder(tree, command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sends SIGINT to the foreground child, if any (Java's Process can only send SIGTERM and SIGKILL). */
    public static void interruptForeground() {
        Process p = foreground;
        if (p == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            p.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the foreground child, or null. */
    public static Process foreground() {
        return foreground;
    }

    /**
     * Waits for the foreground child to end (it got the terminal's signal too), asking it to stop
     * after {@code graceSeconds} and forcing it after as long again.
     */
    public static void awaitForeground(int graceSeconds) {
        Process p = foreground;
        if (p == null) {
            return;
        }
        try {
            if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the executable {@code name} on the children's PATH, or null. */
    public static Path onPath(String name) {
        String path = ENV.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns a mutable list of the arguments. */
    public static List<String> cmd(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> l) {
                l.forEach(x -> list.add(String.valueOf(x)));
            } else {
                list.add(String.valueOf(part));
            }
        }
        return list;
    }
}
