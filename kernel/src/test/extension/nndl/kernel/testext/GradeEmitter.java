package nndl.kernel.testext;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Displays a custom MIME type from library code, the way the library's grading checks do. */
public final class GradeEmitter {
    private GradeEmitter() {
    }

    /** Shows a check result as text and as {@code application/vnd.nndl.grade+json}. */
    public static void emit(String id, double value) {
        Map<String, Object> grade = new LinkedHashMap<>();
        grade.put("id", id);
        grade.put("value", value);
        grade.put("status", "graded");
        DisplayData data = new DisplayData(id + ": " + value);
        data.putData("application/vnd.nndl.grade+json", grade);
        BaseKernel.notebookKernel().display(data);
    }
}
