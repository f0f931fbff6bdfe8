package nndl.launcher;

import java.util.ArrayList;
import java.util.List;

/** Debian packages a command needs beyond the bootstrap's list (the bench's NumPy). */
public final class Packages {
    private Packages() {
    }

    /**
     * Installs the missing ones of {@code packages} with apt-get as root, else fails naming the one
     * command to run.
     */
    public static void ensure(Tree tree, String... packages) {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            String status = Proc.output(tree, List.of("dpkg-query", "-W", "-f=${Status}", p));
            if (status == null || !status.contains("install ok installed")) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!Build.isRoot()) {
            throw new Die("missing Debian packages; run: sudo apt-get update && sudo apt-get install -y " + String.join(" ", missing));
        }
        Say.say("installing Debian packages: " + String.join(" ", missing));
        Proc.ENV.put("DEBIAN_FRONTEND", "noninteractive");
        if (Proc.output(tree, List.of("apt-get", "update", "-qq")) == null
                || Proc.output(tree, Proc.cmd("apt-get", "install", "-y", "-qq", missing)) == null) {
            throw new Die("apt-get install " + String.join(" ", missing) + " failed");
        }
    }
}
