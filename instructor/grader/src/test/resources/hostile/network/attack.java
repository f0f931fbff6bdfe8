try (java.net.Socket s = new java.net.Socket()) {
    s.connect(new java.net.InetSocketAddress("192.0.2.1", 80), 2000);
    System.out.println("connected");
} catch (java.io.IOException e) {
    System.out.println("no network: " + e);
}
try {
    System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/net/dev")));
} catch (java.io.IOException e) {
    throw new java.io.UncheckedIOException(e);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: network");
}
