"""Report Markdown shown as text: syntax removed, words, line breaks and offsets' meaning kept."""

from __future__ import annotations

import pytest

from assistant.ui.display import one_line, plain_text, shorten
from tests.ui.ui_helpers import MARKDOWN_REPORT


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("**Market size in 2024:** USD 845.0 Million", "Market size in 2024: USD 845.0 Million"),
        ("## Report Snapshot", "Report Snapshot"),
        ("### Key Companies ###", "Key Companies"),
        ("- **Wyrmshine Ltd.** – premium polishes", "• Wyrmshine Ltd. – premium polishes"),
        ("  * nested item", "  • nested item"),
        ("see [their site](http://example.com/x) now", "see their site now"),
        ("a photo ![hatchery](http://example.com/p.png) here", "a photo hatchery here"),
        ("<https://example.com/a>", "https://example.com/a"),
        ("*italic* and _also_ and __strong__", "italic and also and strong"),
        ("R&amp;D spending &lt;rising&gt;", "R&D spending <rising>"),
        ("`code` and ~~gone~~", "code and gone"),
        ("> quoted line", "quoted line"),
        ("a <br> b <span class='x'>c</span>", "a  b c"),
        (r"5\*3 \[not a link\]", "5*3 [not a link]"),
    ],
)
def test_markdown_becomes_text(markdown, text):
    assert plain_text(markdown) == text


def test_text_that_is_not_markdown_is_left_alone():
    for text in (
        "6.71 x 1.0565^4 = 8.36",
        "2 * 3 * 4 = 24",
        "snake_case_name",
        "Market Size (2031)\n\nUSD 9.33",
    ):
        assert plain_text(text) == text


def test_a_quote_cut_inside_bold_loses_the_stray_half():
    # A quote may start or end inside emphasis; the half left over is markup, not text.
    assert plain_text("Kelpwise Harvest Co.** – rope farms") == "Kelpwise Harvest Co. – rope farms"
    assert plain_text("- **Drift & Frond Ltd.") == "• Drift & Frond Ltd."


def test_a_whole_markdown_report_keeps_its_words():
    source = MARKDOWN_REPORT.read_text(encoding="utf-8")
    shown = plain_text(source)
    for markup in ("**", "##", "](", "!["):
        assert markup not in shown
    assert "Market size in 2024: USD 412.0 Million" in shown
    assert "R&D spending on harvest robots" in shown
    assert shown.count("\n") == source.count("\n"), "line breaks are kept"


def test_one_line_and_shorten():
    assert one_line("**A**\n\n  b ") == "A b"
    assert shorten("alpha beta gamma delta", 14) == "alpha beta…"
    assert shorten("short", 14) == "short"
    assert len(shorten("word " * 40, 30)) <= 30
