package nndl.kernel.maven;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.aether.graph.Dependency;

/** Maven could not resolve some coordinates: names them and gives the resolver's reasons. */
public final class ResolutionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResolutionFailure(List<Dependency> requested, Exception cause) {
        super("cannot resolve " + requested.stream().map(d -> d.getArtifact().toString()).collect(Collectors.joining(", "))
                + ": " + reasons(cause), cause);
    }

    /** The distinct messages along the cause chain, outermost first, e.g. "Could not find artifact ... in central". */
    private static String reasons(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage().strip());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed.getMessage() != null) {
                    messages.add(suppressed.getMessage().strip());
                }
            }
        }
        return String.join("; ", messages);
    }
}
