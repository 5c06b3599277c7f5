"""The chat page in a real headless Chromium (Debian's package) driven by Playwright.

Set ASSISTANT_SCREENSHOT=docs/chat-page.png to refresh the README screenshot from the forecast test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assistant.ui import build_app, serve
from tests.ui.ui_helpers import FORECAST_QUESTION, SECOND_ID, SECOND_MARKET, expected_size, free_port, squash

USER = '#chat [data-testid="user"]'
BOT = '#chat [data-testid="bot"]'
RETRIES, RETRY_WAIT_MS = 40, 3000
expect.set_options(timeout=120_000)  # a cold CI machine may be slow to answer; nothing here is timed


def submit(page, text: str) -> None:
    box = page.locator("#question textarea")
    box.fill(text)
    box.press("Enter")


def ask(page, question: str) -> None:
    """Submit ``question`` and see it become a turn. Gradio drops a submit while the previous event
    is still finishing, so Enter is pressed again until the question shows up (no timing asserted)."""
    before = page.locator(USER).count()
    box = page.locator("#question textarea")
    box.fill(question)
    for _ in range(RETRIES):
        box.press("Enter")
        try:
            expect(page.locator(USER)).to_have_count(before + 1, timeout=RETRY_WAIT_MS)
            return
        except AssertionError:
            continue
    raise AssertionError(f"the page never took the question {question!r}")


def expect_marked(page, quote: str) -> None:
    """The source panel highlights exactly ``quote`` (in one piece per paragraph it spans)."""
    marks = page.locator("#source-panel mark")
    expect(marks.first).to_be_visible()
    expect(marks.first).to_contain_text(quote.split()[0])
    assert squash(" ".join(marks.all_inner_texts())) == squash(quote)


def wait_for_answers(page, count: int) -> None:
    """Until ``count`` answers are complete (the citation picker shows after each one)."""
    expect(page.locator(BOT)).to_have_count(count)
    expect(page.locator("#citations")).to_be_visible()
    expect(page.locator(BOT).nth(count - 1)).to_contain_text("Sources")


def test_forecast_question_shows_answer_citation_and_chart(page, chat_server, warm_assistant, tmp_path):
    web = page.page
    web.goto(chat_server)
    report = warm_assistant.report()
    expect(web.locator("#facts-card")).to_contain_text("USD 6.71 billion")
    expect(web.locator("#facts-card")).to_contain_text(report.facts.largest_region.name)
    for pair in report.faq:
        expect(web.locator("#examples")).to_contain_text(pair.question[:30])
    expect(web.locator("#report-picker")).to_be_hidden()  # one report: no picker
    expect(web.locator("#chart")).to_be_hidden()

    ask(web, FORECAST_QUESTION)
    wait_for_answers(web, 1)
    value = f"{expected_size(report, 2029):.2f}"
    answer = web.locator(BOT).first
    expect(answer).to_contain_text(f"USD {value} billion")
    expect(answer).to_contain_text("6.71 x 1.0565^4 = 8.36")
    expected = warm_assistant.ask(FORECAST_QUESTION)
    first = expected.citations[0]
    expect(answer).to_contain_text(f"“{squash(first.quote)}”")
    expect(web.locator("#citations label")).to_have_count(len(expected.citations))
    expect_marked(web, first.quote)

    chart = web.locator("#chart img")
    expect(chart).to_be_visible()
    width = chart.evaluate("img => img.naturalWidth")
    assert width > 300, f"the chart image did not load ({width} px wide)"
    assert page.external == [], f"the page fetched from the internet: {page.external}"

    shot = tmp_path / "chat-page.png"
    web.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("ASSISTANT_SCREENSHOT")
    if target:
        shutil.copy(shot, Path(target))


def test_choosing_a_citation_shows_its_passage(page, chat_server, warm_assistant):
    web = page.page
    web.goto(chat_server)
    question = "Which region is the largest?"
    ask(web, question)
    wait_for_answers(web, 1)
    citations = warm_assistant.ask(question).citations
    assert len(citations) >= 2, "this question should have at least two citations"
    web.locator("#citations label").nth(1).click()
    expect(web.locator("#source-panel .source-meta")).to_contain_text(f"characters {citations[1].start}–")
    expect_marked(web, citations[1].quote)
    expect(web.locator("#source-panel")).to_contain_text(citations[1].section)
    web.locator("#citations label").nth(0).click()
    expect(web.locator("#source-panel .source-meta")).to_contain_text(f"characters {citations[0].start}–")
    expect_marked(web, citations[0].quote)


def test_empty_message_ignored_and_over_long_refused(page, chat_server, warm_assistant):
    web = page.page
    web.goto(chat_server)
    limit = warm_assistant.settings.agent.max_question_chars
    long_question = "How big is it? " + "x" * limit
    submit(web, long_question)
    expect(web.locator(".toast-body")).to_contain_text(f"{limit:,}")
    expect(web.locator("#status")).to_contain_text(f"{limit:,}")
    expect(web.locator("#question textarea")).to_have_value(long_question)
    submit(web, "   ")
    ask(web, "What is the CAGR?")
    wait_for_answers(web, 1)
    # Neither the blank nor the refused message became a turn.
    expect(web.locator(USER)).to_have_count(1)
    expect(web.locator(USER)).to_have_text("What is the CAGR?")
    expect(web.locator("#status")).to_have_text("")


def test_follow_up_uses_the_conversation_and_clear_resets_it(page, chat_server, warm_assistant):
    web = page.page
    web.goto(chat_server)
    ask(web, FORECAST_QUESTION)
    wait_for_answers(web, 1)
    ask(web, "And in 2030?")
    wait_for_answers(web, 2)
    expect(web.locator(BOT).nth(1)).to_contain_text(f"{expected_size(warm_assistant.report(), 2030):.2f}")
    web.locator("#clear-button").click()
    expect(web.locator(USER)).to_have_count(0)
    expect(web.locator("#chart")).to_be_hidden()
    expect(web.locator("#citations")).to_be_hidden()
    # After clearing, a follow-up has no earlier year to lean on, so it is answered afresh.
    ask(web, FORECAST_QUESTION)
    wait_for_answers(web, 1)
    expect(web.locator(USER)).to_have_count(1)


def test_example_question_asks_it(page, chat_server, warm_assistant):
    web = page.page
    web.goto(chat_server)
    faq_question = warm_assistant.report().faq[0].question
    web.locator("#examples button", has_text=faq_question[:30]).click()
    wait_for_answers(web, 1)
    expect(web.locator(USER)).to_have_text(faq_question)


@pytest.fixture(scope="module")
def multi_server(multi_assistant, multi_settings) -> Iterator[str]:
    demo = build_app(multi_assistant, stream_delay_s=0.0)
    url = serve(demo, multi_settings, port=free_port(), prevent_thread_lock=True)
    try:
        yield url
    finally:
        demo.close()


def test_report_picker_switches_report(page, multi_server, multi_assistant):
    web = page.page
    web.goto(multi_server)
    picker = web.locator("#report-picker")
    expect(picker).to_be_visible()
    expect(web.locator("#facts-card")).to_contain_text("2 reports in the catalogue")
    second = multi_assistant.report(SECOND_ID)
    picker.locator("input").click()
    web.get_by_role("option", name=f"{second.title} ({SECOND_ID})").click()
    expect(web.locator("#facts-card")).to_contain_text(second.title)
    expect(web.locator("#examples")).to_contain_text(second.faq[0].question[:30])
    ask(web, FORECAST_QUESTION)
    wait_for_answers(web, 1)
    expect(web.locator("#source-panel")).to_contain_text(SECOND_ID)
    expect(web.locator(BOT).first).to_contain_text(f"{expected_size(second, 2029):.2f}")
    assert SECOND_MARKET in second.title
