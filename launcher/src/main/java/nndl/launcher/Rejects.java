package nndl.launcher;

/** How a command words an argument it does not take (the messages the fault tests expect). */
public interface Rejects {
    /** Returns the message for {@code arg}, which the command does not take. */
    default String reject(String arg) {
        return noArguments(getClass().getAnnotation(picocli.CommandLine.Command.class).name(), arg);
    }

    /** Returns the message for option {@code option} given without its value labelled {@code label}. */
    default String missing(String label, String option) {
        String name = getClass().getAnnotation(picocli.CommandLine.Command.class).name();
        return name + ": " + option + " needs a value";
    }

    /** Returns the message of a command taking no such argument: an unknown option or an unexpected argument. */
    static String noArguments(String command, String arg) {
        if (arg.startsWith("-")) {
            return command + ": unknown option '" + arg + "' (see ./workbook " + command
                    + " --help; the profile is NNDL_PROFILE=quick, not an option)";
        }
        return command + ": unexpected argument '" + arg + "' (see ./workbook " + command + " --help)";
    }
}
