package nndl.judge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The judge's pipe format (docs/editions.md, "The judge"): a message is a count and that many named
 * values, each a number ({@code Double}), a matrix ({@code DMatrixRMaj}), a label array ({@code int[]})
 * or a short text ({@code String}), length-prefixed binary. The reader caps every size, so a worker
 * that writes garbage or a flood costs the judge at most {@link #MAX_ELEMENTS} numbers per value.
 */
public final class Wire {
    /** The most entries one message may hold. */
    public static final int MAX_ENTRIES = 64;
    /** The most numbers one matrix or label array may hold (a 64 MB matrix). */
    public static final int MAX_ELEMENTS = 8_000_000;
    /** The most characters a name or a text may hold. */
    public static final int MAX_TEXT = 2_000;

    private Wire() {
    }

    /**
     * Writes one message and flushes.
     *
     * @param values name → Double, DMatrixRMaj, int[] or String (in order)
     * @throws IllegalArgumentException naming the entry whose value has another type
     */
    public static void write(OutputStream stream, Map<String, ?> values) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(values.size());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            writeText(out, e.getKey());
            Object v = e.getValue();
            if (v instanceof Double d) {
                out.writeByte('D');
                out.writeDouble(d);
            } else if (v instanceof DMatrixRMaj m) {
                out.writeByte('M');
                out.writeInt(m.numRows);
                out.writeInt(m.numCols);
                for (int i = 0; i < m.numRows * m.numCols; i++) {
                    out.writeDouble(m.data[i]);
                }
            } else if (v instanceof int[] a) {
                out.writeByte('I');
                out.writeInt(a.length);
                for (int x : a) {
                    out.writeInt(x);
                }
            } else if (v instanceof String s) {
                out.writeByte('S');
                writeText(out, s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
            } else {
                throw new IllegalArgumentException("Wire.write: entry '" + e.getKey() + "' is a "
                        + (v == null ? "null" : v.getClass().getSimpleName()) + ", not a Double, DMatrixRMaj, int[] or String");
            }
        }
        out.flush();
    }

    /**
     * Reads one message.
     *
     * @return the values in order, or null at the end of the stream before a message starts
     * @throws IOException when the stream ends inside a message or a size breaks a cap (naming which)
     */
    public static Map<String, Object> read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int count;
        try {
            count = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("a message of " + count + " entries (at most " + MAX_ENTRIES + ")");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String name = readText(in);
            int type = in.readUnsignedByte();
            switch (type) {
                case 'D' -> values.put(name, in.readDouble());
                case 'M' -> {
                    int rows = in.readInt();
                    int cols = in.readInt();
                    if (rows < 0 || cols < 0 || (long) rows * cols > MAX_ELEMENTS) {
                        throw new IOException("entry '" + name + "': a " + rows + "×" + cols + " matrix (at most " + MAX_ELEMENTS + " numbers)");
                    }
                    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
                    for (int i = 0; i < rows * cols; i++) {
                        m.data[i] = in.readDouble();
                    }
                    values.put(name, m);
                }
                case 'I' -> {
                    int n = in.readInt();
                    if (n < 0 || n > MAX_ELEMENTS) {
                        throw new IOException("entry '" + name + "': " + n + " labels (at most " + MAX_ELEMENTS + ")");
                    }
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = in.readInt();
                    }
                    values.put(name, a);
                }
                case 'S' -> values.put(name, readText(in));
                default -> throw new IOException("entry '" + name + "': unknown type byte " + type);
            }
        }
        return values;
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 4 * MAX_TEXT) {
            throw new IOException("a text of " + n + " bytes (at most " + 4 * MAX_TEXT + ")");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("the stream ended inside a text");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
