package nndl.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The benchmarks' {@code --name value} option parsing, shared by their option records. */
final class CommandLine {
    private CommandLine() {
    }

    /**
     * Applies {@code args} to {@code defaults}: {@code --help}/{@code -h} prints {@code usage} and
     * returns null, each flag of {@code flags} (e.g. {@code --no-numpy}) applies its operator, and each
     * option of {@code withValue} takes the next argument through {@code option}.
     *
     * @throws IllegalArgumentException for an unknown option or a missing value, with the usage
     */
    static <T> T parse(String[] args, String usage, T defaults, Set<String> withValue, Map<String, UnaryOperator<T>> flags,
                       Option<T> option) {
        T options = defaults;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                System.out.print(usage);
                return null;
            }
            if (flags.containsKey(name)) {
                options = flags.get(name).apply(options);
                continue;
            }
            if (!withValue.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + usage);
            }
            options = option.apply(options, name, args[++i]);
        }
        return options;
    }

    /** One option with a value applied to the options so far. */
    interface Option<T> {
        T apply(T options, String name, String value);
    }

    /** {@code value} as a whole number, or an error naming the option. */
    static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "option %s needs a whole number, got '%s'", name, value));
        }
    }
}
