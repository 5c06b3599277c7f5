"""One error hierarchy for the whole assistant.

    AssistantError                 base; every surface renders it (CLI: one line, exit 1;
    │                              Gradio: gr.Warning; Slack: a thread reply)
    ├── ConfigError                a setting is missing or malformed (bad ASSISTANT_MODEL, auth)
    ├── ReportError                a report file cannot be used; the message names the file
    │   └── ReportParseError       empty, binary, malformed or unreadable report text
    ├── IndexError_                the vector store is missing, empty, unreachable or read-only
    │   ├── StoreBusyError         another ingest holds the store's lock
    │   └── StoreSpaceError        too little free disk space to write the store safely
    ├── ReportNotFoundError        an unknown report id was asked for
    ├── InputError                 a question or argument is unusable (empty, too long, bad year)
    └── BackendError               the chat model failed or produced an unusable reply

Tools raise ``ValueError`` for bad arguments; their LangChain wrappers turn it into a
``ToolException`` the model can read, so tools stay free of this module.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class for every error the assistant raises on purpose."""


class ConfigError(AssistantError):
    """A setting is missing or malformed."""


class ReportError(AssistantError):
    """A report file cannot be used."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ReportParseError(ReportError):
    """The report file is empty, binary, malformed or unreadable."""


class IndexError_(AssistantError):  # noqa: N801, N818 - the trailing underscore avoids the builtin IndexError
    """The vector store is missing, empty or unreachable."""


StoreError = IndexError_


class StoreBusyError(IndexError_):
    """Another ingest holds the store's lock."""


class StoreSpaceError(IndexError_):
    """Too little free disk space to write the store without risking it."""


class ReportNotFoundError(AssistantError):
    """An unknown report id was asked for."""


class InputError(AssistantError):
    """A question or argument is unusable."""


class BackendError(AssistantError):
    """The chat model failed or replied with something unusable."""
