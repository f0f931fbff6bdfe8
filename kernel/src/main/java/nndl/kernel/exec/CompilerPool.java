package nndl.kernel.exec;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import jdk.jshell.JShell;

/**
 * Renews the javac contexts a JShell reuses between statements. When javac fails to write a class
 * past the class file's limits ("code too large", "too many constants"), the reused context keeps
 * the half-written constant pool, and every later statement, {@code 1+1} included, fails with "too
 * many constants" (JDK 17 to 25). A fresh pool of contexts ends that; the session's snippets and
 * values are untouched.
 *
 * <p>The pool is private to JShell ({@code TaskFactory.initTaskPool()}); reaching it needs the JVM
 * option {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}, which the kernelspec passes.
 */
final class CompilerPool {
    private final JShell shell;

    CompilerPool(JShell shell) {
        this.shell = shell;
    }

    /** Replaces the shell's javac contexts with fresh ones; false if this JDK's JShell does not allow it. */
    boolean renew() {
        try {
            Field factoryField = JShell.class.getDeclaredField("taskFactory");
            factoryField.setAccessible(true);
            Object factory = factoryField.get(shell);
            Method init = factory.getClass().getDeclaredMethod("initTaskPool");
            init.setAccessible(true);
            init.invoke(factory);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
