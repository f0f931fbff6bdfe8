#!/usr/bin/env python3
"""The hostile hand-ins of instructor/grader/src/test/resources/hostile graded through ./workbook grade (spec §10.7).

  hostile_fixtures.py make OUT                            writes each hostile hand-in and its honest twin into OUT
  hostile_fixtures.py snapshot ROOT GRADES STATE          records what must not change (before grading)
  hostile_fixtures.py check ROOT GRADES STATE [--twin GRADES2 --full] [NAME...]
                                                          asserts every hostile row (the twin's row from GRADES2's
                                                          gradebook if given), and nothing changed or left running;
                                                          --full: graded with the notebooks, where the attack also
                                                          runs in the kernel and may end its own notebooks' run, so
                                                          that run's statuses are accepted too
  hostile_fixtures.py same GRADES_A GRADES_B NAME         asserts a hand-in's row is the same in two gradebooks
  hostile_fixtures.py after ROOT GRADES STATE             asserts again, later, that nothing changed (the detached
                                                          process of detached-process would act 30 s after it started)

Each hostile hand-in (its README) is a manifest and attack.java, the body of Relu.reluForward's solution block; `make`
writes its Relu.java as this tree's model Relu.java with that block's body replaced by the attack (so Relu.reluBackward
earns its point honestly), and every other file keeps its stub. Its honest twin, `honest-twin`, is the same Relu.java
with a plain throw instead: a hostile hand-in earns no point it did not earn when no exercise earns more than in the
twin (and Relu.reluForward earns 0).

What `check` asserts of each hostile row: the status names its cause (`status` of its expect file, alternatives
separated by " | ", a status matching when it equals one or starts with it followed by " " or ":"), the points
above, no line of the instructor's solution blocks (that the hand-in did not itself hand in) in its feedback.txt,
answers.md, gradebook row or PDF, and its logs capped. Then, for the whole call: every file git tracks in ROOT and
every hand-in given to the grader byte-identical, no file named HACKED-by-hostile that was not there before (in
ROOT, in every folder above the scratch folders and their notebooks/ and instructor/, the home folder, ~/.m2, /tmp,
/usr, /etc), and no process whose command line, working folder or environment names GRADES.
"""
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HOSTILE = Path(__file__).resolve().parents[1] / "resources" / "hostile"
ROOT = Path(__file__).resolve().parents[5]
RELU = "lib/src/main/java/nndl/layers/Relu.java"
TWIN = "honest-twin"
MARKER = "HACKED-by-hostile"
ATTACK = re.compile(r"(// BEGIN SOLUTION Relu\.reluForward: relu forward\n)(.*?)(\s*// END SOLUTION)", re.S)
TWIN_BLOCK = ('if (x != null) {\n'
              '    throw new UnsupportedOperationException("honest twin: reluForward not done");\n'
              '}')


def expectations(folder):
    out = {}
    for line in (folder / "expect").read_text().splitlines():
        if ": " in line:
            key, value = line.split(": ", 1)
            out[key.strip()] = value.strip()
    return out


def hostiles():
    """{student id: (folder, expect)} of every hostile hand-in."""
    out = {}
    for folder in sorted(p for p in HOSTILE.iterdir() if (p / "expect").is_file()):
        student = json.loads((folder / "manifest.json").read_text())["student"]
        out[student] = (folder, expectations(folder))
    return out


def with_block(body):
    """This tree's model Relu.java with Relu.reluForward's solution block holding `body` (indented as the block)."""
    text = (ROOT / RELU).read_text()
    if not ATTACK.search(text):
        sys.exit(f"hostile_fixtures: {ROOT / RELU} has no reluForward solution block")
    indented = "\n".join(("        " + line) if line.strip() else "" for line in body.rstrip("\n").split("\n"))
    return ATTACK.sub(lambda m: m.group(1) + indented + m.group(3), text, count=1)


def hand_in_relu(folder):
    """The Relu.java of hostile hand-in `folder`: the model file with its attack.java as reluForward's block."""
    return with_block((folder / "attack.java").read_text())


def make(out):
    out.mkdir(parents=True, exist_ok=True)
    for student, (folder, _) in hostiles().items():
        target = out / student
        shutil.rmtree(target, ignore_errors=True)
        (target / RELU).parent.mkdir(parents=True)
        shutil.copy(folder / "manifest.json", target / "manifest.json")
        (target / RELU).write_text(hand_in_relu(folder))
    target = out / TWIN
    shutil.rmtree(target, ignore_errors=True)
    (target / RELU).parent.mkdir(parents=True)
    (target / RELU).write_text(with_block(TWIN_BLOCK))
    (target / "manifest.json").write_text(json.dumps({"student": TWIN}))
    print(f"hostile_fixtures: {len(hostiles())} hostile hand-ins and their honest twin in {out}")


def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def tracked(root):
    names = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True).stdout.split(b"\0")
    out = {}
    for name in filter(None, names):
        p = root / name.decode()
        if p.is_file() and not p.is_symlink():
            out[name.decode()] = sha(p)
    return out


def files_below(folder):
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def markers(root, grades):
    """Every file named MARKER where a hostile hand-in would leave one outside its scratch folder."""
    places = set()
    for p in [Path(os.path.abspath(grades / "work")), *Path(os.path.abspath(grades / "work")).parents]:
        places.update([p, p / "notebooks", p / "instructor"])
    home = Path.home()
    places.update([home, home / ".m2", Path("/root"), Path("/root/.m2"), Path("/tmp"), Path("/usr"), Path("/etc")])
    found = {str(p / MARKER) for p in places if (p / MARKER).exists()}
    for dirpath, dirnames, filenames in os.walk(root):
        if MARKER in filenames or MARKER in dirnames:
            found.add(os.path.join(dirpath, MARKER))
    return sorted(found)


def snapshot(root, grades, state, inputs):
    data = {"tracked": tracked(root), "markers": markers(root, grades),
            "inputs": {str(i): files_below(i) for i in inputs}}
    Path(state).write_text(json.dumps(data))
    print(f"hostile_fixtures: {len(data['tracked'])} tracked files and {sum(len(v) for v in data['inputs'].values())} "
          f"hand-in files recorded; markers before: {data['markers'] or 'none'}")


def running(grades):
    """Processes (not this one) whose command line, working folder or environment names GRADES."""
    needle = os.path.abspath(grades).encode()
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            cwd = os.readlink(f"/proc/{pid}/cwd").encode()
        except OSError:
            continue
        if needle in cmdline or needle in environ or needle in cwd:
            command = cmdline.replace(b"\0", b" ").decode(errors="replace")[:200]
            out.append(f"pid {pid}: {command}")
    return out


def unchanged(root, grades, state, failures):
    before = json.loads(Path(state).read_text())
    now = tracked(root)
    changed = sorted(k for k in set(before["tracked"]) | set(now) if before["tracked"].get(k) != now.get(k))
    if changed:
        failures.append(f"files git tracks in {root} changed: {changed[:20]}")
    for folder, files in before["inputs"].items():
        if files_below(Path(folder)) != files:
            failures.append(f"the hand-ins in {folder} changed")
    new = sorted(set(markers(root, grades)) - set(before["markers"]))
    if new:
        failures.append(f"files named {MARKER} outside the scratch folders: {new}")
    left = running(grades)
    if left:
        failures.append(f"processes of the grading call still running: {left}")


def solution_lines(root):
    """Lines (over 25 characters) of the instructor's solution blocks that occur nowhere else in lib/ (the student
    edition shows the rest, e.g. a declaration repeated before another class's block). The comment lines that
    open a block are its instructions, which the student edition keeps (docs/editions.md, "Stubs"): not secret."""
    inside_lines, outside_lines = set(), set()
    for p in (root / "lib/src/main/java").rglob("*.java"):
        inside = opening = False
        for line in p.read_text().splitlines():
            s = line.strip()
            if s.startswith("// BEGIN SOLUTION"):
                inside = opening = True
            elif s.startswith("// END SOLUTION"):
                inside = False
            elif inside and opening and s.startswith("//"):
                outside_lines.add(s)
            else:
                opening = False
                (inside_lines if inside else outside_lines).add(s)
    return {l for l in inside_lines - outside_lines if len(l) > 25}


def status_matches(status, alternatives):
    for alt in alternatives.split(" | "):
        alt = alt.strip()
        if ": " in alt:
            head, detail = alt.split(": ", 1)
            if status.startswith(head + ":") and detail in status:
                return True
        elif status == alt or status.startswith(alt + " ") or status.startswith(alt + ":"):
            return True
    return False


NOTEBOOK_STATUSES = "crashed: the notebook runner | kernel died | timed-out at"


def check(root, grades, state, names, twin_grades=None, full=False):
    rows = {r["student"]: r for r in csv.DictReader(open(grades / "gradebook.csv"))}
    if twin_grades is not None:
        rows[TWIN] = {r["student"]: r for r in csv.DictReader(open(twin_grades / "gradebook.csv"))}[TWIN]
    known = hostiles()
    wanted = names or sorted(known)
    failures = []
    if TWIN not in rows:
        sys.exit(f"hostile check: no row of {TWIN} in {grades / 'gradebook.csv'} (grade it in the same call)")
    twin = rows[TWIN]
    exercises = [c for c in twin if "." in c and twin[c] != "not graded on this data"]
    secret = solution_lines(root)
    for name in wanted:
        folder, exp = known[name]
        row = rows.get(name)
        if row is None:
            failures.append(f"{name}: no gradebook row")
            continue
        if not status_matches(row["status"], exp["status"] + (" | " + NOTEBOOK_STATUSES if full else "")):
            failures.append(f"{name}: status {row['status']!r} does not name its cause ({exp['status']!r})")
        if float(row["Relu.reluForward"]) != 0:
            failures.append(f"{name}: the attacked Relu.reluForward earned {row['Relu.reluForward']}")
        more = [f"{e} {row[e]} > {twin[e]}" for e in exercises if float(row[e]) > float(twin[e])]
        if more or float(row["total"]) > float(twin["total"]):
            failures.append(f"{name}: earned more than its honest twin: {more or row['total'] + ' > ' + twin['total']}")
        own = set(l.strip() for l in hand_in_relu(folder).splitlines())
        shown = {"gradebook row": " ".join(row.values())}
        for f in ("feedback.txt", "answers.md"):
            if (grades / name / f).is_file():
                shown[f] = (grades / name / f).read_text(errors="replace")
        pdf = grades / name / "graded-report.pdf"
        if pdf.is_file():
            shown["PDF"] = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        for where, text in shown.items():
            leaked = [l for l in secret - own if l in text]
            if leaked:
                failures.append(f"{name}: its {where} shows the instructor's solution lines {leaked[:3]}")
        for log in (grades / name).glob("*.log"):
            if log.stat().st_size > 300 * 1024:
                failures.append(f"{name}: {log.name} is {log.stat().st_size} bytes, not capped")
        worker = grades / name / "worker.log"
        if name == "hostile-forged-result" and worker.is_file() and "GraderMain" in worker.read_text(errors="replace"):
            failures.append(f"{name}: the grader's process was visible from inside the sandbox (worker.log)")
    unchanged(root, grades, state, failures)
    if failures:
        sys.exit("hostile check failed:\n  " + "\n  ".join(failures))
    print(f"hostile hand-ins: {len(wanted)} held (" + ", ".join(f"{n} {rows[n]['total']} {rows[n]['status']!r}" for n in wanted)
          + f"; honest twin {twin['total']}); nothing changed outside the scratch folders, nothing left running")


def after(root, grades, state):
    failures = []
    unchanged(root, grades, state, failures)
    before = json.loads(Path(state).read_text()).get("gradebooks", {}).get(str(grades / "gradebook.csv"))
    if before is None:
        failures.append(f"no hash of {grades / 'gradebook.csv'} recorded by an earlier check")
    elif sha(grades / "gradebook.csv") != before:
        failures.append(f"{grades / 'gradebook.csv'} changed after grading ended")
    if failures:
        sys.exit("hostile check (later) failed:\n  " + "\n  ".join(failures))
    print("hostile hand-ins, later: gradebook, tracked files and hand-ins unchanged, no marker, nothing running")


def record_gradebook(grades, state):
    data = json.loads(Path(state).read_text())
    data.setdefault("gradebooks", {})[str(grades / "gradebook.csv")] = sha(grades / "gradebook.csv")
    Path(state).write_text(json.dumps(data))


def same(a, b, name):
    ra = {r["student"]: r for r in csv.DictReader(open(a / "gradebook.csv"))}.get(name)
    rb = {r["student"]: r for r in csv.DictReader(open(b / "gradebook.csv"))}.get(name)
    if ra is None or rb is None:
        sys.exit(f"same: no row {name} in {a if ra is None else b}")
    keys = [k for k in ra if "." in k or k in ("total", "possible")]
    diff = [f"{k}: {ra[k]} vs {rb[k]}" for k in keys if ra[k] != rb.get(k)]
    if diff:
        sys.exit(f"same: {name} graded differently beside the hostile hand-ins than alone: {diff}")
    print(f"{name}: the same {ra['total']} / {ra['possible']} points, exercise by exercise, beside the hostile hand-ins as alone")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "make":
        make(Path(args[1]))
    elif len(args) >= 4 and args[0] == "snapshot":
        snapshot(Path(args[1]), Path(args[2]), args[3], [Path(a) for a in args[4:]])
    elif len(args) >= 4 and args[0] == "check":
        rest = args[4:]
        twin_grades = None
        if rest[:1] == ["--twin"] and len(rest) >= 2:
            twin_grades, rest = Path(rest[1]), rest[2:]
        full = rest[:1] == ["--full"]
        check(Path(args[1]), Path(args[2]), args[3], rest[1:] if full else rest, twin_grades, full)
        record_gradebook(Path(args[2]), args[3])
    elif len(args) == 4 and args[0] == "after":
        after(Path(args[1]), Path(args[2]), args[3])
    elif len(args) == 4 and args[0] == "same":
        same(Path(args[1]), Path(args[2]), args[3])
    else:
        sys.exit(__doc__)
