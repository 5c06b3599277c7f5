"""Is a question about this market's headline figures, or about something else the report mentions
(a registry, a survey, R&D spending), or about another market altogether?"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from assistant.planner.intents import Intent
from assistant.planner.registry import EXAMPLES
from assistant.text.tokens import singular, terms
from assistant.text.words import word_list

# Words that say nothing about the subject: units, time, question words the examples lack.
_NEUTRAL = frozenset(
    terms(
        "usd dollars dollar mn bn million billion trillion thousand year years value worth size market "
        "markets global total overall whole entire please tell me show give expected going stat stats "
        "statistic figure number data latest current today now estimate projected forecast share "
        "if then predicted prediction holds hold continue continues constant assume assuming rate cagr approx about "
        # hedges: 'a rough 2028 number', 'ballpark', 'approximately'
        "rough roughly ballpark approximate approximately around circa ish "
        # whose figure: 'at their cagr', 'its 2030 number'
        "their its they them theirs "
        # how a forecast is asked for: 'project it out to 2035', 'extrapolate', 'keeps the same cagr'
        "project projection extrapolate extrapolated extrapolation extend extended keep keeps kept same "
        "look looks like out through carry carried run "
        # words that only make the request ('can you ...', 'for me pls')
        "can could would will should shall may might must you your me my i we our us pls please kindly "
        "just for do does did get got want wants need needs been back would wouldve too also well "
        # how a change of size is asked for: 'dollars added and the implied annual rate'
        "added adds gained implied implies annual annualised annualized yearly average"
    )
)
_OWN_MARKET = re.compile(r"\b(?:this|that|the|our|its|their|your)\s+$")
_OTHER_MARKET = re.compile(r"\b(?:the|a|an)\s+((?:[a-z0-9&'-]+\s+){1,4}?)(?:market|industry|sector)\b", re.I)
# 'r&d spending market - anything on that?': a question that opens with the other market's name
_OPENING_MARKET = re.compile(r"^\s*((?:[a-z0-9&'-]+\s+){1,3}?)(?:market|mkt|industry|sector)\b", re.I)
_MARKET_FILLER = word_list("filler-before-market")


@lru_cache(maxsize=1)
def _example_terms() -> frozenset[str]:
    """Words of the headline intents' examples: question vocabulary, not a subject of the prose (the
    prose-fact examples are left out, since their nouns are exactly such subjects)."""
    return frozenset(
        t
        for intent, examples in EXAMPLES.items()
        if intent is not Intent.PASSAGE
        for text in examples
        for t in terms(text)
    )


def foreign_terms(question: str, report_terms: frozenset[str], known: frozenset[str]) -> list[str]:
    """Words of the question that name a subject in the report's prose rather than a headline figure
    ('registry', 'waiting time', 'survey'); ``known`` holds the market's and the entities' own words."""
    found = []
    for term in terms(question):
        # 'heat pumps' names a 'Heat Pump' market: a plural of the market's own word is known too
        if (
            term.replace(".", "").replace(",", "").isdigit()  # '5.65': a figure, not a subject of the prose
            or len(term) < 2  # the 'k' of 'ortho-k': a letter, no subject
            or term in _NEUTRAL
            or term in known
            or singular(term) in known
            or term in _example_terms()
        ):
            continue
        if term in report_terms:
            found.append(term)
    return found


_SEGMENT_NAMED = re.compile(
    r"(?:^|\b(?:the|a|an|for|of|on|in)\s+)((?:[a-z0-9&'-]+\s+){1,3}?)(?:segment|sub-segment|subsegment)\b",
    re.I,
)


def other_segment(question: str, market_words: frozenset[str], entity_words: frozenset[str]) -> str | None:
    """'widgets segment value by 2032?' asked of a page with no such segment: the name asked, else None
    (a ranking or the market's own words name no segment of their own)."""
    for match in _SEGMENT_NAMED.finditer(question.lower()):
        words = [
            w
            for w in re.findall(r"[a-z0-9&]+(?:-[a-z0-9&]+)*", match.group(1))
            if w not in _MARKET_FILLER and w[:6] not in _example_terms() and w[:6] not in _NEUTRAL
        ]
        if words and not any(w in market_words or w in entity_words or w.isdigit() for w in words):
            return " ".join(words)
    return None


MIN_UNUSED = 5  # letters: a shorter unknown word may be a short form ('vet', 'sim', 'ins')


def _unused(term: str, report_terms: frozenset[str], names: frozenset[str]) -> bool:
    """A whole word the report never uses: not a short form, a typo or a stem of one of its words."""
    return (
        len(term) >= MIN_UNUSED
        and term.isalpha()
        and term not in report_terms
        and not any(known.startswith(term[:4]) for known in report_terms)
        and not difflib.get_close_matches(term, names, n=1, cutoff=0.8)
    )


def _shortens(word: str, market_words: frozenset[str]) -> bool:
    """'ortho-k' or 'ortho' for 'orthokeratology': the start of one of the market's own words."""
    head = word.split("-")[0]
    return len(head) >= MIN_UNUSED and any(m.startswith(head) and m != head for m in market_words)


def other_market(
    question: str,
    market_words: frozenset[str],
    entity_words: frozenset[str],
    report_terms: frozenset[str] = frozenset(),
) -> str | None:
    """'the robotics market' asked of a heat pump report: the other market's name, else None. A name
    with a word the report never uses ('tunnel boring machine' of a tunnel kiln report) is another
    market even when its other words are the report's."""
    lowered = question.lower()
    opening = _OPENING_MARKET.match(lowered)
    spoken = re.findall(r"[a-z0-9&']+", opening.group(1)) if opening else []
    # only when every word opening the question names something: 'how big will the market' does not
    asking = word_list("question-words")
    plain_name = not any(w in _MARKET_FILLER or w[:6] in _NEUTRAL or w in asking for w in spoken)
    named_first = [opening] if opening and plain_name else []
    for match in [*_OTHER_MARKET.finditer(lowered), *named_first]:
        if _OWN_MARKET.search(match.group(1)):
            continue  # 'a big deal for this market': this report's own market, after other words
        words = [
            w
            for w in re.findall(r"[a-z0-9&]+(?:-[a-z0-9&]+)*", match.group(1))  # '3-nop' stays one word
            if w not in _MARKET_FILLER and w[:6] not in _example_terms() and w[:6] not in _NEUTRAL
        ]
        unused = bool(report_terms) and any(
            _unused(term, report_terms, market_words | entity_words) for term in terms(" ".join(words))
        )
        if not words or (any(w in market_words or w in entity_words for w in words) and not unused):
            continue
        if all(_shortens(w, market_words) for w in words):
            continue  # 'ortho-k' of an orthokeratology lens market: its own name, cut short
        if all(re.fullmatch(r"[\d-]+", w) for w in words):
            continue  # '2025-2027 mkt values': years, no market's name
        return " ".join(words)
    return None
