package nndl.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel for Jupyter: {@code java -jar nndl-kernel.jar CONNECTION_FILE}. The
 * kernelspec's {@code kernel.json} adds the JVM options (see {@code kernel/README.md}).
 */
public final class Main {
    private Main() {
    }

    /**
     * Serves the connection described by {@code args[0]} until Jupyter shuts the kernel down,
     * then exits the JVM so that threads left behind by user code cannot keep it alive.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar nndl-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        serve(Path.of(args[0]));
        System.exit(0);
    }

    private static void serve(Path connectionFile) throws IOException, GeneralSecurityException {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        NndlKernel kernel = NndlKernel.create(KernelConfig.fromEnvironment(System.getenv(), Path.of("")));
        JupyterConnection connection = new JupyterConnection(properties);
        // ZeroMQ's default high-water mark (1000 messages) makes the IOPub socket drop output
        // silently under a burst; unbounded, with the cells' output batched and capped (CellOutput).
        connection.getIOPub().setSndHWM(0);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
    }
}
