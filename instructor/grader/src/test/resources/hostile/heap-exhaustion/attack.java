java.util.List<long[]> kept = new java.util.ArrayList<>();
while (x != null) {
    kept.add(new long[1 << 20]);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: heap-exhaustion");
}
