"""The report's own FAQ.

When the page prints questions ("What is ...?" lines, optionally "Q:"/"A:"), each question is paired
with the paragraph(s) after it. When it prints only the answers (some publishers' pages), the
question is rebuilt from the answer's topic and marked ``question_source="reconstructed"``; an answer
whose topic is not recognised is left out rather than given an invented question.
"""

from __future__ import annotations

import re

from assistant.domain.report import FaqPair
from assistant.parsing import numbers as num
from assistant.parsing.lines import Doc, Line
from assistant.parsing.sections import Outline

_FAQ = re.compile(r"frequently asked questions|faqs?|questions and answers", re.I)
_Q_PREFIX = re.compile(r"(?:Q\s*\d*\s*[:.)]|\d+[.)]|Question\s*\d*\s*[:.])\s*", re.I)
_A_PREFIX = re.compile(r"(?:A\s*\d*\s*[:.)]|Answer\s*[:.])\s*", re.I)
_TOPICS = (
    ("fastest_segment", re.compile(r"fastest[- ]growing", re.I)),
    (
        "largest_region",
        re.compile(r"dominan|dominat|largest (?:region|market|share)|leading region|leads", re.I),
    ),
    ("key_players", re.compile(r"key (?:market )?players|major players|leading companies", re.I)),
    ("cagr", re.compile(r"\bCAGR\b|grow(?:th)? (?:at|rate)|compound annual", re.I)),
    ("forecast_end", re.compile(r"\b(?:reach|projected to|expected to be)\b.*\bby\s+(?:19|20)\d\d", re.I)),
    ("market_size", re.compile(r"market size|valued at|estimated (?:to be|at)|\bworth\b|\bsize of\b", re.I)),
)


def faq_pairs(doc: Doc, out: Outline, market: str) -> list[FaqPair]:
    """FAQ pairs of the first FAQ section; ``market`` names the market in rebuilt questions."""
    for position, block in enumerate(out.blocks):
        if block.furniture or not _FAQ.fullmatch(block.heading):
            continue
        lines = list(out.body(doc, block))
        if any(_is_question(line) for line in lines):
            pairs = _asked(doc, lines)
        else:
            pairs = [p for line in lines if (p := _reconstructed(doc, line, market)) is not None]
        pairs += _question_headings(doc, out, position)
        if pairs:
            return pairs
    return []


def _question_headings(doc: Doc, out: Outline, faq_position: int) -> list[FaqPair]:
    """Questions marked up as sub-headings (markdown ``###``, HTML ``h3``) after the FAQ heading."""
    pairs: list[FaqPair] = []
    for block in out.blocks[faq_position + 1 :]:
        if not block.heading.endswith("?"):
            break
        answers = list(out.body(doc, block))
        if answers:
            prefix = _A_PREFIX.match(answers[0].text)  # 'Q: ...' read as a heading over its 'A: ...'
            span = doc.span(answers[0].start + (prefix.end() if prefix else 0), answers[-1].end)
            pairs.append(
                FaqPair(
                    question=block.heading,
                    answer=span.text,
                    question_source="report",
                    topic=topic_of(block.heading + " " + span.text),
                    span=span,
                )
            )
    return pairs


def topic_of(text: str) -> str | None:
    """market_size, largest_region, fastest_segment, cagr, forecast_end, key_players, or None."""
    for topic, pattern in _TOPICS:
        if pattern.search(text):
            return topic
    return None


def _is_question(line: Line) -> bool:
    return line.text.endswith("?") and len(line.text) < 300


def _asked(doc: Doc, lines: list[Line]) -> list[FaqPair]:
    pairs: list[FaqPair] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        position += 1
        if not _is_question(line):
            continue
        question = _Q_PREFIX.sub("", line.text, count=1).strip()
        answers: list[Line] = []
        while position < len(lines) and not _is_question(lines[position]):
            answers.append(lines[position])
            position += 1
        if not answers:
            continue
        start = answers[0].start
        prefix = _A_PREFIX.match(answers[0].text)
        if prefix:
            start += prefix.end()
        span = doc.span(start, answers[-1].end)
        pairs.append(
            FaqPair(
                question=question,
                answer=span.text,
                question_source="report",
                topic=topic_of(question + " " + span.text),
                span=span,
            )
        )
    return pairs


def _reconstructed(doc: Doc, line: Line, market: str) -> FaqPair | None:
    topic = topic_of(line.text)
    if topic is None:
        return None
    question = _question(topic, line.text, market)
    span = doc.line_span(line)
    return FaqPair(
        question=question, answer=span.text, question_source="reconstructed", topic=topic, span=span
    )


def _question(topic: str, answer: str, market: str) -> str:
    years = num.year_range(answer)
    money = num.MONEY.search(answer)
    year = num.year_after(answer, money.end()) if money else None
    if topic == "market_size":
        return (
            f"What was the size of the {market} in {year}?" if year else f"What is the size of the {market}?"
        )
    if topic == "forecast_end":
        return (
            f"What will the size of the {market} be by {year}?"
            if year
            else f"What will the {market} be worth?"
        )
    if topic == "largest_region":
        return f"Which region dominates the {market}?"
    if topic == "fastest_segment":
        return f"Which is the fastest growing segment in the {market}?"
    if topic == "key_players":
        return f"Who are the key players in the {market}?"
    if years:
        return f"At what CAGR is the {market} expected to grow between {years[0]} and {years[1]}?"
    return f"At what CAGR is the {market} expected to grow?"
