package nndl.kernel.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What redefinition cannot apply, named as in the source; the classes compiled with the kernel's own compiler. */
class RedefinabilityTest {
    private static final String BEFORE = """
            package p;
            public class A {
                private int count;
                public static double f(double v) { return v; }
                void g(int n) { count += n; }
            }
            """;

    @TempDir
    Path dir;

    private ClassShape compile(String source, String className) throws IOException {
        Path file = dir.resolve("p/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        LibraryCompiler.Outcome outcome = new LibraryCompiler("17").compile(List.of(file), List.of());
        assertEquals(List.of(), outcome.problems());
        return outcome.classes().stream().filter(c -> c.internalName().equals(className)).findFirst()
                .map(c -> ClassShape.of(c.bytes())).orElseThrow();
    }

    private List<String> changes(String after) throws IOException {
        ClassShape old = compile(BEFORE, "p/A");
        return Redefinability.blockingChanges(old, compile(after, "p/A"));
    }

    @Test
    void aNewBodyAndNewConstantsAreRedefinable() throws IOException {
        assertEquals(List.of(), changes(BEFORE.replace("return v;", "return Math.max(0.0, v) + \"x\".length();")));
    }

    @Test
    void anAddedMethodIsNamedWithItsParameters() throws IOException {
        assertEquals(List.of("method helper(double, String[]) added"),
                changes(BEFORE.replace("void g(", "private static int helper(double a, String[] b) { return 1; }\n    void g(")));
    }

    @Test
    void aLambdaAddedToABodyIsNamedByItsMethod() throws IOException {
        assertEquals(List.of("lambda in method f added"),
                changes(BEFORE.replace("return v;", "java.util.function.DoubleUnaryOperator op = x -> x * 2; return op.applyAsDouble(v);")));
    }

    @Test
    void aChangedSignatureReadsAsOneChange() throws IOException {
        assertEquals(List.of("signature of method g(int) changed to g(long)"), changes(BEFORE.replace("void g(int n)", "void g(long n)")));
    }

    @Test
    void fieldsAddedRetypedAndMethodModifiers() throws IOException {
        assertEquals(List.of("field extra added"), changes(BEFORE.replace("private int count;", "private int count;\n    int extra;")));
        assertEquals(List.of("type of field count changed (int → long)"), changes(BEFORE.replace("private int count;", "private long count;")));
        assertEquals(List.of("modifiers of method g(int) changed (package-private → public)"),
                changes(BEFORE.replace("    void g(", "    public void g(")));
        assertEquals(List.of("field count removed", "method g(int) removed"),
                changes(BEFORE.replace("private int count;", "").replace("void g(int n) { count += n; }", "")));
    }

    @Test
    void hierarchyAndNestedClasses() throws IOException {
        assertEquals(List.of("implemented interfaces changed (none → Runnable)", "method run() added"),
                changes(BEFORE.replace("public class A {", "public class A implements Runnable {\n    public void run() { }")));
        assertEquals(List.of("nested class A.Inner added"), changes(BEFORE.replace("private int count;", "private int count;\n    static class Inner { }")));
    }

    @Test
    void aNestedClassIsNamedInItsChanges() throws IOException {
        String nested = BEFORE.replace("private int count;", "private int count;\n    static class Inner { int a; }");
        ClassShape old = compile(nested, "p/A$Inner");
        ClassShape fresh = compile(nested.replace("int a;", "int a; int b;"), "p/A$Inner");
        assertEquals(List.of("in class A.Inner: field b added"), Redefinability.blockingChanges(old, fresh));
    }
}
