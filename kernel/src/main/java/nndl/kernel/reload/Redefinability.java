package nndl.kernel.reload;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nndl.kernel.reload.ClassShape.Member;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Whether the JVM can replace a loaded class by a new version in place, and if not, what changed, in
 * the words of the source ("method helper(double) added"). The rules are HotSpot's for
 * {@code Instrumentation.redefineClasses} (JDK 17 to 25): the same modifiers, superclass, interfaces,
 * fields (in order), nest, permitted subclasses and record components, and the same methods matched
 * by name and descriptor with the same modifiers (native aside). No method may be added or removed,
 * private ones included (since JDK 15 HotSpot allows that only with
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods}, deprecated), so a lambda added to a method body,
 * which javac compiles into a new private method, needs a restart too.
 * Checking here, before asking the JVM, gives the student an exact message instead of the JVM's
 * "attempted to add a method".
 */
public final class Redefinability {
    private static final int CLASS_MODIFIERS = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER
            | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM
            | Opcodes.ACC_SYNTHETIC;
    private static final int WRITTEN_FLAGS = 0x7FFF;

    private Redefinability() {
    }

    /**
     * The changes from {@code loaded} to {@code fresh} that redefinition cannot apply, each a short
     * phrase; empty when {@code fresh} can replace {@code loaded} in place.
     *
     * @param loaded the version the JVM runs
     * @param fresh  the version just compiled (same class name)
     */
    public static List<String> blockingChanges(ClassShape loaded, ClassShape fresh) {
        List<String> changes = new ArrayList<>();
        String prefix = inClass(fresh.internalName());
        if (((loaded.access() ^ fresh.access()) & CLASS_MODIFIERS) != 0) {
            changes.add(prefix + "class modifiers changed (" + classModifiers(loaded.access()) + " → "
                    + classModifiers(fresh.access()) + ")");
        }
        if (!Objects.equals(loaded.superName(), fresh.superName())) {
            changes.add(prefix + "superclass changed (" + simple(loaded.superName()) + " → " + simple(fresh.superName()) + ")");
        }
        if (!loaded.interfaces().equals(fresh.interfaces())) {
            changes.add(prefix + "implemented interfaces changed (" + names(loaded.interfaces()) + " → "
                    + names(fresh.interfaces()) + ")");
        }
        fieldChanges(prefix, loaded.fields(), fresh.fields(), changes);
        methodChanges(prefix, fresh, loaded.methods(), fresh.methods(), changes);
        if (!Objects.equals(loaded.nestHost(), fresh.nestHost())) {
            changes.add(prefix + "enclosing class changed");
        }
        setChanges(loaded.nestMembers(), fresh.nestMembers(), "nested class ", changes);
        setChanges(loaded.permittedSubclasses(), fresh.permittedSubclasses(), prefix + "permitted subclass ", changes);
        if (!loaded.recordComponents().equals(fresh.recordComponents())) {
            changes.add(prefix + "record components changed");
        }
        return changes;
    }

    private static void fieldChanges(String prefix, List<Member> loaded, List<Member> fresh, List<String> changes) {
        Map<String, Member> before = byName(loaded);
        Map<String, Member> after = byName(fresh);
        int start = changes.size();
        for (Member field : fresh) {
            Member old = before.get(field.name());
            if (old == null) {
                changes.add(prefix + "field " + field.name() + " added");
            } else if (!old.descriptor().equals(field.descriptor())) {
                changes.add(prefix + "type of field " + field.name() + " changed (" + typeName(old.descriptor()) + " → "
                        + typeName(field.descriptor()) + ")");
            } else if (((old.access() ^ field.access()) & WRITTEN_FLAGS) != 0) {
                changes.add(prefix + "modifiers of field " + field.name() + " changed (" + memberModifiers(old.access(), false)
                        + " → " + memberModifiers(field.access(), false) + ")");
            }
        }
        for (Member field : loaded) {
            if (!after.containsKey(field.name())) {
                changes.add(prefix + "field " + field.name() + " removed");
            }
        }
        if (changes.size() == start && !names(loaded).equals(names(fresh))) {
            changes.add(prefix + "fields reordered");
        }
    }

    private static void methodChanges(String prefix, ClassShape cls, List<Member> loaded, List<Member> fresh, List<String> changes) {
        Map<String, Member> before = byKey(loaded);
        Map<String, Member> after = byKey(fresh);
        List<Member> added = new ArrayList<>();
        List<Member> removed = new ArrayList<>();
        for (Member method : fresh) {
            Member old = before.get(key(method));
            if (old == null) {
                added.add(method);
            } else if (((old.access() ^ method.access()) & WRITTEN_FLAGS & ~Opcodes.ACC_NATIVE) != 0) {
                changes.add(prefix + "modifiers of " + describe(cls, method) + " changed (" + memberModifiers(old.access(), true)
                        + " → " + memberModifiers(method.access(), true) + ")");
            }
        }
        for (Member method : loaded) {
            if (!after.containsKey(key(method))) {
                removed.add(method);
            }
        }
        // One method whose parameters changed reads better as "signature changed" than as a pair.
        for (Member gone : List.copyOf(removed)) {
            Member same = added.stream().filter(m -> m.name().equals(gone.name()) && !isLambda(m)).findFirst().orElse(null);
            if (same != null) {
                changes.add(prefix + "signature of " + describe(cls, gone) + " changed to " + signature(cls, same));
                removed.remove(gone);
                added.remove(same);
            }
        }
        added.forEach(m -> changes.add(prefix + describe(cls, m) + " added"));
        removed.forEach(m -> changes.add(prefix + describe(cls, m) + " removed"));
    }

    private static void setChanges(List<String> loaded, List<String> fresh, String what, List<String> changes) {
        Set<String> before = new LinkedHashSet<>(loaded);
        Set<String> after = new LinkedHashSet<>(fresh);
        for (String name : after) {
            if (!before.contains(name)) {
                changes.add(what + sourceName(name) + " added");
            }
        }
        for (String name : before) {
            if (!after.contains(name)) {
                changes.add(what + sourceName(name) + " removed");
            }
        }
    }

    /** "in class Relu.Cache: " for a nested class, nothing for a file's top-level class. */
    private static String inClass(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        return simple.contains("$") ? "in class " + simple.replace('$', '.') + ": " : "";
    }

    /**
     * {@code method helper(double)}, {@code constructor Relu(int)}, {@code static initializer},
     * {@code lambda in method reluForward} (javac's {@code lambda$reluForward$0}).
     */
    static String describe(ClassShape cls, Member method) {
        if (method.name().equals("<clinit>")) {
            return "static initializer";
        }
        if (isLambda(method)) {
            String in = method.name().split("\\$")[1];
            return "lambda in " + (in.equals("new") ? "a constructor" : in.equals("static") ? "a static initializer" : "method " + in);
        }
        return (method.name().equals("<init>") ? "constructor " : "method ") + signature(cls, method);
    }

    /** javac's synthetic method holding a lambda's body, {@code lambda$<method>$<n>}. */
    private static boolean isLambda(Member method) {
        return (method.access() & Opcodes.ACC_SYNTHETIC) != 0 && method.name().startsWith("lambda$")
                && method.name().split("\\$").length >= 3;
    }

    private static String signature(ClassShape cls, Member method) {
        String name = method.name().equals("<init>") ? simpleClass(cls.internalName()) : method.name();
        List<String> params = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(method.descriptor())) {
            params.add(simple(t.getClassName()));
        }
        return name + "(" + String.join(", ", params) + ")";
    }

    private static String typeName(String descriptor) {
        return simple(Type.getType(descriptor).getClassName());
    }

    private static String simpleClass(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    /** {@code java.lang.String} or {@code java/lang/String} → {@code String}, nested as {@code Outer.Inner}. */
    private static String simple(String name) {
        if (name == null) {
            return "Object";
        }
        String dotted = name.replace('/', '.');
        return dotted.substring(dotted.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String sourceName(String internalName) {
        return simple(internalName);
    }

    private static String names(List<?> items) {
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            out.add(item instanceof Member m ? m.name() : simple(item.toString()));
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static String classModifiers(int access) {
        String text = Modifier.toString(access & (Modifier.PUBLIC | Modifier.FINAL | Modifier.ABSTRACT | Modifier.INTERFACE));
        if ((access & Opcodes.ACC_ENUM) != 0) {
            text = (text + " enum").strip();
        }
        return text.isEmpty() ? "package-private" : text;
    }

    /** Field and method flags share bits (volatile/bridge, transient/varargs), hence {@code method}. */
    private static String memberModifiers(int access, boolean method) {
        int shown = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL
                | (method ? Modifier.SYNCHRONIZED | Modifier.ABSTRACT : Modifier.VOLATILE | Modifier.TRANSIENT);
        String text = Modifier.toString(access & shown);
        if (method && (access & Opcodes.ACC_VARARGS) != 0) {
            text = (text + " varargs").strip();
        }
        return text.isEmpty() ? "package-private" : text;
    }

    private static Map<String, Member> byName(List<Member> members) {
        Map<String, Member> map = new LinkedHashMap<>();
        members.forEach(m -> map.put(m.name(), m));
        return map;
    }

    private static Map<String, Member> byKey(List<Member> members) {
        Map<String, Member> map = new LinkedHashMap<>();
        members.forEach(m -> map.put(key(m), m));
        return map;
    }

    private static String key(Member m) {
        return m.name() + m.descriptor();
    }
}
