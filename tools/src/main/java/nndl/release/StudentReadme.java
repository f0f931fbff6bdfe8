package nndl.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The student edition's README, generated from the stubs: what to implement where, how to run and submit. */
final class StudentReadme {
    private StudentReadme() {
    }

    /**
     * Returns the README: the student workflow and the table of exercises, then the instructor
     * README's text (its instructor-only regions already removed) under "About the workbook".
     *
     * @param stubs    every stub of the release, in file order
     * @param original the README of the instructor edition, stripped
     */
    static String write(List<Stubber.Stub> stubs, String original) {
        StringBuilder text = new StringBuilder();
        text.append("# nndl-workbook: student edition\n\n");
        text.append("The library under `lib/` is complete except for the exercises below: each one is a stub that\n")
                .append("throws `NotImplementedYet`, naming the method, the block and its file and line. Replace each\n")
                .append("stub by your code (the statement `throw new NotImplementedYet(...)` or\n")
                .append("`NotImplementedYet.raise(...)` goes; the code around it stays).\n\n");
        text.append("## The workflow\n\n```\n")
                .append("./workbook run       # build, execute the notebooks, write build/report/graded-report.pdf, print the score\n")
                .append("./workbook lab       # work in Jupyter, notebook by notebook\n")
                .append("./workbook submit    # pack build/submission-<your id>.zip to hand in\n")
                .append("```\n\n");
        text.append("Offline, or to be done in minutes, use the course's subsets and the quick profile:\n")
                .append("`NNDL_DATA=../shared/datasets NNDL_PROFILE=quick ./workbook run`.\n\n");
        text.append("`./workbook run` finishes even while exercises are missing: a cell that reaches a stub ends with\n")
                .append("one line `not implemented yet: <method>, <block> — <file>:<line>`, later cells still run, and the\n")
                .append("report scores that cell's checks 0 with the status `not-implemented`. Implementing one exercise\n")
                .append("turns its checks green without touching anything else.\n\n");
        text.append("`./workbook submit` needs an executed run (`./workbook run` first). It packs the files you edit\n")
                .append("(below), the executed notebooks of `build/notebooks/`, `build/report/graded-report.pdf` and a\n")
                .append("manifest with SHA-256 checksums, named with your student id (from `NNDL_STUDENT`, else asked once\n")
                .append("and kept in `build/student-id`). Only the files below are graded: changes elsewhere are ignored.\n\n");
        Map<String, List<Stubber.Stub>> byFile = new LinkedHashMap<>();
        for (Stubber.Stub stub : stubs) {
            byFile.computeIfAbsent(stub.block().file(), f -> new java.util.ArrayList<>()).add(stub);
        }
        text.append("## What to implement (").append(stubs.size()).append(stubs.size() == 1 ? " exercise" : " exercises")
                .append(" in ").append(byFile.size()).append(byFile.size() == 1 ? " file" : " files").append(")\n\n");
        text.append("| file | line | method | exercise |\n|---|---|---|---|\n");
        for (Map.Entry<String, List<Stubber.Stub>> file : byFile.entrySet()) {
            for (Stubber.Stub stub : file.getValue()) {
                text.append("| `").append(file.getKey()).append("` | ").append(stub.line()).append(" | `")
                        .append(stub.block().method()).append("` | ").append(stub.block().name()).append(" |\n");
            }
        }
        String about = original.strip();
        if (!about.isEmpty()) {
            about = about.replaceFirst("\\A# [^\\n]*\\n", "").strip();
            text.append("\n## About the workbook\n\n").append(about.replaceAll("(?m)^#(#*) ", "##$1 ")).append('\n');
        }
        return text.toString();
    }
}
