"""The chat page: ``build_app`` lays out the gr.Blocks, ``serve`` launches it on loopback.

Layout: report picker (only when the catalogue holds several reports), chat, question box and
example questions on the left; facts card, market-size chart and source panel on the right.
The answering function is also the named API endpoint ``/ask`` (see ``ChatHandlers.ask_api``).
"""

from __future__ import annotations

import logging
import os
from typing import Any

import gradio as gr

from assistant.errors import ConfigError
from assistant.settings import Settings
from assistant.ui.context import EMPTY_SOURCE_HTML
from assistant.ui.handlers import AUTO, AssistantLike, ChatHandlers, new_session

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
ANSWER_CONCURRENCY = 4  # answers computed at once (the rest queue); 4 beat 2 in bench_chat_load on 2 cores

CSS = """
.app-header h1 { margin: 0 0 2px 0; font-size: 1.35rem; }
.app-header p { margin: 0; color: var(--body-text-color-subdued); font-size: 0.9rem; }
.facts-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 12px 14px;
  background: var(--background-fill-secondary); }
.facts-title { font-weight: 600; font-size: 1rem; line-height: 1.3; }
.facts-sub { color: var(--body-text-color-subdued); font-size: 0.8rem; margin-bottom: 8px; }
.facts-card table.facts-table { width: 100%; border-collapse: collapse; font-size: 0.85rem;
  border: none !important; }
.facts-table th { text-align: left; font-weight: 500; color: var(--body-text-color-subdued);
  padding: 3px 8px 3px 0; width: 44%; vertical-align: top; border: none; background: none; }
.facts-table td { padding: 3px 0; font-weight: 600; border: none; background: none; }
.facts-table tr { border: none; background: none !important; }
.fact-missing { font-weight: 400; font-style: italic; color: var(--body-text-color-subdued); }
.facts-check { margin-top: 8px; font-size: 0.75rem; padding: 4px 8px; border-radius: 6px; }
.facts-agree { background: #ecfdf5; color: #065f46; }
.facts-disagree { background: #fff7ed; color: #9a3412; }
.facts-unknown { background: #f3f4f6; color: #374151; }
.facts-list { margin: 4px 0 0 18px; font-size: 0.85rem; }
.source-passage { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px;
  font-size: 0.85rem; line-height: 1.5; max-height: 320px; overflow-y: auto; }
.source-meta { font-size: 0.75rem; color: var(--body-text-color-subdued); margin-bottom: 6px; }
.source-text p { margin: 0 0 0.55em 0; }
.source-text mark { background: #fde68a; color: #111827; padding: 1px 2px; border-radius: 3px; }
.source-empty { color: var(--body-text-color-subdued); font-style: italic; }
.source-warning { color: #9a3412; font-size: 0.8rem; }
#status { min-height: 0; color: #9a3412; }
"""


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


def _picker_choices(handlers: ChatHandlers) -> list[tuple[str, str]]:
    summaries = handlers.summaries()
    choices = [(f"{s.title} ({s.id})", s.id) for s in summaries]
    if len(summaries) > 1:
        choices.insert(0, ("All reports: route each question to the market it names", AUTO))
    return choices


def build_app(
    assistant: AssistantLike,
    report_id: str | None = None,
    stream_delay_s: float = 0.03,
    concurrency: int = ANSWER_CONCURRENCY,
) -> gr.Blocks:
    """The chat page over ``assistant``; ``report_id`` preselects a report (default: the only one,
    or automatic routing when there are several). ``stream_delay_s`` paces streamed text (seconds);
    ``concurrency`` is how many answers (page or /ask) are computed at once, the rest queue."""
    handlers = ChatHandlers(assistant, stream_delay_s=stream_delay_s)
    choices = _picker_choices(handlers)
    if report_id is not None:
        assistant.report(report_id)  # raises ReportNotFoundError for an unknown id
        initial = report_id
    else:
        initial = choices[0][1] if choices else AUTO
    card, examples = handlers.card_and_examples(initial)
    first_session = new_session()
    first_session["shown_report"] = None if initial == AUTO else initial

    with gr.Blocks(title="Report analyst assistant", analytics_enabled=False, fill_width=True) as demo:
        session = gr.State(first_session)
        gr.HTML(
            '<div class="app-header"><h1>Report analyst assistant</h1>'
            "<p>Answers come from the report's own text, with numbered citations; "
            "every computed figure shows its working.</p></div>"
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                picker = gr.Dropdown(
                    choices=choices,
                    value=initial,
                    label="Report",
                    visible=len(choices) > 1,
                    interactive=True,
                    elem_id="report-picker",
                )
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=580,
                    elem_id="chat",
                    feedback_options=None,
                    buttons=["copy"],
                    placeholder="Ask a question about the report, or pick an example below.",
                )
                with gr.Row(equal_height=True):
                    question = gr.Textbox(
                        show_label=False,
                        placeholder="Ask about the report…",
                        scale=6,
                        lines=1,
                        max_lines=6,
                        elem_id="question",
                        container=False,
                    )
                    ask = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask-button")
                    clear = gr.Button(
                        "Clear", variant="secondary", scale=1, min_width=80, elem_id="clear-button"
                    )
                status = gr.Markdown("", elem_id="status")
                example_set = gr.Dataset(
                    components=[question],
                    samples=[[q] for q in examples],
                    label="Example questions",
                    elem_id="examples",
                    samples_per_page=12,
                )
            with gr.Column(scale=2, min_width=360):
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
                    label="Citations: choose one to see it in the report",
                    visible=False,
                    elem_id="citations",
                )
                source = gr.HTML(EMPTY_SOURCE_HTML, elem_id="source-panel")

        outputs: list[Any] = [chatbot, question, session, citations, source, chart, status, facts]
        ask_args: dict[str, Any] = {
            "fn": handlers.respond,
            "inputs": [question, session, picker],
            "outputs": outputs,
            "api_visibility": "private",
            "show_progress": "hidden",
        }
        question.submit(**ask_args)
        ask.click(**ask_args)
        example_set.click(
            lambda sample: sample[0], [example_set], [question], api_visibility="private", queue=False
        ).then(**ask_args)
        clear.click(handlers.clear, [picker], outputs, api_visibility="private", queue=False)
        # The chatbot's own bin icon must forget the conversation too, not just empty the display.
        chatbot.clear(handlers.clear, [picker], outputs, api_visibility="private", queue=False)
        picker.input(handlers.pick_report, [picker], [*outputs, example_set], api_visibility="private")
        citations.input(handlers.show_citation, [citations, session], [source], api_visibility="private")
        gr.api(handlers.ask_api, api_name="ask")  # type: ignore[attr-defined]  # gradio does not re-export it
    queued: gr.Blocks = demo.queue(default_concurrency_limit=concurrency)
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
            theme=theme(),
            css=CSS,
        )
    except OSError as exc:
        raise ConfigError(
            f"cannot serve the chat page on {host or settings.ui.host}:{port or settings.ui.port}: {exc}"
        ) from exc
    return str(url)
