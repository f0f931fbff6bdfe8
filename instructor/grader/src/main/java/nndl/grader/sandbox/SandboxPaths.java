package nndl.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a {@link SandboxSpec}'s paths before anything is mounted: they exist, and none shows what must stay hidden. */
final class SandboxPaths {
    private SandboxPaths() {
    }

    /** Folders no read-only path may contain or be inside of, besides the scratch folder's parents. */
    static List<Path> hidden() {
        List<Path> out = new ArrayList<>(List.of(Path.of("/root"), Path.of("/home")));
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        out.add(home);
        out.add(home.resolve(".m2"));
        return out;
    }

    /**
     * Throws when a path is missing, the program is not visible inside, or a read-only path holds a
     * home folder, {@code ~/.m2} or the scratch folder (and so the other hand-ins beside it).
     *
     * @param root whether the command will run as another uid (then read-only paths must be readable by others)
     */
    static void check(SandboxSpec spec, boolean root) throws IOException {
        Path scratch = spec.scratch().toAbsolutePath().normalize();
        if (!Files.isDirectory(scratch)) throw new IOException("scratch folder " + scratch + " does not exist");
        Path workDir = spec.workDir().toAbsolutePath().normalize();
        if (!workDir.startsWith(scratch) || !Files.isDirectory(workDir)) {
            throw new IOException("working folder " + workDir + " is not a folder inside the scratch folder " + scratch);
        }
        Path m2 = hidden().get(3);
        for (Path given : spec.readOnly()) {
            Path p = given.toAbsolutePath().normalize();
            if (scratch.startsWith(p)) {
                throw new IllegalArgumentException("read-only path " + p + " holds the scratch folder " + scratch
                        + " and so the other hand-ins beside it: mount the files it needs instead");
            }
            for (Path h : hidden()) {
                if (h.startsWith(p)) {
                    throw new IllegalArgumentException("read-only path " + p + " holds " + h + ", which the sandbox must not show");
                }
            }
            if (p.startsWith(m2)) {
                throw new IllegalArgumentException("read-only path " + p + " is inside " + m2
                        + " (the instructor's Maven repository holds the model answers' jar): copy what the hand-in needs elsewhere");
            }
            if (!Files.exists(p)) throw new IOException("read-only path " + p + " does not exist");
            if (root && !othersCanRead(p)) {
                throw new IOException("read-only path " + p + " is not readable by others (the sandbox runs as uid "
                        + BwrapArgs.SANDBOX_UID + "): chmod o+r" + (Files.isDirectory(p) ? "x" : "") + " " + p);
            }
        }
        if (spec.command().isEmpty() || !Path.of(spec.command().get(0)).isAbsolute()) {
            throw new IOException("sandbox command must start with an absolute program path: " + spec.command());
        }
        Path program = Path.of(spec.command().get(0));
        if (!BwrapArgs.visible(program, spec)) {
            throw new IOException("program " + program + " is not an executable inside the sandbox's mounts"
                    + " (/usr, /etc, the read-only paths, the scratch folder): add its folder (e.g. the JDK) to readOnly");
        }
    }

    private static boolean othersCanRead(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        return perms.contains(PosixFilePermission.OTHERS_READ)
                && (!Files.isDirectory(p) || perms.contains(PosixFilePermission.OTHERS_EXECUTE));
    }
}
