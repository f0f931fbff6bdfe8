package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachinePathsTest {
    private final MachinePaths paths = new MachinePaths(List.of(
            new MachinePaths.Rewrite("/tmp/x/tree", ""),
            new MachinePaths.Rewrite("/work/shared/datasets", "$NNDL_DATA"),
            new MachinePaths.Rewrite("/root", "~")));

    @Test
    void theTreeBecomesRelativeAndTheDataRootItsVariable() {
        assertEquals("at lib/src/main/java/nndl/layers/Affine.java:58 (.)",
                paths.redact("at /tmp/x/tree/lib/src/main/java/nndl/layers/Affine.java:58 (/tmp/x/tree)"));
        assertEquals("loaded from $NNDL_DATA/cifar-10-subset", paths.redact("loaded from /work/shared/datasets/cifar-10-subset"));
        assertEquals("~/.m2", paths.redact("/root/.m2"));
    }

    @Test
    void aLongerFolderThatStartsTheSameIsNotTheTree() {
        assertEquals("…/file", paths.redact("/tmp/x/tree2/file"));
        assertEquals("…/rooted", paths.redact("/root2/rooted"));
    }

    @Test
    void otherAbsolutePathsKeepOnlyTheirLastNameButUrlsRatiosAndRelativePathsStay() {
        assertEquals("JAVA_HOME …/temurin-25", paths.redact("JAVA_HOME /usr/lib/jvm/temurin-25"));
        for (String kept : List.of("see https://cs231n.github.io/neural-networks-2/ now", "1/2 and a/b/c", "x /2", "~/a/b",
                "lib/src/x.java", "$NNDL_DATA/mnist-subset/x")) {
            assertEquals(kept, paths.redact(kept));
        }
    }

    @Test
    void noRewritesLeavesTextAlone() {
        assertEquals("/tmp/a/b", MachinePaths.none().redact("/tmp/a/b"));
    }
}
