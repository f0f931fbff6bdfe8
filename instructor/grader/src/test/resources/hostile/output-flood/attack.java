while (x != null) {
    System.out.println("flood flood flood flood flood flood flood flood flood flood flood flood");
    System.err.println("flood flood flood flood flood flood flood flood flood flood flood flood");
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: output-flood");
}
