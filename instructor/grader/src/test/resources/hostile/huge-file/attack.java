try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(java.nio.file.Path.of("relu-cache.bin"))) {
    byte[] mb = new byte[1 << 20];
    for (int k = 0; k < 1024; k++) {
        o.write(mb);
    }
} catch (java.io.IOException e) {
    throw new java.io.UncheckedIOException(e);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: huge-file");
}
