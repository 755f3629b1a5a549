"""The docs site in a real browser: Debian's chromium, headless, at 1280 px.

The site is built once (or taken from ``$KUI_SITE_DIR``, where ``make test`` has just built it),
served from a local thread, and each page is opened inside a same-origin probe page whose script
measures what a reader would see: code blocks cut off (a scroll bar instead of the end of a
line), a page wider than the window, empty table header rows, identifiers in tables broken
across lines. Screenshots of the index, the rule reference and an API page are written next to
the site (``screenshots/``) for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")
WIDTH = 1280

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium package is not installed (apt-get install chromium; .ci/run does)",
)

PROBE = """<!doctype html>
<html><body style="margin:0">
<iframe id="page" src="/{page}" width="{width}" height="1800" style="border:0"></iframe>
<pre id="result">pending</pre>
<script>
document.getElementById("page").addEventListener("load", () => {{
  const win = document.getElementById("page").contentWindow;
  const doc = win.document;
  const all = (selector) => Array.from(doc.querySelectorAll(selector));
  const visible = (el) => el.getClientRects().length > 0;
  document.getElementById("result").textContent = JSON.stringify({{
    title: doc.title,
    page_width: doc.documentElement.scrollWidth,
    code_blocks: all("pre > code").length,
    code_cut: all("pre > code").filter((c) => visible(c) && c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent.slice(0, 60)),
    empty_headers: all("thead tr").filter((tr) => visible(tr)
      && Array.from(tr.children).every((th) => !th.textContent.trim())).length,
    broken_identifiers: all("td code")
      .filter((c) => !/\\s/.test(c.textContent) && c.getClientRects().length > 1)
      .map((c) => c.textContent),
    svg_width: Math.max(0, ...all("svg").map((svg) => svg.getBoundingClientRect().width)),
  }});
}});
</script>
</body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KUI_SITE_DIR")
    if given and (Path(given) / "index.html").exists():
        return Path(given)
    built = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(built)],
        cwd=ROOT,
        check=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    return built


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            match = re.fullmatch(r"/__probe/(.*)", self.path)
            if match is None:
                super().do_GET()
                return
            body = PROBE.format(page=match[1], width=WIDTH).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _chromium(*args: str) -> str:
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--virtual-time-budget=15000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.stdout


def _measure(server: str, page: str, screenshot: Path | None = None) -> dict[str, Any]:
    """What the probe measured on ``page``; with ``screenshot``, also a picture of it (the same
    browser run: the page at 1280 px, its first 1800 px)."""
    shot = [f"--screenshot={screenshot}"] if screenshot is not None else []
    window = f"--window-size={WIDTH + 20},{1900 if screenshot else 1000}"
    dom = _chromium(window, *shot, "--dump-dom", f"{server}/__probe/{page}")
    match = re.search(r'<pre id="result">(.*?)</pre>', dom, re.DOTALL)
    assert match is not None, dom[-500:]
    text = match[1].replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    assert text != "pending", f"{page} did not load"
    return json.loads(text.replace("&amp;", "&"))  # type: ignore[no-any-return]


PAGES = ["", "rules/", "reference/", "reference/youth/"]


_SHOTS = {"": "index", "rules/": "rules", "reference/youth/": "api-youth"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "index")
def test_a_page_at_1280_px_cuts_no_code_and_shows_no_empty_row_or_broken_name(
    server: str, site: Path, page: str
) -> None:
    """Each page measured; the index, the rule reference and an API page also photographed
    (``screenshots/`` next to the site) for a person to look at."""
    target = None
    if page in _SHOTS:
        (site / "screenshots").mkdir(exist_ok=True)
        target = site / "screenshots" / f"{_SHOTS[page]}-{WIDTH}.png"
    seen = _measure(server, page, target)
    if target is not None:
        assert target.read_bytes().startswith(b"\x89PNG")
        assert target.stat().st_size > 60_000  # an error page is about 24 kB
    assert seen["title"].endswith("kui-core"), seen["title"]  # the page itself, not an error
    assert seen["page_width"] <= WIDTH, f"the page is {seen['page_width']} px wide"
    assert seen["code_cut"] == []
    assert seen["empty_headers"] == 0
    assert seen["broken_identifiers"] == []


def test_the_measurement_sees_a_cut_code_block_where_there_is_one(server: str, site: Path) -> None:
    """The probe can fail: a page with a long unbreakable code line and no wrapping is cut."""
    bad = site / "__bad"
    bad.mkdir(exist_ok=True)
    (bad / "index.html").write_text(
        "<html><head><title>bad</title></head><body>"
        '<pre><code style="display:block;width:300px;overflow:auto;white-space:pre">'
        + "x"
        * 400
        + '</code></pre><table style="width:40px"><thead><tr><th></th><th></th></tr></thead>'
        "<tbody><tr><td><code style='word-break:break-all'>ApplicationShares</code>"
        "</td></tr></tbody></table>"
        '<div style="width:1500px">wide</div></body></html>',
        encoding="utf-8",
    )
    try:
        seen = _measure(server, "__bad/")
    finally:
        shutil.rmtree(bad)
    assert seen["code_cut"]
    assert seen["empty_headers"] == 1
    assert seen["broken_identifiers"] == ["ApplicationShares"]
    assert seen["page_width"] > WIDTH


def _case_reports(site: Path) -> dict[str, str]:
    """The HTML report of the sample case and of a case with 200 assignments, in the site."""
    import datetime as dt

    from kui_core import CoordinatorAssignment, Period, Youth, YouthCase
    from kui_core.cli.check import demo_cases
    from kui_core.picture import case_report_html

    on = dt.date(2026, 10, 1)
    sample = dict(demo_cases(on))["two coordinators for a month"]
    start = dt.date(2018, 1, 1)
    many = YouthCase(
        Youth("y-200", dt.date(2004, 1, 1)),
        start,
        coordinators=tuple(
            CoordinatorAssignment(
                f"c-{i % 12}", ("UU", "JOB", "SOC")[i % 3],
                Period(start + dt.timedelta(days=15 * i), start + dt.timedelta(days=15 * i + 16)),
            )
            for i in range(200)
        ),
    )  # fmt: skip
    folder = site / "__reports"
    folder.mkdir(exist_ok=True)
    pages = {"sample": case_report_html(sample, on), "many": case_report_html(many, on, lang="en")}
    for name, page in pages.items():
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
    return pages


@pytest.mark.parametrize("name", ["sample", "many"])
def test_the_html_case_report_at_1280_px_and_printed_on_a4(
    server: str, site: Path, name: str
) -> None:
    _case_reports(site)
    shots = site / "screenshots"
    shots.mkdir(exist_ok=True)
    target = shots / f"report-{name}-{WIDTH}.png"
    seen = _measure(server, f"__reports/{name}.html", target)
    assert seen["page_width"] <= WIDTH
    assert 600 < seen["svg_width"] <= WIDTH
    assert target.stat().st_size > 30_000
    if name == "sample":  # printing the long report takes long; one print shows the page prints
        pdf = shots / f"report-{name}-a4.pdf"
        url = f"{server}/__reports/{name}.html"
        _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
        assert pdf.read_bytes().startswith(b"%PDF")
