package nndl.kernel.errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knock-on failures in a live notebook (spec §11, "Errors that say what happened"): a cell that fails
 * only because an earlier cell failed. When a cell stops (a stub of the student edition, a bug), the
 * variables it was to set stay null (a JShell declaration whose initialiser threw) or are never
 * declared; the cells that use them then fail with a NullPointerException naming the variable or a
 * "cannot find symbol", which tells the student nothing. This tracker remembers which cell last
 * assigned each name and which cells failed, and adds to such a failure the line "needs `bestNet`
 * from In [17], which stopped: not implemented yet: TwoLayerNet.train, SGD step — lib/...:232".
 *
 * <p>The headless runner words the same rules by cell position for the executed notebooks, the
 * run's summary and the PDF (the launcher's {@code knock_on.py}); the kernel words them by execution
 * count, which is what a student sees in {@code ./workbook lab}. The note is the report's last line,
 * so the exception as the kernel reported it stays first.
 */
public final class KnockOn {
    /** A NullPointerException's helpful message names the null variable (a JShell top-level one as REPL.$JShell$n.name). */
    private static final Pattern NULL_VARIABLE = Pattern.compile("because \"(?:REPL\\.\\$JShell\\$\\w+\\.)?([A-Za-z_]\\w*)\" is null");
    /** The compile error's symbol line: "  symbol:   variable bestNet". */
    private static final Pattern MISSING_SYMBOL = Pattern.compile("^\\s*symbol:\\s+(?:variable|class|method)\\s+([A-Za-z_]\\w*)");
    private static final Pattern STUB = Pattern.compile("^(?:Caused by: )?(?:[\\w$]+\\.)*NotImplementedYet: (.*)$");
    private static final Pattern LITERALS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'",
            Pattern.DOTALL);
    private static final Pattern ASSIGNED = Pattern.compile("(?<![\\w.$])([A-Za-z_]\\w*)\\s*=(?!=)");
    private static final Pattern DECLARED = Pattern.compile("([\\w>\\]]+)\\s+([A-Za-z_]\\w*)\\s*;");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[A-Za-z_]\\w*");
    /** Words that can stand before "name;" without declaring name. */
    private static final Set<String> NOT_A_TYPE = Set.of("return", "throw", "yield", "case", "else", "new", "assert");

    /** What a failed cell stopped on: its root message, and the earlier cell it needed when it was a knock-on itself. */
    private record Failure(String message, String neededName, int neededCell) {
    }

    private final Map<String, Integer> lastWriter = new HashMap<>();
    private final Map<Integer, Failure> failures = new HashMap<>();

    /**
     * Returns {@code report} for cell {@code In [count]}, with the knock-on line added when an earlier
     * failed cell explains it, and records the cell as failed. Call for every failed counted cell, in
     * execution order.
     */
    public ErrorReport failed(int count, String code, ErrorReport report) {
        Failure knockOn = cause(count, code, report);
        ErrorReport shown = report;
        if (knockOn != null) {
            List<String> lines = new ArrayList<>(report.traceback());
            lines.add(describe(knockOn));
            shown = new ErrorReport(report.name(), report.value(), lines);
            failures.put(count, knockOn);
        } else {
            failures.put(count, new Failure(rootMessage(report), null, 0));
        }
        recordWrites(count, code);
        return shown;
    }

    /** Records cell {@code In [count]} as run without error. */
    public void succeeded(int count, String code) {
        recordWrites(count, code);
    }

    private void recordWrites(int count, String code) {
        for (String name : assignedNames(code)) {
            lastWriter.put(name, count);
        }
    }

    /** The earlier failure that explains this one (its variable and cell), or null. */
    private Failure cause(int count, String code, ErrorReport report) {
        String text = report.text() + "\n" + report.value();
        String name = null;
        if (report.name().equals("NullPointerException")) {
            Matcher m = NULL_VARIABLE.matcher(text);
            name = m.find() ? m.group(1) : null;
        } else if (text.contains("cannot find symbol")) {
            for (String line : text.split("\n")) {
                Matcher m = MISSING_SYMBOL.matcher(line);
                if (m.find()) {
                    name = m.group(1);
                    break;
                }
            }
        } else {
            return null;
        }
        // The NPE may name a parameter inside the library ("x"): then the names the cell uses tell.
        Set<String> candidates = new LinkedHashSet<>();
        if (name != null) {
            candidates.add(name);
        }
        candidates.addAll(usedNames(code));
        for (String candidate : candidates) {
            Integer writer = lastWriter.get(candidate);
            if (writer != null && writer < count && failures.containsKey(writer)) {
                return new Failure(null, candidate, writer);
            }
            if (candidate.equals(name) && writer != null) {
                return null; // the variable named came from a cell that ran: this cell's own bug
            }
        }
        return null;
    }

    /** Words the chain from the needed failed cell back to the first failure. */
    private String describe(Failure knockOn) {
        StringBuilder text = new StringBuilder("needs `" + knockOn.neededName() + "` from In [" + knockOn.neededCell() + "]");
        Failure step = failures.get(knockOn.neededCell());
        Set<Integer> seen = new LinkedHashSet<>();
        while (step.message() == null && seen.add(step.neededCell())) {
            text.append(", which needs `").append(step.neededName()).append("` from In [").append(step.neededCell()).append("]");
            step = failures.get(step.neededCell());
        }
        return text.append(", which stopped: ").append(step.message()).toString();
    }

    /** A failed cell's own message: a stub's ("not implemented yet: ..."), else "Name: first line". */
    static String rootMessage(ErrorReport report) {
        if (report.name().equals("NotImplementedYet")) {
            return report.value();
        }
        for (String line : report.traceback()) {
            Matcher m = STUB.matcher(line.strip());
            if (m.matches()) {
                return m.group(1);
            }
        }
        String first = report.value().strip().lines().findFirst().orElse("");
        return first.isEmpty() ? report.name() : report.name() + ": " + first;
    }

    /** The names a cell declares or assigns at any depth: {@code T x = ...}, {@code x = ...}, {@code T x;}, {@code var x = ...}. */
    static Set<String> assignedNames(String source) {
        String code = LITERALS.matcher(source).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher assigned = ASSIGNED.matcher(code);
        while (assigned.find()) {
            names.add(assigned.group(1));
        }
        Matcher declared = DECLARED.matcher(code);
        while (declared.find()) {
            if (!NOT_A_TYPE.contains(declared.group(1))) {
                names.add(declared.group(2));
            }
        }
        return names;
    }

    /** The identifiers a cell mentions (not after a dot: a member of something else), in order. */
    static List<String> usedNames(String source) {
        String code = LITERALS.matcher(source).replaceAll(" ");
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            seen.add(m.group());
        }
        return new ArrayList<>(seen);
    }
}
