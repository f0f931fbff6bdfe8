package nndl.grader.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One sandboxed run.
 *
 * @param command  the program and its arguments (absolute program path)
 * @param workDir  the working folder, inside {@code scratch}
 * @param scratch  the only writable folder, mounted at the same path inside the sandbox
 * @param readOnly folders and files visible read-only at the same paths (the JDK, the student
 *                 edition's jars, the Jupyter install, the data); nothing else of the host's
 *                 home folders, the instructor tree or {@code ~/.m2} is mounted
 * @param env      the whole environment of the command (nothing is inherited)
 * @param limits   memory, processes, file size, disk use and wall clock
 * @param log      where stdout and stderr go when not read through {@link Sandboxed}; null to
 *                 hand both streams to the caller
 */
public record SandboxSpec(List<String> command, Path workDir, Path scratch, List<Path> readOnly,
                          Map<String, String> env, Limits limits, Path log) {
    public SandboxSpec {
        command = List.copyOf(command);
        readOnly = List.copyOf(readOnly);
        env = Map.copyOf(env);
    }
}
