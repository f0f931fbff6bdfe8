package nndl.grader.sandbox;

import java.io.InputStream;
import java.io.OutputStream;

/** A running sandboxed tree. Closing it kills every process the tree started, detached or not. */
public interface Sandboxed extends AutoCloseable {

    /** The command's stdin (the judge's requests go here). */
    OutputStream stdin();

    /** The command's stdout (the worker's replies); empty when the spec named a log. */
    InputStream stdout();

    /** Waits for the command to end or for the wall clock to run out, then kills what is left. */
    SandboxResult waitFor() throws InterruptedException;

    /** How the tree ended so far: null while it runs (e.g. the judge saw stdout close early). */
    SandboxResult result();

    @Override
    void close();
}
