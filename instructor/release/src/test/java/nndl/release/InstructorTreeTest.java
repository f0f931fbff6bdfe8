package nndl.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leak check's search list, built from this instructor tree. */
class InstructorTreeTest {

    @Test
    void theLeakCheckSearchesTheNotebooksWrittenAnswersButNotTheStubsInstructions() throws Exception {
        Set<String> lines = LeakCheck.distinctiveLines(Repository.root());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1. The net **underfits**: it is far from trained.")),
                "the answer to two_layer_nn's training questions");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("**Answer.** The sub-optimal net's filters are dominated by noise")),
                "the answer to two_layer_nn's weights question");
        assertTrue(lines.contains("scores = Ops.addRow(Ops.multTransB(hidden, w2), b2);"), "a model answer line");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("//")), "instruction comments ship to students");
    }
}
