package nndl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelConfigTest {
    private static final Path HERE = Path.of("/work/notebooks");

    @Test
    void emptyEnvironmentMeansDefaults() {
        KernelConfig config = KernelConfig.fromEnvironment(Map.of(), HERE);
        assertEquals(HERE, config.workingDirectory());
        assertEquals(List.of(), config.classpath());
        assertNull(config.timeout());
        assertEquals(List.of(), config.compilerOptions());
        assertEquals(List.of(), config.startupScripts());
        assertEquals("", config.startupScript());
    }

    @Test
    void jjavaVariablesAreRead() {
        String sep = File.pathSeparator;
        KernelConfig config = KernelConfig.fromEnvironment(Map.of(
                "JJAVA_CLASSPATH", "../lib/target/*.jar" + sep + sep + " extra.jar ",
                "JJAVA_TIMEOUT", "30000",
                "JJAVA_COMPILER_OPTS", "-Xlint:all \"-Xmaxerrs 5\"",
                "JJAVA_STARTUP_SCRIPTS_PATH", "a.jsh" + sep + "b/*.jsh",
                "JJAVA_STARTUP_SCRIPT", "int x = 1;"), HERE);
        assertEquals(List.of("../lib/target/*.jar", "extra.jar"), config.classpath());
        assertEquals(Duration.ofSeconds(30), config.timeout());
        assertEquals(List.of("-Xlint:all", "-Xmaxerrs 5"), config.compilerOptions());
        assertEquals(List.of("a.jsh", "b/*.jsh"), config.startupScripts());
        assertEquals("int x = 1;", config.startupScript());
    }

    @Test
    void timeoutsWithUnits() {
        assertEquals(Duration.ofSeconds(2), KernelConfig.timeout("2 SECONDS"));
        assertEquals(Duration.ofMinutes(5), KernelConfig.timeout(" 5 minute "));
        assertEquals(Duration.ofMillis(1500), KernelConfig.timeout("1500"));
        assertNull(KernelConfig.timeout("-1"));
        assertNull(KernelConfig.timeout("0 seconds"));
    }

    @Test
    void badTimeoutsNameTheVariable() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KernelConfig.timeout("soon"));
        assertTrue(bad.getMessage().startsWith("JJAVA_TIMEOUT"), bad.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class, () -> KernelConfig.timeout("5 parsecs"));
        assertTrue(unit.getMessage().contains("parsecs"), unit.getMessage());
    }

    @Test
    void badCompilerOptionsNameTheVariable() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> KernelConfig.fromEnvironment(Map.of("JJAVA_COMPILER_OPTS", "\"open"), HERE));
        assertTrue(bad.getMessage().startsWith("JJAVA_COMPILER_OPTS"), bad.getMessage());
    }

    @Test
    void outputCapsReadBytesAndUnits() {
        assertEquals(KernelConfig.DEFAULT_OUTPUT_CAP, KernelConfig.outputCap(null));
        assertEquals(10L << 20, KernelConfig.DEFAULT_OUTPUT_CAP);
        assertEquals(500L << 10, KernelConfig.outputCap("500KB"));
        assertEquals(2L << 20, KernelConfig.outputCap(" 2 mb "));
        assertEquals(4096, KernelConfig.outputCap("4096"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KernelConfig.outputCap("lots"));
        assertTrue(bad.getMessage().startsWith("NNDL_KERNEL_OUTPUT_CAP"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.outputCap("10"));
    }
}
