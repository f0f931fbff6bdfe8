package nndl.multilayer;

/** The activation after a layer's linear step, as the seed's {@code activation} strings "relu" and "linear". */
public enum Activation {
    /** {@code max(0, Z)}. */
    RELU,
    /** The identity; the network's last layer, whose output feeds the softmax. */
    LINEAR
}
