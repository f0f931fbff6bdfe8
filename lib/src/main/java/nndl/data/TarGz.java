package nndl.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A small reader for gzipped POSIX/ustar tar archives, enough for the dataset archives: regular files
 * and directories are extracted, pax and GNU extension headers are honoured for long names, links and
 * devices are refused. Entry names that would land outside the destination are refused.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Extracts {@code archive} (a .tar.gz) under {@code destination}, which must exist. */
    static void extract(Path archive, Path destination) throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            long offset = 0;
            while (readBlock(in, header) && !isZero(header)) {
                String name = longName != null ? longName : entryName(header);
                longName = null;
                long size = octal(header, 124, 12, archive, offset);
                char type = (char) header[156];
                offset += BLOCK;
                switch (type) {
                    case 'L' -> longName = trimNul(readText(in, size));
                    case 'x' -> longName = paxPath(readText(in, size));
                    case 'g' -> skip(in, size);
                    case '5' -> Files.createDirectories(inside(root, name, archive));
                    case '0', '\0', '7' -> writeFile(in, size, inside(root, name, archive));
                    default -> throw new IOException(archive.getFileName() + ": entry '" + name + "' at byte offset "
                            + (offset - BLOCK) + " of the unpacked tar has unsupported type '" + type + "'");
                }
                skip(in, padding(size));
                offset += size + padding(size);
            }
        }
    }

    private static String entryName(byte[] header) {
        String name = cString(header, 0, 100);
        // Only POSIX ustar ("ustar\0" + "00") has a name prefix; old GNU headers ("ustar  \0") keep times there.
        boolean posix = new String(header, 257, 8, StandardCharsets.US_ASCII).equals("ustar" + '\0' + "00");
        String prefix = posix ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static Path inside(Path root, String name, Path archive) throws IOException {
        Path target = root.resolve(name).normalize();
        if (name.isEmpty() || !target.startsWith(root) || target.equals(root)) {
            throw new IOException(archive.getFileName() + ": refusing tar entry '" + name + "' outside the destination");
        }
        return target;
    }

    private static void writeFile(InputStream in, long size, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[1 << 16];
        long left = size;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException("tar entry " + target.getFileName() + " ends " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static String readText(InputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar extension header of " + size + " bytes is implausibly large");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length != size) {
            throw new EOFException("tar extension header ends early");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The {@code path=} record of a pax header ("LEN path=VALUE\n" lines), or null. */
    private static String paxPath(String pax) {
        for (String line : pax.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("tar archive ends inside a header block");
        }
        return true;
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar archive ends inside an entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long octal(byte[] header, int from, int length, Path archive, long offset) throws IOException {
        long value = 0;
        for (int i = from; i < from + length; i++) {
            int c = header[i];
            if (c == 0 || c == ' ') {
                if (value > 0) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                throw new IOException(archive.getFileName() + ": bad size field in the tar header at byte offset "
                        + offset + " of the unpacked tar");
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private static String cString(byte[] bytes, int from, int length) {
        int end = from;
        while (end < from + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }
}
