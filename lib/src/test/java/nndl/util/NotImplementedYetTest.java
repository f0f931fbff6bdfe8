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

    @Test
    void withoutALocationTheStubNamesItsOwnFileAndCurrentLine() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        NotImplementedYet e = assertThrows(NotImplementedYet.class, () -> NotImplementedYet.raise("Relu.reluForward", "relu forward"));
        assertEquals("lib/src/main/java/nndl/util/NotImplementedYetTest.java:" + line, e.location());
        assertEquals("not implemented yet: Relu.reluForward, relu forward — lib/src/main/java/nndl/util/NotImplementedYetTest.java:"
                + line, e.getMessage());
        int thrown = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        NotImplementedYet direct = new NotImplementedYet("TwoLayerNet.predict", "prediction");
        assertEquals("lib/src/main/java/nndl/util/NotImplementedYetTest.java:" + thrown, direct.location());
        assertEquals(thrown, direct.getStackTrace()[0].getLineNumber(), "the message and the stack trace agree");
    }
}
