package nndl.kernel.reload;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

/**
 * What of a class file the JVM's class redefinition must find unchanged: its modifiers, its place
 * in the hierarchy, its fields and methods, its nest and its record components. Method bodies,
 * constants and debugging information are left out: those may change.
 *
 * @param internalName       e.g. {@code nndl/layers/Relu$Cache}
 * @param access             the class's modifiers (class-file flags)
 * @param superName          the superclass's internal name ({@code null} for {@code Object})
 * @param interfaces         the implemented interfaces, in declaration order
 * @param sourceFile         the {@code SourceFile} attribute ({@code Relu.java}), or {@code null}
 * @param fields             the fields, in class-file order
 * @param methods            the methods and constructors, in class-file order
 * @param nestHost           the enclosing class of a nested class, or {@code null}
 * @param nestMembers        the nested classes a top-level class lists
 * @param permittedSubclasses a sealed class's permitted subclasses
 * @param recordComponents   a record's components, as {@code name:descriptor}
 */
public record ClassShape(String internalName, int access, String superName, List<String> interfaces, String sourceFile,
                         List<Member> fields, List<Member> methods, String nestHost, List<String> nestMembers,
                         List<String> permittedSubclasses, List<String> recordComponents) {

    /**
     * A field or method.
     *
     * @param access     class-file modifiers
     * @param name       its name ({@code <init>} for a constructor)
     * @param descriptor its JVM descriptor, e.g. {@code (D)D}
     */
    public record Member(int access, String name, String descriptor) {
    }

    /**
     * Reads the shape of class file {@code bytes}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not a class file ASM can read
     */
    public static ClassShape of(byte[] bytes) {
        Collector collector = new Collector();
        new ClassReader(bytes).accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return collector.shape();
    }

    /** The package part of the internal name, e.g. {@code nndl/layers}; empty for the default package. */
    public String packagePath() {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static final class Collector extends ClassVisitor {
        private String name;
        private int access;
        private String superName;
        private List<String> interfaces = List.of();
        private String sourceFile;
        private final List<Member> fields = new ArrayList<>();
        private final List<Member> methods = new ArrayList<>();
        private String nestHost;
        private final List<String> nestMembers = new ArrayList<>();
        private final List<String> permitted = new ArrayList<>();
        private final List<String> components = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.access = access & 0xFFFF;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public void visitNestHost(String host) {
            nestHost = host;
        }

        @Override
        public void visitNestMember(String member) {
            nestMembers.add(member);
        }

        @Override
        public void visitPermittedSubclass(String subclass) {
            permitted.add(subclass);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            components.add(name + ":" + descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.add(new Member(access & 0xFFFF, name, descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            methods.add(new Member(access & 0xFFFF, name, descriptor));
            return null;
        }

        ClassShape shape() {
            return new ClassShape(name, access, superName, interfaces, sourceFile, List.copyOf(fields), List.copyOf(methods),
                    nestHost, List.copyOf(nestMembers), List.copyOf(permitted), List.copyOf(components));
        }
    }
}
