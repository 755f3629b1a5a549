"""A pytest plugin that runs scenario files (``*.kui.yaml``, ``*.kui.json``) as tests.

Installed with kui-core (the ``pytest11`` entry point), so a municipality's own test suite runs
its decided cases beside its Python tests: every scenario file under the test paths is collected,
each decided case is one test named by its title. A failure says the file and line, the title and
what was expected against what kui-core decided. A file that is not a valid scenario file is a
collection error naming the file and the key, without a traceback. Cases that set no policy run
under the ini option ``kui_policy`` (a Policy JSON file, such as a municipality's own) where it
is set. See :mod:`kui_core.scenarios` for the format.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .errors import DataError
from .policy import Policy
from .scenarios import CaseOutcome, Scenario, check_case, load_scenarios
from .serialization import loads

__all__ = ["ScenarioFailed", "pytest_addoption", "pytest_collect_file"]

SUFFIXES = (".kui.yaml", ".kui.yml", ".kui.json")
"""The endings of the scenario files the plugin collects."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ini option ``kui_policy``: a Policy JSON file for the cases that set no policy."""
    parser.addini(
        "kui_policy",
        "a Policy JSON file (relative to the rootdir) for the decided cases that set no policy",
        default="",
    )


def _policy(config: pytest.Config) -> Policy | None:
    """The ``kui_policy`` of the run, read once; ``None`` where none is set."""
    cached: Policy | None = getattr(config, "_kui_policy", None)
    name = str(config.getini("kui_policy"))
    if cached is None and name:
        path = Path(str(config.rootpath)) / name
        try:
            cached = loads(path.read_bytes(), Policy)
        except (OSError, DataError) as error:
            raise pytest.UsageError(f"kui_policy {name}: {error}") from None
        config._kui_policy = cached  # type: ignore[attr-defined]
    return cached


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """Collect ``file_path`` where its name ends in one of :data:`SUFFIXES`."""
    if file_path.name.endswith(SUFFIXES):
        collected: pytest.Collector = ScenarioFileCollector.from_parent(parent, path=file_path)
        return collected
    return None


class ScenarioFailed(AssertionError):
    """A decided case whose outcome differs from its expectation."""

    def __init__(self, outcome: CaseOutcome) -> None:
        super().__init__(outcome.explain())
        self.outcome = outcome


class ScenarioFileCollector(pytest.File):
    """One scenario file: one test per decided case."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            text = self.path.read_text(encoding="utf-8")
            loaded = load_scenarios(text, yaml=not self.path.name.endswith(".json"))
        except (DataError, UnicodeDecodeError) as error:
            raise self.CollectError(f"{self.path.name}: {error}") from None
        for index, scenario in enumerate(loaded.cases):
            line = loaded.lines[index] if loaded.lines else None
            yield ScenarioItem.from_parent(
                self, name=f"{index + 1}: {scenario.title}", scenario=scenario, line=line
            )


class ScenarioItem(pytest.Item):
    """One decided case of a scenario file."""

    def __init__(self, *, scenario: Scenario, line: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.line = line

    def runtest(self) -> None:
        outcome = check_case(self.scenario, _policy(self.config))
        if not outcome.passed:
            raise ScenarioFailed(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ScenarioFailed):
            where = f"{self.path.name}:{self.line}" if self.line else self.path.name
            outcome = excinfo.value.outcome
            got = ", ".join(outcome.codes) or "(none)"
            return (
                f"{where}: {self.scenario.title}\n"
                f"on {self.scenario.on.isoformat()}, codes found: {got}\n"
                f"{outcome.explain()}"
            )
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = None if self.line is None else self.line - 1
        return self.path, line, f"{self.path.name}: {self.scenario.title}"
