package nndl.layers;

/** Whether a layer with train/test behaviour (dropout, batchnorm) runs as in training or at test time. */
public enum Mode {
    /** Training: dropout drops units, batchnorm normalises with the batch statistics. */
    TRAIN,
    /** Test: dropout is the identity, batchnorm uses the running statistics. */
    TEST
}
