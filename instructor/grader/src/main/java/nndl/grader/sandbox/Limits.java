package nndl.grader.sandbox;

import java.time.Duration;

/**
 * Caps for one sandboxed process tree (spec §10.2).
 *
 * @param memoryBytes  resident memory of the whole tree, heap and off-heap
 * @param maxProcesses processes and threads of the whole tree
 * @param maxFileBytes the largest file it may write
 * @param diskBytes    what the scratch folder may grow by
 * @param wallClock    how long the tree may run before it is killed
 */
public record Limits(long memoryBytes, int maxProcesses, long maxFileBytes, long diskBytes, Duration wallClock) {
    public Limits {
        if (memoryBytes <= 0 || maxProcesses <= 0 || maxFileBytes <= 0 || diskBytes <= 0
                || wallClock == null || wallClock.isNegative() || wallClock.isZero()) {
            throw new IllegalArgumentException("limits must be positive: " + memoryBytes + " B memory, "
                    + maxProcesses + " processes, " + maxFileBytes + " B per file, " + diskBytes + " B disk, " + wallClock);
        }
    }
}
