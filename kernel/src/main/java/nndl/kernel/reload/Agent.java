package nndl.kernel.reload;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The kernel jar's Java agent ({@code Premain-Class} in its manifest): the kernelspec starts the JVM
 * with {@code -javaagent:nndl-kernel.jar}, and the JVM hands this class the {@link Instrumentation}
 * that {@link HotReload} redefines the library's classes with.
 *
 * <p>Why an agent at start-up rather than the JDK's self-attach: it needs neither the
 * {@code jdk.attach} module nor {@code -Djdk.attach.allowAttachSelf=true}, and JDK 21 and later
 * print a warning (and a future JDK refuses) when an agent is loaded into a running JVM
 * (JEP 451), while an agent named on the command line is loaded silently on every JDK.
 */
public final class Agent {
    private static volatile Instrumentation instrumentation;

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent:}; keeps
     * {@code inst} for {@link #instrumentation()}.
     *
     * @param args ignored
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The same as {@link #premain(String, Instrumentation)}, for an agent attached later. */
    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The JVM's instrumentation, or empty when the JVM was started without this agent. */
    public static Optional<Instrumentation> instrumentation() {
        return Optional.ofNullable(instrumentation);
    }
}
