package nndl.grader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nndl.judge.Case;
import nndl.judge.PublicCases;
import nndl.judge.PublicExpected;

/**
 * Records the reference's outputs of the public cases into {@code judge/src/main/resources}
 * ({@link PublicExpected#RESOURCE}), the data that lets {@code ./workbook check} judge them in the
 * student edition: {@code java -cp GRADER_CP nndl.grader.PublicExpectedMain ROOT}. Run it after a
 * public case or a model answer changes; {@code PublicExpectedTest} fails while the file is stale.
 */
public final class PublicExpectedMain {
    private PublicExpectedMain() {
    }

    /** Writes the file under the tree given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PublicExpectedMain ROOT");
            System.exit(2);
        }
        Path file = Path.of(args[0]).resolve("judge/src/main/resources" + PublicExpected.RESOURCE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out);
        }
        System.out.println("wrote " + file + " (" + PublicCases.all().size() + " public cases, " + Files.size(file) + " bytes)");
    }

    /** Writes the reference's outputs of every public case to {@code out}. */
    static void write(OutputStream out) throws IOException {
        List<Case> cases = PublicCases.all();
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (Case c : cases) {
            outputs.add(Judge.expected(c));
        }
        PublicExpected.write(out, cases, outputs);
    }
}
