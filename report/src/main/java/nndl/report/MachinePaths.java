package nndl.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the absolute paths of the machine that wrote the report into names that mean something
 * to its reader: the project tree becomes relative ({@code /tmp/x/lib/src/...} → {@code lib/src/...}),
 * the data root {@code $NNDL_DATA}, the home folder {@code ~}, the temporary folder {@code $TMPDIR},
 * any other absolute path {@code …/} and its last name.
 * A report is handed in and read elsewhere; the machine's folders say nothing there and may name
 * the user.
 */
final class MachinePaths {
    /** One rewrite: an absolute folder and what stands for it. */
    record Rewrite(String folder, String name) {
    }

    /**
     * Any other absolute path of two or more names (not inside a URL or a relative path): its folders
     * are the machine's, only its last name is kept.
     */
    private static final Pattern OTHER_ABSOLUTE =
            Pattern.compile("(?<![\\w.:/~$)\\]}>-])/(?:[\\w.-]+/)+([\\w.-]+)");

    private final List<Rewrite> rewrites;
    private final List<Pattern> patterns = new ArrayList<>();

    /**
     * @param rewrites the folders to rewrite (any order: the longest is tried first; blank or root
     *                 folders are ignored)
     */
    MachinePaths(List<Rewrite> rewrites) {
        List<Rewrite> kept = new ArrayList<>();
        for (Rewrite r : rewrites) {
            if (r.folder() != null && !r.folder().isBlank() && !r.folder().equals("/") && r.folder().startsWith("/")) {
                String folder = r.folder().endsWith("/") ? r.folder().substring(0, r.folder().length() - 1) : r.folder();
                kept.add(new Rewrite(folder, r.name()));
            }
        }
        kept.sort(Comparator.comparingInt((Rewrite r) -> r.folder().length()).reversed());
        this.rewrites = List.copyOf(kept);
        for (Rewrite r : this.rewrites) {
            // the folder itself or followed by a separator, not a longer name that starts the same
            patterns.add(Pattern.compile(Pattern.quote(r.folder()) + "(/|(?![\\w.-]))"));
        }
    }

    /** No rewrites (text is drawn as it is). */
    static MachinePaths none() {
        return new MachinePaths(List.of());
    }

    /**
     * The rewrites for a report of the tree {@code tree}: the tree (relative), {@code $NNDL_DATA}'s
     * value, the home folder and the temporary folder of this JVM. (Not the working folder: a path
     * relative to wherever the command ran from would mislead.)
     *
     * @param tree the project tree (its files are named relative to it), or null
     * @param data the data root the notebooks read, or null
     */
    static MachinePaths of(Path tree, Path data) {
        List<Rewrite> rewrites = new ArrayList<>();
        if (tree != null) {
            rewrites.add(new Rewrite(real(tree), ""));
            rewrites.add(new Rewrite(tree.toAbsolutePath().normalize().toString(), ""));
        }
        if (data != null) {
            rewrites.add(new Rewrite(real(data), "$NNDL_DATA"));
            rewrites.add(new Rewrite(data.toAbsolutePath().normalize().toString(), "$NNDL_DATA"));
        }
        rewrites.add(new Rewrite(System.getProperty("user.home"), "~"));
        rewrites.add(new Rewrite(System.getProperty("java.io.tmpdir"), "$TMPDIR"));
        return new MachinePaths(rewrites);
    }

    private static String real(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (java.io.IOException | SecurityException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * Returns {@code text} with every rewritten folder replaced by its name, and any other absolute
     * path of the machine shortened to {@code …/} and its last name.
     */
    String redact(String text) {
        if (rewrites.isEmpty() || text.indexOf('/') < 0) {
            return text;
        }
        String out = text;
        for (int i = 0; i < rewrites.size(); i++) {
            String name = rewrites.get(i).name();
            Matcher m = patterns.get(i).matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            do {
                boolean slash = !m.group(1).isEmpty();
                String replacement = name.isEmpty() ? (slash ? "" : ".") : name + m.group(1);
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            } while (m.find());
            m.appendTail(sb);
            out = sb.toString();
        }
        return OTHER_ABSOLUTE.matcher(out).replaceAll(m -> Matcher.quoteReplacement("…/" + m.group(1)));
    }
}
