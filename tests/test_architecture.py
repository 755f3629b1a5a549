"""The import layers of ``docs/architecture.md``: every import in ``src/`` points down."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "kui_core"


def layer_table() -> tuple[dict[str, int], set[int]]:
    """Module -> layer, and the layers whose modules may import each other, from the docs."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layers: dict[str, int] = {}
    mutual: set[int] = set()
    for line in text.splitlines():
        match = re.fullmatch(r"\| (\d+) \| (.+) \| (.+) \|", line)
        if match is None:
            continue
        layer = int(match[1])
        for name in re.findall(r"`([^`]+)`", match[2]):
            layers[name] = layer
        if "each other" in match[3]:
            mutual.add(layer)
    return layers, mutual


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "kui_core"


def imports_of(path: Path) -> set[str]:
    """The kui_core modules ``path`` imports (relative imports, also inside functions)."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" and name != "kui_core" else []
    if path.name != "__init__.py":
        package = name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package[: len(package) - (node.level - 1)]
            if node.module is None:
                found.update(".".join([*base, alias.name]) for alias in node.names)
            else:
                found.add(".".join([*base, node.module]))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (module or "").startswith("kui_core"), f"{name}: use a relative import"
    return {target or "kui_core" for target in found}


SOURCES = sorted(SRC.rglob("*.py"))


def test_every_module_is_in_the_table() -> None:
    layers, _ = layer_table()
    assert {module_name(path) for path in SOURCES} == set(layers)


@pytest.mark.parametrize("path", SOURCES, ids=module_name)
def test_imports_point_down(path: Path) -> None:
    layers, mutual = layer_table()
    name = module_name(path)
    own = layers[name]
    for target in imports_of(path):
        theirs = layers[target]
        assert theirs < own or (theirs == own and own in mutual), (
            f"{name} (layer {own}) imports {target} (layer {theirs})"
        )


@pytest.mark.parametrize("name", ["dates", "periods", "cpr", "legal", "errors"])
def test_the_calendar_and_the_values_know_no_rule_and_no_policy(name: str) -> None:
    rules = {
        "policy",
        "findings",
        "catalogue",
        "eligibility",
        "plan",
        "case",
        "coordination",
        "duty",
        "transitions",
        "review",
        "metrics",
        "targets",
    }
    path = SRC / f"{name}.py"
    assert not imports_of(path) & rules


def test_the_table_is_read() -> None:
    layers, mutual = layer_table()
    assert layers["errors"] == 0
    assert layers["review"] > layers["plan"] > layers["dates"]
    assert mutual == {layers["strategies._core"]}


@pytest.mark.parametrize("path", SOURCES, ids=module_name)
def test_what_another_module_uses_is_in_its_all(path: Path) -> None:
    """``from .x import name`` only for names that ``x`` lists in ``__all__`` (or submodules)."""
    import importlib.util

    name = module_name(path)
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    if name == "kui_core":
        package = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.level > 0 and node.module):
            continue
        base = package[: len(package) - (node.level - 1)]
        target = ".".join(["kui_core", *base, node.module])
        module = importlib.import_module(target)
        for alias in node.names:
            submodule = hasattr(module, "__path__") and importlib.util.find_spec(
                f"{target}.{alias.name}"
            )
            if not submodule:
                assert alias.name in module.__all__, f"{name} uses {target}.{alias.name}"
