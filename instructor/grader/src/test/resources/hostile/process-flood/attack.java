try {
    new ProcessBuilder("/bin/sh", "-c", "while :; do sleep 600 & done").start().waitFor();
} catch (java.io.IOException | InterruptedException e) {
    throw new IllegalStateException(e);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: process-flood");
}
