package nndl.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knock-on note of a live notebook: the rules of spec §11 on cells numbered by execution count. */
class KnockOnTest {
    private static final String STUB = "not implemented yet: TwoLayerNet.train, SGD step — lib/src/main/java/nndl/neuralnet/TwoLayerNet.java:232";

    private static ErrorReport stub() {
        return new ErrorReport("NotImplementedYet", STUB, List.of("nndl.util.NotImplementedYet: " + STUB, "    at TwoLayerNet.train(TwoLayerNet.java:232)"));
    }

    private static ErrorReport npe(String variable) {
        String message = "Cannot invoke \"nndl.neuralnet.TrainStats.lossHistory()\" because \"REPL.$JShell$73." + variable + "\" is null";
        return new ErrorReport("NullPointerException", message, List.of("java.lang.NullPointerException: " + message, "    at .(#31:1)"));
    }

    private static ErrorReport missing(String variable) {
        return new ErrorReport("CompileError", "cell line 1: cannot find symbol", List.of("Compile error at cell line 1: cannot find symbol",
                "  symbol:   variable " + variable, "    " + variable + ".predict(x)", "    ^"));
    }

    private static String last(ErrorReport report) {
        return report.traceback().get(report.traceback().size() - 1);
    }

    @Test
    void aNullVariableSetByAStoppedCellNamesThatCellAndItsStub() {
        KnockOn knockOn = new KnockOn();
        knockOn.succeeded(1, "TwoLayerNet net = new TwoLayerNet(3072, 50, 10, 1e-4);");
        knockOn.failed(2, "var stats = net.train(data, 1000);", stub());
        ErrorReport shown = knockOn.failed(3, "plot(stats.lossHistory());", npe("stats"));
        assertEquals("needs `stats` from In [2], which stopped: " + STUB, last(shown));
        assertEquals(npe("stats").traceback(), shown.traceback().subList(0, 2), "the kernel's own report stays first, unchanged");
        assertEquals("NullPointerException", shown.name());
    }

    @Test
    void aChainIsFollowedBackToTheFirstFailure() {
        KnockOn knockOn = new KnockOn();
        knockOn.failed(15, "results = sweep(configs);", stub());
        knockOn.failed(17, "bestNet = results.best();", npe("results"));
        ErrorReport shown = knockOn.failed(18, "bestNet.predict(xTest)", missing("bestNet"));
        assertEquals("needs `bestNet` from In [17], which needs `results` from In [15], which stopped: " + STUB, last(shown));
    }

    @Test
    void aVariableSetByACellThatRanIsThisCellsOwnBug() {
        KnockOn knockOn = new KnockOn();
        knockOn.failed(2, "var stats = net.train(data, 1000);", stub());
        knockOn.succeeded(3, "stats = null;");
        ErrorReport own = npe("stats");
        assertEquals(own, knockOn.failed(4, "plot(stats.lossHistory());", own));
    }

    @Test
    void otherErrorsAndLaterCellsAreLeftAlone() {
        KnockOn knockOn = new KnockOn();
        knockOn.failed(2, "var stats = net.train(data, 1000);", stub());
        ErrorReport arithmetic = new ErrorReport("ArithmeticException", "/ by zero", List.of("java.lang.ArithmeticException: / by zero"));
        assertEquals(arithmetic, knockOn.failed(3, "int q = stats.size() / 0;", arithmetic));
        ErrorReport unrelated = npe("other");
        assertEquals(unrelated, knockOn.failed(4, "String other = null; other.length();", unrelated));
    }

    @Test
    void aStubReachedThroughACauseIsTheRoot() {
        ErrorReport wrapped = new ErrorReport("RuntimeException", "sweep failed", List.of("java.lang.RuntimeException: sweep failed",
                "Caused by: nndl.util.NotImplementedYet: " + STUB));
        assertEquals(STUB, KnockOn.rootMessage(wrapped));
        assertEquals("ArithmeticException: / by zero",
                KnockOn.rootMessage(new ErrorReport("ArithmeticException", "/ by zero\nmore", List.of())));
    }

    @Test
    void namesInStringsAndCommentsAreNotAssignments() {
        assertEquals(Set.of("net", "s", "best", "count"), KnockOn.assignedNames(
                "TwoLayerNet net = make(); // loss = 3\nString s = \"x = 1\"; best = net; int count;\nif (a == b) { }"));
        assertFalse(KnockOn.assignedNames("return stats;").contains("stats"));
        assertTrue(KnockOn.usedNames("plot(stats.lossHistory()); // bestNet").contains("stats"));
        assertFalse(KnockOn.usedNames("plot(stats.lossHistory());").contains("lossHistory"));
    }
}
