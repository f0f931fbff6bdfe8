package nndl.release;

import java.nio.file.Files;
import java.nio.file.Path;

/** The instructor tree these tests read. */
final class Repository {
    private Repository() {
    }

    /** The repository root, the folder holding {@code workbook} (Maven runs the tests in instructor/release/). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(here.resolve("workbook"))) {
            here = here.getParent();
        }
        return here;
    }
}
