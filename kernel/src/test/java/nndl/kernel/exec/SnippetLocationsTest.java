package nndl.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetLocationsTest {

    @Test
    void snippetFramesBecomeCellLinesAndKernelFramesGo() {
        SnippetLocations locations = new SnippetLocations();
        SourceText earlier = SourceText.cell("// helper\nint divide(int a, int b) {\n    return a / b;\n}", 1, 2);
        locations.put("4", earlier, earlier.text().indexOf("int divide"));
        SourceText current = SourceText.cell("int z = 0;\ndivide(1, z)", 1, 5);
        locations.put("9", current, current.text().indexOf("divide(1"));
        StackTraceElement[] frames = {
            new StackTraceElement("", "divide", "#4", 2),
            new StackTraceElement("", "", "#9", 1),
            new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 566),
            new StackTraceElement("nndl.kernel.exec.CellExecutionControl$Statement", "run", "CellExecutionControl.java", 1),
        };
        assertEquals(List.of("divide (In [2], line 3)", "line 2"), locations.render(frames, 5));
    }

    @Test
    void libraryFramesAboveTheUserCodeStay() {
        SnippetLocations locations = new SnippetLocations();
        locations.put("1", SourceText.cell("Integer.parseInt(\"x\")", 1, 1), 0);
        StackTraceElement[] frames = {
            new StackTraceElement("app", "java.base", "17", "java.lang.Integer", "parseInt", "Integer.java", 668),
            new StackTraceElement("", "", "#1", 1),
        };
        assertEquals(List.of("java.lang.Integer.parseInt(Integer.java:668)", "line 1"), locations.render(frames, 1));
        assertEquals(List.of("line 1"), locations.renderSnippetFrames(frames, 1));
    }

    @Test
    void userClassMethodsKeepTheirClassName() {
        SnippetLocations locations = new SnippetLocations();
        locations.put("3", new SourceText("class A {\n  void m() { throw null; }\n}", "a.jsh", 1, 1), 0);
        StackTraceElement[] frames = {new StackTraceElement("A", "m", "#3", 2)};
        assertEquals(List.of("A.m (a.jsh, line 2)"), locations.render(frames, 1));
    }
}
