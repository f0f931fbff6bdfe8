"""Knock-on failures: a cell that fails only because an earlier cell of the same notebook failed.

When a cell stops (a stub of the student edition, a bug), the variables it was to set stay null (a
JShell declaration whose initialiser threw) or are never declared (the statements after the one that
threw). The cells that use them then fail with a NullPointerException naming the variable
(`because "REPL.$JShell$73.stats" is null`) or a compile error (`cannot find symbol ... variable
bestNet`), which tells the student nothing. This module finds, for such a failure, the variable and
the earlier failed cell that last assigned it, follows that cell's own cause back to the first
failure, and words it: "needs `bestNet` from cell 17, which stopped: not implemented yet:
TwoLayerNet.train, SGD step — lib/...:232" (spec section 11, "Errors that say what happened").

Cells are numbered among the notebook's code cells from 1, as the runner's progress lines are.
"""
import re

# A NullPointerException's helpful message names the null variable: a JShell top-level variable as
# REPL.$JShell$<n>.<name>, a local one or a parameter by its name.
NULL_VARIABLE = re.compile(r'because "(?:REPL\.\$JShell\$\w+\.)?([A-Za-z_]\w*)" is null')
# The kernel's compile error lists the missing symbol: "  symbol:   variable bestNet".
MISSING_SYMBOL = re.compile(r"^\s*symbol:\s+(?:variable|class|method)\s+([A-Za-z_]\w*)")
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Words that can stand before "name;" without declaring name.
NOT_A_TYPE = {"return", "throw", "yield", "case", "else", "new", "assert"}


def code_without_literals(source):
    """The source with comments and string/char literals blanked, so that names inside them do not count."""
    return re.sub(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', " ", source, flags=re.S)


def assigned_names(source):
    """The names a cell declares or assigns at any depth: `T x = ...`, `x = ...`, `T x;`, `var x = ...`."""
    code = code_without_literals(source)
    names = {m.group(1) for m in re.finditer(r"(?<![\w.$])([A-Za-z_]\w*)\s*=(?!=)", code)}
    for m in re.finditer(r"([\w>\]]+)\s+([A-Za-z_]\w*)\s*;", code):
        if m.group(1) not in NOT_A_TYPE:
            names.add(m.group(2))
    return names


def used_names(source):
    """The identifiers a cell mentions (not after a dot: a field or method of something else), in order."""
    code = code_without_literals(source)
    seen = []
    for m in re.finditer(r"(?<![\w.$])[A-Za-z_]\w*", code):
        if m.group(0) not in seen:
            seen.append(m.group(0))
    return seen


def error_output(cell):
    """The cell's error output, or None."""
    return next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)


def missing_name(error):
    """The variable a NullPointerException or compile error names as null or missing, or None; and
    whether the error is of a kind an earlier failure explains (NPE, cannot find symbol)."""
    ename = (error.get("ename") or "").split(".")[-1]
    text = "\n".join(ANSI.sub("", line) for line in error.get("traceback", [])) + "\n" + (error.get("evalue") or "")
    if ename == "NullPointerException":
        match = NULL_VARIABLE.search(text)
        return (match.group(1) if match else None), True
    if "cannot find symbol" in text:
        for line in text.splitlines():
            match = MISSING_SYMBOL.match(line)
            if match:
                return match.group(1), True
        return None, True
    return None, False


class Tracker:
    """Follows one notebook's execution: which code cell last assigned each name and which cells
    failed. For each executed code cell, in order: `cause` (when it failed), then `executed`."""

    def __init__(self):
        self.last_writer = {}   # name -> position of the last executed cell that assigns it
        self.failures = {}      # position -> the runner's failure dict of a failed cell

    def executed(self, position, source, failure):
        """Records code cell `position` (from 1) and its failure dict (None when it ran; else with
        "message", "not_implemented" and, for a knock-on, "knock_on" as `cause` returned it)."""
        if failure is not None:
            self.failures[position] = failure
        for name in assigned_names(source):
            self.last_writer[name] = position

    def cause(self, position, source, error):
        """The knock-on cause of cell `position`'s error output, or None when an earlier failure does
        not explain it: {"name", "cell", "root_cell", "root", "root_not_implemented", "message"}."""
        name, explainable = missing_name(error)
        if not explainable:
            return None
        candidates = [name] if name else []
        # The NPE may name a parameter inside the library ("x"): then the names the cell uses tell.
        candidates += [n for n in used_names(source) if n != name]
        for candidate in candidates:
            writer = self.last_writer.get(candidate)
            if writer is not None and writer < position and writer in self.failures:
                return self._describe(candidate, writer)
            if candidate == name and writer is not None:
                return None  # the variable named came from a cell that ran: this cell's own bug
        return None

    def _describe(self, name, writer):
        """Words the chain from the failed cell `writer` back to the first failure."""
        chain = [f"needs `{name}` from cell {writer}"]
        root_cell, failure = writer, self.failures[writer]
        while failure.get("knock_on"):  # each step names an earlier cell: no cycle
            step = failure["knock_on"]
            chain.append(f"which needs `{step['name']}` from cell {step['cell']}")
            root_cell, failure = step["cell"], self.failures[step["cell"]]
        message = ", ".join(chain) + ", which stopped: " + failure["message"]
        return {"name": name, "cell": writer, "root_cell": root_cell, "root": failure["message"],
                "root_not_implemented": bool(failure["not_implemented"]), "message": message}


def rewrite_error(error, cause):
    """Makes a knock-on cell's error output say its cause first: ename KnockOn, evalue the cause, the
    traceback the cause and then, for the record, the first line of the error the kernel reported."""
    own = ANSI.sub("", (error.get("traceback") or [f"{error.get('ename')}: {error.get('evalue')}"])[0]).strip()
    symbol = next((ANSI.sub("", line).strip() for line in error.get("traceback", [])
                   if MISSING_SYMBOL.match(ANSI.sub("", line))), None)
    if symbol:
        own += " (" + " ".join(symbol.split()) + ")"
    error["ename"] = "KnockOn"
    error["evalue"] = cause["message"]
    error["traceback"] = [cause["message"], f"(this cell then reported: {own})"]
