package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The command line that starts one sandbox: a shell that joins the cgroups, {@code prlimit} for the
 * file-size cap, bwrap with its namespaces and mounts, and (as root) {@code setpriv} dropping to an
 * unprivileged uid before the hand-in's command runs. Mounts are an allowlist: nothing of the host is
 * visible unless named here.
 */
final class BwrapArgs {
    static final String BWRAP = "/usr/bin/bwrap";
    static final String PRLIMIT = "/usr/bin/prlimit";
    static final String SETPRIV = "/usr/bin/setpriv";
    /** The uid and gid the hand-in runs as when the grader is root (Debian's {@code nobody}). */
    static final int SANDBOX_UID = 65534;
    static final String HOSTNAME = "nndl-sandbox";
    /** The {@link Seccomp} filter's file in the sandbox's etc folder. */
    static final String SECCOMP_FILE = "seccomp.bpf";

    /** The pieces of /etc that the JVM, the dynamic linker, Python and Jupyter read; nothing else of it. */
    private static final List<String> ETC = List.of("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives",
            "nsswitch.conf", "host.conf", "localtime", "timezone", "fonts", "mime.types", "matplotlibrc", "jupyter");
    private static final List<String> ETC_PREFIXES = List.of("java-", "python3");
    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private BwrapArgs() {
    }

    /** How the sandboxed process gets its identity. */
    enum Mode {
        /** The grader is root: bwrap creates no user namespace and setpriv drops to {@link #SANDBOX_UID} with no capabilities. */
        ROOT,
        /** The grader is an ordinary user: bwrap's user namespace, further user namespaces disabled. */
        USER
    }

    /**
     * The full command: {@code sh} joining {@code cgroupProcs}, then prlimit, bwrap and the spec's command.
     *
     * @param spec        what to run, see and write, and the caps
     * @param mode        identity inside (see {@link Mode})
     * @param etc         folder of the sandbox's own hosts, passwd and group files
     * @param cgroupProcs cgroup.procs files the first process joins before anything runs
     */
    static List<String> command(SandboxSpec spec, Mode mode, Path etc, List<Path> cgroupProcs) {
        List<String> out = new ArrayList<>();
        // The shell's pid is the pid bwrap will have (exec), so every later process is born inside the
        // groups; it opens the seccomp filter on fd 3 for bwrap's --seccomp.
        out.addAll(List.of("/bin/sh", "-c",
                "bpf=$1; shift; for f in \"$@\"; do [ \"$f\" = -- ] && break; echo $$ > \"$f\" || exit 125; shift; done; shift; "
                        + "if [ -n \"$bpf\" ]; then exec \"$@\" 3< \"$bpf\"; else exec \"$@\"; fi",
                "nndl-sandbox", Seccomp.supported() ? etc.resolve(SECCOMP_FILE).toString() : ""));
        for (Path procs : cgroupProcs) out.add(procs.toString());
        out.add("--");
        long fsize = spec.limits().maxFileBytes();
        out.addAll(List.of(PRLIMIT, "--fsize=" + fsize + ":" + fsize, "--core=0:0", "--", BWRAP));
        out.addAll(bwrapOptions(spec, mode, etc));
        out.add("--");
        if (mode == Mode.ROOT) {
            out.addAll(List.of(SETPRIV, "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID, "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--"));
        }
        out.addAll(spec.command());
        return out;
    }

    /** bwrap's options: namespaces, the mounts, the working folder and the environment. */
    static List<String> bwrapOptions(SandboxSpec spec, Mode mode, Path etc) {
        List<String> out = new ArrayList<>();
        if (mode == Mode.ROOT) {
            // No user namespace: as root it could only map uid 0, and an unprivileged real uid is stronger.
            out.addAll(List.of("--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                    "--cap-add", "CAP_SETUID,CAP_SETGID"));
        } else {
            out.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns"));
        }
        out.addAll(List.of("--die-with-parent", "--new-session", "--hostname", HOSTNAME));
        if (Seccomp.supported()) out.addAll(List.of("--seccomp", "3"));

        Mounts mounts = new Mounts(out);
        mounts.roBind(Path.of("/usr"));
        for (String name : TOP_LEVEL) {
            Path path = Path.of("/" + name);
            if (Files.isSymbolicLink(path)) {
                try {
                    out.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } catch (IOException e) {
                    // unreadable link: the merged-/usr layout's names stay missing, /usr still works
                }
            } else if (Files.isDirectory(path)) {
                mounts.roBind(path);
            }
        }
        mounts.dir(Path.of("/etc"));
        for (Path piece : etcPieces()) mounts.roBind(piece);
        for (String name : List.of("hosts", "passwd", "group")) mounts.roBind(etc.resolve(name), Path.of("/etc", name));
        out.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        mounts.tmpfs(Path.of("/tmp"), spec.limits().diskBytes());
        // POSIX shared memory (Python's multiprocessing locks), sized and counted like /tmp.
        mounts.tmpfs(Path.of("/dev/shm"), spec.limits().diskBytes());
        spec.readOnly().stream().map(Path::toAbsolutePath).map(Path::normalize)
                .sorted(Comparator.comparingInt(Path::getNameCount)).forEach(mounts::roBind);
        mounts.bind(spec.scratch().toAbsolutePath().normalize());
        // The root bwrap built (its folders and mount points) read-only too; the mounts on it keep their own modes.
        out.addAll(List.of("--remount-ro", "/"));

        out.addAll(List.of("--chdir", spec.workDir().toAbsolutePath().normalize().toString(), "--clearenv"));
        for (Map.Entry<String, String> e : new TreeMap<>(spec.env()).entrySet()) {
            out.addAll(List.of("--setenv", e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<Path> etcPieces() {
        List<Path> out = new ArrayList<>();
        for (String name : ETC) {
            Path p = Path.of("/etc", name);
            if (Files.exists(p)) out.add(p);
        }
        try (var list = Files.list(Path.of("/etc"))) {
            list.filter(p -> ETC_PREFIXES.stream().anyMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            // no /etc listing: the JVM falls back to its defaults
        }
        return out;
    }

    /**
     * Emits mounts, first creating each missing parent folder with mode 0755 (bwrap would make it
     * 0700, unreadable to the unprivileged uid).
     */
    private static final class Mounts {
        private final List<String> out;
        /** Host folders bound in: what lies below them exists as on the host. */
        private final Set<Path> binds = new HashSet<>();
        /** Folders and tmpfs made by bwrap: what lies below them must be made too. */
        private final Set<Path> created = new HashSet<>();

        Mounts(List<String> out) {
            this.out = out;
        }

        void roBind(Path path) {
            roBind(path, path);
        }

        void roBind(Path source, Path dest) {
            parents(dest);
            out.addAll(List.of("--ro-bind", source.toString(), dest.toString()));
            binds.add(dest);
        }

        void bind(Path path) {
            parents(path);
            out.addAll(List.of("--bind", path.toString(), path.toString()));
            binds.add(path);
        }

        void dir(Path path) {
            parents(path);
            if (created.add(path)) out.addAll(List.of("--perms", "0755", "--dir", path.toString()));
        }

        void tmpfs(Path path, long bytes) {
            parents(path);
            out.addAll(List.of("--perms", "1777", "--size", Long.toString(bytes), "--tmpfs", path.toString()));
            created.add(path);
            binds.removeIf(b -> b.startsWith(path));
        }

        private void parents(Path path) {
            for (int i = 1; i < path.getNameCount(); i++) {
                Path parent = path.getRoot().resolve(path.subpath(0, i));
                if (created.contains(parent) || binds.stream().anyMatch(parent::startsWith)) continue;
                created.add(parent);
                out.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
            }
        }
    }

    /** True when {@code program} (symbolic links resolved) lies in a folder the sandbox shows. */
    static boolean visible(Path program, SandboxSpec spec) {
        try {
            Path real = program.toRealPath();
            List<Path> shown = new ArrayList<>(List.of(Path.of("/usr"), Path.of("/etc")));
            for (Path p : spec.readOnly()) shown.add(p.toRealPath());
            shown.add(spec.scratch().toRealPath());
            return shown.stream().anyMatch(real::startsWith) && Files.isExecutable(real)
                    && !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }
}
