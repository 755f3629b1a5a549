"""Every script in examples/ runs as a user would run it, and says what it should.

Each example is started in a subprocess with this interpreter (no network, no clock: the
scripts take their reference day as an argument and read only the files they ship or write).
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CPR_DIGITS = "100305-4321"  # the synthetic CPR number in examples/data/intake.json


@functools.cache
def run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run one example (each distinct command once per test session: they are deterministic)."""
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


# script -> (arguments, expected exit status)
RUNS: dict[str, tuple[tuple[str, ...], int]] = {
    "intake_eligibility.py": (("--lang", "en"), 0),
    "nightly_review.py": (("--lang", "en"), 1),  # the sample export has one bad line on purpose
    "property_test_your_code.py": ((), 0),
    "from_csv_exports.py": ((), 1),  # the sample has two bad rows on purpose
    "pin_our_choices.py": ((), 0),
    "publish_metrics.py": ((), 0),
}


def test_every_example_script_is_run_by_this_file() -> None:
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(RUNS)


@pytest.mark.parametrize("script", sorted(RUNS))
def test_example_exits_as_documented(script: str) -> None:
    args, status = RUNS[script]
    result = run(script, *args)
    assert result.returncode == status, result.stderr
    assert result.stdout.strip()


# -- intake_eligibility.py ----------------------------------------------------------------------


def test_intake_reports_each_applicant_with_reasons_and_refuses_bad_data() -> None:
    result = run("intake_eligibility.py", "--lang", "en")
    out = result.stdout
    assert "A-101: age 20, in target group: yes, outreach: yes, eligible until 9.3.2030" in out
    assert "A-103: age 25, in target group: no" in out
    assert "eligibility.completed_qualifying_education" in out
    assert "LBK nr. 953 af 12/08/2024" in out
    # born 29.2.2004: with the default LeapDayRule.MARCH_1 the last day is 28.2.2029
    assert "A-105: age 21, in target group: yes, outreach: no, eligible until 28.2.2029" in out
    assert "A-104: rejected: educations[0].left_on: must not be before started_on" in result.stderr
    assert "4 assessed, 1 rejected" in result.stderr


def test_intake_never_prints_the_cpr_number() -> None:
    for args in ((), ("--json",), ("--lang", "en")):
        result = run("intake_eligibility.py", *args)
        assert CPR_DIGITS not in result.stdout + result.stderr
        assert CPR_DIGITS.replace("-", "") not in result.stdout + result.stderr


def test_intake_json_lines_are_machine_readable_and_follow_the_day_given() -> None:
    result = run("intake_eligibility.py", "--json", "--on", "2030-03-10")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    first = rows[0]
    assert first["person_id"] == "A-101"
    assert first["on"] == "2030-03-10"
    assert first["in_target_group"] is False  # 25 on 10.3.2030
    assert "eligibility.over_age_limit" in first["codes"]


def test_intake_speaks_danish_by_default() -> None:
    out = run("intake_eligibility.py").stdout
    assert "A-101: alder 20, i målgruppen: ja, opsøgende indsats: ja" in out
    assert "kommunen skal tilbyde vejledning gennem opsøgende indsats" in out


# -- property_test_your_code.py -----------------------------------------------------------------


def test_property_example_runs_every_property() -> None:
    result = run("property_test_your_code.py")
    assert result.returncode == 0, result.stderr
    assert "ok  test_worklist_is_exactly_those_needing_outreach" in result.stdout
    assert "4 properties hold" in result.stdout


# -- publish_metrics.py -------------------------------------------------------------------------


def test_metrics_table_has_every_municipality_and_the_total() -> None:
    out = run("publish_metrics.py").stdout
    assert "## Young people's education and work, 1 October 2025" in out
    for name in ("Esbjerg (561)", "Varde (573)", "Vejen (575)", "Læsø (825)", "Total"):
        assert f"| {name} |" in out
    assert "at most 3.5 % by 2030" in out


def test_metrics_table_suppresses_the_small_municipality_and_shows_no_counts() -> None:
    out = run("publish_metrics.py").stdout
    laeso = next(line for line in out.splitlines() if line.startswith("| Læsø"))
    assert laeso.count("[suppressed]") == 3
    # a suppressed small cell never stands alone in a column: secondary suppression
    rows = [line.split(" | ") for line in out.splitlines() if line.startswith("| ")][1:-1]
    for column in (1, 2, 3):
        assert [row[column] for row in rows].count("[suppressed]") != 1
    assert not re.search(r"\d+/\d", out)  # shares only, never "n/N" counts


def test_metrics_csv_is_the_same_table() -> None:
    result = run("publish_metrics.py", "--format", "csv", "--year", "2024")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Municipality,Completion at 25,NEET 15–24,EUD/EUX applications"
    assert len(lines) == 6
    assert lines[4].startswith("Læsø (825),[suppressed],[suppressed],[suppressed]")


# -- nightly_review.py --------------------------------------------------------------------------


def test_nightly_review_lists_errors_then_warnings_and_refuses_the_bad_line() -> None:
    result = run("nightly_review.py", "--lang", "en")
    out = result.stdout
    assert "Nightly review 2.3.2026: 6 open cases" in out
    assert "Errors (1):" in out  # the duty (KUI law § 2 a); the rest rests on guidance
    assert "  y-102  coordination.gap: No coordinator during 2.2.2026 through 8.2.2026." in out
    assert "  y-104  duty.contact_overdue:" in out
    assert "  y-105  transition.no_next_step:" in out
    assert "  y-106  coordination.missing:" in out
    assert "Warnings (5):" in out
    assert out.index("Errors (1):") < out.index("Warnings (5):")
    assert "In order (1): y-101" in out
    assert "refused: line 7: $.opened_on: not a real calendar date" in result.stderr
    assert result.returncode == 1


def test_nightly_review_json_is_one_finding_per_line_with_half_open_periods() -> None:
    result = run("nightly_review.py", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["severity"] for row in rows] == ["error"] * 1 + ["warning"] * 5
    gap = rows[1]
    assert gap["code"] == "coordination.gap"
    assert gap["period"] == {"start": "2026-02-02", "end": "2026-02-09"}
    assert "til og med 8.2.2026" in gap["message"]  # Danish by default, inclusive last day


def test_nightly_review_on_a_later_night_2026_03_20_sees_the_days_run_on() -> None:
    """y-104's lapse of 16.2.2026 is still uncontacted: the contact stays overdue, and as the
    30 days for a new activity run from the contact (Policy.new_activity_from CONTACT), that
    deadline has not started. The case without a coordinator is reported up to the night."""
    out = run("nightly_review.py", "--on", "2026-03-20", "--lang", "en").stdout
    assert "y-104  duty.contact_overdue:" in out
    assert "duty.new_activity_overdue" not in out
    assert (
        "y-106  coordination.missing: The case has no coordinator (20.2.2026 through 20.3.2026)"
        in out
    )


def test_the_shipped_sample_export_is_what_the_script_writes(tmp_path: Path) -> None:
    target = tmp_path / "open_cases.jsonl"
    result = run("nightly_review.py", "--write-sample", str(target))
    assert result.returncode == 0, result.stderr
    shipped = EXAMPLES / "data" / "open_cases.jsonl"
    assert target.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


# -- docs/examples.md shows real output ---------------------------------------------------------


def _documented_runs() -> list[tuple[str, tuple[str, ...], list[str]]]:
    """(script, args, shown lines) for each section of docs/examples.md: the first command of its
    ``sh`` block and the ``text`` block after it ("..." marks lines left out)."""
    page = (ROOT / "docs" / "examples.md").read_text(encoding="utf-8")
    found = []
    for section in page.split("\n## ")[1:]:
        command = re.search(r"```sh\npython examples/(\S+)((?: --?\S+| [\w./-]+)*)", section)
        shown = re.search(r"```text\n(.*?)```", section, re.DOTALL)
        assert command is not None, section[:60]
        assert shown is not None, section[:60]
        args = tuple(command.group(2).split())
        lines = [line for line in shown.group(1).splitlines() if line != "..."]
        found.append((command.group(1), args, lines))
    return found


def test_every_example_has_a_section_in_the_docs() -> None:
    assert {script for script, _, _ in _documented_runs()} == set(RUNS)


@pytest.mark.parametrize(("script", "args", "lines"), _documented_runs(), ids=lambda v: str(v))
def test_the_output_shown_in_the_docs_is_the_real_output(
    script: str, args: tuple[str, ...], lines: list[str]
) -> None:
    result = run(script, *args)
    output = (result.stdout + "\n" + result.stderr).splitlines()
    missing = [line for line in lines if line not in output]
    assert missing == [], f"docs/examples.md shows lines {script} no longer prints"


# -- from_csv_exports.py ------------------------------------------------------------------------


def test_the_csv_exports_give_the_outreach_list_and_name_the_two_bad_rows() -> None:
    result = run("from_csv_exports.py")
    assert result.stdout.splitlines() == [
        "3 young people read, 2 rows not used",
        "outreach: ung-005 (age 17)",
    ]
    assert result.stderr.splitlines() == [
        "not used: people row 3, column 'foedselsdato': not a date (YYYY-MM-DD or dd-mm-yyyy)",
        "not used: educations row 6, column 'uddannelse': not one of the labels given",
    ]


# -- pin_our_choices.py -------------------------------------------------------------------------


def test_our_cases_decide_as_written_and_the_candidate_policy_changes_one() -> None:
    result = run("pin_our_choices.py", "--candidate", "examples/municipality/policy-2027.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "3 of 3 of our cases decide as written",
        "under policy-2027.json:",
        "  transitions.kui.yaml: Næste tilbud 18 dage efter er for sent efter vores frist:"
        " -transition.no_next_step",
        "  1 of 3 cases would decide differently",
    ]


def test_a_case_that_no_longer_decides_as_written_fails_the_job(tmp_path: Path) -> None:
    # The 2027 policy as the current one: the 18-day case is no longer late.
    result = run(
        "pin_our_choices.py", "--policy", str(ROOT / "examples/municipality/policy-2027.json")
    )
    assert result.returncode == 1
    assert "no longer as written: transitions.kui.yaml: Næste tilbud 18 dage" in result.stdout
    assert "codes: expected transition.no_next_step" in result.stdout
