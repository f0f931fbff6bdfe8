package nndl.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line of ./workbook: one picocli subcommand per command. The bash bootstrap `workbook`
 * installs the Debian packages, finds the JDK, builds this module and starts this main with the
 * project root in the system property {@code nndl.root}.
 *
 * <p>The instructor edition's commands (release, grade) live in {@code nndl.launcher.instructor}, which
 * the release leaves out; they are registered when their classes are present, so the student edition's
 * {@code --help} lists only its own commands.
 */
@Command(name = "./workbook", customSynopsis = "./workbook COMMAND [--help]", usageHelpWidth = 110,
        description = "nndl-workbook: the course's notebooks on a Java kernel, the graded report, the tests.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  NNDL_PROFILE  quick | full (default full): iteration counts and sweep sizes of the notebooks",
            "  NNDL_DATA     data root holding cifar-10-batches-bin/ or cifar-10-subset/, mnist/ or mnist-subset/",
            "                (default: data/, downloaded there when missing)"})
public final class Workbook implements Callable<Integer> {
    /** The subcommands of the student edition, in the order of the help. */
    static final List<Class<?>> COMMANDS = List.of(Run.class, TestCommand.class, Lab.class, Report.class, Bench.class,
            Kernel.class, Submit.class, Check.class);
    /** The instructor edition's subcommands, present only there. */
    static final List<String> INSTRUCTOR_COMMANDS = List.of("nndl.launcher.instructor.Release", "nndl.launcher.instructor.Grade");
    /** The commands of the README, listed first. */
    static final List<String> MAIN = List.of("run", "test");

    private static Tree tree;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandSpec spec;

    /** Returns the project tree this launcher runs in. */
    public static Tree tree() {
        return tree;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** Runs ./workbook with {@code args} and exits with the command's status. */
    public static void main(String[] args) {
        String root = System.getProperty("nndl.root");
        tree = new Tree(Path.of(root == null ? "" : root).toAbsolutePath().normalize());
        String jupyterPath = Proc.env("JUPYTER_PATH");
        Proc.ENV.put("JUPYTER_PATH", tree.jupyterPrefix().resolve("share/jupyter") + (jupyterPath == null ? "" : ":" + jupyterPath));
        Exit.exit(execute(commandLine(), args));
    }

    /** Returns the command line with every subcommand of this edition. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Workbook());
        cl.setInterpolateVariables(false);
        for (Class<?> c : COMMANDS) {
            cl.addSubcommand(instantiate(c));
        }
        for (String name : INSTRUCTOR_COMMANDS) {
            try {
                cl.addSubcommand(instantiate(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                // the student edition: the release left the instructor's commands out
            }
        }
        cl.addSubcommand("help", new CommandLine(new HelpCommand()).setInterpolateVariables(false));
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.setInterpolateVariables(false);
            sub.setUsageHelpWidth(110);
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(keys);
            if (sub.getCommand() instanceof Passthrough) {
                sub.setUnmatchedOptionsArePositionalParams(true);
            }
        }
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Workbook::commandList);
        cl.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
        cl.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
        cl.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
        cl.setParameterExceptionHandler(Workbook::rejected);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Die) {
                System.err.println("workbook: error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl;
    }

    private static Object instantiate(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + c.getName(), e);
        }
    }

    /** Parses and runs {@code args}; returns the exit status. */
    static int execute(CommandLine cl, String[] args) {
        return cl.execute(args);
    }

    /** The command list of ./workbook --help: the README's two commands, the others, the instructor's. */
    private static String commandList(CommandLine.Help help) {
        StringBuilder out = new StringBuilder();
        List<String[]> groups = List.of(new String[] {"The two commands of the README:"}, new String[] {"Also:"},
                new String[] {"Instructor edition only:"});
        for (int g = 0; g < groups.size(); g++) {
            StringBuilder rows = new StringBuilder();
            for (Map.Entry<String, CommandLine.Help> e : help.subcommands().entrySet()) {
                CommandSpec sub = e.getValue().commandSpec();
                if (sub.usageMessage().hidden()) {
                    continue;
                }
                boolean instructor = sub.userObject().getClass().getPackageName().endsWith(".instructor");
                int group = instructor ? 2 : MAIN.contains(e.getKey()) ? 0 : 1;
                if (group != g) {
                    continue;
                }
                String[] lines = sub.usageMessage().header();
                for (int i = 0; i < lines.length; i++) {
                    rows.append(String.format("  %-8s %s%n", i == 0 ? e.getKey() : "", lines[i]));
                }
            }
            if (rows.length() > 0) {
                out.append(String.format("%n")).append(groups.get(g)[0]).append(String.format("%n")).append(rows);
            }
        }
        return out.toString();
    }

    /**
     * Prints a command line picocli rejected as ./workbook always did ({@code workbook: error: run:
     * unknown option '--x' (see ./workbook run --help; ...)}); returns exit status 1.
     */
    private static int rejected(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message;
        if (cmd.getCommand() instanceof Workbook) {
            cmd.usage(System.err);
            String first = args.length > 0 ? args[0] : "";
            message = "unknown command: " + first;
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            message = reject(cmd, u.getUnmatched().get(0));
        } else if (e instanceof CommandLine.MissingParameterException m && cmd.getCommand() instanceof Rejects r) {
            message = r.missing(m.getMissing().isEmpty() ? "" : m.getMissing().get(0).paramLabel(),
                    m.getMissing().isEmpty() || !m.getMissing().get(0).isOption() ? ""
                            : ((CommandLine.Model.OptionSpec) m.getMissing().get(0)).longestName());
        } else if (e.getArgSpec() != null && e.getArgSpec().isOption() && cmd.getCommand() instanceof Rejects r) {
            message = r.missing(e.getArgSpec().paramLabel(), ((CommandLine.Model.OptionSpec) e.getArgSpec()).longestName());
        } else {
            message = cmd.getCommandName() + ": " + e.getMessage() + " (see ./workbook " + cmd.getCommandName() + " --help)";
        }
        System.err.println("workbook: error: " + message);
        return 1;
    }

    /** Returns the message rejecting {@code arg} of {@code cmd}. */
    static String reject(CommandLine cmd, String arg) {
        if (cmd.getCommand() instanceof Rejects r) {
            return r.reject(arg);
        }
        return Rejects.noArguments(cmd.getCommandName(), arg);
    }

    /** ./workbook help: the list of commands. */
    @Command(name = "help", hidden = true, description = "the list of commands")
    static final class HelpCommand implements Runnable {
        @CommandLine.ParentCommand
        Workbook parent;

        @Override
        public void run() {
            parent.spec.commandLine().usage(System.out);
        }
    }
}
