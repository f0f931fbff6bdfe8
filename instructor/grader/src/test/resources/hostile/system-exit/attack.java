System.exit(3);
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: system-exit");
}
