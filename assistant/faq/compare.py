"""Compare a generated answer with the report's own FAQ answer.

Two kinds of evidence are compared:

* numbers: every number in the report's answer (sizes, percents, years) must appear in the generated
  answer, equal within the coarser of the two roundings (6.71 agrees with 6.71 and with 6.7; 7.00 does
  not agree with 6.71); money is compared after scaling (USD 6,710 million agrees with USD 6.71 billion);
* names: every region, segment or company of the report's fact sheet that the report's answer names
  must also be named in the generated answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.answer import ALSO_STATED, Answer
from assistant.domain.report import Named, Report

Kind = Literal["money", "percent", "year", "number"]

_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?P<cur>\bUSD|\bUS\$|\$|\bEUR|€|£)?\s?"
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w.]*\d)"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?",
    re.IGNORECASE,
)
# "[1]", "[2, 3]": citation markers are not claims about the market.
_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
# Segment names too generic to count as a named entity.
_GENERIC = {"others", "other", "rest of the world"}


@dataclass(frozen=True)
class Quantity:
    """A number as written: ``value`` in its own unit, ``scale`` to base units (1e9 for billion)."""

    text: str
    value: float
    decimals: int
    kind: Kind
    scale: float = 1.0

    def label(self) -> str:
        return self.text


def extract_quantities(text: str) -> list[Quantity]:
    """Numbers in ``text`` with their kind; citation markers such as '[1]' are skipped."""
    text = _MARKER.sub(" ", text)
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        raw = match.group("num")
        digits = raw.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = float(digits)
        scale_word = (match.group("scale") or "").lower()
        kind: Kind
        if match.group("pct"):
            kind = "percent"
        elif match.group("cur") or scale_word:
            kind = "money"
        elif decimals == 0 and "," not in raw and 1900 <= value <= 2100:
            kind = "year"
        else:
            kind = "number"
        scale = _SCALES.get(scale_word, 1.0) if kind == "money" else 1.0
        found.append(Quantity(match.group(0).strip(), value, decimals, kind, scale))
    return found


def quantities_agree(expected: Quantity, got: Quantity) -> bool:
    """True when ``got`` states ``expected`` within the coarser of the two roundings."""
    if expected.kind == "year" or got.kind == "year":
        return expected.kind == got.kind and expected.value == got.value
    if expected.kind != got.kind and "number" not in (expected.kind, got.kind):
        return False
    ratio = got.scale / expected.scale if expected.kind == got.kind == "money" else 1.0
    # Each side's rounding in the report's unit; the coarser one bounds the true value.
    tolerance = max(0.5 * 10**-expected.decimals, 0.5 * 10**-got.decimals * ratio) + 1e-9
    return bool(abs(got.value * ratio - expected.value) <= tolerance)


Source = Literal["report_faq", "fact_sheet"]
_SAYS = {"report_faq": "the report's FAQ says", "fact_sheet": "the report states"}
_NAMES = {"report_faq": "the report's FAQ names", "fact_sheet": "the report names"}


class Comparison(BaseModel):
    """What a generated answer and the report's own statement on the question agree and disagree on."""

    source: Source = Field(
        description="'report_faq': the report's own FAQ answer; 'fact_sheet': its headline facts."
    )
    reference: str = Field(description="What the report says: its FAQ answer verbatim, or the stated facts.")
    agreements: list[str] = Field(default_factory=list)
    disagreements: list[str] = Field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.disagreements


def compare_answer(
    report: Report, reference: str, generated: Answer, source: Source = "report_faq"
) -> Comparison:
    """Compare ``generated`` with ``reference``, what the report itself says in answer to the question."""
    result = Comparison(source=source, reference=reference)
    if generated.status != "answered":
        where = "the report's FAQ answers" if source == "report_faq" else "the report states the answer to"
        result.disagreements.append(f"{where} this question but the generated answer is {generated.status}")
        return result
    own = [s for s in re.split(r"(?<=[.!?])\s+", generated.text) if not s.startswith(ALSO_STATED)]
    got = extract_quantities(" ".join(own))  # the page's other value for a figure is not the answer's
    for want in extract_quantities(reference):
        match = next((q for q in got if quantities_agree(want, q)), None)
        if match is not None:
            result.agreements.append(f"{want.kind} {want.text} (generated: {match.text})")
            continue
        same_kind = [q.text for q in got if q.kind == want.kind]
        says = f"says {', '.join(same_kind)}" if same_kind else f"states no {want.kind}"
        result.disagreements.append(f"{want.kind}: {_SAYS[source]} {want.text}, the generated answer {says}")
    masked_reference = _mask_market(report, reference)
    masked_generated = _mask_market(report, _MARKER.sub(" ", generated.text))
    candidates = _named_entities(report)
    for label, name in _names_in(masked_reference, candidates, case_sensitive=True):
        if _mentions(masked_generated, name, case_sensitive=False):
            result.agreements.append(f"{label} {name} (named in both)")
            continue
        others = [
            n for lab, n in _names_in(masked_generated, candidates, case_sensitive=False) if lab == label
        ]
        instead = f" (it names {', '.join(others)})" if others else ""
        result.disagreements.append(
            f"{label}: {_NAMES[source]} {name}, the generated answer does not{instead}"
        )
    return result


def _named_entities(report: Report) -> list[tuple[str, str]]:
    """(label, name) pairs from the fact sheet, longest names first so 'Type II' wins over 'Type I'."""
    facts = report.facts
    pairs: dict[str, str] = {}

    def add(label: str, item: Named) -> None:
        name = item.name.strip()
        if name and name.lower() not in _GENERIC:
            pairs.setdefault(name, label)
        for child in item.children:
            add("country" if label == "region" else label, child)

    for dimension, items in sorted(facts.segmentation.items()):
        label = dimension.strip().lower()
        for item in items:
            add(label, item)
    if facts.largest_region:
        add("region", facts.largest_region)
    if facts.fastest_segment:
        add("segment", facts.fastest_segment)
    for player in facts.key_players:
        add("company", player)
    return sorted(((label, name) for name, label in pairs.items()), key=lambda p: (-len(p[1]), p[1]))


def _mask_market(report: Report, text: str) -> str:
    """Blank out the market's own name: 'Heat Pump' may be a segment but also part of the market name."""
    for phrase in sorted({p for p in (report.title, report.market) if p}, key=len, reverse=True):
        text = re.sub(re.escape(phrase.strip()), " ", text, flags=re.IGNORECASE)
    return text


def _mentions(text: str, name: str, case_sensitive: bool) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags) is not None


def _names_in(text: str, candidates: list[tuple[str, str]], case_sensitive: bool) -> list[tuple[str, str]]:
    """Candidates named in ``text``, in order of first mention; a longer name hides the shorter inside it."""
    flags = 0 if case_sensitive else re.IGNORECASE
    hits: list[tuple[int, str, str]] = []
    for label, name in candidates:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", flags)
        first = pattern.search(text)
        if first:
            hits.append((first.start(), label, name))
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return [(label, name) for _, label, name in sorted(hits)]
