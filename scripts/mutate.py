"""Mutation testing of kui-core's rule modules: does some test fail when the code is wrong?

    python scripts/mutate.py                       # every rule module (make mutate)
    python scripts/mutate.py --module dates        # one module (repeatable)
    python scripts/mutate.py --list --module plan  # the mutants only, nothing run

Each mutant is one small change to one module, made on its syntax tree:

- a comparison flipped at its boundary or negated (``<`` and ``<=``, ``>`` and ``>=``, ``==`` and
  ``!=``, ``is`` and ``is not``, ``in`` and ``not in``);
- an integer constant plus or minus one;
- ``and`` and ``or`` swapped; a ``not`` removed;
- ``return True`` and ``return False`` swapped;
- one statement inside a branch or loop body (``if``, ``else``, ``for``, ``while``, ``try``,
  ``with``) replaced by ``pass``.

Annotations, decorators (a cache size is not a rule), ``if TYPE_CHECKING:`` blocks and
``__all__`` are left alone.

The work tree is never touched: ``src/``, ``tests/`` and ``pyproject.toml`` are copied into a
temporary directory (one copy per job), and every mutant is written there. For each mutant only
the test files relevant to its module run (``pytest -x -q --no-cov -p no:cacheprovider``, with a
small derandomized Hypothesis profile), with a time limit derived from the unmutated run. A
mutant is *killed* when the tests fail (or time out), *survives* when they pass. The score of a
module is killed / all mutants; the survivors are listed with their line, and those argued
equivalent (no input can tell them from the original) in :data:`EQUIVALENT` are marked as such.
Never part of ``make test``: it takes minutes per module.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TESTS: dict[str, tuple[str, ...]] = {
    "eligibility": (
        "test_eligibility.py",
        "test_programmes.py",
        "test_mutation_gaps.py",
        "test_reference_day.py",
    ),
    "coordination": (
        "test_coordination.py",
        "test_handover.py",
        "test_mutation_gaps.py",
        "test_reference_day.py",
    ),
    "transitions": ("test_transitions.py", "test_mutation_gaps.py", "test_reference_day.py"),
    "plan": ("test_plan.py", "test_mutation_gaps.py", "test_reference_day.py"),
    "duty": ("test_duty.py", "test_mutation_gaps.py", "test_reference_day.py"),
    "dates": ("test_dates.py", "test_youth.py", "test_mutation_gaps.py", "test_reference_day.py"),
    "in_care": ("test_in_care.py", "test_mutation_gaps.py", "test_reference_day.py"),
}
"""The test files run against the mutants of each module (the module's doctests run too)."""

DEFAULT_MODULES = ("eligibility", "coordination", "transitions", "plan", "duty", "dates", "in_care")

EQUIVALENT: dict[tuple[str, str, str], str] = {
    (
        "coordination",
        "if first < stop:",
        "< -> <=",
    ): "an interval clipped to no day (first == stop) adds a start and an end on the same day,"
    " the start first (the sort is stable): the counts after that day are unchanged, and the"
    " extra segment boundary joins again (same coverage: one run, one piece).",
    (
        "in_care",
        "if care.empty or (care.end is not None and care.end <= turns):",
        "<= -> <",
    ): "a placement ending on the birthday itself is dropped a few lines later all the same:"
    " its deadline (the decision day, on or after the birthday, or 0 or more months after the"
    " later of the birthday and the decision) is not before its end, and `care.end <= deadline`"
    " gives None.",
    (
        "dates",
        "if birth_date.month == 2 and birth_date.day == 29:",
        "and -> or",
    ): "completed_years' slow path (through birthday()) is right for everyone; only people born"
    " on 29 February need it. With `or`, people born on another day of February or on the 29th"
    " of another month take it too, and birthday() gives them the same day: the same age.",
    (
        "duty",
        "first = noticed_on + ONE_DAY if noticed_on < _dt.date.max else noticed_on",
        "< -> <=",
    ): "_suspended runs only for lapses noticed at ages 15-17; birth dates end at"
    " SUPPORTED_LAST_DAY (2299), so no lapse is noticed on 31 December 9999.",
}
"""Survivors argued equivalent: (module, stripped source line, change) -> why no test can fail."""

PLUGIN = """\
from hypothesis import HealthCheck, settings

settings.register_profile(
    "mutate",
    deadline=None,
    derandomize=True,
    database=None,
    max_examples={max_examples},
    suppress_health_check=list(HealthCheck),
)


def pytest_collection_modifyitems(items):
    # Example tests and doctests first: they are fast and kill most mutants (-x stops there).
    items.sort(key=lambda item: hasattr(getattr(item, "obj", None), "hypothesis"))
"""

_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_BODIES = (ast.If, ast.For, ast.While, ast.Try, ast.With)


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int  # position of the node in ast.walk order
    kind: str  # "compare:<i>", "int:+1", "int:-1", "boolop", "not", "return", "remove:<field>:<i>"
    line: int
    source_line: str
    change: str

    def key(self) -> tuple[str, str, str]:
        return (self.module, self.source_line, self.change)


def _skipped(tree: ast.Module) -> set[int]:
    """ids of the nodes not to mutate: annotations, decorators (``@lru_cache(maxsize=256)``),
    ``if TYPE_CHECKING:`` blocks, ``__all__``."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name):
            if node.test.id == "TYPE_CHECKING":
                mark(node)
        elif isinstance(node, ast.AnnAssign | ast.arg):
            mark(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            mark(node.returns)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:  # a cache size is not a rule
                mark(decorator)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            mark(node)
    return skip


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def mutants(module: str, source: str) -> list[Mutant]:
    """Every mutant of ``source``, in a fixed order."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip = _skipped(tree)
    found: list[Mutant] = []

    def add(index: int, node: ast.AST, kind: str, change: str) -> None:
        line = getattr(node, "lineno", 0)
        text = lines[line - 1].strip() if line else ""
        if sum(m.line == line and m.change == change for m in found):  # one line, twice: where
            change += f" (column {getattr(node, 'col_offset', 0)})"
        found.append(Mutant(module, index, kind, line, text, change))

    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for position, op in enumerate(node.ops):
                new = _SWAPS[type(op)]
                change = f"{_SYMBOL[type(op)]} -> {_SYMBOL[new]}"
                if len(node.ops) > 1:
                    change += f" (comparison {position + 1} of the chain)"
                add(index, node, f"compare:{position}", change)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
        ):
            add(index, node, "int:+1", f"{node.value} -> {node.value + 1}")
            add(index, node, "int:-1", f"{node.value} -> {node.value - 1}")
        elif isinstance(node, ast.BoolOp):
            swapped = "or" if isinstance(node.op, ast.And) else "and"
            add(index, node, "boolop", f"{'and' if swapped == 'or' else 'or'} -> {swapped}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add(index, node, "not", "not removed")
        elif (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, bool)
        ):
            add(
                index, node, "return", f"return {node.value.value} -> return {not node.value.value}"
            )
        if isinstance(node, _BODIES):
            for field in ("body", "orelse", "finalbody"):
                for position, statement in enumerate(getattr(node, field, [])):
                    if isinstance(statement, ast.Pass) or _is_docstring(statement):
                        continue
                    text = ast.unparse(statement).splitlines()[0]
                    lines_text = lines[statement.lineno - 1].strip()
                    found.append(
                        Mutant(
                            module,
                            index,
                            f"remove:{field}:{position}",
                            statement.lineno,
                            lines_text,
                            f"removed `{text}`",
                        )
                    )
    return found


def mutated_source(source: str, mutant: Mutant) -> str:
    """The module with ``mutant`` applied (unparsed: comments and layout are lost)."""
    tree = ast.parse(source)
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.index)
    kind = mutant.kind
    if kind.startswith("compare:"):
        assert isinstance(node, ast.Compare)
        position = int(kind.split(":")[1])
        node.ops[position] = _SWAPS[type(node.ops[position])]()
    elif kind in ("int:+1", "int:-1"):
        assert isinstance(node, ast.Constant)
        assert isinstance(node.value, int)
        node.value = node.value + (1 if kind == "int:+1" else -1)
    elif kind == "boolop":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "not":
        assert isinstance(node, ast.UnaryOp)
        replacement = copy.copy(node.operand)
        _replace(tree, node, replacement)
    elif kind == "return":
        assert isinstance(node, ast.Return)
        assert isinstance(node.value, ast.Constant)
        node.value = ast.Constant(not node.value.value)
    else:
        _, field, where = kind.split(":")
        body = getattr(node, field)
        body[int(where)] = ast.copy_location(ast.Pass(), body[int(where)])
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for position, item in enumerate(value):
                    if item is old:
                        value[position] = new
                        return
    raise AssertionError("node not found")  # pragma: no cover


# -- running -------------------------------------------------------------------------------------


@dataclass
class Result:
    mutant: Mutant
    outcome: str  # "killed", "timeout", "survived", "error" (pytest could not run: not scored)
    seconds: float


class Tree:
    """A private copy of the project in which one mutant at a time is written and tested."""

    def __init__(self, base: Path, number: int, max_examples: int) -> None:
        self.path = base / f"tree{number}"
        self.last_output = ""
        self.server: subprocess.Popen[str] | None = None
        ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc")
        shutil.copytree(ROOT / "src", self.path / "src", ignore=ignore)
        shutil.copytree(ROOT / "tests", self.path / "tests", ignore=ignore)
        shutil.copy2(ROOT / "pyproject.toml", self.path / "pyproject.toml")
        (self.path / "kui_mutate_profile.py").write_text(
            PLUGIN.format(max_examples=max_examples), encoding="utf-8"
        )

    def module_file(self, module: str) -> Path:
        return self.path / "src" / "kui_core" / f"{module}.py"

    def write(self, module: str, source: str) -> None:
        self.module_file(module).write_text(source, encoding="utf-8")
        for cached in (self.path / "src" / "kui_core" / "__pycache__").glob(f"{module}.*.pyc"):
            cached.unlink()

    def run(
        self,
        tests: list[str],
        timeout: float | None,
        *,
        write_bytecode: bool,
        stop_first: bool = True,
    ) -> tuple[str, float]:
        """Run ``tests`` (pytest arguments: paths in the tree, ``--deselect``):
        ("passed" | "failed" | "timeout" | "error", seconds)."""
        arguments = [
            *(["-x"] if stop_first else []),
            "-q",
            "--no-cov",
            "-p",
            "no:cacheprovider",
            # Plugins are not loaded from entry points (the work tree's package may register one
            # that this copy lacks): only Hypothesis's, pytest-cov's (--no-cov) and the profile.
            "-p",
            "_hypothesis_pytestplugin",
            "-p",
            "pytest_cov.plugin",
            "-p",
            "kui_mutate_profile",
            # Hypothesis is imported before the fork: pytest cannot rewrite its asserts (fine).
            "-W",
            "ignore::pytest.PytestAssertRewriteWarning",
            "--rootdir",
            str(self.path),
            *tests,
        ]
        if self.server is None or self.server.poll() is not None:
            self.server = self._start_server()
        assert self.server.stdin is not None
        assert self.server.stdout is not None
        log = self.path / "last-run.log"
        request = {
            "args": arguments,
            "timeout": timeout,
            "bytecode": write_bytecode,
            "log": str(log),
        }
        start = time.monotonic()
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        answer = self.server.stdout.readline()
        seconds = time.monotonic() - start
        if not answer:
            raise SystemExit(f"the test server of {self.path} stopped")
        self.last_output = log.read_text(encoding="utf-8", errors="replace")
        # Any status but 0 fails: a collection error (the mutant breaks the import) is a kill.
        return json.loads(answer)["outcome"], seconds

    def _start_server(self) -> subprocess.Popen[str]:
        """A process that has imported pytest and Hypothesis (not kui_core) and forks one child
        per test run: the mutated module is imported fresh, the start-up is paid once."""
        env = dict(os.environ)
        env.update(
            PYTHONPATH=os.pathsep.join([str(self.path / "src"), str(self.path)]),
            HYPOTHESIS_PROFILE="mutate",
            HYPOTHESIS_NO_PLUGINS="1",  # the entry point would import kui_core into the server
            PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
        )
        env.pop("CI", None)
        return subprocess.Popen(
            [sys.executable, "-c", SERVER],
            cwd=self.path,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def close(self) -> None:
        """Stop the server (a test run in progress ends by its own alarm)."""
        if self.server is not None:
            self.server.kill()
            self.server.wait()


SERVER = """
import json, math, os, signal, sys
import attrs, cattrs, dateutil.easter, dateutil.relativedelta, hypothesis, pytest
from hypothesis import strategies
assert "kui_core" not in sys.modules, "kui_core imported before the fork"
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        sys.dont_write_bytecode = not request["bytecode"]
        if request["timeout"]:
            signal.alarm(math.ceil(request["timeout"]))  # SIGALRM ends the child
        code = pytest.main(request["args"])
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(code))
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        outcome = "timeout" if os.WTERMSIG(status) == signal.SIGALRM else "error"
    else:  # 1: tests failed; 2: collection failed (the mutant breaks an import); else our fault
        outcome = {0: "passed", 1: "failed", 2: "failed"}.get(os.WEXITSTATUS(status), "error")
    print(json.dumps({"outcome": outcome}), flush=True)
"""


def _baseline(module: str, trees: list[Tree]) -> tuple[list[str], float] | None:
    """The pytest arguments (test paths, deselections) for ``module`` and the time of one
    unmutated run.

    Tests that fail without any mutant (someone is editing them) are deselected with a
    warning, a test file that cannot be collected is left out; ``None`` where the module's own
    test file cannot be collected or the tests still fail.
    """
    tree = trees[0]
    tests = [f"src/kui_core/{module}.py"] + [
        f"tests/{name}" for name in TESTS[module] if (tree.path / "tests" / name).exists()
    ]
    if tree.run(tests, None, write_bytecode=True)[0] != "passed":
        tree.run(tests, None, write_bytecode=True, stop_first=False)
        for line in tree.last_output.splitlines():
            kind, _, rest = line.partition(" ")
            node = rest.split(" - ")[0].strip()
            if kind not in ("FAILED", "ERROR") or not node:
                continue
            print(f"{module}: {node} fails without any mutant: left out", flush=True)
            if "::" in node:
                tests += ["--deselect", node]
            elif node in tests:
                tests.remove(node)
        if f"tests/{TESTS[module][0]}" not in tests:
            return None
    times = []
    for tree in trees:
        outcome, seconds = tree.run(tests, None, write_bytecode=True)
        if outcome != "passed":  # still failing, or flaky: rather no score than a wrong one
            print(tree.last_output[-3000:], flush=True)
            return None
        times.append(seconds)
    return tests, max(times)


def run_module(module: str, trees: list[Tree], args: argparse.Namespace) -> list[Result] | None:
    # The copy, not the work tree: others may have edited the module since it was copied.
    source = trees[0].module_file(module).read_text(encoding="utf-8")
    all_mutants = mutants(module, source)
    for tree in trees:
        tree.write(module, ast.unparse(ast.parse(source)) + "\n")
    baseline = _baseline(module, trees)
    if baseline is None:
        print(f"{module}: not run: its tests fail without any mutant", flush=True)
        return None
    tests, seconds = baseline
    timeout = max(args.min_timeout, args.timeout_factor * seconds)
    print(
        f"{module}: {len(all_mutants)} mutants; unmutated run {seconds:.1f} s,"
        f" time limit {timeout:.0f} s",
        flush=True,
    )
    free: queue.Queue[Tree] = queue.Queue()
    for tree in trees:
        free.put(tree)

    def one(mutant: Mutant) -> Result:
        tree = free.get()
        try:
            tree.write(module, mutated_source(source, mutant))
            outcome, seconds = tree.run(tests, timeout, write_bytecode=False)
        finally:
            free.put(tree)
        if outcome == "error":  # pytest itself failed (usage or internal error): not a kill
            print(tree.last_output[-2000:], flush=True)
        verdict = {"passed": "survived", "failed": "killed", "timeout": "timeout"}.get(outcome)
        return Result(mutant, verdict or "error", seconds)

    results: list[Result] = []
    with concurrent.futures.ThreadPoolExecutor(len(trees)) as pool:
        for result in pool.map(one, all_mutants):
            results.append(result)
            if len(results) % 25 == 0:
                print(f"  {len(results)}/{len(all_mutants)} done", flush=True)
            if result.outcome == "survived":
                m = result.mutant
                print(f"  SURVIVED {module}.py:{m.line}: {m.change}  [{m.source_line}]", flush=True)
            elif args.verbose:
                m = result.mutant
                print(f"  {result.outcome} {module}.py:{m.line}: {m.change}", flush=True)
    # The same tests must still pass without a mutant: else every "kill" may be the tree's fault.
    for tree in trees:
        tree.write(module, ast.unparse(ast.parse(source)) + "\n")
        if tree.run(tests, None, write_bytecode=False)[0] != "passed":
            print(tree.last_output[-3000:], flush=True)
            print(f"{module}: the unmutated tests fail after the run: results discarded")
            return None
        tree.write(module, source)
    return results


def summarize(all_results: dict[str, list[Result] | None]) -> int:
    print()
    header = f"{'module':<14} {'mutants':>7} {'killed':>7} {'timeout':>7} {'survived':>8}"
    print(f"{header} {'score':>7} {'equiv.':>6} {'score without equiv.':>21}")
    for module, results in all_results.items():
        if results is None:
            print(f"{module:<14} not run: its tests fail without any mutant")
            continue
        total = len(results)
        killed = sum(r.outcome == "killed" for r in results)
        timeouts = sum(r.outcome == "timeout" for r in results)
        survived = [r for r in results if r.outcome == "survived"]
        errors = sum(r.outcome == "error" for r in results)
        if errors:
            print(f"{module:<14} {errors} mutants could not be tested (pytest errors): not scored")
            continue
        equivalent = sum(r.mutant.key() in EQUIVALENT for r in survived)
        score = 100 * (killed + timeouts) / total if total else 100.0
        real = total - equivalent
        adjusted = 100 * (killed + timeouts) / real if real else 100.0
        print(
            f"{module:<14} {total:>7} {killed:>7} {timeouts:>7} {len(survived):>8}"
            f" {score:>6.1f}% {equivalent:>6} {adjusted:>20.1f}%"
        )
    survivors = [
        r for results in all_results.values() for r in results or () if r.outcome == "survived"
    ]
    if survivors:
        print("\nSurviving mutants:")
        for r in survivors:
            m = r.mutant
            why = EQUIVALENT.get(m.key())
            note = f"\n      equivalent: {why}" if why else ""
            print(f"  {m.module}.py:{m.line}: {m.change}\n      {m.source_line}{note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--module", action="append", choices=sorted(TESTS), help="only these (repeatable)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument(
        "--max-examples", type=int, default=30, help="Hypothesis examples per property (30)"
    )
    parser.add_argument("--timeout-factor", type=float, default=3.0)
    parser.add_argument("--min-timeout", type=float, default=20.0, help="seconds")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--verbose", action="store_true", help="print every mutant's outcome")
    args = parser.parse_args(argv)
    modules = args.module or list(DEFAULT_MODULES)
    if args.list:
        for module in modules:
            source = (ROOT / "src" / "kui_core" / f"{module}.py").read_text(encoding="utf-8")
            for m in mutants(module, source):
                print(f"{module}.py:{m.line}: {m.change}  [{m.source_line}]")
        return 0
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # clean up (finally) when stopped
    with tempfile.TemporaryDirectory(prefix="kui-mutate-") as base:
        trees = [Tree(Path(base), number, args.max_examples) for number in range(args.jobs)]
        try:
            results = {module: run_module(module, trees, args) for module in modules}
        finally:
            for tree in trees:
                tree.close()
    summarize(results)
    print(f"\n{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
