"""The chat page: ``build_app`` lays out the gr.Blocks, ``serve`` launches it on loopback.

Layout: report picker (only when the catalogue holds several reports), chat, question box and
example questions on the left; facts card, market-size chart, source picker and source panel on the
right. The answering function is also the named API endpoint ``/ask`` (see ``ChatHandlers.ask_api``).
"""

from __future__ import annotations

import logging
import os
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from assistant.errors import ConfigError
from assistant.settings import Settings
from assistant.ui.assets import CSS, PAGE_JS, REF_JS, SCROLL_TO_MARK_JS
from assistant.ui.cards import examples_html, report_label
from assistant.ui.context import EMPTY_SOURCE_HTML
from assistant.ui.handlers import AUTO, OUTPUTS, AssistantLike, ChatHandlers
from assistant.ui.pool import ANSWER_SLOTS
from assistant.ui.security import PageGuard

logger = logging.getLogger(__name__)

# System fonts only: the page must render offline, with nothing fetched from a font CDN.
SANS = [
    "ui-sans-serif",
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Helvetica",
    "Arial",
    "sans-serif",
]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]
EVENT_CONCURRENCY = 32  # page events (or /ask calls) in progress at once, most of them waiting
SESSION_CAPACITY = 500  # browser sessions whose component state Gradio keeps (the oldest go first)
STORAGE_KEY = "report-assistant-conversation"


def theme() -> gr.themes.Base:
    """A calm theme with system fonts (no Google Fonts request)."""
    return gr.themes.Soft(primary_hue="blue", neutral_hue="slate", font=SANS, font_mono=MONO)


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """``ASSISTANT_UI_AUTH`` ('user:password') as a (user, password) pair; None when unset.

    Raises ``ConfigError`` (without echoing the password) when the value is malformed.
    """
    if value is None or value == "":
        return None
    user, sep, password = value.partition(":")
    if not sep or not user.strip() or not password:
        raise ConfigError("ASSISTANT_UI_AUTH must look like 'user:password' with both parts non-empty")
    return user.strip(), password


def picker_choices(assistant: AssistantLike) -> list[tuple[str, str]]:
    """(label, id) of every report, labelled by title, publisher and years (as far as the catalogue
    knows them); automatic routing first when there are several."""
    summaries = list(assistant.reports())
    choices = [
        (report_label(s.title, getattr(s, "publisher", None), getattr(s, "years", None)), s.id)
        for s in summaries
    ]
    if len(summaries) > 1:
        choices.insert(0, ("All reports: each question goes to the market it names", AUTO))
    return choices


def build_app(
    assistant: AssistantLike,
    report_id: str | None = None,
    stream_delay_s: float = 0.03,
    concurrency: int = ANSWER_SLOTS,
    handlers: ChatHandlers | None = None,
) -> gr.Blocks:
    """The chat page over ``assistant``; ``report_id`` preselects a report (default: the only one,
    or automatic routing when there are several). ``stream_delay_s`` paces streamed text (seconds);
    ``concurrency`` is how many answers (page or /ask) are computed at once, the rest wait.
    ``handlers`` replaces the page's handlers (already warmed, for instance)."""
    handlers = handlers or ChatHandlers(assistant, stream_delay_s=stream_delay_s, workers=concurrency)
    choices = picker_choices(assistant)
    if report_id is not None:
        assistant.report(report_id)  # raises ReportNotFoundError for an unknown id
        initial = report_id
    else:
        initial = choices[0][1] if choices else AUTO
    card, examples = handlers.card_and_examples(initial)

    with gr.Blocks(title="Report analyst assistant", analytics_enabled=False, fill_width=True) as demo:
        stored = gr.BrowserState(None, storage_key=STORAGE_KEY)
        gr.HTML(
            '<div class="app-header"><h1>Report analyst assistant</h1>'
            "<p>Answers come from the report's own text, with numbered citations; "
            "every computed figure shows its working.</p></div>"
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=340):
                picker = gr.Dropdown(
                    choices=choices,
                    value=initial,
                    label="Report",
                    visible=len(choices) > 1,
                    interactive=True,
                    filterable=True,
                    elem_id="report-picker",
                )
                chatbot = gr.Chatbot(
                    show_label=False,
                    height=560,
                    elem_id="chat",
                    feedback_options=None,
                    buttons=[],
                    latex_delimiters=[],
                    placeholder="Ask a question about the report, or pick an example below.",
                )
                with gr.Row(equal_height=True):
                    # Closed until the page has restored its conversation: a question typed before
                    # that would be wiped by the restore.
                    question = gr.Textbox(
                        show_label=False,
                        interactive=False,
                        placeholder="Loading the conversation…",
                        scale=6,
                        min_width=160,
                        lines=1,
                        max_lines=6,
                        elem_id="question",
                        container=False,
                    )
                    ask = gr.Button("Ask", variant="primary", scale=1, min_width=70, elem_id="ask-button")
                    clear = gr.Button(
                        "Clear", variant="secondary", scale=1, min_width=70, elem_id="clear-button"
                    )
                status = gr.HTML("", elem_id="status")
                example_set = gr.HTML(examples_html(examples), elem_id="examples")
            with gr.Column(scale=2, min_width=320):
                facts = gr.HTML(card, elem_id="facts-card")
                chart = gr.Plot(
                    label="Market size by year",
                    show_label=False,
                    visible=False,
                    elem_id="chart",
                    format="png",
                )
                citations = gr.Radio(
                    choices=[],
                    label="Sources of the answer: choose one to see it in the report",
                    visible=False,
                    elem_id="citations",
                )
                source = gr.HTML(EMPTY_SOURCE_HTML, elem_id="source-panel")
        # Hidden controls the page script drives (see assets.PAGE_JS).
        ref_box = gr.Textbox(visible="hidden", elem_id="page-ref")
        cite_button = gr.Button("cite", visible="hidden", elem_id="cite-trigger")
        choice_button = gr.Button("choose", visible="hidden", elem_id="choice-trigger")
        example_button = gr.Button("example", visible="hidden", elem_id="example-trigger")

        named = {
            "chat": chatbot,
            "question": question,
            "stored": stored,
            "citations": citations,
            "source": source,
            "chart": chart,
            "status": status,
            "facts": facts,
            "examples": example_set,
            "picker": picker,
        }
        outputs: list[Any] = [named[name] for name in OUTPUTS]
        answering: dict[str, Any] = {
            "outputs": outputs,
            "api_visibility": "private",
            "show_progress": "hidden",
            "trigger_mode": "multiple",  # a question asked while another is answered waits its turn
            "concurrency_limit": EVENT_CONCURRENCY,
            "concurrency_id": "page-answers",
        }
        private: dict[str, Any] = {"api_visibility": "private"}
        for trigger in (question.submit, ask.click):
            trigger(handlers.respond, [question, stored, picker], **answering)
        example_button.click(handlers.respond_example, [ref_box, stored, picker], js=REF_JS, **answering)
        choice_button.click(handlers.choose_report, [ref_box, stored, picker], js=REF_JS, **answering)
        cite_button.click(
            handlers.show_citation, [ref_box, stored], [source, citations], js=REF_JS, queue=False, **private
        ).then(None, js=SCROLL_TO_MARK_JS, **private)
        citations.input(
            handlers.show_citation, [citations, stored], [source, citations], queue=False, **private
        ).then(None, js=SCROLL_TO_MARK_JS, **private)
        clear.click(handlers.clear, [picker, stored], outputs, queue=False, **private)
        picker.input(handlers.pick_report, [picker, stored], outputs, **private)
        demo.load(handlers.restore, [stored, picker], outputs, queue=False, **private)
        gr.api(  # type: ignore[attr-defined]  # gradio does not re-export it
            handlers.ask_api,
            api_name="ask",
            concurrency_limit=EVENT_CONCURRENCY,
            concurrency_id="api-answers",
        )
    queued: gr.Blocks = demo.queue(default_concurrency_limit=EVENT_CONCURRENCY)
    return queued


def serve(
    demo: gr.Blocks,
    settings: Settings,
    host: str | None = None,
    port: int | None = None,
    prevent_thread_lock: bool = False,
) -> str:
    """Launch ``demo`` (host/port default to settings.ui, i.e. 127.0.0.1:7860); returns its URL.

    With ``prevent_thread_lock`` the server runs in the background until ``demo.close()``.
    """
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # belt and braces; the Blocks already opt out
    auth = parse_auth(settings.ui.auth)
    app_kwargs: dict[str, Any] = {"middleware": [Middleware(PageGuard)]}
    if auth is not None:
        app_kwargs["openapi_url"] = None  # FastAPI's schema of every route, open to anyone otherwise
    try:
        _, url, _ = demo.launch(
            server_name=host or settings.ui.host,
            server_port=port or settings.ui.port,
            auth=auth,
            auth_message="Sign in to the report analyst assistant.",
            show_error=False,  # failures reach the page as warnings, never as tracebacks
            prevent_thread_lock=prevent_thread_lock,
            share=False,
            inbrowser=False,
            quiet=True,
            footer_links=["api"],
            run_history=False,
            ssr_mode=False,
            max_threads=2 * EVENT_CONCURRENCY + 16,
            state_session_capacity=SESSION_CAPACITY,
            app_kwargs=app_kwargs,
            theme=theme(),
            css=CSS,
            head=PAGE_JS,
        )
    except OSError as exc:
        raise ConfigError(
            f"cannot serve the chat page on {host or settings.ui.host}:{port or settings.ui.port}: {exc}"
        ) from exc
    return str(url)
