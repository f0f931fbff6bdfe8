package nndl.launcher.instructor;

import java.nio.file.Path;
import java.util.List;
import nndl.launcher.Build;
import nndl.launcher.Die;
import nndl.launcher.Proc;
import nndl.launcher.Say;
import nndl.launcher.Tree;

/** The instructor-only modules under instructor/ (the release tool, the grader), built when stale. */
final class InstructorModules {
    private InstructorModules() {
    }

    /**
     * Builds {@code module} (a path relative to the root, with the modules it needs) unless {@code jar}
     * is newer than every one of {@code inputs}; {@code what} names it in the messages.
     */
    static void buildIfNeeded(Tree tree, String what, String module, Path jar, List<Path> inputs) {
        if (!Build.stale(jar, inputs)) {
            return;
        }
        Say.say("building " + what + " (Maven)");
        if (Proc.inherit(tree, List.of("mvn", "-B", "-ntp", "-Dstyle.color=never", "-q", "install", "-DskipTests", "-pl", module, "-am"))
                != 0) {
            throw new Die(what + " build failed (see above)");
        }
    }
}
