"""mkdocs hooks: generate the parts of the documentation that must not drift from the code.

A page writes a marker such as ``<!-- kui:rules -->`` on a line of its own; :func:`on_page_markdown`
replaces it with Markdown rendered from the code:

- ``<!-- kui:rules -->``: the rule reference, one entry per code in :data:`kui_core.RULES`, with
  worked examples from ``docs/rule_examples.py`` executed at build time;
- ``<!-- kui:sources -->``: every source of the catalogue with its kind, quote, URL, check date
  and the rules relying on it;
- ``<!-- kui:policy -->``: every :class:`kui_core.Policy` field with its default and source;
- ``<!-- kui:targets -->``: the national targets with their baselines and sources;
- ``<!-- kui:strategies -->``: the Hypothesis strategies of ``kui_core.strategies``;
- ``<!-- kui:api-index -->``: the public names of ``kui_core`` and where they are documented.

The API reference pages (``reference/<module>.md``) are generated too, one per public module, and
added to the navigation under "API reference".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import importlib
import io
import pkgutil
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

# mkdocs imports this file with docs/ on sys.path; tests/test_docs.py puts it there itself.
import danish_pages
import rule_examples

import kui_core
from kui_core import legal
from kui_core.findings import RULES, Rule
from kui_core.legal import LegalBasis, SourceKind

# ---------------------------------------------------------------------------------------------
# Public modules and the API reference


def public_modules() -> list[str]:
    """The documented modules of ``kui_core``: every module or package not starting with ``_``."""
    names = [
        info.name
        for info in pkgutil.iter_modules(kui_core.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(names)


def api_page(module: str) -> str:
    """The Markdown of the API page of ``kui_core.<module>`` (rendered by mkdocstrings)."""
    return (
        f"# `kui_core.{module}`\n\n"
        f"::: kui_core.{module}\n"
        "    options:\n"
        "      show_root_heading: false\n"
        "      show_root_toc_entry: false\n"
    )


def _defining_module(name: str) -> str | None:
    obj = getattr(kui_core, name)
    module = getattr(obj, "__module__", None)
    if isinstance(module, str) and module.startswith("kui_core."):
        return module.removeprefix("kui_core.")
    for candidate in public_modules():
        mod = importlib.import_module(f"kui_core.{candidate}")
        if name in getattr(mod, "__all__", ()):
            return candidate
    return None


def _first_line(obj: object) -> str:
    if attrs.has(type(obj)):
        return f"a `{type(obj).__name__}` value"
    if isinstance(obj, Mapping):
        return f"a read-only mapping of {len(obj)} entries"
    if isinstance(obj, enum.Enum | frozenset | tuple | str | int):
        return ""
    doc = getattr(obj, "__doc__", None) or ""
    return _plain(doc.strip().split("\n\n")[0])


def _plain(text: str) -> str:
    """Docstring prose as Markdown: Sphinx roles and ``literals`` become `code`."""
    text = re.sub(r":(?:class|func|data|attr|meth|mod|exc|obj):`~?([^`]+)`", r"`\1`", text)
    text = re.sub(r"``([^`]+)``", r"`\1`", " ".join(text.split()))
    return text.replace("`kui_core.", "`")


def render_api_index() -> str:
    """A table of every name in ``kui_core.__all__``: the module documenting it and its summary."""
    rows = ["| name | module | summary |", "| --- | --- | --- |"]
    for name in sorted(n for n in kui_core.__all__ if not n.startswith("_")):
        module = _defining_module(name)
        where = f"[`kui_core.{module}`]({module}.md)" if module else ""
        summary = _escape_cell(_first_line(getattr(kui_core, name)))
        rows.append(f"| `{name}` | {where} | {summary} |")
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------------------------------------
# The rule reference

_PLACEHOLDER = re.compile(r"\{(subject|period|subject_note|period_note)\}")


def _template(text: str) -> str:
    """A message template with its placeholders shown as ‹subject› / ‹period›."""

    def show(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.endswith("_note"):
            return f" (‹{name.removesuffix('_note')}›)"
        return f"‹{name}›"

    return _escape_cell(_PLACEHOLDER.sub(show, text))


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|")


_KIND_NAMES = {
    "statute": "Statute",
    "executive_order": "Executive order",
    "guidance": "Ministry guidance",
    "political_agreement": "Political agreement",
    "municipal_strategy": "Municipal strategy",
    "municipal_guidance": "Municipal guidance",
    "statistical_practice": "Statistical practice",
    "convention": "kui-core convention",
}


def _source_names() -> dict[LegalBasis, str]:
    from kui_core import targets

    names = {
        value: name
        for module in (legal, targets)
        for name, value in vars(module).items()
        if isinstance(value, LegalBasis) and not name.startswith("_")
    }
    # An earlier version of a provision is named after the current one and its first day.
    for current, earlier in legal.EARLIER.items():
        for source in earlier:
            since = source.in_force_from.isoformat() if source.in_force_from else "before"
            names[source] = f"{names[current]}_{since}"
    return names


def source_anchor(source: LegalBasis) -> str:
    """The anchor of ``source`` on the Legal sources page: its name in ``kui_core.legal``."""
    return "src-" + _source_names()[source].lower().replace("_", "-")


def _citation(source: LegalBasis) -> str:
    where = f"{source.law}, {source.paragraph}" if source.paragraph else source.law
    return f"{where}: *{source.title}*"


def _source_summary(source: LegalBasis) -> str:
    """Kind, citation, the quote and its check date (or what is unverified), and a link."""
    text = f"**{_KIND_NAMES[source.kind.value]}** — {_citation(source)}"
    if source.quote:
        text += f" «{source.quote}»"
    if source.verified and source.checked_on is not None:
        text += f" (checked {source.checked_on.isoformat()}"
    else:
        text += " (**not verified**"
    in_force = _in_force(source)
    if in_force:
        text += f"; in force {in_force}"
    return text + f"; [details](legal-sources.md#{source_anchor(source)}))"


def _in_force(source: LegalBasis) -> str:
    """``from 2024-01-01``, ``until 2023-12-31`` (the last day), both, or empty."""
    parts = []
    if source.in_force_from is not None:
        parts.append(f"from {source.in_force_from.isoformat()}")
    if source.in_force_until is not None:
        last = source.in_force_until - dt.timedelta(days=1)
        parts.append(f"until {last.isoformat()}")
    return " ".join(parts)


def _legal(rule: Rule) -> str:
    return _escape_cell("<br>".join(_source_summary(s) for s in rule.sources))


def _target_sources() -> dict[LegalBasis, list[str]]:
    """The sources of the national targets, with the keys of the targets citing each."""
    from kui_core.targets import NATIONAL_TARGETS

    cited: dict[LegalBasis, list[str]] = {}
    for key, target in NATIONAL_TARGETS.items():
        if isinstance(target.source, LegalBasis):
            cited.setdefault(target.source, []).append(key)
    return cited


def all_sources() -> list[LegalBasis]:
    """Every source of the rule catalogue and of the national targets, in order of citation."""
    seen: dict[LegalBasis, None] = {}
    for rule in RULES.values():
        for source in rule.sources:
            seen.setdefault(source, None)
    for source in _target_sources():
        seen.setdefault(source, None)
    for source in _programme_sources():
        seen.setdefault(source, None)
    return list(seen)


def _programme_sources() -> dict[LegalBasis, list[str]]:
    """The sources of the dated programmes (``Programme.dates``), with their programmes."""
    from kui_core.education import PROGRAMME_DATES

    cited: dict[LegalBasis, list[str]] = {}
    for programme, dates in PROGRAMME_DATES.items():
        for source in dates.sources:
            cited.setdefault(source, []).append(programme.value)
    return cited


def render_legal_sources() -> str:
    """Every source: kind, citation, quote, URL, check date, notes, and the rules citing it."""
    parts: list[str] = []
    for kind in SourceKind:
        sources = [s for s in all_sources() if s.kind is kind]
        if not sources:
            continue
        label = "Hjemmel (legal basis)" if kind.is_law else "Kilde (source)"
        parts.append(f"## {_KIND_NAMES[kind.value]} — {label}\n")
        for source in sources:
            rules = [code for code, rule in RULES.items() if source in rule.sources]
            lines = [
                f"### {_citation(source).replace('*', '')} {{ #{source_anchor(source)} }}\n",
                "| | |",
                "| --- | --- |",
                f"| Kind | {_KIND_NAMES[kind.value]} |",
                f"| Cites | {_escape_cell(source.law)} |",
                f"| Provision | {_escape_cell(source.paragraph or '—')} |",
                f"| Says | {_escape_cell(source.title)} |",
            ]
            if source.quote:
                lines.append(f"| Quote | «{_escape_cell(source.quote)}» |")
            if source.url:
                lines.append(f"| Where | <{source.url}> |")
            checked = source.checked_on.isoformat() if source.checked_on else "—"
            lines.append(f"| In force | {_in_force(source) or 'no dates recorded'} |")
            lines.append(f"| Checked | {checked} |")
            lines.append(f"| Verified | {'yes' if source.verified else '**no**: see the note'} |")
            if source.note:
                lines.append(f"| Note | {_escape_cell(source.note)} |")
            if rules:
                cited_by = ", ".join(f"[`{code}`](rules.md#{code})" for code in rules)
                lines.append(f"| Rules | {cited_by} |")
            programmes = _programme_sources().get(source, [])
            if programmes:
                cited_by = ", ".join(f"`{name}`" for name in programmes)
                lines.append(f"| Programmes | {cited_by} (`Programme.dates`) |")
            targets = _target_sources().get(source, [])
            if targets:
                cited_by = ", ".join(f"`{key}`" for key in targets)
                lines.append(
                    f"| Targets | {cited_by} ([targets](metrics.md#the-national-targets)) |"
                )
            parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def importable(dotted: str) -> bool:
    """True where ``dotted`` (``"kui_core.duty.check_duty"``) names an existing object."""
    module, _, name = dotted.rpartition(".")
    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


def family_of(code: str) -> rule_examples.Family | None:
    """The examples family covering ``code``, if its functions exist in this release.

    The family that has an example for ``code``; failing that, the first whose prefix it has.
    """
    available = [
        family
        for family in rule_examples.FAMILIES
        if code.startswith(family.prefix) and all(importable(n) for n in family.requires)
    ]
    with_example = [family for family in available if code in family.examples]
    return (with_example or available or [None])[0]


def run_snippet(family: rule_examples.Family, snippet: str) -> tuple[dict[str, Any], str]:
    """Run the family's setup and then ``snippet`` plus the SHOW line; the namespace and output."""
    namespace: dict[str, Any] = {"__name__": "__rule_example__"}
    exec(compile(family.setup, f"<{family.prefix}setup>", "exec"), namespace)
    _record_checks(namespace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = snippet + rule_examples.SHOW + "\n"
        exec(compile(code, f"<{family.prefix}example>", "exec"), namespace)
    return namespace, out.getvalue()


def _example_block(family: rule_examples.Family, code: str, label: str, snippet: str) -> str:
    namespace, output = run_snippet(family, snippet)
    parts = [
        f"**{label}**\n",
        "```python\n" + snippet + rule_examples.SHOW + "\n```\n",
        "```text\n" + output + "```\n",
    ]
    produced = [f for f in namespace["findings"] if f.code == code]
    if produced:
        finding = produced[0]
        parts.append(
            f"- da: {_escape_cell(finding.message('da'))}\n"
            f"- en: {_escape_cell(finding.message('en'))}\n"
        )
        if code.startswith(PICTURED):
            parts.append(_picture(namespace, code))
    return "\n".join(parts)


def _record_checks(namespace: dict[str, Any]) -> None:
    """Wrap the example's check functions so that the case (or young person) each is given is
    remembered in ``namespace["__checked__"]``: the picture draws what the example checked."""
    checked: list[Any] = []
    namespace["__checked__"] = checked
    for name in ("check_coordination", "check_transitions", "check_duty", "check_in_care"):
        function = namespace.get(name)
        if function is None:
            continue

        def recording(first: Any, *args: Any, _function: Any = function, **kwargs: Any) -> Any:
            checked.append(first)
            return _function(first, *args, **kwargs)

        namespace[name] = recording


PICTURED = ("coordination.", "transition.", "duty.", "exemption.", "plan.in_care_")
"""The rules whose "produces the finding" example is also drawn (kui_core.picture)."""


def _picture(namespace: dict[str, Any], code: str) -> str:
    """The picture of the example's case on its day, as an image with its description."""
    import base64

    from kui_core import Youth, YouthCase, review_case
    from kui_core.picture import draw_case

    on = namespace["on"]
    checked = namespace["__checked__"]
    candidates = [value for value in checked if isinstance(value, YouthCase)]
    candidates += [
        YouthCase(value, min(p.period.start for p in value.in_care))
        for value in checked
        if isinstance(value, Youth) and value.in_care
    ]
    cases = [c for c in candidates if code in review_case(c, on).codes]
    if not cases:
        raise ValueError(f"the example of {code} builds no case that produces it")
    svg = draw_case(cases[-1], on, lang="en")
    title = re.search(r"<title id=\"kui-title\">(.*?)</title>", svg)
    alt = title.group(1) if title else code
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="kui-picture" alt="{alt}" src="data:image/svg+xml;base64,{data}">\n'


def _rule_entry(rule: Rule) -> str:
    lines = [
        f"### `{rule.code}` {{ #{rule.code} }}\n",
        "| | |",
        "| --- | --- |",
        f"| Checks | {_escape_cell(rule.summary)} |",
        f"| Severity | `{rule.severity.name}` |",
        f"| Dansk | {_template(rule.da)} |",
        f"| English | {_template(rule.en)} |",
        f"| Sources | {_legal(rule)} |",
    ]
    family = family_of(rule.code)
    example = family.examples.get(rule.code) if family else None
    if family and example:
        lines.append(f"| Checked by | `{family.checked_by}` |")
        lines.append("")
        lines.append(_example_block(family, rule.code, "Produces the finding", example.produces))
        lines.append(_example_block(family, rule.code, "Does not produce it", example.does_not))
    else:
        lines.append("")
        lines.append(
            "*No worked example yet: the code is registered, but this release has no example"
            " for it (see the note at the top of this page).*\n"
        )
    return "\n".join(lines) + "\n"


def _prefix(code: str) -> str:
    return code.split(".", 1)[0] + "."


_FAMILY_TITLES = {
    "eligibility.": "Target group and outreach (`eligibility.*`)",
    "plan.": "The education plan (`plan.*`)",
    "coordination.": "Coordination (`coordination.*`)",
    "transition.": "Transitions between offers (`transition.*`)",
    "exemption.": "Exemption from the education duty (`exemption.*`)",
    "duty.": "The education duty, 15–17 (`duty.*`)",
}


def codes_without_examples() -> list[str]:
    """The registered codes the rule reference shows no worked example for."""
    missing = []
    for code in RULES:
        family = family_of(code)
        if family is None or code not in family.examples:
            missing.append(code)
    return missing


def _setup_block(family: rule_examples.Family, shared: bool) -> str:
    """The set-up of ``family``, introducing the entries that follow it.

    ``shared``: the family is the only one of its section.
    """
    if shared:
        intro = f"Checked by `{family.checked_by}`. Every example below runs after this set-up:"
    else:
        intro = (
            f"**{family.title}.** Checked by `{family.checked_by}`. The examples below, up to"
            " the next set-up, run after this set-up:"
        )
    return intro + "\n\n```python\n" + family.setup + "```\n"


def render_rule_reference() -> str:
    """The rule reference: one section per code prefix in registry order, one entry per code.

    Within a section the codes are grouped by the family (the checking function) of their
    examples, in order of first appearance; each family's set-up is shown before its codes.
    """
    sections: list[str] = []
    missing = codes_without_examples()
    if missing:
        listed = ", ".join(f"[`{c}`](#{c})" for c in missing)
        sections.append(
            f'!!! note "Examples still missing"\n\n    {len(missing)} of {len(RULES)} codes have'
            f" no worked example in this release yet: {listed}.\n"
        )
    by_prefix: dict[str, list[str]] = {}
    for code in RULES:
        by_prefix.setdefault(_prefix(code), []).append(code)
    for prefix, codes in by_prefix.items():
        sections.append(f"## {_FAMILY_TITLES.get(prefix, f'`{prefix}*`')}\n")
        groups: dict[str, tuple[rule_examples.Family | None, list[str]]] = {}
        for code in codes:
            family = family_of(code)
            key = "" if family is None else f"{family.prefix} {family.checked_by}"
            groups.setdefault(key, (family, []))[1].append(code)
        shared = len(groups) == 1
        for index, (family, members) in enumerate(groups.values()):
            if family is not None:
                separator = "---\n\n" if index else ""  # ends the previous family's last entry
                sections.append(separator + _setup_block(family, shared))
            sections.extend(_rule_entry(RULES[code]) for code in members)
    return "\n".join(sections)


# ---------------------------------------------------------------------------------------------
# The policy table


def _show_default(value: object) -> str:
    if isinstance(value, attrs.Factory):  # a default built by a factory: show what it builds
        value = value.factory()
    if isinstance(value, Mapping) and not value:
        return "none"
    if isinstance(value, enum.Enum):
        return f"`{type(value).__name__}.{value.name}`"
    if isinstance(value, frozenset):
        if not value:
            return "none"
        return ", ".join(f"`{v}`" for v in sorted(str(v) for v in value))
    return f"`{value!r}`"


def render_policy_table() -> str:
    """Every :class:`kui_core.Policy` field: name, default and the source of the default."""
    rows = ["| field | default | source of the default |", "| --- | --- | --- |"]
    for field in attrs.fields(kui_core.Policy):
        default = field.default
        source = field.metadata.get("source", "")
        rows.append(f"| `{field.name}` | {_show_default(default)} | {_escape_cell(source)} |")
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------------------------------------
# The national targets


def _share(value: float) -> str:
    return f"{100 * value:.1f}".removesuffix(".0") + " %"


def render_targets_table() -> str:
    """Every entry of ``kui_core.targets.NATIONAL_TARGETS``: value, baseline and what it measures,
    each published figure with its kind of measure and its publication, and the source."""
    from kui_core.targets import NATIONAL_TARGETS, Direction

    rows = [
        "| key | target | by | baseline | baseline measures | published figures | source |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    notes: list[str] = []
    for key, target in NATIONAL_TARGETS.items():
        sign = "≥" if target.direction is Direction.AT_LEAST else "≤"
        baseline = ""
        if target.baseline is not None:
            baseline = _share(target.baseline)
            if target.baseline_year is not None:
                baseline += f" ({target.baseline_year})"
        measure = ""
        if target.measure is not None:
            measure = f"{target.measure.kind.value}: {target.measure.description}"
        figures = []
        for observation in target.observed:
            published = observation.published
            when = (
                f"published {published.isoformat()}"
                if isinstance(published, dt.date)
                else f"in {published}"
            )
            text = (
                f"{observation.year}: {_share(observation.share)}"
                f" ({observation.measure.kind.value}, {when})"
            )
            if observation.note:
                notes.append(f"{len(notes) + 1}. `{key}`, {observation.year}: {observation.note}")
                text += f" [note {len(notes)}]"
            figures.append(text)
        rows.append(
            f"| `{key}` | {_escape_cell(target.name)}: {sign} {_share(target.value)} |"
            f" {target.year} | {baseline} | {_escape_cell(measure)} |"
            f" {_escape_cell('; '.join(figures))} | {_escape_cell(str(target.source))} |"
        )
    table = "\n".join(rows) + "\n"
    if notes:
        table += "\nNotes on the published figures:\n\n" + "\n".join(notes) + "\n"
    return table


# ---------------------------------------------------------------------------------------------
# The Hypothesis strategies


def _short_signature(obj: Callable[..., Any]) -> str:
    """``youths(on, *, policy, min_age, ...)``: the parameter names, without defaults."""
    import inspect

    parts: list[str] = []
    star = False
    for parameter in inspect.signature(obj).parameters.values():
        if parameter.kind is parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        if parameter.kind is parameter.VAR_KEYWORD:
            parts.append(f"**{parameter.name}")
        else:
            parts.append(parameter.name)
    return f"({', '.join(parts)})"


def render_strategies_table() -> str:
    """Every public name of ``kui_core.strategies`` with the first sentence of its docstring."""
    import inspect

    import kui_core.strategies as strategies

    rows = ["| name | what it is |", "| --- | --- |"]
    for name in sorted(strategies.__all__):
        obj = getattr(strategies, name)
        if inspect.isfunction(obj):
            shown = f"{name}{_short_signature(obj)}"
            summary = (obj.__doc__ or "").strip().split("\n\n")[0]
        elif inspect.isclass(obj):
            shown = name
            summary = (obj.__doc__ or "").strip().split("\n\n")[0]
        else:
            shown = name
            summary = f"a constant: {', '.join(f'`{item}`' for item in obj)}"
        summary = _plain(summary)
        rows.append(f"| `{shown}` | {_escape_cell(summary)} |")
    return "\n".join(rows) + "\n"


def _source_links(sources: tuple[LegalBasis, ...]) -> str:
    return "<br>".join(
        f"[{_escape_cell(_citation(s))}](legal-sources.md#{source_anchor(s)})" for s in sources
    )


_AGREED_LINK = (
    "[`eligibility.programme_agreed_change`](rules.md#eligibility.programme_agreed_change)"
)


def _programme_changes() -> list[tuple[dt.date, str, str, str, str]]:
    """The dated programmes (``Programme.dates``): first days, and what is only agreed."""
    from kui_core.education import PROGRAMME_DATES

    rows = []
    cited = "`Programme.dates`"
    for programme, dates in PROGRAMME_DATES.items():
        sources = _source_links(dates.sources)
        name = f"`{programme.value}`"
        if dates.first_day is not None:
            change = f"{name}: first enrolments (none may start earlier)"
            rows.append((dates.first_day, dates.first_day.isoformat(), change, sources, cited))
        if dates.agreed_from_year is not None:
            day = dt.date(dates.agreed_from_year, 1, 1)
            change = f"{name}: agreed to start (**not enacted**; none may start earlier)"
            rows.append((day, f"{dates.agreed_from_year}", change, sources, cited))
        if dates.agreed_end_year is not None:
            day = dt.date(dates.agreed_end_year, 1, 1)
            change = (
                f"{name}: agreed to end (**not enacted**; enrolments from this year still count,"
                f" with {_AGREED_LINK})"
            )
            rows.append((day, f"{dates.agreed_end_year}", change, sources, cited))
    return rows


def render_changes() -> str:
    """Every dated change of a source of the catalogue and of a programme, by date, with the
    rules it concerns; generated from ``LegalBasis.in_force_from`` / ``in_force_until`` and
    ``Programme.dates``."""
    from kui_core.audit import RULES_CHECKED_ON

    events: list[tuple[dt.date, str, LegalBasis]] = []
    for source in all_sources():
        if source.in_force_from is not None:
            events.append((source.in_force_from, "takes effect", source))
        if source.in_force_until is not None:
            events.append((source.in_force_until, "no longer applies", source))
    # One row per day, change and act: a new consolidation changes many provisions at once.
    grouped: dict[tuple[dt.date, str, str], list[LegalBasis]] = {}
    for day, change, source in events:
        grouped.setdefault((day, change, source.law), []).append(source)
    rows: list[tuple[dt.date, str, str, str, str]] = []
    for (day, change, law), sources in grouped.items():
        rules = [code for code, r in RULES.items() if any(s in r.sources for s in sources)]
        cited = ", ".join(f"[`{code}`](rules.md#{code})" for code in rules) or "—"
        provisions = ", ".join(
            f"[{_escape_cell(s.paragraph or s.title)}](legal-sources.md#{source_anchor(s)})"
            for s in sorted(sources, key=lambda s: (s.paragraph or "", s.title))
        )
        shown = f"**{_escape_cell(law)}**: {provisions}"
        rows.append((day, day.isoformat(), change, shown, cited))
    rows += _programme_changes()
    lines = [
        "| Date | Change | Source | Rules |",
        "| --- | --- | --- | --- |",
    ]
    for _, shown, change, sources, cited in sorted(rows):
        lines.append(f"| {shown} | {change} | {sources} | {cited} |")
    lines.append("")
    lines.append(
        f"The catalogue's sources were last checked on {RULES_CHECKED_ON.isoformat()}"
        " (`kui_core.RULES_CHECKED_ON`). `review_case` reports `catalogue.unverified_period` for"
        " a reference day more than a year after it, or before 1 August 2019."
    )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The command line page: every command's --help, and worked examples run on the sample files

CLI_EXAMPLES: dict[str, list[list[str]]] = {
    "check": [
        ["check", "examples/data/case.json", "--on", "2026-10-01", "--lang", "en"],
        ["check", "examples/data/case.json", "--on", "2026-10-01", "--severity",
         "coordination.gap=off"],
    ],
    "metrics": [
        ["metrics", "examples/data/cohort.jsonl", "--on", "2026-10-01", "--applications",
         "examples/data/applications.jsonl"],
    ],
    "rules": [["rules"]],
    "schema": [["schema"]],
    "test": [["test", "--failed-only"]],
    "demo": [],
}  # fmt: skip
"""The commands shown on the command line page, run at build time on the shipped samples."""


def _run_cli(argv: list[str]) -> tuple[int, str]:
    from kui_core.cli import main

    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(argv, out)
    return status, out.getvalue() + err.getvalue()


def render_cli() -> str:
    """Every command with its --help (as the installed kui prints it) and worked examples."""
    import os

    from kui_core.cli import build_parser

    os.environ["COLUMNS"] = "100"
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    parts = []
    for name, sub in commands.items():
        parts.append(f"## `kui {name}`\n")
        parts.append("```text\n" + sub.format_help() + "```\n")
        for argv in CLI_EXAMPLES.get(name, []):
            status, output = _run_cli(argv)
            shown = "\n".join(output.splitlines()[:40])
            more = "\n..." if len(output.splitlines()) > 40 else ""
            parts.append(f"```sh\nkui {' '.join(argv)}   # exit status {status}\n```\n")
            parts.append("```text\n" + shown + more + "\n```\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# mkdocs hooks

MARKERS: dict[str, Callable[[], str]] = {
    "<!-- kui:rules -->": render_rule_reference,
    "<!-- kui:policy -->": render_policy_table,
    "<!-- kui:api-index -->": render_api_index,
    "<!-- kui:targets -->": render_targets_table,
    "<!-- kui:strategies -->": render_strategies_table,
    "<!-- kui:sources -->": render_legal_sources,
    "<!-- kui:changes -->": render_changes,
    "<!-- kui:rules-da -->": danish_pages.render_rules_da,
    "<!-- kui:casebook-da -->": danish_pages.render_casebook_da,
    "<!-- kui:cli -->": render_cli,
}


def expand(markdown: str) -> str:
    """Replace every marker standing alone on its line by its generated Markdown.

    A marker quoted inside a sentence or a code span is left alone.
    """
    for marker, render in MARKERS.items():
        pattern = re.compile(rf"^{re.escape(marker)}[ \t]*$", re.MULTILINE)
        if pattern.search(markdown):
            generated = render()
            markdown = pattern.sub(lambda _, text=generated: text, markdown)
    return markdown


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """mkdocs hook: expand the markers of every page."""
    return expand(markdown)


OPTIONAL_PAGES = {"Performance": "performance.md"}
"""Pages other people write: listed in the nav (before the changelog) once the file exists."""


def on_config(config: Any, **kwargs: Any) -> Any:
    """mkdocs hook: list one API page per public module under "API reference" in the nav, and
    the optional pages that exist."""
    pages: list[Any] = ["reference/index.md"]
    pages.extend({f"kui_core.{m}": f"reference/{m}.md"} for m in public_modules())
    nav = config["nav"] or []
    for item in nav:
        if isinstance(item, dict) and "API reference" in item:
            item["API reference"] = pages
    listed = {
        value
        for item in nav
        if isinstance(item, dict)
        for value in item.values()
        if isinstance(value, str)
    }
    docs_dir = Path(config["docs_dir"])
    for title, page in OPTIONAL_PAGES.items():
        if (docs_dir / page).exists() and page not in listed:
            nav.insert(max(len(nav) - 1, 0), {title: page})
    return config


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """mkdocs hook: add the generated API pages."""
    from mkdocs.structure.files import File

    for module in public_modules():
        uri = f"reference/{module}.md"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=api_page(module)))
    return files
