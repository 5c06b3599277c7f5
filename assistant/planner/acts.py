"""Messages that are not questions about the report: a greeting, thanks or a bare acknowledgement,
or asking what the assistant is and what it can do. They get a short friendly reply, never a refusal.

A message that names anything the report could answer (a figure, a year, a region, a player, 'why')
is a question, however it opens: "thanks, and what is the CAGR?".
"""

from __future__ import annotations

import re
from typing import Literal

Act = Literal["greeting", "thanks", "acknowledgement", "help"]

MAX_GREETING_WORDS = 6  # "good morning team"; longer messages that open with a greeting ask something
MAX_THANKS_WORDS = 8
MAX_CHATTY_GREETING_WORDS = 16
MAX_HELP_WORDS = 25
# Chat shorthand spelt out before matching: "what can u do", "who r u".
_SHORTHAND = {"u": "you", "r": "are", "ur": "your", "ya": "you", "wat": "what", "wht": "what"}
_GREETING = re.compile(
    r"^\s*(hi+|hel+o+|he+y+|hiya|howdy|yo|good (morning|afternoon|evening|day)|morning|afternoon|greetings)\b",
    re.I,
)
_THANKS = re.compile(
    r"^\s*((ok|okay|cool|great|perfect|nice|awesome|brilliant|lovely|super)[,!.]?\s+)*"
    r"(thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it)\b",
    re.I,
)
# 'ok thats all for today, cheers': thanks said at the end of a message that closes the conversation
_SIGNING_OFF = re.compile(
    r"\b(thanks?|thank you|thx|ty|cheers|bye|goodbye|see you|that's all|thats all)\b", re.I
)
# A short remark that opens with one of these and asks nothing is a reaction, not a question.
_ACK_OPENERS = frozenset("haha hah lol lmao wow nice cool great ok okay ha heh brb afk gtg".split())
_ASKING = frozenset(
    "what what's whats which who how when where why tell give show list can could is are does do did and "
    "about".split()
)
# Words that only acknowledge what was said: a message made of nothing else is an acknowledgement.
_ACK_WORDS = frozenset(
    "ok okay k cool great nice one lol haha hah got it perfect makes sense sounds good awesome wow "
    "interesting i see sure alright fine noted understood brilliant lovely super excellent neat that "
    "thats that's helps helpful very really useful gotcha".split()
)
_END = r"(?=\s*(?:[?.!,;-]|$))"
_HELP = re.compile(
    r"^\s*(help|\?+)\s*[?.!]*\s*$"
    r"|\bhow (do|can|should|would) i (use|ask|phrase|talk to|work with|get (started|the best))\b"
    r"|\bhow (does|do) (this|it|you|this thing|this tool) work\b"
    r"|\bwhat (can|could|do|should) (you|i) (do|ask)\b"
    r"|\bwhat (kinds?|sorts?|types?|kinda|sorta) (of )?(questions|things|stuff)\b"
    r"|\b(can|could) you help( me)? with\b|\bwhat can you help\b"
    r"|\bwhat (are|is) you(r)? (able to|good at|for)\b"
    r"|\bwhat do you (do|know)"
    + _END
    + r"|\bwho (are you|am i (even |actually )?(talking|chatting|speaking) (to|with)|made you|built you)"
    + _END
    + r"|\bare you (a |an )?(bot|human|person|robot|ai|real|machine|chatbot|llm)\b"
    r"|\bwhat are you" + _END + r"|\bcan i (just )?(type|ask|use)\b",
    re.I,
)
# Anything the report could answer: such a message is a question, whatever else it says.
# 'are you able to pull numbers out of these reports for me': what it can do, of any report
_CAPABILITY = re.compile(
    r"\b(are you able to|can you|could you|do you|will you)( \w+){0,2} (pull|extract|get|read|find|grab|dig)"
    r"( out)? (numbers|figures|data|stats|statistics|quotes|facts)( (out of|from) (these|the|this|my|our)"
    r" (reports?|docs?|documents?|pdfs?|pages?))?( for (me|us))?$"
)
_ASKS_THE_REPORT = re.compile(
    r"\b(market|size|cagr|growth|grow|rate|region|segment|player|compan|vendor|firm|driver|restraint"
    r"|challenge|trend|forecast|share|revenue|worth|value|acqui|announce|develop|lead|largest|biggest"
    r"|fastest|why|source|cit(e|ing)|quote|figure|number|how (big|much|many|large)"
    r"|overview|summar|takeaway|(?:report|study) (?:about|cover\w*)|what(?:'?s| is) (?:this|the) (?:report|study))",
    re.I,
)  # read on the message's words, which hold no digits: a year is looked for in the message itself
_WORD = re.compile(r"[a-z']+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def conversation_act(message: str) -> Act | None:
    """The act a message performs, or None when it asks something about the report."""
    words = [_SHORTHAND.get(word, word) for word in _WORD.findall(message.lower())]
    text = " ".join(words)
    if not words:
        return "help" if message.strip().strip("?") == "" and "?" in message else None
    if len(words) <= MAX_HELP_WORDS and _CAPABILITY.search(text):
        return "help"
    if _ASKS_THE_REPORT.search(text) or _YEAR.search(message):
        return None  # 'ok so somewhere in the middle, like 2029' asks about a year
    if len(words) <= MAX_HELP_WORDS and _HELP.search(text):
        return "help"
    if len(words) <= MAX_THANKS_WORDS and (_THANKS.search(text) or _SIGNING_OFF.search(text)):
        return "thanks"
    if len(words) <= MAX_GREETING_WORDS and _GREETING.search(text):
        return "greeting"
    if (
        len(words) <= MAX_CHATTY_GREETING_WORDS
        and _GREETING.search(text)
        and "?" not in message.split("?")[-1]
    ):
        # 'morning! u around? got a couple qs before my 10am': a greeting and chat, no question of the report
        return "greeting"
    if all(word in _ACK_WORDS for word in words):
        return "acknowledgement"
    asks = "?" in message or any(word in _ASKING for word in words)
    if len(words) <= MAX_THANKS_WORDS and words[0] in _ACK_OPENERS and not asks:
        return "acknowledgement"  # 'haha ok youre quicker than our intern'
    return None
