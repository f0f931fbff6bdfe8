package nndl.kernel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Maven's own resolver (Apache Maven Resolver, wired by its supplier, no DI container): resolves
 * dependencies with their transitive runtime dependencies into the user's local repository
 * ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}), from Maven Central and the
 * repositories added with {@code %mavenRepo}. What the local repository holds resolves without
 * the network.
 */
public final class MavenResolver implements AutoCloseable {
    /** Maven Central, always searched first. */
    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final RepositorySystem system;
    private final RepositorySystemSession.CloseableSession session;
    private final Path localRepository;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();

    /** A resolver writing into {@code localRepository}. */
    public MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
        this.system = new RepositorySystemSupplier().get();
        this.session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .build();
        repositories.put(CENTRAL.getId(), CENTRAL);
    }

    /** The user's local repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Where resolved jars are kept. */
    public Path localRepository() {
        return localRepository;
    }

    /** Adds (or, for a known id, replaces) a remote repository searched after Central. */
    public synchronized void addRepository(String id, String url) {
        repositories.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    /** The remote repositories searched, Central first. */
    public synchronized List<RemoteRepository> repositories() {
        return List.copyOf(repositories.values());
    }

    /**
     * The jars of {@code dependencies} and everything they need at run time, in class path order
     * (nearest first, one version per artifact as Maven picks it).
     *
     * @throws ResolutionFailure naming the coordinates and why, when any of them cannot be had
     */
    public synchronized List<Resolved> resolve(List<Dependency> dependencies) {
        CollectRequest collect = new CollectRequest(dependencies, List.of(), system.newResolutionRepositories(session, repositories()));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Resolved> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                Artifact artifact = result.getArtifact();
                if (artifact != null && artifact.getPath() != null) {
                    jars.add(new Resolved(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getVersion(),
                            artifact.getPath()));
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new ResolutionFailure(dependencies, e);
        }
    }

    /**
     * One resolved jar.
     *
     * @param groupAndArtifact {@code groupId:artifactId}
     * @param version          the version Maven picked
     * @param jar              the jar in the local repository
     */
    public record Resolved(String groupAndArtifact, String version, Path jar) {
    }

    @Override
    public void close() {
        session.close();
        system.shutdown();
    }
}
