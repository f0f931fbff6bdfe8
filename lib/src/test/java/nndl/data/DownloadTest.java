package nndl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download path against a local HTTP server on 127.0.0.1 serving archives the tests build: the
 * success path, a checksum mismatch, a server error, a transfer cut short and a corrupt archive.
 */
class DownloadTest {
    /** How a path is served: the body, and how many of its bytes are actually sent (-1: all). */
    private record Served(int status, byte[] body, int sendOnly) {
    }

    private final Map<String, Served> routes = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI base;

    @TempDir
    Path root;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsChecksUnpacksAndRenamesIntoPlace() throws IOException {
        Map<String, byte[]> files = CifarFixtures.batchFiles(2);
        byte[] archive = CifarFixtures.tarGz("cifar-10-batches-bin", files);
        routes.put("/cifar.tar.gz", new Served(200, archive, -1));

        Path folder = Cifar10.download(root, base.resolve("cifar.tar.gz"), md5(archive));

        assertEquals(root.resolve("cifar-10-batches-bin"), folder);
        assertEquals(List.of("cifar-10-batches-bin"), listing(root), "archive and staging folders are gone");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertTrue(java.util.Arrays.equals(file.getValue(), Files.readAllBytes(folder.resolve(file.getKey()))), file.getKey());
        }
        Cifar10Data data = Cifar10.loadCifar10(root);
        assertEquals(10, data.xTrain().numRows);
        assertEquals(files.get("test_batch.bin")[3073], data.yTest()[1]);
        // A second call finds the folder and does not download again.
        routes.clear();
        assertEquals(folder, Cifar10.download(root, base.resolve("cifar.tar.gz"), md5(archive)));
    }

    @Test
    void checksumMismatchLeavesNothingBehind() throws IOException {
        byte[] archive = CifarFixtures.tarGz("cifar-10-batches-bin", CifarFixtures.batchFiles(1));
        routes.put("/cifar.tar.gz", new Served(200, archive, -1));
        String wrong = "0".repeat(32);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), wrong));
        assertTrue(e.getMessage().contains("has MD5 " + md5(archive) + " but " + wrong + " was expected"), e.getMessage());
        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
        assertEquals(List.of(), listing(root));
    }

    @Test
    void serverErrorIsReportedAndLeavesNothingBehind() throws IOException {
        routes.put("/cifar.tar.gz", new Served(500, "boom".getBytes(), -1));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), "0".repeat(32)));
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertEquals(List.of(), listing(root));
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("nothing-here.tar.gz"), "0".repeat(32)));
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
    }

    @Test
    void unreachableServerSaysWhereToPutTheFiles() throws IOException {
        server.stop(0);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), "0".repeat(32)));
        assertTrue(e.getMessage().startsWith("CIFAR-10 download failed: cannot download " + base.resolve("cifar.tar.gz")),
                e.getMessage());
        assertTrue(e.getMessage().contains("put the cifar-10-batches-bin/ folder of cifar-10-binary.tar.gz (or a"
                + " cifar-10-subset/ folder) under " + root + ", or set NNDL_DATA"), e.getMessage());
        assertEquals(List.of(), listing(root));
    }

    @Test
    void truncatedTransferIsReportedAndLeavesNothingBehind() throws IOException {
        byte[] archive = CifarFixtures.tarGz("cifar-10-batches-bin", CifarFixtures.batchFiles(3));
        routes.put("/cifar.tar.gz", new Served(200, archive, archive.length / 2));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), md5(archive)));
        assertTrue(e.getMessage().contains("of " + archive.length), e.getMessage());
        assertTrue(e.getMessage().contains("discarded, try again"), e.getMessage());
        assertEquals(List.of(), listing(root));
    }

    @Test
    void corruptArchiveWithMatchingChecksumIsNotUsed() throws IOException {
        byte[] notTar = MnistFixtures.gzip("not a tar archive at all".repeat(40).getBytes());
        routes.put("/cifar.tar.gz", new Served(200, notTar, -1));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), md5(notTar)));
        assertTrue(e.getMessage().contains("delete " + root.resolve(Cifar10.ARCHIVE)), e.getMessage());
        assertFalse(Files.exists(root.resolve("cifar-10-batches-bin")));
        assertEquals(List.of(Cifar10.ARCHIVE), listing(root), "only the verified archive stays, for the user to delete");
    }

    @Test
    void leftoverArchiveIsReusedOnlyWhenItsChecksumMatches() throws IOException {
        byte[] archive = CifarFixtures.tarGz("cifar-10-batches-bin", CifarFixtures.batchFiles(1));
        Files.write(root.resolve(Cifar10.ARCHIVE), new byte[] {1, 2, 3});
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Cifar10.download(root, base.resolve("cifar.tar.gz"), md5(archive)));
        assertTrue(e.getMessage().contains("delete " + root.resolve(Cifar10.ARCHIVE) + " and run again"), e.getMessage());

        Files.write(root.resolve(Cifar10.ARCHIVE), archive);
        assertEquals(root.resolve("cifar-10-batches-bin"), Cifar10.download(root, base.resolve("unused"), md5(archive)));
        assertEquals(List.of("cifar-10-batches-bin"), listing(root));
    }

    @Test
    void mnistDownloadFetchesEveryFileThenRenamesTheFolder() throws IOException {
        Path source = root.resolve("source");
        MnistFixtures.writeFolder(source, 6, 4, true);
        Map<String, String> md5s = new LinkedHashMap<>();
        for (String name : Mnist.FILES) {
            byte[] bytes = Files.readAllBytes(source.resolve(name + ".gz"));
            routes.put("/mnist/" + name + ".gz", new Served(200, bytes, -1));
            md5s.put(name + ".gz", md5(bytes));
        }
        Path data = root.resolve("data");
        assertEquals(data.resolve("mnist"), Mnist.download(data, base.resolve("mnist/"), md5s));
        assertEquals(List.of("mnist"), listing(data));
        MnistData loaded = Mnist.loadMnist(data);
        assertEquals(6, loaded.xTrain().numRows);
        assertEquals(4, loaded.yTest().length);

        Path other = root.resolve("other");
        md5s.put("t10k-labels-idx1-ubyte.gz", "f".repeat(32));
        assertThrows(UncheckedIOException.class, () -> Mnist.download(other, base.resolve("mnist/"), md5s));
        assertEquals(List.of(), listing(other), "no partial mnist/ folder");
    }

    @Test
    void officialChecksumsCoverEveryMnistFile() {
        assertEquals(4, Mnist.OFFICIAL_MD5.size());
        for (String name : Mnist.FILES) {
            assertTrue(Mnist.OFFICIAL_MD5.get(name + ".gz").matches("[0-9a-f]{32}"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> Mnist.download(root, base, Map.of("x.gz", "0")));
    }

    private void serve(HttpExchange exchange) throws IOException {
        Served served = routes.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (served == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(served.status(), served.body().length);
            OutputStream out = exchange.getResponseBody();
            int length = served.sendOnly() >= 0 ? served.sendOnly() : served.body().length;
            out.write(served.body(), 0, length);
            out.flush();
            if (served.sendOnly() >= 0) {
                // Cut the connection instead of finishing the announced body.
                exchange.getHttpContext().getServer().stop(0);
            }
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
