package nndl.data;

/**
 * How a CIFAR-10 image's 3,072 values are laid out along a row. Both are row-major flattenings of a
 * numpy array: they differ only in where the channel axis sits.
 */
public enum PixelOrder {
    /**
     * Height, width, channel: what cs231n's {@code load_CIFAR10} returns
     * ({@code X.reshape(N, 3, 32, 32).transpose(0, 2, 3, 1)}), so value {@code (r·32 + c)·3 + channel}
     * is the pixel at row r, column c (channel 0 red, 1 green, 2 blue). The two-layer notebook and the
     * weight-grid plot use this order.
     */
    HWC,
    /**
     * Channel, height, width: the binary file's own order and the shape (N, 3, 32, 32) of the fc_nets
     * notebook's {@code data} dictionary, so value {@code channel·1024 + r·32 + c}.
     */
    CHW;

    /**
     * The position in a row of channel {@code channel} of the pixel at row {@code r}, column {@code c}.
     *
     * @param r       image row 0..31
     * @param c       image column 0..31
     * @param channel 0 red, 1 green, 2 blue
     * @return the index 0..3071 in a 3,072-value row
     */
    public int index(int r, int c, int channel) {
        return this == HWC ? (r * 32 + c) * 3 + channel : channel * 1024 + r * 32 + c;
    }
}
