package nndl.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

/** The student id on the report's cover and in the hand-in. */
public final class Student {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Student() {
    }

    /**
     * Returns $NNDL_STUDENT, else the id remembered in build/student-id, else "" (never asks; the cover
     * then says it is not set).
     */
    public static String known(Tree tree) {
        String id = Proc.env("NNDL_STUDENT");
        if (id == null) {
            try {
                if (Files.size(tree.studentIdFile()) > 0) {
                    id = Files.readAllLines(tree.studentIdFile()).stream().findFirst().orElse("");
                }
            } catch (IOException e) {
                id = "";
            }
        }
        return id == null ? "" : id;
    }

    /**
     * Returns the student id: the known one, else asked once on the terminal; remembered in
     * build/student-id.
     *
     * @throws Die without an id and without a terminal, or for an id that is not letters, digits, . - _
     */
    public static String id(Tree tree) {
        String id = known(tree);
        if (id.isEmpty()) {
            if (!terminal(tree, 0)) {
                throw new Die("no student id: set NNDL_STUDENT (e.g. NNDL_STUDENT=123456789 ./workbook submit)");
            }
            System.err.print("workbook: your student id (letters, digits, . - _): ");
            System.err.flush();
            try {
                String line = new BufferedReader(new InputStreamReader(System.in)).readLine();
                id = line == null ? "" : line;
            } catch (IOException e) {
                id = "";
            }
        }
        if (!valid(id)) {
            throw new Die("student id '" + id + "' must be letters, digits, '.', '-' or '_'");
        }
        try {
            Files.createDirectories(tree.build());
            Files.writeString(tree.studentIdFile(), id + "\n");
        } catch (IOException e) {
            throw new Die("cannot write " + tree.studentIdFile() + ": " + e.getMessage());
        }
        return id;
    }

    /** Returns whether {@code id} is a valid student id. */
    static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    /** Returns whether file descriptors {@code fds} of this process are all terminals. */
    public static boolean terminal(Tree tree, int... fds) {
        StringBuilder test = new StringBuilder("true");
        for (int fd : fds) {
            test.append(" && [ -t ").append(fd).append(" ]");
        }
        return Proc.run(Proc.builder(tree, List.of("/bin/sh", "-c", test.toString())).inheritIO()) == 0;
    }
}
