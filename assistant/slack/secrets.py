"""Slack credentials from the environment, and a log filter that keeps them out of every log line."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from assistant.errors import ConfigError

_TOKEN_SHAPES = re.compile(r"\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]+")
# Event payloads carry a legacy verification token ("token": "..." or token=... in form bodies).
_TOKEN_FIELDS = re.compile(r"""(['"]?\btoken['"]?\s*[:=]\s*['"]?)[^'"&,\s}]+""", re.IGNORECASE)
REDACTED = "[redacted]"
MAX_LOG_CHARS = 2000  # a log line never carries a whole payload


@dataclass(frozen=True)
class SlackTokens:
    """The bot's credentials; ``repr`` never shows them.

    Attributes:
        bot_token: ``SLACK_BOT_TOKEN`` (``xoxb-…``), used for every Web API call.
        signing_secret: ``SLACK_SIGNING_SECRET``, verifies HTTP requests; not needed in Socket Mode.
        app_token: ``SLACK_APP_TOKEN`` (``xapp-…``); when set the bot connects in Socket Mode.
    """

    bot_token: str = field(repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    def secrets(self) -> list[str]:
        return [s for s in (self.bot_token, self.signing_secret, self.app_token) if s]

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> SlackTokens:
        """Read ``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET`` and ``SLACK_APP_TOKEN``.

        Raises:
            ConfigError: a needed token is missing or has the wrong shape (the message never shows it).
        """
        bot = environ.get("SLACK_BOT_TOKEN", "").strip()
        secret = environ.get("SLACK_SIGNING_SECRET", "").strip() or None
        app = environ.get("SLACK_APP_TOKEN", "").strip() or None
        if not bot:
            raise ConfigError(
                "SLACK_BOT_TOKEN is not set: export the Bot User OAuth Token (xoxb-...) "
                "from your Slack app's 'OAuth & Permissions' page"
            )
        if not bot.startswith("xoxb-"):
            raise ConfigError("SLACK_BOT_TOKEN does not look like a bot token: it should start with 'xoxb-'")
        if app is not None and not app.startswith("xapp-"):
            raise ConfigError(
                "SLACK_APP_TOKEN does not look like an app-level token: it should start with 'xapp-' "
                "(unset it to use the HTTP Events API instead of Socket Mode)"
            )
        if app is None and secret is None:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is not set: the HTTP Events API needs it to verify requests "
                "('Basic Information' > 'Signing Secret'), or set SLACK_APP_TOKEN to use Socket Mode"
            )
        return cls(bot_token=bot, signing_secret=secret, app_token=app)


class RedactSecrets(logging.Filter):
    """Replace known secrets and anything shaped like a Slack token in a log record with ``[redacted]``,
    and cut a message longer than ``MAX_LOG_CHARS``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: list[str] = []
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        """Also redact ``secrets`` from now on (longest first, so no secret is half-replaced)."""
        self._secrets = sorted(set(self._secrets) | {s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in list(self._secrets):
            text = text.replace(secret, REDACTED)
        text = _TOKEN_SHAPES.sub(REDACTED, text)
        return _TOKEN_FIELDS.sub(lambda m: m.group(1) + REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        # Redact a generous head only: a secret may straddle the cut, and regexes over megabytes are slow.
        clean = self.redact(message[: 2 * MAX_LOG_CHARS])
        if len(message) > MAX_LOG_CHARS:
            dropped = len(message) - MAX_LOG_CHARS
            clean = clean[:MAX_LOG_CHARS] + f"… ({dropped} more characters not logged)"
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            # Handlers reuse exc_text, so the traceback is redacted once, here.
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


# One shared filter: bolt copies a base logger's filters onto the loggers it makes only once, so a
# shared instance that learns every app's secrets keeps all of them redacted.
SHARED_FILTER = RedactSecrets()


def redacting_logger(name: str, tokens: SlackTokens) -> logging.Logger:
    """A logger for slack_bolt and slack_sdk whose records are redacted before any handler sees them.

    Bolt copies a base logger's filters onto every logger it makes, so passing this one to ``App``
    and ``WebClient`` covers their internal logging too.
    """
    SHARED_FILTER.add(tokens.secrets())
    logger = logging.getLogger(name)
    if SHARED_FILTER not in logger.filters:
        logger.addFilter(SHARED_FILTER)
    return logger
