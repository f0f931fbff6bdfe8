package nndl.kernel.exec;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Frees the values of variables that can no longer be reached. JShell keeps each variable in a
 * static field of the snippet's wrapper class, and a wrapper class lives as long as the kernel's
 * class loader: re-running {@code double[][] x = loadCifar();} would otherwise keep every earlier
 * copy of the data set alive. When a variable is redeclared (its old snippet is overwritten) or an
 * expression's temporary {@code $n} variable has been displayed, the old field is set to
 * {@code null}.
 *
 * <p>The wrapper's class name is private to JShell ({@code Snippet.classFullName()}); reading it
 * needs the JVM option {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}, which the kernelspec
 * passes. Without it nothing is freed and everything else works.
 */
final class SnippetReclaimer {
    private final CellExecutionControl control;
    private final Method classFullName;

    SnippetReclaimer(CellExecutionControl control) {
        this.control = control;
        this.classFullName = wrapperNameAccessor();
    }

    /** True when wrapper classes can be found, i.e. values can be freed. */
    boolean enabled() {
        return classFullName != null;
    }

    /**
     * Frees the variable of {@code old}, overwritten by {@code current} (the statement just run, or
     * null), unless both live in the same wrapper class: re-running an identical declaration reuses
     * its wrapper, whose field already holds the new value. A changed redeclaration gets a new
     * wrapper ({@code $JShell$1} becomes {@code $JShell$1B}) and the old one is freed.
     */
    void releaseReplaced(Snippet old, Snippet current) {
        if (current != null && classFullName != null && wrapperName(old).equals(wrapperName(current))) {
            return;
        }
        release(old);
    }

    private String wrapperName(Snippet snippet) {
        try {
            return String.valueOf(classFullName.invoke(snippet));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    /** Sets the static field holding {@code snippet}'s variable to {@code null}, if possible. */
    void release(Snippet snippet) {
        if (!(snippet instanceof VarSnippet variable) || classFullName == null) {
            return;
        }
        try {
            Class<?> wrapper = control.loadClass((String) classFullName.invoke(snippet));
            Field field = wrapper.getDeclaredField(variable.name());
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.getType().isPrimitive()) {
                field.setAccessible(true);
                field.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // The wrapper was never loaded (the snippet failed) or has another shape: nothing to free.
        }
    }

    private static Method wrapperNameAccessor() {
        try {
            Method method = Snippet.class.getDeclaredMethod("classFullName");
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
