package nndl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KernelSpecTest {
    private static final String SCRIPT_TAIL = "exec \\\"$0\\\" --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -Djava.awt.headless=true "
            + "-Dfile.encoding=UTF-8 -XX:MaxRAMPercentage=60 -XX:MaxNewSize=256m $JJAVA_JVM_OPTS -javaagent:\\\"$1\\\" -jar \\\"$1\\\" \\\"$2\\\"";

    @Test
    void theArgvRunsJavaThroughShWithTheSettingsAsDefaults() {
        String json = KernelSpec.json("/usr/lib/jvm/j/bin/java", "", "/work/tree");
        assertTrue(json.contains("\"-c\",\n    \"set -f; : \\\"${OPENBLAS_NUM_THREADS:=1}\\\"; export OPENBLAS_NUM_THREADS; "
                + ": \\\"${NNDL_ROOT=/work/tree}\\\"; export NNDL_ROOT; " + SCRIPT_TAIL + "\",\n"
                + "    \"/usr/lib/jvm/j/bin/java\",\n    \"{resource_dir}/nndl-kernel.jar\",\n    \"{connection_file}\"\n"), json);
        assertFalse(json.contains("OPENBLAS_CORETYPE"), json);
        assertFalse(json.contains("@"), "a placeholder was left: " + json);
        assertTrue(json.contains("\"display_name\": \"Java (nndl-workbook)\""), json);
        assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
    }

    @Test
    void aCoreTypeIsADefaultTheEnvironmentOverrides() {
        String json = KernelSpec.json("/j/java", "SkylakeX", "/r");
        assertTrue(json.contains("export OPENBLAS_NUM_THREADS; : \\\"${OPENBLAS_CORETYPE:=SkylakeX}\\\"; export OPENBLAS_CORETYPE; "
                + ": \\\"${NNDL_ROOT=/r}\\\""), json);
    }

    @Test
    void theRootIsQuotedForShAndEscapedForJson() {
        String json = KernelSpec.json("/opt/my jdk/bin/java", "", "/work/it's \"here\"");
        assertTrue(json.contains("${NNDL_ROOT='/work/it'\\\"'\\\"'s \\\"here\\\"'}"), json);
        assertTrue(json.contains("\"/opt/my jdk/bin/java\""), json);
    }

    @Test
    void shellQuoteIsShlexQuote() {
        assertEquals("/plain/path-1.2_x", KernelSpec.shellQuote("/plain/path-1.2_x"));
        assertEquals("''", KernelSpec.shellQuote(""));
        assertEquals("'a b'", KernelSpec.shellQuote("a b"));
        assertEquals("'it'\"'\"'s'", KernelSpec.shellQuote("it's"));
        assertEquals("'$HOME'", KernelSpec.shellQuote("$HOME"));
    }
}
