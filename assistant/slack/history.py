"""Turn a Slack thread into the conversation history ``Assistant.ask`` takes.

The bot's own messages become ``assistant`` turns, people's messages ``user`` turns (mentions and
markup removed); other bots, the placeholder, and everything from the current message on are left out.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from assistant.slack.blocks import APOLOGY, BUSY, PLACEHOLDER
from assistant.slack.text import clean_text

Turn = dict[str, str]

MAX_TURNS = 20  # older turns add little to a follow-up and slow the answer
MAX_PAGES = 10  # conversations.replies pages of up to 200 messages
_PEOPLE_SUBTYPES = {None, "thread_broadcast", "file_share", "me_message"}
_NOT_TURNS = {PLACEHOLDER, APOLOGY, BUSY}


def _ts(value: object) -> float:
    try:
        return float(str(value))
    except ValueError:
        return 0.0


def messages_to_history(
    messages: list[dict[str, Any]],
    *,
    before_ts: str,
    bot_user_id: str | None,
    bot_id: str | None,
    max_turns: int = MAX_TURNS,
) -> list[Turn]:
    """Slack thread messages (``conversations.replies`` order, oldest first) -> history, oldest first.

    Args:
        messages: Message objects with at least ``ts`` and ``text``.
        before_ts: The ``ts`` of the message being answered; it and later messages are left out.
        bot_user_id: This bot's user id (``auth.test`` ``user_id``); its messages are ``assistant`` turns.
        bot_id: This bot's bot id (``auth.test`` ``bot_id``); same.
        max_turns: Keep only the newest this many turns.
    """
    cutoff = _ts(before_ts)
    turns: list[Turn] = []
    for message in sorted(messages, key=lambda m: _ts(m.get("ts"))):
        if _ts(message.get("ts")) >= cutoff:
            break
        own = (bot_user_id is not None and message.get("user") == bot_user_id) or (
            bot_id is not None and message.get("bot_id") == bot_id
        )
        if not own and (message.get("bot_id") or message.get("subtype") not in _PEOPLE_SUBTYPES):
            continue  # other bots, joins, edits: not part of the conversation
        text = clean_text(str(message.get("text") or ""))
        if not text or (own and text in _NOT_TURNS):
            continue
        turns.append({"role": "assistant" if own else "user", "content": text})
    return turns[-max_turns:]


def thread_history(
    client: WebClient,
    *,
    channel: str,
    thread_ts: str,
    before_ts: str,
    bot_user_id: str | None,
    bot_id: str | None,
) -> list[Turn]:
    """Fetch a thread with ``conversations.replies`` (all pages) and turn it into history.

    Raises:
        slack_sdk.errors.SlackApiError: Slack refused the call (e.g. a missing ``*:history`` scope).
    """
    messages: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        response = client.conversations_replies(channel=channel, ts=thread_ts, limit=200, cursor=cursor)
        messages.extend(response.get("messages") or [])
        cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            break
    return messages_to_history(messages, before_ts=before_ts, bot_user_id=bot_user_id, bot_id=bot_id)
