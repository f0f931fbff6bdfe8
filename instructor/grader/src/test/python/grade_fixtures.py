#!/usr/bin/env python3
"""Hand-ins for the grading stage of ./workbook test, and the assertions on what the grader made of them.

  grade_fixtures.py make ROOT STUB_ZIP OUT [NAME...]  writes the hand-ins of instructor/grader/src/test/handins into OUT
  grade_fixtures.py check GRADES [NAME...]            asserts gradebook.csv and each feedback.txt
  grade_fixtures.py totals GRADES NAME RUN_SUMMARY    asserts the four places show one total

Each hand-in is a folder instructor/grader/src/test/handins/NAME/ holding handin.json:

  "about"       what the hand-in does, one sentence
  "base"        "model" (the instructor's student-editable files), "stub-zip" (the hand-in of the untouched
                student edition, STUB_ZIP) or "none" (only a manifest)
  "from_model"  files taken from the model answers over the base (optional)
  "edits"       [{"file", "old", "new"}]: text replaced once in the base's file (optional; "old" must occur)
  "files/"      a folder beside handin.json whose files are copied over the hand-in as they are (optional)
  "zip"         true to hand it in as NAME.zip instead of a folder (optional)
  "expect"      what the grader must make of it, every key optional:
      "status" exact status, "status_prefix" its start, "total" points or "max" (the model answers' total),
      "earned" {exercise: points} exactly, "lost_only" [exercises]: exactly these earn less than the model,
      "lost" [exercises] earn 0, "kept" [exercises] earn their full points,
      "feedback_contains" / "feedback_lacks" [texts]

A hand-in's manifest names the student NAME, so its gradebook row and output folder are NAME.
"""
import csv
import json
import shutil
import sys
import zipfile
from pathlib import Path

HANDINS = Path(__file__).resolve().parents[1] / "handins"


def editable_files(root):
    src = root / "lib/src/main/java"
    return sorted(str(p.relative_to(root)) for p in src.rglob("*.java")
                  if any(l.strip().startswith("// BEGIN SOLUTION") for l in p.read_text().splitlines()))


def specs(names):
    found = sorted(p.name for p in HANDINS.iterdir() if (p / "handin.json").is_file())
    unknown = [n for n in names if n not in found]
    if unknown:
        sys.exit(f"grade_fixtures: no hand-in {unknown} in {HANDINS} (known: {found})")
    return {n: json.loads((HANDINS / n / "handin.json").read_text()) for n in (names or found)}


def make(root, stub_zip, out, names):
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    model = {rel: (root / rel).read_text() for rel in editable_files(root)}
    with zipfile.ZipFile(stub_zip) as z:
        in_zip = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".java")}
    stubs = {rel: text for rel in model for key, text in in_zip.items() if key.endswith(rel)}
    if len(stubs) != len(model):
        sys.exit(f"grade_fixtures: the stub hand-in {stub_zip} holds {len(stubs)} of the {len(model)} student-editable files")
    for name, spec in specs(names).items():
        base = spec.get("base", "model")
        files = {"model": dict(model), "stub-zip": dict(stubs), "none": {}}[base]
        for rel in spec.get("from_model", []):
            files[rel] = model[rel]
        for edit in spec.get("edits", []):
            text = files.get(edit["file"])
            if text is None or edit["old"] not in text:
                sys.exit(f"grade_fixtures: hand-in {name}: {edit['old']!r} is not in {edit['file']} of its base ({base})")
            files[edit["file"]] = text.replace(edit["old"], edit["new"], 1)
        target = out / name
        for rel, text in files.items():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_text(text)
        extra = HANDINS / name / "files"
        if extra.is_dir():
            shutil.copytree(extra, target, dirs_exist_ok=True)
        target.mkdir(parents=True, exist_ok=True)
        (target / "manifest.json").write_text(json.dumps({"student": name}))
        if spec.get("zip"):
            with zipfile.ZipFile(out / f"{name}.zip", "w") as z:
                for p in sorted(target.rglob("*")):
                    if p.is_file():
                        z.write(p, p.relative_to(target))
            shutil.rmtree(target)
    print(f"grade_fixtures: {len(specs(names))} hand-ins in {out}")


def check(grades, names):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from hostile_fixtures import TWIN, hostiles  # graded in the same call, asserted by hostile_fixtures.py
    others = set(hostiles()) | {TWIN}
    rows = {r["student"]: r for r in csv.DictReader(open(grades / "gradebook.csv")) if r["student"] not in others}
    wanted = specs(names)
    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    expect(set(rows) == set(wanted), f"gradebook rows {sorted(rows)} != hand-ins {sorted(wanted)}")
    exercises = [c for c in next(iter(rows.values())) if "." in c] if rows else []
    graded = [e for e in exercises if rows and next(iter(rows.values()))[e] != "not graded on this data"]
    possible = {int(r["possible"]) for r in rows.values()}
    expect(len(possible) == 1, f"the possible totals differ between rows: {possible}")
    full = {}
    if "model" in rows:
        full = {e: float(rows["model"][e]) for e in graded}
    for name, spec in wanted.items():
        if name not in rows:
            continue
        row, exp = rows[name], spec.get("expect", {})
        points = {e: float(row[e]) for e in graded}
        total = float(row["total"])
        feedback = (grades / name / "feedback.txt").read_text() if (grades / name / "feedback.txt").is_file() else ""
        expect(feedback, f"{name}: no feedback.txt")
        expect(abs(total - sum(points.values())) < 1e-9, f"{name}: total {total} is not the sum of its exercises")
        if "status" in exp:
            expect(row["status"] == exp["status"], f"{name}: status {row['status']!r}, expected {exp['status']!r}")
        if "status_prefix" in exp:
            expect(row["status"].startswith(exp["status_prefix"]),
                   f"{name}: status {row['status']!r} does not start with {exp['status_prefix']!r}")
        if "total" in exp:
            want = int(row["possible"]) if exp["total"] == "max" else exp["total"]
            expect(total == want, f"{name}: total {total:g}, expected {want}")
        for e, p in exp.get("earned", {}).items():
            expect(points.get(e) == p, f"{name}: {e} earned {points.get(e)}, expected {p}")
        if "earned" in exp:
            extra = [e for e in graded if points[e] > 0 and e not in exp["earned"]]
            expect(not extra, f"{name}: points from {extra} beyond {sorted(exp['earned'])}")
        if "lost_only" in exp and full:
            lost = [e for e in graded if points[e] < full[e]]
            expect(lost == exp["lost_only"], f"{name}: lost {lost}, expected exactly {exp['lost_only']}")
        for e in exp.get("lost", []):
            expect(points.get(e) == 0, f"{name}: {e} earned {points.get(e)}, expected 0")
        for e in exp.get("kept", []):
            expect(not full or points.get(e) == full.get(e), f"{name}: {e} earned {points.get(e)}, expected {full.get(e)}")
        for text in exp.get("feedback_contains", []):
            expect(text in feedback, f"{name}: the feedback does not say {text!r}")
        for text in exp.get("feedback_lacks", []):
            expect(text not in feedback, f"{name}: the feedback says {text!r}")
        first = feedback.splitlines()[0] if feedback else ""
        expect(f"{row['total']} / {row['possible']} points" in first,
               f"{name}: feedback's first line {first!r} does not show the gradebook's total {row['total']} / {row['possible']}")
    if failures:
        sys.exit("grade check failed:\n  " + "\n  ".join(failures))
    print(f"gradebook: {len(rows)} rows as expected ("
          + ", ".join(f"{n} {rows[n]['total']} {rows[n]['status']}" for n in sorted(rows)) + ")")


def totals(grades, name, run_summary):
    """The four places (gradebook, feedback.txt, the PDF's cover, the student's own run) show one total."""
    import subprocess
    row = {r["student"]: r for r in csv.DictReader(open(grades / "gradebook.csv"))}[name]
    feedback = (grades / name / "feedback.txt").read_text().splitlines()[0]
    cover = subprocess.run(["pdftotext", "-l", "1", "-layout", str(grades / name / "graded-report.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    run = Path(run_summary).read_text()
    gradebook_total = f"{row['total']} / {row['possible']} points"
    line = next((l for l in feedback.split(", ", 1)[1:]), "")
    cover_line = " ".join(cover.split())  # the cover's text, its wrapped lines joined
    run_line = next((l for l in reversed(run.splitlines()) if l.startswith("Total: ")), "")  # the last run's
    shown = {"the gradebook": line.startswith(gradebook_total) and gradebook_total in line,
             "the PDF's cover": bool(line) and ("Score: " + line) in cover_line,
             "the student's run": bool(line) and run_line.startswith("Total: " + line)}
    failures = [f"{where} does not show feedback.txt's total {line!r} (gradebook {gradebook_total!r}, run {run_line!r})"
                for where, ok in shown.items() if not ok]
    if failures:
        sys.exit("one total check failed:\n  " + "\n  ".join(failures))
    print(f"one total: {line} in the gradebook, feedback.txt, the PDF's cover and the student's run")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 4 and args[0] == "make":
        make(Path(args[1]), Path(args[2]), Path(args[3]), args[4:])
    elif len(args) >= 2 and args[0] == "check":
        check(Path(args[1]), args[2:])
    elif len(args) == 4 and args[0] == "totals":
        totals(Path(args[1]), args[2], args[3])
    else:
        sys.exit(__doc__)
