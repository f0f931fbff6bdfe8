package nndl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NotImplementedYetTest {

    @Test
    void messageNamesTheMethodTheBlockAndTheLocation() {
        NotImplementedYet e = new NotImplementedYet("TwoLayerNet.loss", "forward pass",
                "lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97");
        assertEquals("not implemented yet: TwoLayerNet.loss, forward pass — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97",
                e.getMessage());
        assertEquals("TwoLayerNet.loss", e.method());
        assertEquals("forward pass", e.block());
        assertEquals("lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:97", e.location());
    }

    @Test
    void raiseThrowsTheSameException() {
        NotImplementedYet e = assertThrows(NotImplementedYet.class,
                () -> NotImplementedYet.raise("Affine.affineForward", "affine forward", "lib/src/main/java/nndl/layers/Affine.java:52"));
        assertEquals("not implemented yet: Affine.affineForward, affine forward — lib/src/main/java/nndl/layers/Affine.java:52",
                e.getMessage());
        assertEquals("Affine.affineForward", e.method());
    }
}
