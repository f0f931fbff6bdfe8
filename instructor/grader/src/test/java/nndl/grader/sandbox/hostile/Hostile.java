package nndl.grader.sandbox.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hostile hand-in does, one attack per first argument, run inside the sandbox by
 * BubblewrapTest. Each attack prints what it achieved, so the test can tell a contained attack
 * from one that was never tried.
 */
public final class Hostile {
    private Hostile() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "loop" -> {
                System.out.println("looping");
                long n = 0;
                while (n >= 0) n++;
            }
            case "flood" -> {
                byte[] line = "flood flood flood flood flood flood flood flood flood flood flood flood flood\n".getBytes();
                OutputStream out = System.out;
                for (long written = 0; written < Long.parseLong(args[1]); written += line.length) out.write(line);
                out.flush();
            }
            case "heap" -> {
                List<long[]> kept = new ArrayList<>();
                while (true) kept.add(new long[1 << 20]);
            }
            case "unsafe" -> {
                Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                f.setAccessible(true);
                sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
                for (long total = 0; ; total += 64L << 20) {
                    long address = unsafe.allocateMemory(64L << 20);
                    unsafe.setMemory(address, 64L << 20, (byte) 1);
                    System.out.println("off-heap " + (total >> 20) + " MB");
                }
            }
            case "direct" -> {
                List<ByteBuffer> kept = new ArrayList<>();
                for (long total = 0; ; total += 64L << 20) {
                    ByteBuffer b = ByteBuffer.allocateDirect(64 << 20);
                    for (int i = 0; i < b.capacity(); i += 4096) b.put(i, (byte) 1);
                    kept.add(b);
                    System.out.println("direct " + (total >> 20) + " MB");
                }
            }
            case "threads" -> {
                for (int i = 0; ; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    t.start();
                    if (i % 50 == 0) System.out.println("threads " + i);
                }
            }
            case "exit" -> {
                System.out.println("exiting");
                System.exit(Integer.parseInt(args[1]));
            }
            case "halt" -> {
                System.out.println("halting");
                Runtime.getRuntime().halt(Integer.parseInt(args[1]));
            }
            case "bigfile" -> {
                byte[] chunk = new byte[1 << 20];
                try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                    for (int mb = 0; mb < 1024; mb++) {
                        out.write(chunk);
                        if (mb % 64 == 0) System.out.println("wrote " + mb + " MB");
                    }
                }
                System.out.println("wrote 1 GB");
            }
            case "manyfiles" -> {
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; ; i++) {
                    try (OutputStream out = Files.newOutputStream(Path.of(args[1], "part" + i))) {
                        for (int mb = 0; mb < 16; mb++) out.write(chunk);
                    }
                    System.out.println("wrote part " + i);
                }
            }
            case "write" -> {
                for (int i = 1; i < args.length; i++) {
                    try {
                        Files.writeString(Path.of(args[i]), "written by a hand-in\n");
                        System.out.println("WROTE " + args[i]);
                    } catch (IOException | RuntimeException e) {
                        System.out.println("REFUSED " + args[i] + ": " + e);
                    }
                }
            }
            case "read" -> {
                for (int i = 1; i < args.length; i++) {
                    Path p = Path.of(args[i]);
                    try {
                        if (Files.isDirectory(p)) {
                            try (var list = Files.list(p)) {
                                System.out.println("VISIBLE " + p + " (" + list.count() + " entries)");
                            }
                        } else {
                            System.out.println("VISIBLE " + p + " (" + Files.readAllBytes(p).length + " bytes)");
                        }
                    } catch (IOException | RuntimeException e) {
                        System.out.println("HIDDEN " + p + ": " + e);
                    }
                }
            }
            case "proc" -> proc();
            case "connect" -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 3000);
                    System.out.println("CONNECTED " + args[1]);
                } catch (IOException e) {
                    System.out.println("NO ROUTE " + args[1] + ": " + e);
                }
                System.out.println("INTERFACES " + String.join(",", Files.readAllLines(Path.of("/proc/net/dev")).stream()
                        .skip(2).map(l -> l.trim().split(":")[0]).toList()));
            }
            default -> throw new IllegalArgumentException("no attack " + args[0]);
        }
    }

    /** Reads its own memory (allowed), then looks for any process that is not its own tree. */
    private static void proc() throws IOException {
        String maps = Files.readAllLines(Path.of("/proc/self/maps")).get(0);
        String[] range = maps.split(" ")[0].split("-");
        try (RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", "r")) {
            mem.seek(Long.parseUnsignedLong(range[0], 16));
            byte[] b = new byte[16];
            mem.readFully(b);
            System.out.println("OWN MEMORY read " + b.length + " bytes");
        }
        List<String> pids = new ArrayList<>();
        try (var list = Files.list(Path.of("/proc"))) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).sorted().forEach(pids::add);
        }
        for (String pid : pids) {
            String cmd = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline"))).replace('\0', ' ');
            System.out.println("PROCESS " + pid + " " + cmd);
        }
        try (RandomAccessFile mem = new RandomAccessFile("/proc/1/mem", "r")) {
            mem.read();
            System.out.println("READ PID 1 MEMORY");
        } catch (IOException e) {
            System.out.println("PID 1 MEMORY DENIED: " + e.getMessage());
        }
    }
}
