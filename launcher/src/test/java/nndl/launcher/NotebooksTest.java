package nndl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotebooksTest {
    @Test
    void noNameMeansEveryNotebookInCourseOrder() {
        assertEquals(Tree.NOTEBOOKS, Notebooks.select(List.of()));
    }

    @Test
    void namesInAnyFormAreTakenInCourseOrderOnce() {
        assertEquals(List.of("two_layer_nn", "fc_nets", "momentum_training"),
                Notebooks.select(List.of("momentum_training", "./notebooks/fc_nets.ipynb", "notebooks/two_layer_nn.ipynb", "fc_nets")));
    }

    @Test
    void anUnknownNameIsRefusedListingTheNotebooks() {
        Die e = assertThrows(Die.class, () -> Notebooks.select(List.of("fc_nets", "fc_net")));
        assertEquals("run: unknown notebook 'fc_net'; the notebooks are: two_layer_nn fc_nets mnist_multilayer backprop_exercises "
                + "momentum_training (see ./workbook run --help)", e.getMessage());
    }

    @Test
    void aPathOutsideNotebooksIsNotANotebook() {
        assertTrue(assertThrows(Die.class, () -> Notebooks.select(List.of("other/fc_nets.ipynb"))).getMessage()
                .startsWith("run: unknown notebook 'other/fc_nets.ipynb'"));
    }
}
