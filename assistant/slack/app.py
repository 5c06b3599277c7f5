"""The Slack surface: a slack_bolt ``App`` that answers mentions, direct messages and the slash command.

Every listener acknowledges at once and hands the answering to a bounded pool (``AnswerPool``), so
Slack's 3-second acknowledgement is met however many questions are waiting.

- A mention or a direct message: a placeholder goes into the message's thread at once
  (``chat.postMessage``); a worker reads the thread for history when the message is a follow-up
  (``conversations.replies``), asks the assistant and replaces the placeholder (``chat.update``).
- The slash command: the acknowledgement is the ephemeral placeholder, quoting the question; the
  answer replaces it through the command's ``response_url``, so the person sees one message.
- A report button (offered when a question fits several reports): the message with the buttons is
  replaced by the answer from the chosen report.

The bot holds no answering logic: it turns Slack text into a question and an ``Answer`` into Block Kit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
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
from assistant.slack.blocks import (
    APOLOGY,
    BUSY,
    PLACEHOLDER,
    Block,
    placeholder,
    render_message,
    render_notice,
)
from assistant.slack.choices import ACTION_PATTERN, Asked, decode
from assistant.slack.dedupe import Deduper, event_keys
from assistant.slack.history import Turn, thread_history
from assistant.slack.render import render_answer
from assistant.slack.secrets import SlackTokens, redacting_logger
from assistant.slack.text import clean_text, parse_report_option
from assistant.slack.workers import AnswerPool

log = logging.getLogger(__name__)

_PEOPLE_SUBTYPES = (None, "thread_broadcast", "file_share")
MAX_LISTED_REPORTS = 20
LISTENER_THREADS = 8  # bolt's threads only acknowledge and hand work on; they never wait on Slack
POSTING_THREADS = 8  # placeholders and other quick Web API calls

Reply = tuple[str, list[Block]]


class Answering(Protocol):
    """What the bot needs from ``assistant.Assistant`` (``ask`` is called from several threads)."""

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
    """The listeners; one instance per ``App``. Answers run in a bounded pool, several at once."""

    def __init__(
        self,
        settings: Settings,
        assistant: Answering,
        deduper: Deduper | None = None,
        pool: AnswerPool | None = None,
    ) -> None:
        self._settings = settings
        self._assistant = assistant
        self._deduper = deduper or Deduper()
        self.pool = pool or AnswerPool(settings.slack.workers, settings.slack.max_waiting)
        # Placeholders are posted here, not in bolt's listener threads, so a slow Slack API never
        # holds up the listener that must acknowledge a slash command.
        self._posting = ThreadPoolExecutor(POSTING_THREADS, thread_name_prefix="slack-post")
        self._titles: dict[str, str] = {}
        self._titles_lock = threading.Lock()

    def close(self) -> None:
        """Stop taking questions; let answers in progress finish."""
        self._posting.shutdown(wait=True, cancel_futures=True)
        self.pool.shutdown(wait=True)

    def register(self, app: App) -> None:
        app.use(self.drop_duplicates)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command(self._settings.slack.command)(self.on_command)
        app.action(ACTION_PATTERN)(self.on_choose_report)

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
        """``/report [--report ID] question``: one ephemeral message, the placeholder, then the answer."""
        try:
            report_id, question = parse_report_option(clean_text(str(command.get("text") or "")))
        except InputError as exc:
            text, blocks = render_notice(str(exc))
            ack(response_type="ephemeral", text=text, blocks=blocks)
            return
        if not question or question.lower() in ("help", "?"):
            text, blocks = self.usage_message()
            ack(response_type="ephemeral", text=text, blocks=blocks)
            return
        text, blocks = placeholder(question)
        ack(response_type="ephemeral", text=text, blocks=blocks)
        asked = Asked(question)

        def answer() -> None:
            try:
                reply = self.reply(asked, [], report_id, echo=True)
            except Exception:
                log.exception("answering slash command %s failed", self._settings.slack.command)
                reply = render_message(APOLOGY)
            self._respond(respond, reply)

        if not self.pool.submit(answer):
            log.warning("too many questions waiting; turned a slash command away")
            self._respond(respond, render_message(BUSY))

    def on_choose_report(
        self,
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        """A report button: replace the message that offered it with the answer from that report."""
        ack()
        choice = decode(str(action.get("value") or ""))
        if choice is None:
            log.warning("ignoring a report button with an unreadable value")
            return
        container = body.get("container") or {}
        channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")
        message_ts = container.get("message_ts")
        ephemeral = bool(container.get("is_ephemeral")) or not (channel and message_ts)

        def show(reply: Reply) -> None:
            if ephemeral:
                self._respond(respond, reply)
            else:
                client.chat_update(channel=channel, ts=str(message_ts), text=reply[0], blocks=reply[1])

        def answer() -> None:
            try:
                history: list[Turn] = []
                if not ephemeral and choice.asked.thread_ts and choice.asked.ts:
                    history = self._history(client, channel, choice.asked.thread_ts, choice.asked.ts, context)
                reply = self.reply(choice.asked, history, choice.report_id, echo=ephemeral)
            except Exception:
                log.exception("answering a report choice in channel %s failed", channel)
                reply = render_message(APOLOGY)
            show(reply)

        def start() -> None:
            show(placeholder(choice.asked.question if ephemeral else None))
            if not self.pool.submit(answer):
                show(render_message(BUSY))

        self._post_later(start)

    # -- answering ---------------------------------------------------------------------------------

    def answer_in_thread(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """Placeholder now, answer when a worker is free, both in the thread of ``event``."""
        if not is_from_bot(event, context):
            self._post_later(lambda: self._start_thread_answer(event, context, client))

    def _post_later(self, task: Callable[[], None]) -> None:
        def run() -> None:
            try:
                task()
            except Exception:
                log.exception("posting to Slack failed")

        self._posting.submit(run)

    def _start_thread_answer(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        channel, ts = str(event["channel"]), str(event["ts"])
        thread_ts = str(event.get("thread_ts") or ts)
        try:
            posted = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=PLACEHOLDER)
            placeholder_ts = str(posted["ts"])
        except Exception:
            log.exception("posting the placeholder for message %s in channel %s failed", ts, channel)
            self._apologise(client, channel, thread_ts, None)
            return

        def answer() -> None:
            try:
                text, blocks = self._thread_reply(event, context, client)
                client.chat_update(channel=channel, ts=placeholder_ts, text=text, blocks=blocks)
            except Exception:
                log.exception("answering message %s in channel %s failed", ts, channel)
                self._apologise(client, channel, thread_ts, placeholder_ts)

        if not self.pool.submit(answer):
            log.warning("too many questions waiting; turned message %s in channel %s away", ts, channel)
            text, blocks = render_message(BUSY)
            client.chat_update(channel=channel, ts=placeholder_ts, text=text, blocks=blocks)

    def _thread_reply(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> Reply:
        try:
            report_id, question = parse_report_option(clean_text(str(event.get("text") or "")))
        except InputError as exc:
            return render_notice(str(exc))
        if not question:
            return self.usage_message()
        thread_ts = event.get("thread_ts")
        asked = Asked(question, thread_ts=thread_ts and str(thread_ts), ts=str(event["ts"]))
        history: list[Turn] = []
        if asked.thread_ts and asked.ts:  # a follow-up: the thread so far is the conversation
            history = self._history(client, str(event["channel"]), asked.thread_ts, asked.ts, context)
        return self.reply(asked, history, report_id)

    def _history(
        self, client: WebClient, channel: str, thread_ts: str, before_ts: str, context: BoltContext
    ) -> list[Turn]:
        return thread_history(
            client,
            channel=channel,
            thread_ts=thread_ts,
            before_ts=before_ts,
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
        )

    def reply(self, asked: Asked, history: list[Turn], report_id: str | None, echo: bool = False) -> Reply:
        """Ask the assistant and render the answer; an ``AssistantError`` becomes a short notice."""
        try:
            answer = self._assistant.ask(asked.question, history=history or None, report_id=report_id)
        except ReportNotFoundError as exc:
            log.warning("unknown report asked for: %s", exc)
            text, blocks = render_notice(f"⚠ {exc}")
            list_text, list_blocks = render_message(self._report_list())
            return text, blocks + list_blocks
        except AssistantError as exc:
            log.warning("assistant refused the question: %s", exc)
            return render_notice(f"⚠ {exc}")
        log.info(
            "answered (%s) from report %s by the %s backend in %.0f ms",
            answer.status,
            answer.report_id or "-",
            answer.backend,
            answer.latency_ms,
        )
        return render_answer(answer, title_of=self.title_of, asked=asked, echo=echo)

    def title_of(self, report_id: str) -> str | None:
        """A report's title, from the catalogue (read again when a report is not known yet)."""
        with self._titles_lock:
            if report_id not in self._titles:
                try:
                    reports = list(self._assistant.reports())
                except AssistantError as exc:
                    log.warning("could not read the report list: %s", exc)
                    return None
                self._titles = {str(getattr(r, "id", r)): str(getattr(r, "title", "") or "") for r in reports}
            return self._titles.get(report_id) or None

    def usage(self) -> str:
        command = self._settings.slack.command
        return (
            f"Ask me about a market-research report, e.g. `{command} how big will the market be in 2029?` "
            f"or mention me in a channel. To pick a report, start with `--report ID` or `report:ID`, "
            f"e.g. `{command} --report ID what is the CAGR?`.\n{self._report_list()}"
        )

    def usage_message(self) -> Reply:
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

    def _respond(self, respond: Respond, reply: Reply) -> None:
        text, blocks = reply
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=True)

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


def build_app(
    settings: Settings, assistant: Answering, tokens: SlackTokens, bot: SlackBot | None = None
) -> App:
    """A bolt ``App`` wired to the assistant (through ``bot``, made here when not given), its Web API
    client pointed at ``settings.slack.api_url``.

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
            # Acknowledge at once; listeners only post placeholders and hand answering to the pool.
            process_before_response=False,
            listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="slack-listener"),
        )
    except BoltError as exc:
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN (auth.test at {base_url}): {exc}") from None
    except (URLError, OSError) as exc:
        raise ConfigError(f"cannot reach the Slack Web API at {base_url}: {exc}") from None
    (bot or SlackBot(settings, assistant)).register(app)
    return app
