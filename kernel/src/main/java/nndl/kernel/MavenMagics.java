package nndl.kernel;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nndl.kernel.cell.Durations;
import nndl.kernel.errors.MagicFailure;
import nndl.kernel.exec.JShellEvaluator;
import nndl.kernel.maven.Coordinates;
import nndl.kernel.maven.KnownJars;
import nndl.kernel.maven.MavenResolver;
import nndl.kernel.maven.PomCell;
import nndl.kernel.maven.ResolutionFailure;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.eclipse.aether.graph.Dependency;

/**
 * {@code %maven group:artifact:version...}, {@code %mavenRepo id url} and {@code %%loadFromPOM}:
 * dependencies resolved by Maven (transitively) into the user's local repository, then added to
 * the cells' classpath like {@code %classpath} does. An artifact the kernel or an earlier jar
 * already provides is not added a second time; the magic says which version was kept.
 */
final class MavenMagics {
    private final NndlKernel kernel;
    private final JShellEvaluator evaluator;
    private final Path workingDirectory;
    private final KnownJars known = new KnownJars();
    private MavenResolver resolver;

    MavenMagics(NndlKernel kernel, JShellEvaluator evaluator, Path workingDirectory) {
        this.kernel = kernel;
        this.evaluator = evaluator;
        this.workingDirectory = workingDirectory;
    }

    /** {@code %maven}: resolves the coordinates and adds their jars. */
    Object maven(List<String> args) {
        if (args.isEmpty()) {
            throw new MagicFailure("%maven needs coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        List<Dependency> dependencies;
        try {
            dependencies = Coordinates.parse(args);
        } catch (IllegalArgumentException e) {
            throw new MagicFailure("%maven: " + e.getMessage());
        }
        add("%maven", dependencies);
        return null;
    }

    /** {@code %mavenRepo id url}: one more repository for later resolutions. */
    Object mavenRepo(List<String> args) {
        if (args.size() != 2) {
            throw new MagicFailure("%mavenRepo needs an id and a URL, e.g. %mavenRepo jitpack https://jitpack.io");
        }
        resolver().addRepository(args.get(0), args.get(1));
        return null;
    }

    /** {@code %%loadFromPOM}: the cell's POM (or its dependencies and repositories) resolved. */
    Object loadFromPom(String body) {
        PomCell pom;
        try {
            pom = PomCell.parse(body);
        } catch (IllegalArgumentException e) {
            throw new MagicFailure("%%loadFromPOM: " + e.getMessage());
        }
        pom.repositories().forEach(r -> resolver().addRepository(r[0], r[1]));
        if (!pom.dependencies().isEmpty()) {
            add("%%loadFromPOM", pom.dependencies());
        }
        return null;
    }

    private void add(String magic, List<Dependency> dependencies) {
        long start = System.nanoTime();
        List<MavenResolver.Resolved> jars;
        try {
            jars = resolver().resolve(dependencies);
        } catch (ResolutionFailure e) {
            throw new MagicFailure(magic + ": " + e.getMessage());
        }
        learnClasspath();
        List<String> added = new ArrayList<>();
        for (MavenResolver.Resolved jar : jars) {
            Optional<KnownJars.Known> present = known.find(jar.groupAndArtifact());
            if (present.isPresent()) {
                KnownJars.Known kept = present.get();
                if (!kept.version().equals(jar.version())) {
                    System.out.println(magic + ": kept " + jar.groupAndArtifact() + " " + kept.version() + " from " + kept.where()
                            + " (not " + jar.version() + ": a second copy would be shadowed by it or clash with it)");
                }
                continue;
            }
            evaluator.addToClasspath(jar.jar());
            known.add(jar.groupAndArtifact(), jar.version(), jar.jar().toString());
            added.add(jar.jar().getFileName().toString());
        }
        if (!added.isEmpty()) {
            kernel.loadExtensions();
        }
        System.out.println(magic + ": " + (added.isEmpty() ? "nothing new to add" : "added " + String.join(", ", added))
                + " (" + Durations.format(System.nanoTime() - start) + ", from " + resolver().localRepository() + ")");
    }

    /** Takes note of the kernel's own artifacts and of every jar on the cells' classpath. */
    private void learnClasspath() {
        for (Path jar : kernelJars()) {
            known.addJar(jar, "the kernel");
        }
        for (Path entry : evaluator.classpath()) {
            Path shown = entry.startsWith(workingDirectory) ? workingDirectory.relativize(entry) : entry;
            known.addJar(entry, shown.toString());
        }
    }

    /** The jar(s) the kernel runs from: its shaded jar, or in a build the class path's jars. */
    private static List<Path> kernelJars() {
        List<Path> jars = new ArrayList<>();
        try {
            jars.add(Path.of(BaseKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            jars.add(Path.of(NndlKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // Unusual class loading: the java.class.path below still names the kernel's jars.
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    private synchronized MavenResolver resolver() {
        if (resolver == null) {
            resolver = new MavenResolver(MavenResolver.defaultLocalRepository());
        }
        return resolver;
    }
}
