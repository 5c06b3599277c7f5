"""Replies that are about the conversation rather than a new figure: small talk (with example
questions the loaded report can answer) and the evidence behind the last answer."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.domain.answer import FinalDraft, QuoteRef
from assistant.planner.acts import conversation_act
from assistant.planner.calls import Steps, fetch_facts, search
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.text.sentences import Sentence, sentences
from tools.facts import FactResult, MoneyFact, NamedFact

EXAMPLES_SHOWN = 3
MIN_REASON_CHARS = 40  # shorter is a heading or a list item, not a sentence that explains
_OPENINGS = {
    "greeting": "Hello! I answer questions about {title} from the report's own text.",
    "thanks": "You're welcome.",
    "acknowledgement": "Glad that helps.",
    "help": (
        "Ask me about {title} in plain words: the market's size in any year, its growth and CAGR, the "
        "leading region and segments, key players, recent developments, drivers and challenges."
    ),
}
_HOW = (
    " Every claim comes with a quote from the report, derived figures are computed step by step, and "
    "when the report is silent on something I tell you so rather than guess."
)


def small_talk(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    act = conversation_act(question) or "help"
    facts = yield from fetch_facts(
        ctx.report_id, "forecast_end", "cagr", "largest_region", "key_players", "recent_developments"
    )
    examples = example_questions(facts)
    text = _OPENINGS[act].format(title=ctx.subject)
    if act in ("greeting", "help"):
        text += _HOW
    text += " You could ask:\n" + "\n".join(f"- {q}" for q in examples[:EXAMPLES_SHOWN])
    return Draft().final(text)


def example_questions(facts: Mapping[str, FactResult | None]) -> list[str]:
    """Questions this report can answer, from the facts it states."""
    found: list[str] = []
    end = getattr(facts.get("forecast_end"), "value", None)
    if isinstance(end, MoneyFact):
        # No year in the text: a reply without citations must not state figures.
        found.append("How big will the market be at the end of the forecast?")
    if facts.get("cagr"):
        found.append("What is the market's CAGR?")
    region = getattr(facts.get("largest_region"), "value", None)
    if isinstance(region, NamedFact):
        found.append("Which region leads the market, and why?")
    if facts.get("key_players"):
        found.append("Who are the key players?")
    if facts.get("recent_developments"):
        found.append("What are the recent developments?")
    found.append("What drives the market?")
    return found


def evidence_of(earlier: FinalDraft, reasons: list[Sentence] | None = None) -> FinalDraft:
    """The passages the previous answer rests on, quoted, instead of the answer again; ``reasons``:
    the sentences after them that say why, for a bare 'why?'."""
    if not earlier.quotes:
        return FinalDraft(text="The previous answer cites no passage of the report.", status=earlier.status)
    shown = [
        f"“{q.text}” [{i}]" if q.text else f"the report's list [{i}]" for i, q in enumerate(earlier.quotes, 1)
    ]
    text = "That rests on these passages of the report: " + "; ".join(shown) + "."
    quotes = list(earlier.quotes)
    said = []
    for reason in reasons or []:
        quotes.append(QuoteRef(start=reason.start, end=reason.end, text=reason.text))
        said.append(f"“{reason.text}” [{len(quotes)}]")
    if said:
        text += f" The report goes on: {' '.join(said)}."
    return FinalDraft(text=text, status="answered", quotes=quotes, working=earlier.working)


REASON_SENTENCES = 2  # a report gives its reason over a sentence or two after the claim


def following_sentences(quote: QuoteRef, ctx: ReportContext) -> Steps[list[Sentence]]:
    """The sentences of the report that follow ``quote`` in its paragraph, if the search finds them."""
    if not quote.text:
        return []
    passages = yield from search(quote.text, ctx.report_id, ctx.search_k)
    for passage in passages:
        if passage.start <= quote.start < passage.start + len(passage.text):
            after = [s for s in sentences(passage.text, passage.start) if s.start >= quote.end]
            gap = passage.text[quote.end - passage.start : after[0].start - passage.start] if after else ""
            if after and "\n\n" not in gap and len(after[0].text) >= MIN_REASON_CHARS:
                kept = [after[0]]
                for previous, sentence in zip(after, after[1:REASON_SENTENCES], strict=False):
                    between = passage.text[previous.end - passage.start : sentence.start - passage.start]
                    if "\n\n" in between or len(sentence.text) < MIN_REASON_CHARS:
                        break
                    kept.append(sentence)
                return kept
    return []


def no_earlier_claim(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    yield from ()
    return Draft().final(
        "Which claim do you mean? Ask a question first and I will show where the report says it."
    )
