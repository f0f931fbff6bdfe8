package nndl.kernel;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import nndl.kernel.cell.CellParser;
import nndl.kernel.cell.Globs;
import nndl.kernel.errors.ErrorReport;
import nndl.kernel.errors.KnockOn;
import nndl.kernel.exec.CodeAnalysis;
import nndl.kernel.exec.JShellEvaluator;
import nndl.kernel.exec.SourceText;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The nndl-workbook Java kernel: JJava's Jupyter protocol layer ({@link BaseKernel}) on top of
 * JShell running in this JVM. It is IJava's and JJava's {@code JavaKernel} too, so that their
 * notebooks reach it under the names they know ({@code IJava.getKernelInstance()},
 * {@code kernel()}). See {@code kernel/README.md} for what it offers and how it is built.
 */
public final class NndlKernel extends io.github.spencerpark.ijava.JavaKernel {
    /** Imported into every session: JShell's usual imports plus the notebook helpers. */
    static final String SESSION_IMPORTS = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;",
            "import static org.dflib.jjava.kernel.JavaNotebookStatics.*;",
            "import static nndl.kernel.KernelStatics.*;");
    private static final String VERSION = "1.0";

    private final KernelIO kernelIO;
    private final SessionHistory history;
    /** Which earlier failed cell a failure needs (spec §11): its note ends the cell's error. */
    private final KnockOn knockOn = new KnockOn();
    private final JShellEvaluator evaluator;
    private final CellRunner runner;
    private final Set<String> displayIds = ConcurrentHashMap.newKeySet();

    private NndlKernel(KernelIO io, SessionHistory history, JShellEvaluator evaluator, KernelConfig config) {
        super("nndl-java", VERSION, languageInfo(), helpLinks(), history, io, new CommManager(), new Renderer(),
                new MagicParser("^\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder().build());
        this.kernelIO = io;
        this.history = history;
        this.evaluator = evaluator;
        this.runner = new CellRunner(this, evaluator, config);
        runner.registerMagics(getMagicsRegistry());
        ComponentImages.register(getRenderer());
        // display(bundle) of a DisplayData built by hand shows the bundle, not its toString().
        getRenderer().createRegistration(DisplayData.class)
                .register((data, context) -> context.getOutputContainer().assign(data));
    }

    /**
     * A kernel configured by {@code config}: JShell started, {@code JJAVA_CLASSPATH} added and the
     * session's imports evaluated (which also warms up the compiler before the first cell).
     */
    public static NndlKernel create(KernelConfig config) {
        LibraryLogging.install();
        JShellEvaluator evaluator = new JShellEvaluator(NndlKernel.class.getClassLoader(),
                kernelCodeLocations(), config.compilerOptions(), config.timeout());
        NndlKernel kernel = new NndlKernel(new KernelIO(config.outputCapBytes()), new SessionHistory(), evaluator, config);
        for (String pattern : config.classpath()) {
            List<Path> entries = Globs.resolve(config.workingDirectory(), pattern);
            if (entries.isEmpty()) {
                System.err.println("JJAVA_CLASSPATH: nothing matches '" + pattern + "'");
            }
            entries.forEach(evaluator::addToClasspath);
        }
        evaluator.eval(new SourceText(SESSION_IMPORTS, "the kernel's session imports", 1, 0));
        return kernel;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: nndl-workbook kernel " + VERSION + " (JShell, jjava-jupyter)";
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    /**
     * Installs every {@link Extension} service visible to the cells' class loader that is not
     * installed yet; run at start-up and after each run of {@code %classpath} lines. A broken
     * extension is reported on stderr and skipped. One whose classes need a jar that is not on the
     * classpath cannot be installed later in this session: the JVM remembers a failed class
     * resolution, so the message says to add the jars together and restart.
     */
    void loadExtensions() {
        ServiceLoader<Extension> services = ServiceLoader.load(Extension.class, evaluator.classLoader());
        for (ServiceLoader.Provider<Extension> provider : services.stream().collect(Collectors.toList())) {
            String name = provider.type().getName();
            try {
                installExtension(provider.get());
            } catch (NoClassDefFoundError missing) {
                System.err.println("extension " + name + " cannot install: it needs "
                        + String.valueOf(missing.getMessage()).replace('/', '.') + ", which no jar on the classpath holds."
                        + " Add the jars it depends on in the same cell as its own jar (e.g. %classpath lib.jar deps/*.jar)"
                        + " and restart the kernel.");
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                System.err.println("extension " + name + " failed to install: " + e);
            }
        }
    }

    @Override
    protected void installDefaultExtensions() {
        loadExtensions();
    }

    /** Clears the running cell's output; false when no cell runs. */
    boolean clearOutput(boolean wait) {
        return kernelIO.clearOutput(wait);
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean counted = !silent && request.shouldStoreHistory();
        int count = counted ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        replaceOutputStreams(env);
        kernelIO.attach(env, request.isStdinEnabled(), count);
        env.defer(() -> kernelIO.detach(env));
        try {
            displayIds.clear();
            Object value;
            try {
                value = runner.runCell(request.getCode(), count);
            } finally {
                kernelIO.flushLines();
            }
            DisplayData result = render(value);
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
            }
            if (counted) {
                history.record(count, request.getCode(), result == null ? "" : String.valueOf(result.getData(Text.PLAIN)));
                knockOn.succeeded(count, request.getCode());
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception | Error e) {
            ErrorReport report = KernelErrors.report(e);
            if (counted) {
                history.record(count, request.getCode(), "");
                report = knockOn.failed(count, request.getCode(), report);
            }
            replyError(env, count, report, silent);
        }
    }

    private static void replyError(ShellReplyEnvironment env, int count, ErrorReport report, boolean silent) {
        if (!silent) {
            env.publish(new PublishError(report.name(), report.value(), report.traceback()));
        }
        ErrorReply reply = new ErrorReply(report.name(), report.value(), report.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /**
     * Cells print through the batched streams of {@link KernelIO}, set afresh before every cell so
     * that a cell replacing {@code System.out} (or {@code System.in}) does not mute the next. They
     * stay in place between cells, so that threads of earlier cells are heard in the next one.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        System.setOut(kernelIO.cellOut());
        System.setErr(kernelIO.cellErr());
        System.setIn(kernelIO.in);
    }

    /** Shows {@code data} in the running cell; its id is remembered, see {@link #render(Object)}. */
    @Override
    public void display(DisplayData data) {
        kernelIO.flushLines();
        if (data.hasDisplayId()) {
            displayIds.add(data.getDisplayId());
        }
        super.display(data);
    }

    /**
     * The cell's value as display data, or null. A cell ending with {@code display(x);} would
     * otherwise show the display id that {@code display} returns.
     */
    private DisplayData render(Object value) {
        if (value == null || value instanceof String text && displayIds.contains(text)) {
            return null;
        }
        return value instanceof DisplayData data ? data : getRenderer().render(value);
    }

    /**
     * Adds the entries of {@code classpath} (globs allowed, separated by the platform's path
     * separator) to the cells' classpath and installs the extensions they bring, as {@code %classpath}.
     */
    @Override
    public void addToClasspath(String classpath) {
        runner.addToClasspath("classpath", List.of(classpath));
    }

    /** Code evaluated through {@code eval(...)} from a cell is refused: JShell cannot nest. */
    @Override
    public Object evalRaw(String code) {
        if (evaluator.onCellThread()) {
            throw new IllegalStateException("eval(...) cannot run inside a cell; put the code in a cell of its own");
        }
        return runner.runCell(code, executionCount.get());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<Documentation> docs = evaluator.analysis().documentation(CellParser.blankMagics(code), at);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n" + d.javadoc())
                .distinct()
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        ReplacementOptions magic = MagicCompletion.complete(code, at, getMagicsRegistry());
        if (magic != null) {
            return magic;
        }
        CodeAnalysis.Completions completions = evaluator.analysis().complete(CellParser.blankMagics(code), at);
        return completions.matches().isEmpty() ? null : new ReplacementOptions(completions.matches(), completions.start(), at);
    }

    @Override
    public String isComplete(String code) {
        CodeAnalysis.Verdict verdict = evaluator.analysis().isComplete(CellParser.blankMagics(code));
        if (verdict instanceof CodeAnalysis.Verdict.Incomplete incomplete) {
            return incomplete.indent();
        }
        return verdict instanceof CodeAnalysis.Verdict.Invalid ? IS_COMPLETE_BAD : IS_COMPLETE_YES;
    }

    /** Stops the running cell; called on the control channel's thread. */
    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        try {
            super.onShutdown(isRestarting);
        } finally {
            evaluator.close();
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, getName(), getVersion(), getLanguageInfo(),
                getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.History(history.answer(message.getContent())));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new Replies.Interrupt());
        interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return KernelErrors.report(e).traceback();
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    private static List<HelpLink> helpLinks() {
        return List.of(
                new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/index.html"),
                new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/introduction-jshell.html"));
    }

    /** Where the classes cells use from the kernel live, so JShell's compiler can see them. */
    private static List<Path> kernelCodeLocations() {
        return Stream.of(BaseNotebookStatics.class, KernelStatics.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException("cannot locate " + c.getName() + ": " + e.getMessage(), e);
                    }
                })
                .distinct()
                .collect(Collectors.toList());
    }
}
