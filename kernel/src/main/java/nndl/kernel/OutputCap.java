package nndl.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds what one cell shows: the first three quarters of the cap go out as they are printed, then
 * only the last quarter is kept, and when the cell ends a notice says exactly how many lines (and
 * bytes) were left out between the two. Nothing is dropped silently.
 */
final class OutputCap {
    /** Bytes for one of the cell's streams: 0 stdout, 1 stderr. */
    record Chunk(int stream, byte[] bytes) {
    }

    /** Kept tail chunks are sent in pieces of at most this many bytes. */
    static final int PIECE_BYTES = 64 * 1024;
    private final long limit;
    private final long tailRoom;
    private long printed;
    private long headLeft;
    private final ArrayDeque<Chunk> tail = new ArrayDeque<>();
    private long tailBytes;
    private long omittedBytes;
    private long omittedLines;
    private byte lastOmitted = '\n';

    /** A cap of {@code limit} bytes shown per cell (at least 2). */
    OutputCap(long limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("OutputCap: the cap must be at least 2 bytes, got " + limit);
        }
        this.limit = limit;
        this.tailRoom = limit / 4;
        reset();
    }

    /** The cap in bytes. */
    long limit() {
        return limit;
    }

    /** Starts counting for a new cell. */
    void reset() {
        printed = 0;
        headLeft = limit - tailRoom;
        tail.clear();
        tailBytes = 0;
        omittedBytes = 0;
        omittedLines = 0;
        lastOmitted = '\n';
    }

    /** True once this cell printed more than the head: what follows is held for the tail. */
    boolean holding() {
        return headLeft == 0;
    }

    /**
     * Takes {@code length} bytes the cell printed and returns how many of them, from {@code offset},
     * may go out now; the rest is kept for the tail. The head ends at a line end where it can.
     */
    int admit(int stream, byte[] bytes, int offset, int length) {
        printed += length;
        int live;
        if (length <= headLeft) {
            live = length;
        } else {
            live = (int) headLeft;
            for (int i = offset + live - 1; i >= offset; i--) {
                if (bytes[i] == '\n') {
                    live = i - offset + 1;
                    break;
                }
            }
            headLeft = 0;
            keep(stream, bytes, offset + live, length - live);
            return live;
        }
        headLeft -= live;
        return live;
    }

    private void keep(int stream, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        tail.addLast(new Chunk(stream, copy));
        tailBytes += length;
        long room = tailRoom;
        while (tailBytes > room) {
            Chunk first = tail.removeFirst();
            int cut = (int) Math.min(first.bytes().length, tailBytes - room);
            omit(first.bytes(), 0, cut);
            tailBytes -= cut;
            if (cut < first.bytes().length) {
                byte[] rest = new byte[first.bytes().length - cut];
                System.arraycopy(first.bytes(), cut, rest, 0, rest.length);
                tail.addFirst(new Chunk(first.stream(), rest));
            }
        }
    }

    private void omit(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                omittedLines++;
            }
        }
        omittedBytes += length;
        lastOmitted = bytes[offset + length - 1];
    }

    /**
     * What is left to show when the cell ends: a notice of what was left out, then the kept tail
     * (starting at a line start). Empty when the cell stayed under the cap. Resets the count.
     */
    List<Chunk> finish() {
        List<Chunk> rest = new ArrayList<>();
        if (lastOmitted != '\n') {
            trimToLineStart();
        }
        if (omittedBytes > 0) {
            rest.add(new Chunk(1, notice().getBytes(StandardCharsets.UTF_8)));
        }
        rest.addAll(merged());
        reset();
        return rest;
    }

    /** The tail as few chunks: neighbours of one stream joined, up to {@link #PIECE_BYTES} each. */
    private List<Chunk> merged() {
        List<Chunk> pieces = new ArrayList<>();
        ByteArrayOutputStream piece = new ByteArrayOutputStream();
        int stream = -1;
        for (Chunk chunk : tail) {
            if (piece.size() > 0 && (chunk.stream() != stream || piece.size() + chunk.bytes().length > PIECE_BYTES)) {
                pieces.add(new Chunk(stream, piece.toByteArray()));
                piece.reset();
            }
            stream = chunk.stream();
            piece.writeBytes(chunk.bytes());
        }
        if (piece.size() > 0) {
            pieces.add(new Chunk(stream, piece.toByteArray()));
        }
        return pieces;
    }

    /** Moves the rest of a line cut by the tail's trimming into the omitted part. */
    private void trimToLineStart() {
        while (!tail.isEmpty() && lastOmitted != '\n') {
            Chunk first = tail.removeFirst();
            byte[] bytes = first.bytes();
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int cut = Math.min(end + 1, bytes.length);
            omit(bytes, 0, cut);
            if (cut < bytes.length) {
                byte[] rest = new byte[bytes.length - cut];
                System.arraycopy(bytes, cut, rest, 0, rest.length);
                tail.addFirst(new Chunk(first.stream(), rest));
            }
        }
    }

    /** The notice printed where output was left out. */
    String notice() {
        return String.format(Locale.ROOT, "%n[output cap: %,d lines (%s) left out here; this cell printed %s, more than the cap of %s"
                + " (NNDL_KERNEL_OUTPUT_CAP); its first and last lines are shown]%n",
                omittedLines, size(omittedBytes), size(printed), size(limit));
    }

    /** The notice printed once when the head is full. */
    String holdingNotice() {
        return String.format(Locale.ROOT, "%n[output cap: this cell printed %s; what follows is held back and its last %s"
                + " shown when the cell ends (NNDL_KERNEL_OUTPUT_CAP)]%n", size(limit - tailRoom), size(tailRoom));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
