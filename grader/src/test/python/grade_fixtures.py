#!/usr/bin/env python3
"""Hand-ins for the grading stage of ./workbook test, and the assertions on their gradebook rows.

  grade_fixtures.py make ROOT STUB_ZIP EXECUTED OUT   writes the hand-ins into OUT
  grade_fixtures.py check GRADES                       asserts gradebook.csv and the feedback files

ROOT is the instructor edition, STUB_ZIP a hand-in of the untouched student edition (./workbook
submit after a run of the release), EXECUTED the instructor's executed notebooks (their grade
records are forged into the tampered hand-in). Each hand-in differs from the model answers or from
the stubs in one stated way; `check` knows what each must score.
"""
import csv
import json
import shutil
import sys
import zipfile
from pathlib import Path


def editable_files(root):
    src = root / "lib/src/main/java"
    return sorted(str(p.relative_to(root)) for p in src.rglob("*.java")
                  if any(l.strip().startswith("// BEGIN SOLUTION") for l in p.read_text().splitlines()))


def folder(out, name, files):
    target = out / name
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (target / "manifest.json").write_text(json.dumps({"student": name}))


def replaced(text, old, new, what):
    if old not in text:
        sys.exit(f"grade_fixtures: cannot make the '{what}' hand-in: {old!r} is not in the model answer")
    return text.replace(old, new, 1)


def make(root, stub_zip, executed, out):
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    model = {rel: (root / rel).read_text() for rel in editable_files(root)}
    with zipfile.ZipFile(stub_zip) as z:
        stubs = {n.split("/", 1)[1] if n.split("/", 1)[0] not in ("lib", "notebooks") else n: z.read(n).decode()
                 for n in z.namelist() if n.endswith(".java")}
    stubs = {rel: text for rel in model for key, text in stubs.items() if key.endswith(rel)}
    if len(stubs) != len(model):
        sys.exit(f"grade_fixtures: the stub hand-in {stub_zip} holds {len(stubs)} of the {len(model)} student-editable files")

    folder(out, "model", model)
    shutil.copy(stub_zip, out / "untouched.zip")

    net = "lib/src/main/java/nndl/neuralnet/TwoLayerNet.java"
    affine = "lib/src/main/java/nndl/layers/Affine.java"
    relu = "lib/src/main/java/nndl/layers/Relu.java"
    # One exercise wrong: predict answers another class for the first row, so only predict's checks can lose.
    folder(out, "wrong-predict", {**model, net: replaced(model[net], "return Matrices.argmaxRows(loss(x));",
                                                          "int[] p = Matrices.argmaxRows(loss(x));\n"
                                                          "        p[0] = p[0] == 0 ? 1 : 0;\n"
                                                          "        return p;", "wrong-predict")})
    folder(out, "no-compile", {**model, relu: replaced(model[relu], "out.data[i] = Math.max(0.0, x.data[i]);",
                                                       "out.data[i] = Math.max(0.0, x.data[i])", "no-compile")})
    folder(out, "endless", {**model, net: replaced(model[net], "// BEGIN SOLUTION TwoLayerNet.loss: forward pass\n",
                                                   "// BEGIN SOLUTION TwoLayerNet.loss: forward pass\n"
                                                   "        while (n >= 0) { n = n | 1; }\n", "endless")})
    folder(out, "exit", {**model, affine: replaced(model[affine], "// BEGIN SOLUTION Affine.affineForward: affine forward\n",
                                                   "// BEGIN SOLUTION Affine.affineForward: affine forward\n"
                                                   "        System.exit(3);\n", "exit")})

    # Tampered: the stubs, but affineForward hard-codes the notebook's expected output and records a
    # fake passing grade from inside the library; the notebooks carry forged records claiming full marks.
    hard_coded = replaced(stubs[affine], stubs[affine][stubs[affine].index("NotImplementedYet.raise(\"Affine.affineForward\""):].split("\n", 1)[0],
                          "out = DMatrixRMaj.wrap(2, 3, new double[] {1.49834967, 1.70660132, 1.91485297, 3.25553199, 3.5141327, 3.77273342});\n"
                          "        try {\n"
                          "            Class.forName(\"nndl.grade.Grade\").getMethod(\"check\", String.class, double.class)"
                          ".invoke(null, \"fc_nets.affine_relu\", 0.0);\n"
                          "        } catch (ReflectiveOperationException e) {\n"
                          "            throw new IllegalStateException(e);\n"
                          "        }", "tampered")
    tampered = out / "tampered"
    folder(out, "tampered", {**stubs, affine: hard_coded})
    for nb_path in sorted(Path(executed).glob("*.ipynb")):
        nb = json.loads(nb_path.read_text())
        for cell in nb["cells"]:
            for o in cell.get("outputs", []):
                record = o.get("data", {}).get("application/vnd.nndl.grade+json")
                if record:
                    record.update(passed=True, earned=record["points"], status="graded", value=0.0)
        (tampered / "notebooks").mkdir(exist_ok=True)
        (tampered / "notebooks" / nb_path.name).write_text(json.dumps(nb))
    with zipfile.ZipFile(out / "tampered.zip", "w") as z:
        for p in sorted(tampered.rglob("*")):
            if p.is_file():
                z.write(p, p.relative_to(tampered))
    shutil.rmtree(tampered)
    print(f"grade_fixtures: 7 hand-ins in {out}")


def check(grades):
    rows = {r["submission"]: r for r in csv.DictReader(open(grades / "gradebook.csv"))}
    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    def earned(name, check_id):
        return float(rows[name][check_id])

    expected = {"model", "untouched", "wrong-predict", "tampered", "no-compile", "endless", "exit"}
    expect(set(rows) == expected, f"gradebook rows {sorted(rows)} != {sorted(expected)}")
    if failures:
        sys.exit("\n".join(failures))
    ids = [c for c in next(iter(rows.values())) if "." in c]
    model = rows["model"]
    expect(model["status"] == "graded", f"model: status {model['status']}")
    hidden = [c for c in ids if c.startswith("hidden.")]
    expect(all(earned("model", c) > 0 for c in hidden), "model: a hidden check earned 0: "
           + ", ".join(c for c in hidden if earned("model", c) == 0))
    full_only = {"two_layer_nn.sgd_val_acc", "two_layer_nn.tuning", "two_layer_nn.test_acc", "fc_nets.solver_val_acc"}
    zero = [c for c in ids if c not in full_only and earned("model", c) == 0]
    expect(not zero, f"model: checks that earned nothing: {zero}")
    total = float(model["total"])
    untouched = [c for c in ids if earned("untouched", c) > 0]
    expect(rows["untouched"]["status"] == "graded" and untouched in ([], ["fc_nets.softmax_loss"]),
           f"untouched: {rows['untouched']['status']}, points from {untouched} (expected graded, only the free fc_nets.softmax_loss)")
    wp = rows["wrong-predict"]
    expect(earned("wrong-predict", "hidden.neural_net_predict") == 0, "wrong-predict: hidden.neural_net_predict earned points")
    lost = [c for c in ids if earned("wrong-predict", c) != earned("model", c)]
    expect(lost == ["hidden.neural_net_predict"], f"wrong-predict: changed checks {lost} (expected only hidden.neural_net_predict)")
    feedback = (grades / "wrong-predict" / "feedback.txt").read_text()
    expect("hidden.neural_net_predict: 1" in feedback and "must be = 0" in feedback,
           "wrong-predict: the feedback does not say what the predict check measured")
    tp = rows["tampered"]
    expect(earned("tampered", "hidden.affine_forward") == 0, "tampered: the hard-coded affineForward passed its hidden check")
    expect(earned("tampered", "fc_nets.affine_relu") == 0, "tampered: the fake Grade.check from the library counted")
    allowed = {"fc_nets.affine_forward", "fc_nets.softmax_loss"}  # the hard-coded check, and the free one
    extra = [c for c in ids if earned("tampered", c) > 0 and c not in allowed]
    expect(not extra, f"tampered: points from {extra} (only the hard-coded affine_forward and the free softmax_loss may earn)")
    nc = rows["no-compile"]
    expect(nc["status"] == "compile-error" and float(nc["total"]) == 0, f"no-compile: {nc['status']}, {nc['total']}")
    expect("Relu.java:" in (grades / "no-compile" / "feedback.txt").read_text(), "no-compile: the feedback names no file:line")
    expect(rows["endless"]["status"] == "timed-out", f"endless: status {rows['endless']['status']}")
    expect(rows["exit"]["status"].startswith("crashed"), f"exit: status {rows['exit']['status']}")
    for name in expected:
        expect((grades / name / "feedback.txt").is_file(), f"{name}: no feedback.txt")
    for name in ("model", "untouched", "wrong-predict", "tampered"):
        expect((grades / name / "graded-report.pdf").is_file(), f"{name}: no graded-report.pdf")
    if failures:
        sys.exit("grade check failed:\n  " + "\n  ".join(failures))
    print(f"gradebook: 7 rows as expected (model {total:g} points, untouched {rows['untouched']['total']}, wrong-predict loses only "
          f"hidden.neural_net_predict, tampered {tp['total']}, no-compile compile-error, endless timed-out, exit crashed)")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "make":
        make(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        check(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
