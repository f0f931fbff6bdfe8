package nndl.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;

class PomCellTest {
    private static List<String> coordinates(PomCell pom) {
        return pom.dependencies().stream().map(Dependency::getArtifact).map(Object::toString).collect(Collectors.toList());
    }

    @Test
    void looseDependencyAndRepositoryTagsAreCollected() {
        PomCell pom = PomCell.parse("""
                <repository>
                  <id>extra</id>
                  <url>https://repo.example.org/maven2</url>
                </repository>

                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>first</artifactId>
                  <version>1.0</version>
                </dependency>
                <dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>second</artifactId><version>${v}</version></dependency>
                  <dependency><groupId>org.example</groupId><artifactId>tests</artifactId><version>1</version><scope>test</scope></dependency>
                </dependencies>
                <dependency><groupId>org.example</groupId><artifactId>third</artifactId><version>3</version></dependency>
                <properties><v>2.5</v></properties>
                """);
        assertEquals(List.of("org.example:first:jar:1.0", "org.example:second:jar:2.5", "org.example:third:jar:3"), coordinates(pom));
        assertEquals(1, pom.repositories().size());
        assertEquals("extra", pom.repositories().get(0)[0]);
        assertEquals("https://repo.example.org/maven2", pom.repositories().get(0)[1]);
    }

    @Test
    void aWholePomIsReadAsIs() {
        PomCell pom = PomCell.parse("<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1</version><dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId>"
                + "<version>2</version></dependency></dependencies></project>");
        assertEquals(List.of("x:y:jar:2"), coordinates(pom));
    }

    @Test
    void topLevelCoordinatesOfAPastedPomAreIgnored() {
        PomCell pom = PomCell.parse("<groupId>mine</groupId><artifactId>app</artifactId>"
                + "<dependency><groupId>x</groupId><artifactId>y</artifactId><version>2</version></dependency>");
        assertEquals(List.of("x:y:jar:2"), coordinates(pom));
    }

    @Test
    void brokenXmlNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PomCell.parse("<dependency>\n<groupId>x</groupId>\n</dependenc>"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void anUnknownElementIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PomCell.parse("<plugin/>"));
        assertTrue(e.getMessage().contains("<plugin>"), e.getMessage());
    }
}
