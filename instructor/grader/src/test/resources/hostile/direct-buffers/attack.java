java.util.List<java.nio.ByteBuffer> kept = new java.util.ArrayList<>();
while (x != null) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(64 << 20);
    for (int p = 0; p < b.capacity(); p += 4096) {
        b.put(p, (byte) 1);
    }
    kept.add(b);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: direct-buffers");
}
