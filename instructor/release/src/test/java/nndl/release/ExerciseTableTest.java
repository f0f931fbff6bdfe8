package nndl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nndl.grade.Check;
import nndl.grade.Rubric;
import org.junit.jupiter.api.Test;

/** The exercise table against this instructor tree's blocks and the rubric. */
class ExerciseTableTest {

    @Test
    void everyBlockHasExactlyOneRowAndEveryRowABlock() throws Exception {
        List<String> titles = new ArrayList<>();
        for (String file : StudentEdition.editableFiles(Repository.root())) {
            List<String> lines = StudentEdition.lines(Files.readString(Repository.root().resolve(file)));
            BlockScanner.scan(file, lines).forEach(block -> titles.add(block.title()));
        }
        List<String> rows = ExerciseTable.ROWS.stream().map(ExerciseTable.Exercise::title).toList();
        assertEquals(new HashSet<>(rows).size(), rows.size(), "a title twice in the table");
        assertEquals(Set.copyOf(titles), Set.copyOf(rows), "blocks of lib/ vs rows of ExerciseTable");
    }

    @Test
    void everyCheckIsTheRubricsAndRowsFollowTheRubricsOrder() {
        List<Check> rubric = Rubric.checks();
        int last = -1;
        String lastNotebook = null;
        for (ExerciseTable.Exercise row : ExerciseTable.ROWS) {
            assertTrue(Rubric.NOTEBOOKS.contains(row.notebook()), row.notebook());
            if (lastNotebook != null) {
                assertTrue(Rubric.NOTEBOOKS.indexOf(row.notebook()) >= Rubric.NOTEBOOKS.indexOf(lastNotebook),
                        row.title() + " comes after an exercise of a later notebook");
            }
            lastNotebook = row.notebook();
            for (String id : row.checks()) {
                assertTrue(Rubric.find(id).isPresent(), row.title() + ": no check " + id + " in the rubric");
            }
            List<String> own = row.checks().stream().filter(id -> id.startsWith(row.notebook() + ".")).toList();
            assertEquals(own, row.checks(),
                    row.title() + ": its notebook checks are of its notebook");
            if (!own.isEmpty()) {
                int index = rubric.indexOf(Rubric.get(own.get(0)));
                assertTrue(index >= last, row.title() + " is listed before an exercise whose check comes earlier in the rubric");
                last = index;
            }
        }
    }
}
