package nndl.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What never leaves the instructor edition: the one table of instructor-only paths, and the
 * instructor-only regions of shared text files. A path is dropped when it equals an entry or lies
 * under an entry ending in {@code /}. A region runs from a line holding {@code BEGIN INSTRUCTOR ONLY}
 * to a line holding {@code END INSTRUCTOR ONLY} (as a {@code #}, {@code //} or {@code <!-- -->}
 * comment) and is dropped with its marker lines: the launcher's release and grade commands, the test
 * driver's stages 7 and 8 ({@code .ci/test-stages}) and the README's instructor paragraphs are marked so.
 */
public final class InstructorOnly {

    /** One instructor-only path and why it stays behind. */
    public record Entry(String path, String why) {
        boolean covers(String file) {
            return path.endsWith("/") ? file.startsWith(path) : file.equals(path);
        }
    }

    /** The table. Add a row here when a new instructor-only file or folder appears. */
    public static final List<Entry> PATHS = List.of(
            new Entry("instructor/", "the release tool (its presence marks the instructor edition), the grader of hand-ins"
                    + " (./workbook grade), the launcher's instructor commands, the tests of lib that re-derive model answers,"
                    + " the NumPy reference implementations behind the tests' expected values, their tests and fixtures"));

    /** Lines of the root pom that name an instructor-only module. */
    static final Pattern INSTRUCTOR_MODULE = Pattern.compile("\\s*<module>\\s*instructor/[^<]*</module>\\s*");

    private static final Pattern REGION_BEGIN = Pattern.compile("^\\s*(#|//|<!--)\\s*BEGIN INSTRUCTOR ONLY\\b.*");
    private static final Pattern REGION_END = Pattern.compile("^\\s*(#|//|<!--)\\s*END INSTRUCTOR ONLY\\b.*");

    private InstructorOnly() {
    }

    /** Returns the table entry that drops {@code file} (a repository-relative path with {@code /}), or null. */
    public static Entry covering(String file) {
        return PATHS.stream().filter(e -> e.covers(file)).findFirst().orElse(null);
    }

    /**
     * Returns {@code lines} without their instructor-only regions (and, for the root pom, without the
     * instructor modules' lines).
     *
     * @throws ReleaseError naming the file and line of a region left open, nested or closed twice
     */
    public static List<String> strip(String file, List<String> lines) throws ReleaseError {
        List<String> kept = new ArrayList<>(lines.size());
        int open = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (REGION_BEGIN.matcher(line).matches()) {
                if (open > 0) {
                    throw new ReleaseError(file, i + 1, "nested BEGIN INSTRUCTOR ONLY (the region of line " + open + " is open)");
                }
                open = i + 1;
            } else if (REGION_END.matcher(line).matches()) {
                if (open == 0) {
                    throw new ReleaseError(file, i + 1, "END INSTRUCTOR ONLY without a BEGIN INSTRUCTOR ONLY");
                }
                open = 0;
            } else if (open == 0 && !(file.equals("pom.xml") && INSTRUCTOR_MODULE.matcher(line).matches())) {
                kept.add(line);
            }
        }
        if (open > 0) {
            throw new ReleaseError(file, open, "BEGIN INSTRUCTOR ONLY is left open");
        }
        return kept;
    }

    /** Returns whether the text holds an instructor-only region marker. */
    static boolean hasRegions(String text) {
        return text.contains("INSTRUCTOR ONLY");
    }
}
