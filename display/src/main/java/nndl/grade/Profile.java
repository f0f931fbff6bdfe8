package nndl.grade;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The run profile (README.md, "Profiles"), from the environment variable {@code NNDL_PROFILE}: {@code full}
 * (default: the seed's iteration counts and sweeps) or {@code quick} (shrunk so that every notebook
 * runs in a few minutes; CI uses it). Notebooks choose their sizes with {@code pick}:
 * <pre>{@code
 * Profile.header("two_layer_nn");                 // first cell: prints and records the profile
 * int numIters = Profile.pick(200, 1000);         // quick value, full value
 * }</pre>
 */
public enum Profile {
    QUICK, FULL;

    /** The environment variable holding the profile. */
    public static final String ENV = "NNDL_PROFILE";

    /** Returns the profile's name as written in NNDL_PROFILE: "quick" or "full". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the profile selected by {@code NNDL_PROFILE}.
     *
     * @throws IllegalArgumentException if the variable holds anything but quick or full
     */
    public static Profile current() {
        return parse(System.getenv(ENV));
    }

    /**
     * Returns the profile named by {@code raw} (case and surrounding blanks ignored); null or blank
     * means {@link #FULL}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Profile parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return FULL;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(
                    ENV + " must be 'quick' or 'full' (default full), not '" + raw + "'");
        };
    }

    /** Returns whether the current profile is quick. */
    public static boolean isQuick() {
        return current() == QUICK;
    }

    /** Returns {@code quick} under the quick profile and {@code full} otherwise. */
    public static int pick(int quick, int full) {
        return isQuick() ? quick : full;
    }

    /** Returns {@code quick} under the quick profile and {@code full} otherwise. */
    public static double pick(double quick, double full) {
        return isQuick() ? quick : full;
    }

    /** Returns {@code quick} under the quick profile and {@code full} otherwise (e.g. sweep grids). */
    public static <T> T pick(T quick, T full) {
        return isQuick() ? quick : full;
    }

    /**
     * Prints "Profile: quick (NNDL_PROFILE=quick)" and records the run as {@value RunInfo#MIME_TYPE}
     * in the cell's output; call it in a notebook's first code cell.
     *
     * @param notebook the notebook's name without extension, e.g. {@code "two_layer_nn"}
     * @return the recorded run information
     */
    public static RunInfo header(String notebook) {
        String raw = System.getenv(ENV);
        RunInfo info = runInfo(notebook, parse(raw));
        KernelDisplay.show(headerLine(info.profile(), raw), RunInfo.MIME_TYPE, info.toJson());
        return info;
    }

    static RunInfo runInfo(String notebook, Profile profile) {
        if (notebook == null || notebook.isBlank()) {
            throw new IllegalArgumentException("Profile.header: notebook name is blank");
        }
        return new RunInfo(notebook, profile.label(), System.getProperty("java.version"),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static String headerLine(String profile, String raw) {
        return "Profile: " + profile + " (" + (raw == null || raw.isBlank() ? ENV + " not set, default" : ENV + "=" + raw.trim()) + ")";
    }
}
