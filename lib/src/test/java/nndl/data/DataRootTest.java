package nndl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The data root's order: argument, then -Dnndl.data, then NNDL_DATA, then data/. */
class DataRootTest {
    @Test
    void argumentWinsThenPropertyThenEnvironmentThenDataFolder() {
        String saved = System.getProperty(DataRoot.PROPERTY);
        try {
            System.clearProperty(DataRoot.PROPERTY);
            String env = System.getenv(DataRoot.ENVIRONMENT);
            Path fallback = env == null || env.isBlank() ? Path.of("data") : Path.of(env);
            assertEquals(fallback.toAbsolutePath().normalize(), DataRoot.resolve());

            System.setProperty(DataRoot.PROPERTY, "/tmp/from-property/../datasets");
            assertEquals(Path.of("/tmp/datasets"), DataRoot.resolve());
            assertEquals(Path.of("/srv/data"), DataRoot.resolve(Path.of("/srv/data")));
        } finally {
            if (saved == null) {
                System.clearProperty(DataRoot.PROPERTY);
            } else {
                System.setProperty(DataRoot.PROPERTY, saved);
            }
        }
    }

    @Test
    void relativeArgumentIsResolvedAgainstTheWorkingDirectory() {
        assertEquals(Path.of("").toAbsolutePath().resolve("some/where"), DataRoot.resolve(Path.of("some/./where")));
    }
}
