package nndl.kernel.reload;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class files of the library classes the cells' class loader has defined, as the JVM received
 * them (from the jar, from the hot-reload folder, or by a redefinition): registered with the
 * instrumentation, it sees each class as it is defined or redefined and changes nothing. A class
 * not here has not been loaded, so its new version needs no redefinition.
 */
final class LoadedClasses implements ClassFileTransformer {
    private final ClassLoader loader;
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private volatile Set<String> packages;

    /**
     * Records the classes {@code loader} defines in {@code packages} (internal names, {@code nndl/layers}).
     */
    LoadedClasses(ClassLoader loader, Set<String> packages) {
        this.loader = loader;
        this.packages = Set.copyOf(packages);
    }

    /** Records classes of {@code packages} from now on (a package may appear in the sources). */
    void packages(Set<String> packages) {
        this.packages = Set.copyOf(packages);
    }

    /** The class file the JVM runs for {@code internalName}, or {@code null} if it is not loaded. */
    byte[] loaded(String internalName) {
        return bytes.get(internalName);
    }

    /** The names of the loaded library classes. */
    Set<String> names() {
        return Set.copyOf(bytes.keySet());
    }

    @Override
    public byte[] transform(ClassLoader definingLoader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (definingLoader == loader && className != null) {
            int slash = className.lastIndexOf('/');
            if (packages.contains(slash < 0 ? "" : className.substring(0, slash))) {
                bytes.put(className, classfileBuffer.clone());
            }
        }
        return null; // unchanged
    }
}
