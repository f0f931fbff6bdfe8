package nndl.launcher;

/**
 * A command whose arguments, options included, go in order to the program it runs (the bench, the
 * judge's check, the grader): picocli treats unknown options as its positional parameters.
 */
public interface Passthrough {
}
