while (x != null) {
    Thread t = new Thread(() -> {
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    t.setDaemon(true);
    t.start();
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: thread-flood");
}
