package nndl.kernel.exec;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the bytecode of the classes JShell compiles from cells (never of jars on the
 * classpath) before they are defined:
 *
 * <ul>
 *   <li>a call of {@link StopSignal#check()} at the entry of every method (static initialisers
 *       aside, so that a stop never leaves a class unusable) and before every backward jump, so
 *       that any loop or recursion of a cell can be stopped, whatever the JDK;</li>
 *   <li>calls of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, and method
 *       references to them, go to {@link ExitGuard} instead.</li>
 * </ul>
 *
 * The inserted calls take and leave nothing on the operand stack, so stack sizes and stack map
 * frames stay valid; ASM moves the jumps.
 */
final class CellBytecode {
    private static final int API = Opcodes.ASM9;
    private static final String SIGNAL = Type.getInternalName(StopSignal.class);
    private static final String GUARD = Type.getInternalName(ExitGuard.class);

    private CellBytecode() {
    }

    /**
     * The instrumented form of class file {@code code}.
     *
     * @throws IllegalArgumentException if ASM cannot read or write it (e.g. a class file newer than
     *                                  this ASM knows, or a method that grows past 64 KB)
     */
    static byte[] instrument(byte[] code) {
        try {
            ClassReader reader = new ClassReader(code);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new Instrumenter(writer), 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot instrument a cell's class: " + e, e);
        }
    }

    private static final class Instrumenter extends ClassVisitor {
        Instrumenter(ClassVisitor next) {
            super(API, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return next == null ? null : new MethodRewriter(next, !name.equals("<clinit>"));
        }
    }

    private static final class MethodRewriter extends MethodVisitor {
        private final boolean checkOnEntry;
        private final Set<Label> placed = new HashSet<>();

        MethodRewriter(MethodVisitor next, boolean checkOnEntry) {
            super(API, next);
            this.checkOnEntry = checkOnEntry;
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SIGNAL, "check", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (checkOnEntry) {
                check();
            }
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            placed.add(label);
        }

        /** A jump to a label already placed goes backwards: the end of a loop's turn. */
        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (placed.contains(target)) {
                check();
            }
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... targets) {
            if (anyPlaced(fallback, targets)) {
                check();
            }
            super.visitTableSwitchInsn(min, max, fallback, targets);
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] targets) {
            if (anyPlaced(fallback, targets)) {
                check();
            }
            super.visitLookupSwitchInsn(fallback, keys, targets);
        }

        private boolean anyPlaced(Label fallback, Label[] targets) {
            if (placed.contains(fallback)) {
                return true;
            }
            for (Label target : targets) {
                if (placed.contains(target)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = exitGuard(owner, name, descriptor);
            if (guard != null && (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL)) {
                String guardDescriptor = opcode == Opcodes.INVOKESTATIC ? "(I)V" : "(Ljava/lang/Runtime;I)V";
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, guardDescriptor, false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        /** {@code System::exit}, {@code Runtime.getRuntime()::halt} and the like. */
        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle handle) {
                    rewritten[i] = guarded(handle);
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        private static Handle guarded(Handle handle) {
            String guard = exitGuard(handle.getOwner(), handle.getName(), handle.getDesc());
            if (guard == null) {
                return handle;
            }
            String descriptor = handle.getTag() == Opcodes.H_INVOKESTATIC ? "(I)V" : "(Ljava/lang/Runtime;I)V";
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard, descriptor, false);
        }

        /** The {@link ExitGuard} method standing in for {@code owner.name}, or null. */
        private static String exitGuard(String owner, String name, String descriptor) {
            if (!descriptor.equals("(I)V")) {
                return null;
            }
            if (owner.equals("java/lang/System") && name.equals("exit")) {
                return "exit";
            }
            if (owner.equals("java/lang/Runtime") && name.equals("exit")) {
                return "runtimeExit";
            }
            return owner.equals("java/lang/Runtime") && name.equals("halt") ? "halt" : null;
        }
    }
}
