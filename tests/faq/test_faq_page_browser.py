"""The published HTML page in a real browser (Debian's Chromium through Playwright) at desktop and
phone widths: system fonts, a readable measure, no sideways scrolling, compact spacing.

Set ASSISTANT_FAQ_SCREENSHOTS=docs to refresh docs/faq-page-desktop.png and docs/faq-page-phone.png.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.faq import FaqDocument, render
from tests.browser import headless_chromium

VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}

# Layout facts of the rendered page, measured in CSS pixels.
MEASURE = """() => {
  const section = document.querySelector('.report-faq');
  const question = document.querySelector('.faq-item .faq-question');
  const answer = document.querySelector('.faq-item .faq-answer p');
  const quote = document.querySelector('.faq-citations blockquote');
  const box = (el) => el.getBoundingClientRect();
  const style = (el) => getComputedStyle(el);
  return {
    font: style(section).fontFamily,
    headingFont: style(question).fontFamily,
    sectionWidth: box(section).width,
    sectionLeft: box(section).left,
    sectionRight: window.innerWidth - box(section).right,
    paragraphWidth: box(answer).width,
    questionToAnswer: box(answer).top - box(question).bottom,
    quoteIndent: box(quote).left - box(answer).left,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
}"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from headless_chromium()


def _open(chromium: Any, path: Path, size: tuple[int, int]) -> tuple[Any, Any, list[str]]:
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return context, page, requests


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_the_page_is_readable(chromium, seed_faq: FaqDocument, tmp_path: Path, width: str) -> None:
    path = tmp_path / "faq.html"
    path.write_text(render(seed_faq, "html"), encoding="utf-8")
    context, page, requests = _open(chromium, path, VIEWPORTS[width])
    try:
        facts = page.evaluate(MEASURE)
        shot = tmp_path / f"faq-page-{width}.png"
        page.screenshot(path=str(shot))
    finally:
        context.close()
    assert requests == [path.as_uri()], "the page loads nothing but itself"
    assert "system-ui" in facts["font"] and "Times" not in facts["font"], facts
    assert "Times" not in facts["headingFont"], facts
    assert facts["scrollWidth"] <= facts["innerWidth"], f"the page scrolls sideways: {facts}"
    assert facts["questionToAnswer"] <= 12, f"a large gap under the question: {facts}"
    assert facts["quoteIndent"] <= 24, f"quotes are indented too far: {facts}"
    if width == "desktop":
        assert facts["paragraphWidth"] <= 760, f"lines too long to read: {facts}"
        assert abs(facts["sectionLeft"] - facts["sectionRight"]) <= 2, f"the page is not centred: {facts}"
    else:
        assert facts["paragraphWidth"] >= 330, f"the phone's width is wasted: {facts}"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    folder = os.environ.get("ASSISTANT_FAQ_SCREENSHOTS")
    if folder:
        shutil.copy(shot, Path(folder) / shot.name)


def test_without_the_stylesheet_the_same_checks_fail(chromium, seed_faq: FaqDocument, tmp_path: Path) -> None:
    """The measurements above can fail: the browser's defaults (Times, wide gaps) do not pass them."""
    path = tmp_path / "bare.html"
    path.write_text(render(seed_faq, "html", stylesheet=""), encoding="utf-8")
    context, page, _ = _open(chromium, path, VIEWPORTS["desktop"])
    try:
        facts = page.evaluate(MEASURE)
    finally:
        context.close()
    assert "system-ui" not in facts["font"]
    assert facts["questionToAnswer"] > 12 and facts["quoteIndent"] > 24 and facts["paragraphWidth"] > 760
