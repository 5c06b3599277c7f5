"""Messages that are not questions about the report: a greeting, thanks, or asking what the assistant
can do. They get a short friendly reply, never a refusal."""

from __future__ import annotations

import re
from typing import Literal

Act = Literal["greeting", "thanks", "help"]

# Short messages only: "thanks, and what is the CAGR?" is a question that happens to say thanks.
MAX_ACT_WORDS = 8
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening|day)|greetings)\b", re.I
)
_THANKS = re.compile(
    r"^\s*((ok|okay|cool|great|perfect|nice|awesome|brilliant|lovely|super)[,!.]?\s+)*"
    r"(thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it)\b",
    re.I,
)
_HELP = re.compile(
    r"^\s*(help|\?+|how (do|can|should) i use (you|this)|what can (you|i) (do|ask)|what do you do|who are you"
    r"|what are you|what (kinds? of |sorts? of |types? of )?questions (can|should|do) i ask|how does this work"
    r"|what can i ask( you)?|how do i ask|what do you know)\b",
    re.I,
)
_QUESTION_WORDS = re.compile(
    r"\b(market|size|cagr|growth|region|segment|player|compan|driver|trend|forecast|20\d\d)", re.I
)


def conversation_act(message: str) -> Act | None:
    """The act a short message performs, or None when it asks something about the report."""
    if len(message.split()) > MAX_ACT_WORDS or _QUESTION_WORDS.search(message):
        return None
    if _HELP.search(message):
        return "help"
    if _THANKS.search(message):
        return "thanks"
    if _GREETING.search(message):
        return "greeting"
    return None
