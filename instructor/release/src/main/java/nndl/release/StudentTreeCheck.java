package nndl.release;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nndl.grade.Rubric;

/**
 * Proves a released student tree reads as a student's (docs/editions.md, "The release test"): every stub
 * of its {@value StudentEdition#MANIFEST} sits between {@code // BEGIN YOUR CODE <title>} and
 * {@code // END YOUR CODE} with at least one instruction line above the {@code NotImplementedYet}
 * statement; its README lists every exercise in notebook order (the {@link ExerciseTable}'s) with the
 * points of each check it feeds, and holds none of the instructor's commands or regions.
 */
final class StudentTreeCheck {
    /** Text of the instructor edition that a student README must not hold. */
    static final List<String> INSTRUCTOR_TEXT = List.of("INSTRUCTOR ONLY", "./workbook test", "./workbook release",
            "./workbook grade", "./workbook bench", "## Performance", "BEGIN SOLUTION");

    private StudentTreeCheck() {
    }

    /** Returns one line per problem of the student tree at {@code tree}, empty when it is right. */
    static List<String> check(Path tree, List<ExerciseTable.Exercise> table) throws IOException {
        List<String> problems = new ArrayList<>();
        Path manifest = tree.resolve(StudentEdition.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of(StudentEdition.MANIFEST + ": missing");
        }
        JsonObject json = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        Map<String, JsonObject> stubs = new LinkedHashMap<>();
        for (JsonElement element : json.getAsJsonArray("stubs")) {
            JsonObject stub = element.getAsJsonObject();
            stubs.put(stub.get("method").getAsString() + ": " + stub.get("block").getAsString(), stub);
            stubHasInstructions(tree, stub, problems);
        }
        readmeListsTheExercises(tree, stubs, table, problems);
        Path maven = tree.resolve(StudentEdition.MAVEN_CONFIG);
        if (!Files.isRegularFile(maven) || !Files.readString(maven).equals(StudentEdition.MAVEN_SETTINGS)) {
            problems.add(StudentEdition.MAVEN_CONFIG + ": missing or not '" + StudentEdition.MAVEN_SETTINGS.strip()
                    + "' (the student edition's builds would install its stubs into ~/.m2)");
        }
        return problems;
    }

    private static void stubHasInstructions(Path tree, JsonObject stub, List<String> problems) throws IOException {
        String file = stub.get("file").getAsString();
        String title = stub.get("method").getAsString() + ": " + stub.get("block").getAsString();
        int begin = stub.get("begin").getAsInt();
        int line = stub.get("line").getAsInt();
        int end = stub.get("end").getAsInt();
        List<String> lines = StudentEdition.lines(Files.readString(tree.resolve(file), StandardCharsets.UTF_8));
        String where = file + ":" + begin + ": ";
        if (!(begin < line && line < end && end <= lines.size())) {
            problems.add(where + "the manifest's lines of '" + title + "' are out of order or past the file's end");
            return;
        }
        if (!lines.get(begin - 1).strip().equals((Stubber.BEGIN_YOUR_CODE + title).strip())) {
            problems.add(where + "expected '" + Stubber.BEGIN_YOUR_CODE + title + "', found '" + lines.get(begin - 1).strip() + "'");
        }
        if (line - begin < 2) {
            problems.add(where + "the stub of '" + title + "' has no instructions above it");
        }
        for (int i = begin + 1; i < line; i++) {
            if (!lines.get(i - 1).strip().startsWith("//")) {
                problems.add(file + ":" + i + ": an instruction line of '" + title + "' is not a comment");
            }
        }
        if (!lines.get(line - 1).contains("NotImplementedYet")) {
            problems.add(file + ":" + line + ": no NotImplementedYet stub for '" + title + "'");
        }
        if (!lines.get(end - 1).strip().equals(Stubber.END_YOUR_CODE)) {
            problems.add(file + ":" + end + ": expected '" + Stubber.END_YOUR_CODE + "'");
        }
    }

    private static void readmeListsTheExercises(Path tree, Map<String, JsonObject> stubs, List<ExerciseTable.Exercise> table,
                                                List<String> problems) throws IOException {
        Path path = tree.resolve("README.md");
        if (!Files.isRegularFile(path)) {
            problems.add("README.md: missing");
            return;
        }
        String readme = Files.readString(path);
        for (String text : INSTRUCTOR_TEXT) {
            if (readme.contains(text)) {
                problems.add("README.md: holds instructor text '" + text + "'");
            }
        }
        int from = 0;
        int number = 0;
        for (ExerciseTable.Exercise exercise : table) {
            JsonObject stub = stubs.get(exercise.title());
            if (stub == null) {
                continue;
            }
            String method = stub.get("method").getAsString();
            StringBuilder row = new StringBuilder("| ").append(++number).append(" | `").append(method).append("`: ")
                    .append(stub.get("block").getAsString()).append(" | `").append(stub.get("file").getAsString()).append(':')
                    .append(stub.get("begin").getAsInt()).append("` | ");
            int at = readme.indexOf(row.toString(), from);
            if (at < 0) {
                problems.add("README.md: exercise " + number + " '" + exercise.title() + "' is not listed in notebook order as '"
                        + row + "...'");
                continue;
            }
            String listed = readme.substring(at, readme.indexOf('\n', at));
            for (String id : exercise.checks()) {
                String expected = "`" + id + "` (" + Rubric.get(id).points() + ")";
                if (!listed.contains(expected)) {
                    problems.add("README.md: exercise '" + exercise.title() + "' does not list " + expected);
                }
            }
            from = at;
        }
        if (number != stubs.size()) {
            problems.add("README.md: the exercise table has rows for " + number + " of the " + stubs.size() + " stubs");
        }
    }
}
