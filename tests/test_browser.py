"""The HTML report in a real browser: headless Chromium renders what
`quoteattr SEED --format html` writes, and the quotes and the speaker table
are there, highlighted and readable.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them) and
selenium (the `dev` extra). Where no browser can be had the test is skipped
and says why.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3f19f54ed547ed9.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="no headless browser here: apt-get install chromium chromium-driver",
)


@pytest.fixture(scope="module")
def seed_doc() -> quoteattr.Document:
    return quoteattr.analyze(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the dev extra")
    from selenium.webdriver.chrome.service import Service

    report = tmp_path_factory.mktemp("report") / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "quoteattr", str(SEED), "--format", "html", "-o", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000"):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    except Exception as error:  # a browser that cannot start is an environment gap
        pytest.skip(f"headless Chromium did not start: {error}")
    driver.get(report.as_uri())
    yield driver
    driver.quit()


def _by_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_each_quote_is_highlighted_with_its_text(browser, seed_doc, kind):
    expected = [q.text for q in seed_doc.quotes if q.kind == kind]
    marks = [e for e in _by_css(browser, f".qa-text .qa-{kind}") if e.is_displayed()]
    # A quote interrupted by an inner mark is split in several elements;
    # their text joined in order is the quote.
    assert len(marks) >= len(expected)
    shown = " ".join(e.text for e in marks)
    for text in expected:
        assert text.split()[0] in shown and text.split()[-1] in shown


def test_quotes_are_coloured_by_kind(browser, seed_doc):
    colours = {}
    for kind in {q.kind.value for q in seed_doc.quotes}:
        element = _by_css(browser, f".qa-text .qa-{kind}")[0]
        colours[kind] = element.value_of_css_property("background-color")
    assert all(c not in {"rgba(0, 0, 0, 0)", "transparent"} for c in colours.values())
    assert len(set(colours.values())) == len(colours), colours


def test_speaker_table_lists_who_is_quoted(browser, seed_doc):
    table = _by_css(browser, "table.qa-speakers")
    assert table and table[0].is_displayed()
    text = table[0].text
    for name in {q.speaker.name for q in seed_doc.quotes if q.speaker}:
        assert name in text


def test_speaker_names_show_on_hover(browser, seed_doc):
    titles = [e.get_attribute("title") or "" for e in _by_css(browser, ".qa-text .qa-q")]
    named = {q.speaker.name for q in seed_doc.quotes if q.speaker}
    assert any(name in title for title in titles for name in named)


def test_page_renders_without_scripts(browser, tmp_path):
    assert not _by_css(browser, "script")
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
