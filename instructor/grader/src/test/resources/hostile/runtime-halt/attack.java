Runtime.getRuntime().halt(7);
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: runtime-halt");
}
