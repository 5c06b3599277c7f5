"""Chat page fixtures: a real Gradio server on loopback over the real offline Assistant, a second
catalogue holding three reports (one written in Markdown), and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import headless_chromium
from tests.ui.ui_helpers import FORECAST_QUESTION, MARKDOWN_REPORT, SECOND_ID, SECOND_MARKET, free_port


def without_auth(settings: Any) -> Any:
    """A copy of ``settings`` with no login, whatever the developer's environment says."""
    copy = settings.model_copy(deep=True)
    copy.ui.auth = None
    return copy


@pytest.fixture(scope="session")
def ui_settings(ingested_settings):
    return without_auth(ingested_settings)


@pytest.fixture(scope="session")
def warm_assistant(seed_assistant):
    """The shared offline Assistant after one question, so the page's first answer is not the cold one."""
    seed_assistant.ask("What is the CAGR?")
    return seed_assistant


@pytest.fixture(scope="session")
def chat_server(warm_assistant, ui_settings) -> Iterator[str]:
    """URL of the chat page over the seed report, served on 127.0.0.1 at a free port."""
    from assistant.ui import build_app, serve

    demo = build_app(warm_assistant, stream_delay_s=0.01)
    url = serve(demo, ui_settings, port=free_port(), prevent_thread_lock=True)
    try:
        yield url
    finally:
        demo.close()


@pytest.fixture(scope="session")
def multi_settings(tmp_path_factory: pytest.TempPathFactory, seed_path: Path):
    """Settings of a catalogue with three reports: the seed, a copy renamed to another market and a
    report written in Markdown (with a link and an image in its text)."""
    from assistant.index.ingest import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("two-reports")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / seed_path.name)
    text = seed_path.read_text(encoding="utf-8")
    renamed = text.replace("Clinical Trial Site Management Organization", SECOND_MARKET)
    (corpus / f"{SECOND_ID}.txt").write_text(renamed, encoding="utf-8")
    shutil.copy(MARKDOWN_REPORT, corpus / MARKDOWN_REPORT.name)
    settings = without_auth(Settings(data_dir=base / "data", corpus_dir=corpus))
    ingest(settings)
    return settings


@pytest.fixture(scope="session")
def multi_assistant(multi_settings):
    from assistant import Assistant

    return Assistant(multi_settings)


@pytest.fixture(scope="session")
def multi_server(multi_assistant, multi_settings) -> Iterator[str]:
    """URL of the chat page over the three-report catalogue (automatic routing preselected)."""
    from assistant.ui import build_app, serve

    demo = build_app(multi_assistant, stream_delay_s=0.0)
    url = serve(demo, multi_settings, port=free_port(), prevent_thread_lock=True)
    try:
        yield url
    finally:
        demo.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    yield from headless_chromium()


class PageWithRequests:
    """A Playwright page plus every URL it requested that is not on loopback."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.external: list[str] = []
        page.on("request", self._record)

    def _record(self, request: Any) -> None:
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            self.external.append(url)


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(browser) -> Iterator[PageWithRequests]:
    """A fresh browser context (its own storage, so its own conversation) at desktop size."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(120_000)  # a cold CI machine may take long to answer; no timing asserted
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        yield PageWithRequests(context.new_page())
    finally:
        context.close()


@pytest.fixture(scope="session")
def forecast_answer(warm_assistant):
    """The real Assistant's answer to the forecast question."""
    return warm_assistant.ask(FORECAST_QUESTION)
