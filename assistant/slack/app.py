"""The Slack surface: a slack_bolt ``App`` that answers mentions, direct messages and the slash command.

Flow for a mention or a direct message: post a placeholder in the message's thread at once
(``chat.postMessage``), read the thread for history when the message is a follow-up
(``conversations.replies``), ask the assistant, replace the placeholder with the answer (``chat.update``).
The slash command answers ephemerally through its ``response_url``. The bot holds no answering logic:
it only turns Slack text into a question and an ``Answer`` into Block Kit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol
from urllib.error import URLError
from urllib.parse import urlparse

from slack_bolt import Ack, App, BoltRequest, BoltResponse, Respond
from slack_bolt.context import BoltContext
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from assistant.domain.answer import Answer
from assistant.errors import AssistantError, ConfigError, InputError, ReportNotFoundError
from assistant.settings import Settings
from assistant.slack.blocks import APOLOGY, PLACEHOLDER, Block, render_answer, render_message
from assistant.slack.dedupe import Deduper, event_keys
from assistant.slack.history import Turn, thread_history
from assistant.slack.secrets import SlackTokens, redacting_logger
from assistant.slack.text import clean_text, parse_report_option

log = logging.getLogger(__name__)

_PEOPLE_SUBTYPES = (None, "thread_broadcast", "file_share")
MAX_LISTED_REPORTS = 20


class Answering(Protocol):
    """What the bot needs from ``assistant.Assistant``."""

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer: ...

    def reports(self) -> Sequence[Any]: ...


def api_base_url(url: str) -> str:
    """Check a Web API base URL and give it the trailing slash ``WebClient`` joins method names onto.

    Raises:
        ConfigError: the URL is not http(s)://host/...
    """
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"slack.api_url (ASSISTANT_SLACK_API_URL) must be an http(s) URL, got {url!r}")
    return url if url.endswith("/") else url + "/"


def is_from_bot(event: dict[str, Any], context: BoltContext | None = None) -> bool:
    """True for messages posted by any bot, this one included (answering them could loop forever)."""
    if event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message":
        return True
    own_user = context.bot_user_id if context is not None else None
    return own_user is not None and event.get("user") == own_user


class SlackBot:
    """The listeners; one instance per ``App``. Answers are computed one at a time (CPU-bound)."""

    def __init__(self, settings: Settings, assistant: Answering, deduper: Deduper | None = None) -> None:
        self._settings = settings
        self._assistant = assistant
        self._deduper = deduper or Deduper()
        self._ask_lock = threading.Lock()

    def register(self, app: App) -> None:
        app.use(self.drop_duplicates)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command(self._settings.slack.command)(self.on_command)

    # -- listeners (bolt injects arguments by name) ------------------------------------------------

    def drop_duplicates(
        self, body: dict[str, Any], req: BoltRequest, next_: Callable[[], BoltResponse]
    ) -> BoltResponse:
        """Global middleware: an event already seen (a retry, or a second event for one message) is
        acknowledged with ``X-Slack-No-Retry: 1`` and goes no further."""
        if body.get("type") != "event_callback" or self._deduper.first_time(event_keys(body)):
            return next_()
        retry = (req.headers.get("x-slack-retry-num") or ["-"])[0]
        log.info("ignoring a repeat of event %s (retry %s)", body.get("event_id"), retry)
        return BoltResponse(status=200, body="", headers={"X-Slack-No-Retry": "1"})

    def on_mention(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        self.answer_in_thread(event, context, client)

    def on_message(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        # Channel messages reach the bot as app_mention; only direct messages are answered here.
        if event.get("channel_type") != "im" or event.get("subtype") not in _PEOPLE_SUBTYPES:
            return
        self.answer_in_thread(event, context, client)

    def on_command(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        """``/report [--report ID] question``: answered ephemerally through the response_url."""
        try:
            report_id, question = parse_report_option(clean_text(str(command.get("text") or "")))
        except InputError as exc:
            ack(response_type="ephemeral", text=str(exc))
            return
        if not question or question.lower() in ("help", "?"):
            ack(response_type="ephemeral", text=self.usage())
            return
        ack(response_type="ephemeral", text=f"{PLACEHOLDER} _{question}_")
        try:
            text, blocks = self.reply(question, [], report_id)
        except Exception:
            log.exception("answering slash command %s failed", self._settings.slack.command)
            text, blocks = render_message(APOLOGY)
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    # -- answering ---------------------------------------------------------------------------------

    def answer_in_thread(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """Placeholder now, answer when ready, both in the thread of ``event``; apologise on failure."""
        if is_from_bot(event, context):
            return
        channel, ts = str(event["channel"]), str(event["ts"])
        thread_ts = str(event.get("thread_ts") or ts)
        placeholder_ts: str | None = None
        try:
            posted = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=PLACEHOLDER)
            placeholder_ts = str(posted["ts"])
            text, blocks = self._thread_reply(event, context, client)
            client.chat_update(channel=channel, ts=placeholder_ts, text=text, blocks=blocks)
        except Exception:
            log.exception("answering message %s in channel %s failed", ts, channel)
            self._apologise(client, channel, thread_ts, placeholder_ts)

    def _thread_reply(
        self, event: dict[str, Any], context: BoltContext, client: WebClient
    ) -> tuple[str, list[Block]]:
        try:
            report_id, question = parse_report_option(clean_text(str(event.get("text") or "")))
        except InputError as exc:
            return render_message(str(exc))
        if not question:
            return self.usage_message()
        history: list[Turn] = []
        if event.get("thread_ts"):  # a follow-up: the thread so far is the conversation
            history = thread_history(
                client,
                channel=str(event["channel"]),
                thread_ts=str(event["thread_ts"]),
                before_ts=str(event["ts"]),
                bot_user_id=context.bot_user_id,
                bot_id=context.bot_id,
            )
        return self.reply(question, history, report_id)

    def reply(self, question: str, history: list[Turn], report_id: str | None) -> tuple[str, list[Block]]:
        """Ask the assistant and render the answer; an ``AssistantError`` becomes a short notice."""
        try:
            with self._ask_lock:
                answer = self._assistant.ask(question, history=history or None, report_id=report_id)
        except ReportNotFoundError as exc:
            log.warning("unknown report asked for: %s", exc)
            return render_message(f":warning: {exc}\n{self._report_list()}")
        except AssistantError as exc:
            log.warning("assistant refused the question: %s", exc)
            return render_message(f":warning: {exc}")
        return render_answer(answer)

    def usage(self) -> str:
        command = self._settings.slack.command
        return (
            f"Ask me about a market-research report, e.g. `{command} how big will the market be in 2029?` "
            f"or mention me in a channel. To pick a report, start with `--report ID` or `report:ID`, "
            f"e.g. `{command} --report ID what is the CAGR?`.\n{self._report_list()}"
        )

    def usage_message(self) -> tuple[str, list[Block]]:
        return render_message(self.usage())

    def _report_list(self) -> str:
        try:
            reports = list(self._assistant.reports())
        except AssistantError as exc:
            return f"(The report list is unavailable: {exc})"
        if not reports:
            return "No reports are loaded yet."
        lines = [f"• `{getattr(r, 'id', r)}` {getattr(r, 'title', '')}".rstrip() for r in reports]
        more = len(lines) - MAX_LISTED_REPORTS
        shown = "\n".join(lines[:MAX_LISTED_REPORTS]) + (f"\n…and {more} more." if more > 0 else "")
        return "Reports:\n" + shown

    def _apologise(self, client: WebClient, channel: str, thread_ts: str, placeholder_ts: str | None) -> None:
        text, blocks = render_message(APOLOGY)
        try:
            if placeholder_ts:
                client.chat_update(channel=channel, ts=placeholder_ts, text=text, blocks=blocks)
            else:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks)
        except Exception:
            log.exception("could not post the apology in channel %s", channel)


class _HideClientTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that it is unused because a client is given; the
    client carries that same token (it must, to point at slack.api_url), so the warning only confuses."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_app(settings: Settings, assistant: Answering, tokens: SlackTokens) -> App:
    """A bolt ``App`` wired to the assistant, its Web API client pointed at ``settings.slack.api_url``.

    Construction calls ``auth.test`` once to learn the bot's identity.

    Raises:
        ConfigError: the API URL is malformed or unreachable, or Slack rejects the bot token.
    """
    base_url = api_base_url(settings.slack.api_url)
    bolt_logger = redacting_logger("assistant.slack.bolt", tokens)
    if not any(isinstance(f, _HideClientTokenNotice) for f in bolt_logger.filters):
        bolt_logger.addFilter(_HideClientTokenNotice())
    client = WebClient(token=tokens.bot_token, base_url=base_url, logger=bolt_logger)
    try:
        app = App(
            client=client,
            signing_secret=tokens.signing_secret or "",
            logger=bolt_logger,
            name="assistant-slack",
            # Acknowledge at once and answer in bolt's worker threads: Slack wants a reply within 3 s.
            process_before_response=False,
        )
    except BoltError as exc:
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN (auth.test at {base_url}): {exc}") from None
    except (URLError, OSError) as exc:
        raise ConfigError(f"cannot reach the Slack Web API at {base_url}: {exc}") from None
    SlackBot(settings, assistant).register(app)
    return app
