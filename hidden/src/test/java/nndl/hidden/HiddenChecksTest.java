package nndl.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nndl.grade.Check;
import nndl.grade.GradeResult;
import nndl.grade.Rubric;
import org.junit.jupiter.api.Test;

/** The model answers pass every hidden check of the rubric, and every rubric check of the group has one. */
class HiddenChecksTest {

    @Test
    void modelAnswersPassEveryCheck() throws Exception {
        List<HiddenCheck> checks = HiddenChecks.all();
        Set<String> ids = new HashSet<>();
        for (HiddenCheck check : checks) {
            assertTrue(ids.add(check.id()), "duplicate " + check.id());
            double value = check.measure().call();
            GradeResult result = Rubric.get(check.id()).evaluate(value, true, "hidden");
            assertTrue(result.passed(), check.id() + " measured " + value + " against " + Rubric.get(check.id()));
        }
        assertEquals(Set.copyOf(Rubric.checks(Rubric.HIDDEN).stream().map(Check::id).toList()), ids);
        assertEquals(36, Rubric.points(Rubric.HIDDEN));
    }

    @Test
    void failuresAreDescribedWithTheLibraryFrame() {
        IllegalStateException e = new IllegalStateException("boom");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("nndl.layers.Affine", "affineForward", "Affine.java", 52),
            new StackTraceElement("nndl.hidden.HiddenChecks", "affineForward", "HiddenChecks.java", 60)});
        assertEquals("IllegalStateException: boom (at nndl.layers.Affine.affineForward:52)", HiddenMain.describe(e));
    }
}
