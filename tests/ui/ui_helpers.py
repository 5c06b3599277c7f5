"""Constants and small helpers shared by the chat page tests (imported as ``ui_helpers``)."""

from __future__ import annotations

import html
import re
import socket
from pathlib import Path
from typing import Any

FORECAST_QUESTION = "How big will the market be in 2029?"
SECOND_MARKET = "Ornamental Fish Feed"
SECOND_ID = "ornamental-fish-feed-market"
MARKDOWN_REPORT = Path(__file__).parent / "fixtures" / "tidal-kelp-market.md"
MARKDOWN_ID = "tidal-kelp-market"
MARKUP = ("**", "##", "](", "![", "&amp;", "&lt;")  # Markdown or escaped HTML that must never show


def free_port() -> int:
    """A port nobody listens on right now (loopback)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def expected_size(report: Any, year: int) -> float:
    """size(y) = base x (1 + CAGR)^(y - base year), from the report's own fact sheet (in its unit)."""
    facts = report.facts
    return round(facts.market_size.amount * (1 + facts.cagr.percent / 100) ** (year - facts.base_year), 2)


def squash(text: str) -> str:
    """Whitespace-normalized text (a quote may span paragraphs, which the page shows as breaks)."""
    return " ".join(text.split())


def marked(html_text: str) -> str:
    """The highlighted text of a source panel, unescaped and whitespace-normalized."""
    marks = re.findall(r"<mark>(.*?)</mark>", html_text, flags=re.S)
    return squash(" ".join(html.unescape(m) for m in marks))
