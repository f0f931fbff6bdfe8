package nndl.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which notebooks ./workbook run executes. */
public final class Notebooks {
    private Notebooks() {
    }

    /**
     * Returns the notebooks named (with or without .ipynb, or as notebooks/NAME.ipynb), in the course's
     * order whatever order they are named in; all of them when none is named.
     *
     * @throws Die naming an unknown notebook and listing the notebooks
     */
    public static List<String> select(List<String> args) {
        if (args == null || args.isEmpty()) {
            return Tree.NOTEBOOKS;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String arg : args) {
            String name = arg;
            if (name.startsWith("./")) {
                name = name.substring(2);
            }
            if (name.startsWith("notebooks/")) {
                name = name.substring("notebooks/".length());
            }
            if (name.endsWith(".ipynb")) {
                name = name.substring(0, name.length() - ".ipynb".length());
            }
            if (!Tree.NOTEBOOKS.contains(name)) {
                throw new Die("run: unknown notebook '" + arg + "'; the notebooks are: " + String.join(" ", Tree.NOTEBOOKS)
                        + " (see ./workbook run --help)");
            }
            wanted.add(name);
        }
        List<String> selected = new ArrayList<>();
        for (String n : Tree.NOTEBOOKS) {
            if (wanted.contains(n)) {
                selected.add(n);
            }
        }
        return selected;
    }
}
