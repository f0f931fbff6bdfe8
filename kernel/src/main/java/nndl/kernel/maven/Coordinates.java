package nndl.kernel.maven;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.util.artifact.JavaScopes;

/** Maven coordinates as typed after {@code %maven}. */
public final class Coordinates {
    private Coordinates() {
    }

    /**
     * The dependencies named by {@code words}, each {@code group:artifact:version} (or
     * {@code group:artifact:extension[:classifier]:version}); commas between them are allowed.
     *
     * @throws IllegalArgumentException naming the first word that is not a coordinate
     */
    public static List<Dependency> parse(List<String> words) {
        List<Dependency> dependencies = new ArrayList<>();
        for (String word : words) {
            for (String coordinate : word.split(",")) {
                if (!coordinate.isBlank()) {
                    dependencies.add(new Dependency(artifact(coordinate.strip()), JavaScopes.RUNTIME));
                }
            }
        }
        return dependencies;
    }

    private static DefaultArtifact artifact(String coordinate) {
        String[] parts = coordinate.split(":", -1);
        boolean blank = false;
        for (String part : parts) {
            blank |= part.isBlank();
        }
        if (parts.length < 3 || parts.length > 5 || blank) {
            throw new IllegalArgumentException("'" + coordinate + "' is not a Maven coordinate;"
                    + " expected group:artifact:version, e.g. org.apache.commons:commons-math3:3.6.1");
        }
        return new DefaultArtifact(coordinate);
    }
}
