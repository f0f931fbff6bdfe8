package nndl.kernel;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/** Tab completion of magic names: {@code %cl} becomes {@code %classpath}. */
final class MagicCompletion {
    private static final Pattern TYPED = Pattern.compile("^\\s*(%{1,2})([\\w.-]*)$");

    private MagicCompletion() {
    }

    /**
     * Magic names completing the {@code %name} being typed before {@code cursor}, or {@code null}
     * when the cursor is not on a magic name.
     */
    static ReplacementOptions complete(String code, int cursor, MagicsRegistry registry) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        Matcher typed = TYPED.matcher(code.substring(lineStart, cursor));
        if (!typed.matches()) {
            return null;
        }
        String percent = typed.group(1);
        Set<String> names = percent.length() == 2 ? registry.getCellMagicNames() : registry.getLineMagicNames();
        List<String> options = names.stream()
                .filter(name -> name.startsWith(typed.group(2)))
                .sorted()
                .map(name -> percent + name)
                .collect(Collectors.toList());
        return options.isEmpty() ? null : new ReplacementOptions(options, typed.start(1) + lineStart, cursor);
    }
}
