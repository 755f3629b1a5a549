"""Every code example in the documentation runs, and the generated pages cover the code.

Per page (README.md and docs/**/*.md, after the hook has filled in the generated parts), in order
and in one fresh namespace: ``pycon`` blocks and ``python`` blocks starting with ``>>>`` run as
doctests; other ``python`` blocks are executed and, where a ``text`` block follows directly, must
print exactly that. A block preceded by ``<!-- docs-test: skip -->`` is not run (none is).
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SKIP_MARKER = "<!-- docs-test: skip -->"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _hooks() -> ModuleType:
    if str(DOCS) not in sys.path:
        sys.path.insert(0, str(DOCS))
    return importlib.import_module("hooks")


@dataclass(frozen=True)
class Block:
    """A fenced code block of a page: language, source, line number, and what surrounds it."""

    lang: str
    body: str
    line: int
    skipped: bool
    expected_output: str | None


def blocks(markdown: str) -> list[Block]:
    """The fenced blocks of ``markdown``, each python block paired with a following text block."""
    found = []
    for match in _FENCE.finditer(markdown):
        indent = match.group("indent")
        body = "\n".join(line.removeprefix(indent) for line in match.group("body").split("\n"))
        before = markdown[: match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        found.append(
            (
                match,
                Block(
                    match.group("lang"),
                    body,
                    markdown.count("\n", 0, match.start()) + 1,
                    before == SKIP_MARKER,
                    None,
                ),
            )
        )
    result = []
    for index, (match, block) in enumerate(found):
        expected = None
        if index + 1 < len(found):
            next_match, next_block = found[index + 1]
            between = markdown[match.end() : next_match.start()]
            if next_block.lang == "text" and not between.strip():
                expected = next_block.body
        result.append(Block(block.lang, block.body, block.line, block.skipped, expected))
    return result


def _is_doctest(block: Block) -> bool:
    return block.lang == "pycon" or (
        block.lang == "python" and block.body.lstrip().startswith(">>>")
    )


def run_page(name: str, markdown: str) -> int:
    """Run every python/pycon block of one page in one namespace; the number of blocks run."""
    namespace: dict[str, Any] = {"__name__": f"docs_page_{name}"}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    ran = 0
    for block in blocks(markdown):
        if block.skipped or block.lang not in ("python", "pycon"):
            continue
        ran += 1
        where = f"{name}:{block.line}"
        if _is_doctest(block):
            test = parser.get_doctest(block.body, namespace, where, name, block.line)
            test.globs = namespace  # DocTest copies its globals; the page shares one namespace
            report = io.StringIO()
            result = runner.run(test, out=report.write, clear_globs=False)
            assert result.failed == 0, f"doctest failed in {where}:\n{report.getvalue()}"
        else:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block.body, where, "exec"), namespace)
            if block.expected_output is not None:
                assert out.getvalue() == block.expected_output, f"output differs in {where}"
    return ran


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_of_the_page_runs(page: Path) -> None:
    markdown = _hooks().expand(page.read_text(encoding="utf-8"))
    run_page(page.stem, markdown)


def test_no_page_opts_a_block_out() -> None:
    """The skip marker exists for emergencies; no page needs it today."""
    users = [
        p
        for p in pages()
        if SKIP_MARKER in p.read_text(encoding="utf-8").replace(f"`{SKIP_MARKER}`", "")
    ]
    assert users == []


def test_getting_started_runs_code() -> None:
    assert run_page("index", (DOCS / "index.md").read_text(encoding="utf-8")) >= 5


# -- the harness itself -------------------------------------------------------------------------


def test_a_wrong_doctest_output_fails() -> None:
    page = "```pycon\n>>> 1 + 1\n3\n\n```\n"
    with pytest.raises(AssertionError, match="doctest failed"):
        run_page("bad", page)


def test_a_wrong_printed_output_fails() -> None:
    page = "```python\nprint('a')\n```\n\n```text\nb\n```\n"
    with pytest.raises(AssertionError, match="output differs"):
        run_page("bad", page)


def test_a_skipped_block_is_not_run_and_blocks_share_a_namespace() -> None:
    page = (
        "```python\nx = 2\n```\n\n"
        f"{SKIP_MARKER}\n```python\nraise SystemExit\n```\n\n"
        "```pycon\n>>> x * 21\n42\n\n```\n"
    )
    assert run_page("ok", page) == 2


# -- generated content ---------------------------------------------------------------------------


def test_every_rule_code_has_an_entry_in_the_rule_reference() -> None:
    from kui_core import RULES

    text = _hooks().expand((DOCS / "rules.md").read_text(encoding="utf-8"))
    for code, rule in RULES.items():
        entry = text.split(f"### `{code}` {{ #{code} }}")[1].split("\n### ")[0]
        assert f"| Severity | `{rule.severity.name}` |" in entry
        for source in rule.sources:
            assert source.law in entry
            assert _hooks().source_anchor(source) in entry
            if source.verified:
                assert source.quote is not None
                assert source.quote in entry
                assert source.checked_on is not None
                assert f"(checked {source.checked_on.isoformat()}" in entry
            else:
                assert "**not verified**" in entry
    assert "<!-- kui:rules -->" not in text


def test_the_legal_sources_page_lists_every_source_with_the_rules_relying_on_it() -> None:
    from kui_core import RULES

    hooks = _hooks()
    text = hooks.expand((DOCS / "legal-sources.md").read_text(encoding="utf-8"))
    assert "<!-- kui:sources -->" not in text
    from kui_core.targets import NATIONAL_TARGETS

    sources = {s for rule in RULES.values() for s in rule.sources}
    target_sources = {
        t.source for t in NATIONAL_TARGETS.values() if t.source in hooks.all_sources()
    }
    from kui_core.education import PROGRAMME_DATES

    programme_sources = {s for dates in PROGRAMME_DATES.values() for s in dates.sources}
    assert set(hooks.all_sources()) == sources | target_sources | programme_sources
    assert target_sources  # the agreements behind the 2030 and vocational targets
    for programme, dates in PROGRAMME_DATES.items():
        for source in dates.sources:
            entry = text.split(f"{{ #{hooks.source_anchor(source)} }}")[1].split("\n### ")[0]
            assert f"`{programme.value}`" in entry.split("| Programmes |")[1].split("\n")[0]
    for source in sources | programme_sources:
        anchor = hooks.source_anchor(source)
        entry = text.split(f"{{ #{anchor} }}")[1].split("\n### ")[0]
        assert f"| Kind | {hooks._KIND_NAMES[source.kind.value]} |" in entry
        if source.quote:
            assert source.quote in entry
        if source.url:
            assert f"<{source.url}>" in entry
        if source.note:
            assert source.note in entry
        for code, rule in RULES.items():
            assert (f"[`{code}`](rules.md#{code})" in entry) == (source in rule.sources)
    assert text.index("## Statute — Hjemmel") < text.index("## Ministry guidance — Kilde")


def test_rule_examples_produce_their_code_and_the_counterexamples_do_not() -> None:
    hooks = _hooks()
    for code in _codes_with_examples(hooks):
        family = hooks.family_of(code)
        example = family.examples[code]
        produced, _ = hooks.run_snippet(family, example.produces)
        assert code in [f.code for f in produced["findings"]], code
        absent, _ = hooks.run_snippet(family, example.does_not)
        assert code not in [f.code for f in absent["findings"]], code


def _codes_with_examples(hooks: ModuleType) -> list[str]:
    from kui_core import RULES

    return [code for code in RULES if code not in hooks.codes_without_examples()]


def test_every_example_names_a_registered_code() -> None:
    from kui_core import RULES

    hooks = _hooks()
    for family in hooks.rule_examples.FAMILIES:
        assert set(family.examples) <= set(RULES), family.prefix
        assert all(code.startswith(family.prefix) for code in family.examples)


def test_the_eligibility_codes_all_have_examples() -> None:
    hooks = _hooks()
    assert not [c for c in hooks.codes_without_examples() if c.startswith("eligibility.")]


def test_policy_table_lists_every_field_with_its_source() -> None:
    import attrs

    from kui_core import Policy

    table = _hooks().render_policy_table()
    for field in attrs.fields(Policy):
        assert f"| `{field.name}` |" in table
        assert field.metadata["source"].replace("|", "\\|") in table


def _resolves(name: str) -> bool:
    """True where ``name`` (``"Youth"`` or ``"Youth.in_care_on"``) exists in ``kui_core``."""
    import attrs

    import kui_core

    head, _, attr = name.partition(".")
    if not hasattr(kui_core, head):
        return False
    obj = getattr(kui_core, head)
    if not attr:
        return True
    return (attrs.has(obj) and attr in attrs.fields_dict(obj)) or hasattr(obj, attr)


def test_the_glossary_names_only_code_that_exists() -> None:
    """Each `name` in the glossary's code column is the package, a rule code or family, or a
    public name of ``kui_core`` (an attribute where it is dotted)."""
    from kui_core import RULES

    text = (DOCS / "concepts" / "glossary.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 20
    families = {code.split(".")[0] + ".*" for code in RULES}
    for row in rows[1:]:
        code_column = row.rstrip(" |").rsplit(" | ", 1)[1]
        for name in re.findall(r"`([^`]+)`", code_column):
            known = name == "kui_core" or name in RULES or name in families
            assert known or _resolves(name), name
    assert not _resolves("Youth.nope")
    assert not _resolves("Nope")


def test_every_public_module_gets_an_api_page() -> None:
    hooks = _hooks()
    modules = hooks.public_modules()
    assert {"periods", "eligibility", "findings", "policy"} <= set(modules)
    assert all(not m.startswith("_") for m in modules)
    assert "::: kui_core.periods" in hooks.api_page("periods")


def test_api_index_lists_every_public_name() -> None:
    import kui_core

    text = _hooks().render_api_index()
    for name in kui_core.__all__:
        if not name.startswith("_"):
            assert f"| `{name}` |" in text


def test_targets_table_lists_every_national_target() -> None:
    from kui_core.targets import NATIONAL_TARGETS

    text = _hooks().render_targets_table()
    for key in NATIONAL_TARGETS:
        assert f"| `{key}` |" in text


def _script(name: str) -> Any:
    """The module ``docs/scripts/<name>.py``, loaded from its file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, DOCS / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_committed_trajectory_chart_is_what_the_script_draws() -> None:
    """docs/img/trajectory.svg is regenerated by docs/scripts/trajectory_svg.py; never stale."""
    module = _script("trajectory_svg")
    committed = (DOCS / "img" / "trajectory.svg").read_text(encoding="utf-8")
    assert module.render() == committed, "run docs/scripts/trajectory_svg.py and commit"
    assert committed.startswith("<svg ")
    assert "national target 2030" in committed


def test_markers_inside_sentences_are_not_expanded() -> None:
    text = "Write `<!-- kui:policy -->` on its own line.\n"
    assert _hooks().expand(text) == text


def test_api_docstrings_fence_doctests_and_convert_roles_and_tables() -> None:
    _hooks()  # puts docs/ on sys.path
    griffe_docstrings = importlib.import_module("griffe_docstrings")
    text = (
        "See :class:`~kui_core.periods.Period`.\n\n"
        ">>> [1, 2]\n[1, 2]\n\n"
        "== ====\na  b\n== ====\n1  2\n== ====\n"
    )
    rendered = griffe_docstrings.render(text)
    assert "See `Period`." in rendered
    assert "```pycon\n>>> [1, 2]\n[1, 2]\n```" in rendered
    assert "| a | b |\n| --- | --- |\n| 1 | 2 |" in rendered


def test_nav_gets_one_api_page_per_module_and_the_performance_page_once_it_exists(
    tmp_path: Path,
) -> None:
    hooks = _hooks()

    def config() -> dict[str, Any]:
        return {
            "docs_dir": str(tmp_path),
            "nav": [{"Getting started": "index.md"}, {"API reference": []}, {"Changelog": "c.md"}],
        }

    without = hooks.on_config(config())["nav"]
    titles = [next(iter(item)) for item in without]
    assert titles == ["Getting started", "API reference", "Changelog"]
    api = without[1]["API reference"]
    assert api[0] == "reference/index.md"
    assert {"kui_core.periods": "reference/periods.md"} in api
    (tmp_path / "performance.md").write_text("# Performance\n", encoding="utf-8")
    with_page = hooks.on_config(config())["nav"]
    assert with_page[-2:] == [{"Performance": "performance.md"}, {"Changelog": "c.md"}]


def test_every_rule_code_added_or_removed_since_the_release_is_in_the_changelog() -> None:
    """The diff of rule codes against docs/rule-codes.txt is named in [Unreleased]."""
    script = _script("rule_codes")
    added, removed = script.diff()
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = text.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    missing = [code for code in (*added, *removed) if f"`{code}`" not in unreleased]
    assert not missing, f"name these rule codes in CHANGELOG.md [Unreleased]: {missing}"
    assert script.changelog_lines()[0].startswith("- Rule codes added: ")


def test_the_rule_codes_script_records_and_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script("rule_codes")
    monkeypatch.setattr(script, "RECORDED", tmp_path / "codes.txt")
    assert script.main(["--write"]) == 0
    assert script.diff() == ([], [])
    assert script.main([]) == 0
    assert capsys.readouterr().out == "No rule code changed since the last release.\n"
    (tmp_path / "codes.txt").write_text("gone.code\nplan.missing\n", encoding="utf-8")
    lines = script.changelog_lines()
    assert lines[-1] == "- Rule codes removed: `gone.code`."


def test_the_changes_page_has_no_hand_written_date_and_lists_every_dated_source() -> None:
    from kui_core import RULES
    from kui_core.education import PROGRAMME_DATES
    from kui_core.legal import EARLIER

    raw = (DOCS / "changes.md").read_text(encoding="utf-8")
    page = _hooks().expand(raw)
    assert "<!-- kui:changes -->" not in page
    assert re.search(r"\b(19|20)\d\d\b", raw) is None  # every date comes from the catalogue
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    for source in {s for rule in RULES.values() for s in rule.sources}:
        for day, change in ((source.in_force_from, "takes effect"),
                            (source.in_force_until, "no longer applies")):  # fmt: skip
            if day is not None:
                assert any(
                    row.startswith(f"| {day.isoformat()} | {change} |") and source.law in row
                    for row in rows
                ), (day, source.law)
    for versions in EARLIER.values():
        assert all(not s.verified for s in versions)
    for programme, dates in PROGRAMME_DATES.items():
        if dates.first_day is not None:
            assert any(
                row.startswith(f"| {dates.first_day.isoformat()} | `{programme.value}`:")
                for row in rows
            )
        for year in (dates.agreed_from_year, dates.agreed_end_year):
            if year is not None:
                assert any(
                    row.startswith(f"| {year} | `{programme.value}`:") and "not enacted" in row
                    for row in rows
                )
    days = [row.split(" | ")[0][2:] for row in rows[2:]]
    assert days == sorted(days)


# -- Every public field of a model has a one-line description ---------------------------------
# The API reference (griffe_fieldz) shows each attrs model's constructor parameters as a table;
# a field's description is its attribute docstring (a string on the line after the field).

FIELD_DOCSTRING_MODULES = (
    "kui_core.youth",
    "kui_core.case",
    "kui_core.periods",
    "kui_core.plan",
    "kui_core.findings",
    "kui_core.legal",
    "kui_core.catalogue",
    "kui_core.targets",
    "kui_core.audit",
    "kui_core.review",
    "kui_core.eligibility",
    "kui_core.bulk",
    "kui_core.tables",
)
"""The modules whose attrs models describe every public field; add a module once it does."""

_GRIFFE_PACKAGES: dict[tuple[str, str], Any] = {}


def _griffe_package(name: str, search_path: Path) -> Any:
    """The package ``name`` as griffe reads it from ``search_path`` (statically), loaded once."""
    import griffe

    key = (name, str(search_path))
    if key not in _GRIFFE_PACKAGES:
        _GRIFFE_PACKAGES[key] = griffe.load(name, search_paths=[str(search_path)])
    return _GRIFFE_PACKAGES[key]


def fields_without_docstring(module_name: str, search_path: Path = ROOT / "src") -> list[str]:
    """``Class.field`` for each public field of the module's public attrs classes that has no
    attribute docstring (private classes and fields, leading underscore, need none)."""
    import attrs

    module = importlib.import_module(module_name)
    package, _, rest = module_name.partition(".")
    loaded = _griffe_package(package, search_path)
    static = loaded[rest] if rest else loaded
    missing = []
    for name, cls in vars(module).items():
        if name.startswith("_") or not isinstance(cls, type) or not attrs.has(cls):
            continue
        if cls.__module__ != module_name:
            continue  # imported from elsewhere: checked with its own module
        members = static[name].all_members
        for field in attrs.fields(cls):
            member = members.get(field.name)
            docstring = member.docstring if member is not None else None
            if not field.name.startswith("_") and (
                docstring is None or not docstring.value.strip()
            ):
                missing.append(f"{name}.{field.name}")
    return missing


@pytest.mark.parametrize("module_name", FIELD_DOCSTRING_MODULES)
def test_every_public_model_field_has_a_docstring(module_name: str) -> None:
    missing = fields_without_docstring(module_name)
    assert not missing, f"{module_name}: add a one-line docstring after each of {missing}"


def test_a_field_without_a_docstring_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fielddoc_probe"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "models.py").write_text(
        "import attrs\n\n\n"
        "@attrs.frozen\nclass Base:\n"
        "    inherited: int\n\n\n"
        "@attrs.frozen\nclass Model(Base):\n"
        '    """A model."""\n\n'
        "    described: int\n"
        '    """A field with a docstring."""\n'
        "    bare: int\n"
        "    _private: int\n"
        '    blank: int = 0\n    """ """\n\n\n'
        "@attrs.frozen\nclass _Hidden:\n    anything: int\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        missing = fields_without_docstring("fielddoc_probe.models", tmp_path)
    finally:
        sys.modules.pop("fielddoc_probe.models", None)
        sys.modules.pop("fielddoc_probe", None)
    assert missing == ["Base.inherited", "Model.inherited", "Model.bare", "Model.blank"]


# -- The Danish pages: the rules and the decided cases -------------------------------------------


def test_the_danish_rule_page_shows_every_rule_with_severity_message_and_sources() -> None:
    from kui_core import RULES

    page = _hooks().expand((DOCS / "da" / "regler.md").read_text(encoding="utf-8"))
    assert "<!-- kui:rules-da -->" not in page
    sections = page.split("\n## ")[1:]
    assert [s.split("`")[1] for s in sections] == list(RULES)
    for section, rule in zip(sections, RULES.values(), strict=True):
        assert rule.da.replace("|", "\\|") in section
        severity = {"error": "fejl", "warning": "advarsel", "info": "oplysning"}
        assert f"| Alvor | {severity[rule.severity.value]} |" in section
        assert section.count("| Hjemmel |") + section.count("| Kilde |") == len(rule.sources)


def test_the_decided_cases_page_tells_for_every_rule_a_case_with_and_one_without() -> None:
    from kui_core import RULES

    page = _hooks().expand((DOCS / "da" / "afgjorte-eksempler.md").read_text(encoding="utf-8"))
    assert "<!-- kui:casebook-da -->" not in page
    sections = page.split("\n## ")[1:]
    assert [s.split("`")[1] for s in sections] == list(RULES)
    for section in sections:
        with_rule, without = section.split("### Udløser ikke reglen")
        assert "### Udløser reglen" in with_rule
        assert with_rule.count("\n#### ") >= 1, section[:80]
        assert without.count("\n#### ") >= 1, section[:80]
        assert "**Dagen:**" in with_rule
        assert "**kui-core afgør:**" in without
    # a story names the finding's Danish text and its source
    assert "Hjemmel (lov): Barnets lov" in page
    assert "(`duty.contact_overdue`, fejl)" in page
    assert "10\\. klasse fra" in page  # not read as a numbered list


def test_the_rule_reference_draws_the_case_of_each_coordination_transition_duty_and_care_rule() -> (
    None
):
    import base64
    import xml.etree.ElementTree as ET

    from kui_core import RULES

    hooks = _hooks()
    page = hooks.render_rule_reference()
    pictured = [
        c for c in RULES if c.startswith(hooks.PICTURED) and c not in hooks.codes_without_examples()
    ]
    assert len(pictured) >= 9
    for code in pictured:
        entry = page.split(f"{{ #{code} }}")[1].split("\n### ")[0]
        match = re.search(
            r'<img class="kui-picture" alt="([^"]+)" src="data:image/svg\+xml;base64,([^"]+)">',
            entry,
        )
        assert match is not None, code
        svg = base64.b64decode(match[2]).decode("utf-8")
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert code in svg  # the finding is drawn, labelled with its code
    others = [c for c in RULES if not c.startswith(hooks.PICTURED)]
    for code in others:
        entry = page.split(f"{{ #{code} }}")[1].split("\n### ")[0]
        assert "kui-picture" not in entry


def test_the_command_line_page_shows_every_command_and_runs_the_samples() -> None:
    from kui_core.cli import build_parser

    hooks = _hooks()
    page = hooks.expand((DOCS / "cli.md").read_text(encoding="utf-8"))
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"## `kui {name}`" in page
        assert f"usage: kui {name}" in page
    assert set(hooks.CLI_EXAMPLES) == set(commands)
    assert "kui check examples/data/case.json --on 2026-10-01 --lang en   # exit status 0" in page
    assert "coordination.gap" in page
    assert "# exit status 0" in page.split("## `kui metrics`")[1].split("## `kui")[0]
    assert "83 of 83 cases passed" in page


def test_no_page_or_docstring_cites_a_file_that_is_not_in_the_repository() -> None:
    """DESIGN.md lives outside this repository: no page and no API docstring may send a
    reader to it."""
    texts = [page.read_text(encoding="utf-8") for page in pages()]
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py")]
    assert [t[:60] for t in texts if "DESIGN" in t] == []
