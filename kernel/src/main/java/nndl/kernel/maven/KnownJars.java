package nndl.kernel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The Maven artifacts whose classes the cells already have: those packed into the kernel's jar
 * (jjava-jupyter, Gson, JeroMQ, SLF4J) and those of every jar added since ({@code %classpath},
 * {@code %maven}), keyed {@code groupId:artifactId}. A jar names its artifact in
 * {@code META-INF/maven/<group>/<artifact>/pom.properties}; jars without one are not known.
 */
public final class KnownJars {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

    /**
     * An artifact the cells have.
     *
     * @param version its version
     * @param where   where it came from, as the user reads it: "the kernel" or the jar's path
     */
    public record Known(String version, String where) {
    }

    private final Map<String, Known> known = new LinkedHashMap<>();
    private final Set<Path> scanned = new HashSet<>();

    /** Records the artifacts inside {@code jar}, which came from {@code where}; directories hold none. */
    public synchronized void addJar(Path jar, String where) {
        if (!Files.isRegularFile(jar) || !scanned.add(jar.toAbsolutePath().normalize())) {
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (POM_PROPERTIES.matcher(entry.getName()).matches()) {
                    record(file, entry, where);
                }
            }
        } catch (IOException e) {
            // Not a readable jar: nothing it holds can be known, and the class loader will say why.
        }
    }

    private void record(JarFile file, JarEntry entry, String where) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            properties.load(in);
        }
        String group = properties.getProperty("groupId");
        String artifact = properties.getProperty("artifactId");
        String version = properties.getProperty("version");
        if (group != null && artifact != null && version != null) {
            known.putIfAbsent(group + ":" + artifact, new Known(version, where));
        }
    }

    /** Records an artifact added under {@code groupId:artifactId}. */
    public synchronized void add(String groupAndArtifact, String version, String where) {
        known.putIfAbsent(groupAndArtifact, new Known(version, where));
    }

    /** What the cells have under {@code groupId:artifactId}, if anything. */
    public synchronized Optional<Known> find(String groupAndArtifact) {
        return Optional.ofNullable(known.get(groupAndArtifact));
    }

}
