package nndl.grader.sandbox;

/**
 * How a sandboxed tree ended.
 *
 * @param status   why it ended
 * @param exitCode the command's exit status, or -1 when it was killed
 * @param detail   one line for the gradebook's status column (e.g. "memory cap (1.0 GB)")
 */
public record SandboxResult(Status status, int exitCode, String detail) {

    /** The causes a gradebook distinguishes (spec §10.6). */
    public enum Status { EXITED, TIMED_OUT, MEMORY_CAP, PROCESS_CAP, DISK_CAP, FILE_SIZE_CAP, KILLED }
}
