package nndl.grader.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The seccomp filter bwrap installs before the command runs (x86-64): no new user namespace (an
 * unprivileged process could otherwise gain every capability inside one, the usual way into kernel
 * bugs), no x32 or i386 system calls (other numbers for the same calls). {@code clone3} answers
 * ENOSYS, because its flags sit in memory a filter cannot read; glibc then falls back to {@code clone},
 * whose flags it can.
 */
final class Seccomp {
    private static final int LD_W_ABS = 0x20;
    private static final int JEQ = 0x15;
    private static final int JGE = 0x35;
    private static final int JSET = 0x45;
    private static final int RET = 0x06;
    private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int NR_CLONE = 56;
    private static final int NR_UNSHARE = 272;
    private static final int NR_CLONE3 = 435;
    private static final int CLONE_NEWUSER = 0x10000000;
    private static final int RET_KILL_PROCESS = 0x80000000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    /** Offsets in struct seccomp_data: nr, arch, then args[0] (its low half on little-endian x86-64). */
    private static final int NR = 0;
    private static final int ARCH = 4;
    private static final int ARG0 = 16;

    private Seccomp() {
    }

    /** True on x86-64, the one architecture the filter is written for. */
    static boolean supported() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** The filter as the kernel's struct sock_filter array (8 bytes per instruction, native order). */
    static byte[] program() {
        int[][] p = {
            /* 0 */ {LD_W_ABS, 0, 0, ARCH},
            /* 1 */ {JEQ, 1, 0, AUDIT_ARCH_X86_64},
            /* 2 */ {RET, 0, 0, RET_KILL_PROCESS},
            /* 3 */ {LD_W_ABS, 0, 0, NR},
            /* 4 */ {JGE, 6, 0, X32_SYSCALL_BIT},      // x32 call -> 11 (EPERM)
            /* 5 */ {JEQ, 3, 0, NR_UNSHARE},           // -> 9 (flags)
            /* 6 */ {JEQ, 2, 0, NR_CLONE},             // -> 9 (flags)
            /* 7 */ {JEQ, 5, 0, NR_CLONE3},            // -> 13 (ENOSYS)
            /* 8 */ {RET, 0, 0, RET_ALLOW},
            /* 9 */ {LD_W_ABS, 0, 0, ARG0},
            /* 10 */ {JSET, 0, 1, CLONE_NEWUSER},      // set -> 11, else 12
            /* 11 */ {RET, 0, 0, RET_ERRNO | EPERM},
            /* 12 */ {RET, 0, 0, RET_ALLOW},
            /* 13 */ {RET, 0, 0, RET_ERRNO | ENOSYS},
        };
        ByteBuffer out = ByteBuffer.allocate(8 * p.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] insn : p) {
            out.putShort((short) insn[0]).put((byte) insn[1]).put((byte) insn[2]).putInt(insn[3]);
        }
        return out.array();
    }
}
