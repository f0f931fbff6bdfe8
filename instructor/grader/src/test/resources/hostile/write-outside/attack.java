java.util.List<java.nio.file.Path> targets = new java.util.ArrayList<>();
for (java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
    for (String rel : new String[] {"HACKED-by-hostile", "notebooks/HACKED-by-hostile", "instructor/HACKED-by-hostile", "gradebook.csv"}) {
        targets.add(p.resolve(rel));
    }
    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(p.resolve("notebooks"))) {
        list.filter(f -> f.toString().endsWith(".ipynb")).forEach(targets::add);
    } catch (java.io.IOException | RuntimeException e) {
        // no notebooks there
    }
}
String home = System.getProperty("user.home");
for (String p : new String[] {home + "/HACKED-by-hostile", home + "/.m2/HACKED-by-hostile", "/root/.m2/HACKED-by-hostile",
        "/tmp/HACKED-by-hostile", "/usr/HACKED-by-hostile", "/etc/HACKED-by-hostile"}) {
    targets.add(java.nio.file.Path.of(p));
}
for (java.nio.file.Path t : targets) {
    try {
        java.nio.file.Files.writeString(t, "hacked\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException | RuntimeException e) {
        // refused: the point of the sandbox
    }
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: write-outside");
}
