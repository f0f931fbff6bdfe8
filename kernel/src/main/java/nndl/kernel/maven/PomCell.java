package nndl.kernel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;

/**
 * The body of a {@code %%loadFromPOM} cell: a whole POM, or pieces of one as IJava takes them:
 * {@code <dependencies>} and {@code <repositories>} elements and loose {@code <dependency>} and
 * {@code <repository>} elements (collected together), {@code <properties>}; other elements of a
 * POM's top level are ignored ({@link PomFragment}). Its compile and runtime dependencies
 * (with their exclusions) are to be resolved from Central and its repositories; {@code ${name}}
 * in a version is one of its properties.
 *
 * @param dependencies what to resolve
 * @param repositories the POM's repositories, each {@code {id, url}}
 */
public record PomCell(List<Dependency> dependencies, List<String[]> repositories) {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * Reads {@code body}.
     *
     * @throws IllegalArgumentException if it is not a POM or a dependency lacks a version
     */
    public static PomCell parse(String body) {
        String text = body.strip();
        if (!text.startsWith("<?xml") && !text.startsWith("<project")) {
            text = PomFragment.asProject(text);
        }
        Model model;
        try {
            model = new MavenXpp3Reader().read(new StringReader(text), true);
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalArgumentException("not a POM: " + e.getMessage(), e);
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (org.apache.maven.model.Dependency d : model.getDependencies()) {
            String scope = d.getScope() == null ? "compile" : d.getScope();
            if (!scope.equals("compile") && !scope.equals("runtime")) {
                continue;
            }
            if (d.getVersion() == null) {
                throw new IllegalArgumentException(d.getGroupId() + ":" + d.getArtifactId() + " has no version");
            }
            String version = interpolate(d.getVersion(), model.getProperties());
            List<org.eclipse.aether.graph.Exclusion> exclusions = new ArrayList<>();
            for (Exclusion e : d.getExclusions()) {
                exclusions.add(new org.eclipse.aether.graph.Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*"));
            }
            DefaultArtifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(),
                    d.getType() == null ? "jar" : d.getType(), version);
            dependencies.add(new Dependency(artifact, scope, d.isOptional(), exclusions));
        }
        List<String[]> repositories = new ArrayList<>();
        for (Repository r : model.getRepositories()) {
            repositories.add(new String[] {r.getId(), r.getUrl()});
        }
        return new PomCell(dependencies, repositories);
    }

    private static String interpolate(String value, Properties properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.getProperty(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("version " + value + ": no property " + m.group(1) + " in the POM");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
