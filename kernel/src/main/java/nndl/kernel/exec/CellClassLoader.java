package nndl.kernel.exec;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Where the cells' classes live: JShell's compiled snippet classes plus every jar or directory
 * added with {@code %classpath} or {@code JJAVA_CLASSPATH}. Its parent is the kernel's own class
 * loader, so cells and libraries share the kernel's jjava-jupyter classes (and with them
 * {@code display(...)} and {@code BaseKernel.notebookKernel()}). The snippet classes are
 * instrumented ({@link CellBytecode}) as they arrive; jars are loaded as they are.
 */
public final class CellClassLoader implements LoaderDelegate {
    private final Loader loader;
    private final Map<String, byte[]> bytecodes = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final List<Path> classpath = new CopyOnWriteArrayList<>();

    /** A loader whose classes may use those of {@code parent}. */
    public CellClassLoader(ClassLoader parent) {
        this.loader = new Loader(parent, bytecodes);
    }

    /** The class loader that cells' code and everything on the added classpath run in. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** Jars and directories added so far, in order. */
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            bytecodes.put(c.name(), instrumented(c));
        }
        for (int i = 0; i < classes.length; i++) {
            String name = classes[i].name();
            try {
                loaded.put(name, loader.loadClass(name));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load " + name + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            bytecodes.put(c.name(), instrumented(c));
        }
    }

    /** The class with its stop checks and exit guards; as compiled (and said so) if ASM fails. */
    private static byte[] instrumented(ClassBytecodes c) {
        try {
            return CellBytecode.instrument(c.bytecodes());
        } catch (IllegalArgumentException e) {
            System.err.println("warning: " + c.name() + " runs without stop checks (an interrupt may not stop it): "
                    + e.getMessage());
            return c.bytecodes();
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String element : path.split(File.pathSeparator)) {
            if (element.isBlank()) {
                continue;
            }
            Path entry = Path.of(element).toAbsolutePath().normalize();
            try {
                loader.add(entry.toUri().toURL());
                classpath.add(entry);
            } catch (MalformedURLException e) {
                throw new InternalException("cannot add " + element + " to the classpath: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> known = loaded.get(name);
        return known != null ? known : loader.loadClass(name);
    }

    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> bytecodes;

        Loader(ClassLoader parent, Map<String, byte[]> bytecodes) {
            super("nndl-cells", new URL[0], parent);
            this.bytecodes = bytecodes;
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = bytecodes.get(name);
            if (code == null) {
                return super.findClass(name);
            }
            return defineClass(name, code, 0, code.length);
        }
    }
}
