package nndl.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The environment the commands export to their children: the profile, the data root, OpenBLAS's settings. */
public final class Settings {

    private Settings() {
    }

    /**
     * Exports NNDL_PROFILE (quick or full, default full) and NNDL_DATA (default the project's data/, made
     * absolute since kernels run in notebooks/).
     *
     * @throws Die for another profile, or a named data root that does not exist (a typo would
     *             otherwise be created and filled with a download)
     */
    public static void export(Tree tree) {
        String profile = Proc.env("NNDL_PROFILE") == null ? "full" : Proc.env("NNDL_PROFILE");
        Proc.ENV.put("NNDL_PROFILE", profile);
        if (!profile.equals("quick") && !profile.equals("full")) {
            throw new Die("NNDL_PROFILE must be quick or full, not '" + profile + "'");
        }
        String data = Proc.env("NNDL_DATA");
        if (data != null && !Files.isDirectory(Path.of(data))) {
            throw new Die("NNDL_DATA=" + data + ": no such folder; point it at a folder holding cifar-10-batches-bin/ or "
                    + "cifar-10-subset/ and mnist/ or mnist-subset/ (e.g. NNDL_DATA=../shared/datasets), or create it to "
                    + "download the datasets there");
        }
        Path root = data == null ? tree.data() : tree.root().resolve(data);
        Proc.ENV.put("NNDL_DATA", realPath(root).toString());
    }

    /** Returns the path with symbolic links resolved as far as it exists ({@code realpath -m}). */
    static Path realPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * One OpenBLAS thread per JVM thread (the library splits a run's large products over the cores
     * itself, and a sweep's configurations keep one core each; OpenBLAS's own pool would fight those
     * threads: lib/src/main/java/nndl/internal/Gemm.java), and the OpenBLAS core type when this
     * OpenBLAS does not know the CPU.
     */
    public static void exportBlas(Tree tree) {
        if (Proc.env("OPENBLAS_NUM_THREADS") == null) {
            Proc.ENV.put("OPENBLAS_NUM_THREADS", "1");
        }
        String core = coreType(tree);
        if (!core.isEmpty()) {
            Proc.ENV.put("OPENBLAS_CORETYPE", core);
        }
    }

    /**
     * Returns the OpenBLAS kernel family to force, or "": OPENBLAS_CORETYPE when set; else, when
     * OpenBLAS 0.3.21 (Debian 12) does not recognise the CPU and falls back to its SSE3 "Prescott"
     * kernels (4-5x slower), the AVX kernels the CPU has.
     */
    public static String coreType(Tree tree) {
        String set = Proc.env("OPENBLAS_CORETYPE");
        if (set != null) {
            return set;
        }
        if (!"Prescott".equals(coreName(tree))) {
            return "";
        }
        String flags;
        try {
            flags = Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return "";
        }
        return coreTypeFor(flags);
    }

    /** Returns the family a CPU with these /proc/cpuinfo flags runs instead of Prescott, or "". */
    static String coreTypeFor(String cpuinfo) {
        if (hasWord(cpuinfo, "avx512bw")) {
            return "SkylakeX";
        }
        return hasWord(cpuinfo, "avx2") ? "Haswell" : "";
    }

    private static boolean hasWord(String text, String word) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(word) + "(?![\\w])").matcher(text).find();
    }

    /**
     * Returns the kernel family OpenBLAS picks here (e.g. SkylakeX, Haswell), or "": asked of
     * libopenblas itself ({@code openblas_get_corename}) through Debian's Python's ctypes.
     */
    public static String coreName(Tree tree) {
        String out = Proc.output(tree, List.of(Proc.PYTHON, "-c", "import ctypes; lib = ctypes.CDLL('libopenblas.so.0')\n"
                + "lib.openblas_get_corename.restype = ctypes.c_char_p\nprint(lib.openblas_get_corename().decode())"));
        return out == null ? "" : out.strip();
    }
}
