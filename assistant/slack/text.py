"""What a person typed in Slack, made plain: mentions and markup removed, the report option split off.

Slack sends message text in its own markup (``<@U123>`` for a mention, ``<https://x|label>`` for a
link, ``&amp;`` ``&lt;`` ``&gt;`` escapes); the assistant wants the question as a person reads it.
"""

from __future__ import annotations

import re

from assistant.errors import InputError

_MENTION = re.compile(r"<[@!#][^>]*>")
_LINK = re.compile(r"<([^>|]+)\|([^>]*)>|<([^>]+)>")

# "--report ID ...", "--report=ID ..." or "report:ID ..." at the start of the text.
_REPORT_OPTION = re.compile(r"^\s*(?:--report(?:\s*=\s*|\s+|$)|report:\s*)(?P<id>\S*)\s*", re.IGNORECASE)
_REPORT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def clean_text(text: str) -> str:
    """Slack message markup -> the plain question: mentions dropped, links to their label, unescaped."""
    text = _MENTION.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1) or m.group(3), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def parse_report_option(text: str) -> tuple[str | None, str]:
    """Split a leading report option off a question.

    ``"--report ID question"``, ``"--report=ID question"`` and ``"report:ID question"`` all give
    ``("ID", "question")``; text without the option gives ``(None, text)``.

    Raises:
        InputError: the option is present but names no usable report id.
    """
    match = _REPORT_OPTION.match(text)
    if match is None:
        return None, text.strip()
    report_id = match.group("id")
    if not report_id or not _REPORT_ID.match(report_id):
        raise InputError(
            f"the report option needs a report id (letters, digits, '.', '_' or '-'), got {report_id!r}; "
            "write e.g. '--report REPORT-ID how big is the market in 2029?'"
        )
    return report_id, text[match.end() :].strip()
