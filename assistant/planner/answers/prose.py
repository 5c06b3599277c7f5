"""Answer scripts for what the report says in its prose: drivers, challenges, trends, what the
market's organisations do, and any fact stated in a sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.domain.answer import FinalDraft
from assistant.planner.answers.common import NUMBER_ASK, decline
from assistant.planner.answers.counts import HOW_MANY, NUMBER_WORD, states_count
from assistant.planner.answers.people import asks_about_people, people_answer
from assistant.planner.answers.stat_math import figures_compared, share_left_of_stat
from assistant.planner.calls import MAX_SEARCH_K, Steps, search
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.draft import Draft
from assistant.planner.intents import Intent
from assistant.planner.limits import RATE_WORDS
from assistant.planner.slots import MIN_STAT_WORDS, NAMED_STAT
from assistant.text.sentences import (
    Sentence,
    best_sentences,
    content_words,
    leans_back,
    sentence_before,
    sentences,
    states_figure,
)
from assistant.text.topics import TOPIC_PREFIX, names_topic
from assistant.text.words import word_list
from tools.search import Passage

# The section headings each list question is answered from, in any layout: 'Drivers', 'Why the
# Category Is Growing', 'What Holds It Back', 'Headwinds', 'Trends Worth Watching'.
SECTION_HEADINGS = {
    Intent.DRIVERS: re.compile(
        r"driv(?:er|ing|es?\b)|growth factor|tailwind|catalyst|\bfuel"
        r"|\bwhy\b.*\b(?:grow|ris(?:e|es|ing)\b|expand|boom|surg|climb)",
        re.I,
    ),
    Intent.CHALLENGES: re.compile(
        r"challenge|restrain|restrict|\bhold\w*\b.*\bback\b|barrier|obstacle|headwind|pitfall|constraint"
        r"|\brisks?\b|limitation|hurdle|go(?:es)? wrong|downside",
        re.I,
    ),
    Intent.TRENDS: re.compile(r"trend|opportunit|upside", re.I),
    Intent.DEFINITION: re.compile(r"overview|definition|introduction", re.I),
}


def _in_section(passage: Passage, intent: Intent) -> bool:
    return SECTION_HEADINGS[intent].search(passage.section) is not None


LABELS = {Intent.DRIVERS: "drivers", Intent.CHALLENGES: "challenges", Intent.TRENDS: "trends"}
# A question whose nearest passage scores below this is not about anything the report says.
WEAK_PASSAGE = 0.22
# Shared content words for a sentence to count as stating the answer (3 on its own, 2 with a near passage).
LEXICAL_FLOOR, LEXICAL_STRONG = 2.0, 3.0
PASSAGE_K = 8
SECTION_K = 20  # wide enough to hold a whole section of a report; the section filter does the choosing
MIN_POINT_CHARS = 40  # an opening shorter than this is a heading or a fragment, not a point
MAX_POINTS = 5  # a section rarely makes more points than this; more would bury them
ELABORATION = 3  # sentences added after a point the user asks to hear more about
MAX_ELABORATION = 6  # ... or the rest of its paragraph, up to this many
ALL_SENTENCES = 1000  # every sentence of the passages found, ranked
NUMBER_CANDIDATES = 10  # best sentences searched for one that states a figure, when a figure is asked
FIGURE_REACH = 4  # sentences after a claim in which the figure backing it is looked for
LIST_ITEMS = 6  # lines of a list quoted after the sentence that introduces it

_DEFINES = re.compile(r"\)?\s(is|are) an? (specialized |specialised )?\w+", re.I)


def _subject_defined(question: str, found: list[Sentence]) -> list[Sentence]:
    """Sentences that say what a word of the question is: 'integrators are specialised contractors'."""
    words = [w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _NOT_SUBJECTS]
    if not words:
        return []
    stems = "|".join(re.escape(w.rstrip("s")) for w in words)
    pattern = re.compile(
        rf"\b(?:{stems})s?(?:\s+\([^)]{{1,20}}\))?\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?!{_FORECASTING})\w+",
        re.I,
    )
    return [s for s in found if pattern.search(s.text)]


# 'is expected to', 'are growing': a forecast or a trend, not what the thing is.
_FORECASTING = (
    r"(?:expected|projected|estimated|anticipated|forecast|poised|set|likely|driven|\w+ing|\w+ly)\b"
)
_NOT_SUBJECTS = frozenset("what does they them their there this that with from about market report".split())


def _paragraphs(passage: Passage) -> list[tuple[str, int]]:
    """The passage's paragraphs (split on blank lines; each bullet is one) with their offsets; a
    chunk may open mid-paragraph, so a first paragraph that starts in lower case is left out."""
    found = []
    for match in re.finditer(
        r"[^\n]+(?:\n(?!\s*\n)(?!\s*(?:[-*•]|\d+[.)]|\(?[a-z]\))\s)[^\n]+)*", passage.text
    ):
        text = match.group(0)
        opening = _LIST_MARKER.sub("", text.lstrip()).lstrip("*_")  # a bullet may open in bold
        if match.start() == 0 and passage.start > 0 and (passage.mid_sentence or not opening[:1].isupper()):
            continue
        found.append((text, passage.start + match.start()))
    return found


# Words that tie a sentence about a region or segment to the kind of point asked for.
_SCOPED_POINT = {
    Intent.DRIVERS: re.compile(
        r"\b(driv\w*|fuel\w*|propel\w*|support\w*|boost\w*|spur\w*|help\w*|enabl\w*|benefit\w*|lift\w*"
        r"|underpin\w*|backed by|pushed by|because|due to|owing to|thanks to"
        r"|led by|on the back of|as (?:they|it|the|more|new)"
        # 'are replacing batch machines', 'is moving from an occasional audit to a subscription'
        r"|replac\w*|mov(?:e|es|ing)\s+(?:from|to|toward)|making|switch\w*)\b",
        re.I,
    ),
    Intent.CHALLENGES: re.compile(
        r"\b(challeng\w*|slow\w*|hamper\w*|restrain\w*|limit\w*|ban\w*|hinder\w*|barrier\w*|obstacle\w*"
        r"|constrain\w*|costs?|shortage\w*|scarce|delay\w*|risk\w*)\b",
        re.I,
    ),
    Intent.TRENDS: re.compile(
        r"\b(trend\w*|shift\w*|increasingly|adopt\w*|moving to|move to|emerg\w*)\b", re.I
    ),
}
MAX_SCOPED_POINTS = 2
MAX_REASONS = 4  # 'why?': the reasons a paragraph gives, one after another


def section_summary(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """Drivers, challenges, trends, what the organisations do: the report's own opening sentences;
    for a region or segment the question names, the report's sentences about it first."""
    scope = decision.slots.specific("region", "country", "segment")
    if scope and decision.intent in _SCOPED_POINT:
        return (yield from _scoped_points(question, decision, ctx, scope[0].name))
    return (yield from _section_points(question, decision, ctx, Draft()))


_DATED = re.compile(r"\b(?:19|20)(?:\d\d|XX)\b", re.I)
_ASKS_WHY = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:why|how come|what explains|what puts|what makes|what keeps"
    r"|what(?:'s|s| is) behind|(?:the\s+)?reasons?\s+(?:for|behind))\b",
    re.I,
)


# a sentence of prose, not a table's header or row: it ends as sentences do
_PROSE_SENTENCE = re.compile(r"\w[\w)%’']*[.!?][\"”’)]*\s*$")
_PARAGRAPH_GAP = re.compile(r"\n\s*\n|\n\s*(?:[•*·▪‣-]|\d+[.)])\s")  # a blank line, or the next bullet
_REASON_SAID = re.compile(
    r"\b(?:as|because|since|thanks to|due to|driven by|supported by|helped by|amid|on the back of|fuel\w*)\b",
    re.I,
)
_GROWTH_SAID = re.compile(r"\b(?:cagr|fastest|grow\w*|growth|expand\w*)\b", re.I)


def _scoped_points(question: str, decision: Decision, ctx: ReportContext, name: str) -> Steps[FinalDraft]:
    """'what drives growth in asia pacific?': sentences naming the region (or segment) that give a
    point of the kind asked; when the report has none, it says so beside the market-wide points."""
    label, kind = LABELS[decision.intent], _SCOPED_POINT[decision.intent]
    passages = yield from search(f"{name} {label} {question}", ctx.report_id, SECTION_K)
    named = _naming(name)
    why = bool(_ASKS_WHY.match(question))
    found = _sentences_about(passages, named, kind, why)
    if not found and decision.intent is Intent.DRIVERS:
        # 'why's it growing so quick?', 'what's driving it there': the sentence that states its growth
        # gives the reason too ('..., at a CAGR of 13.1%, as museums build virtual exhibitions')
        # or goes on to it in the next ('... a CAGR of 10.3%. New airports in China are being built ...')
        found = [
            s for s in _sentences_about(passages, named, _GROWTH_SAID, True) if _PROSE_SENTENCE.search(s.text)
        ]
        # (its figures alone, with no reason beside or after them, do not say what drives it): one
        # statement of its growth, then the reasons
        reasons = [s for s in found if _REASON_SAID.search(s.text) or not re.search(r"\d", s.text)]
        figures = [s for s in found if s not in reasons]
        found = (figures[-1:] + reasons) if reasons else ([] if not why else found)
    draft = Draft()
    if found:
        shown = found[: MAX_REASONS if why else MAX_SCOPED_POINTS]
        points = "\n".join(f"- {_unnumbered(s.text)} {draft.cite(s)}" for s in shown)
        return draft.final(f"For {name}, the report says:\n{points}")
    general = yield from _section_points(question, decision, ctx, draft, search_for=f"{label} {question}")
    return general.model_copy(
        # ('Teenagers (13-18 years)': the bracket's numbers would stand in no quote of this answer)
        update={
            "text": f"The report gives no {label} for {_DETAIL.sub('', name)} in particular. {general.text}"
        }
    )


_DETAIL = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")  # a name's bracketed detail with figures in it


def _naming(name: str) -> re.Pattern[str]:
    """The part's name as a sentence may write it: in full, or by a distinctive first word
    ('inspection' for 'Inspection and monitoring services')."""
    name = re.sub(r"\s*\([^()]*\)", "", name).strip() or name  # 'Bath linen (towels, robes)' is 'Bath linen'
    spellings = [r"\W+".join(re.escape(w) for w in name.split())]
    first = name.split()[0] if name.split() else ""
    distinctive = len(first) >= MIN_HEAD_CHARS and first.isalpha()
    if len(name.split()) > 1 and distinctive and first.lower() not in word_list("general-modifiers"):
        spellings.append(re.escape(first))
    return re.compile(r"\b(?:" + "|".join(spellings) + r")\b", re.I)


MIN_HEAD_CHARS = 6


def _sentences_about(
    passages: list[Passage], named: re.Pattern[str], kind: re.Pattern[str], why: bool
) -> list[Sentence]:
    """Sentences that name the part (or sit under a heading that names it) and match ``kind``, in
    the page's order; with the sentence before one that leans on it, and after one, for a reason."""
    found: list[Sentence] = []
    for passage_found in sorted(passages, key=lambda p: p.start):
        # under a heading that names it, a sentence need not repeat the name ('China led the region
        # on the back of ...' under 'Asia Pacific')
        # ('REGIONAL ANALYSIS - NORTH AMERICA')
        headed = named.fullmatch(_heading_tail(passage_found.section)) is not None
        said = sentences(passage_found.text, passage_found.start)
        for index, sentence in enumerate(said):
            about = (headed or named.search(sentence.text)) and kind.search(sentence.text)
            if about and all(s.start != sentence.start for s in found):
                if (
                    index
                    and leans_back(sentence.text)
                    and all(s.start != said[index - 1].start for s in found)
                ):
                    # 'Belgium and France are the most prominent examples': of what
                    found.append(said[index - 1])
                found.append(sentence)
                after = said[index + 1] if index + 1 < len(said) else None
                gap = (
                    passage_found.text[
                        sentence.start + len(sentence.text) - passage_found.start : after.start
                        - passage_found.start
                    ]
                    if after
                    else ""
                )
                if why and after and _PROSE_SENTENCE.search(after.text) and not _PARAGRAPH_GAP.search(gap):
                    found.append(after)  # a reason goes on in the sentence after, in its paragraph
    return found


def _heading_tail(heading: str) -> str:
    """What a heading names after its kind: 'REGIONAL ANALYSIS - NORTH AMERICA' names North America."""
    return re.split(r"\s[-–—:|]\s", heading.strip())[-1].strip()


def _section_points(
    question: str, decision: Decision, ctx: ReportContext, draft: Draft, search_for: str = ""
) -> Steps[FinalDraft]:
    """The opening sentence of each paragraph of the section the question asks about."""
    passages = yield from search(search_for or decision.query or question, ctx.report_id, SECTION_K)
    in_section = [p for p in passages if _in_section(p, decision.intent)]
    picks: list[Sentence] = []
    paragraphs = [para for found in sorted(in_section, key=lambda p: p.start) for para in _paragraphs(found)]
    spans = [(start, start + len(text)) for text, start in paragraphs]
    for text, start in paragraphs:  # each paragraph opens with its point
        if any(a < start < b for a, b in spans):
            continue  # a passage that opens inside a paragraph another passage holds from its start
        in_paragraph = sentences(text, start)
        opening = next(
            (s for s in in_paragraph if len(s.text) > MIN_POINT_CHARS and not _ANNOUNCES.search(s.text)),
            None,
        )
        if opening is not None and len(in_paragraph) > 1 and in_paragraph[1] is opening:
            opening = _labelled(in_paragraph[0], opening, text, start)
        if opening and all(s.start != opening.start for s in picks):
            picks.append(opening)
    if len(picks) < MAX_POINTS and decision.intent in LABELS:
        # one paragraph may make several points: 'Price competition is another challenge. ...'
        for text, start in paragraphs:
            for sentence in sentences(text, start):
                fresh = all(s.start != sentence.start for s in picks)
                if fresh and _NEXT_POINT.search(sentence.text) and len(picks) < MAX_POINTS:
                    picks.append(sentence)
    if decision.intent is Intent.DEFINITION and NUMBER_ASK.search(question):
        return (yield from passage(question, decision, ctx))  # 'how many of them are there' is no definition
    if decision.intent is Intent.DEFINITION:
        # What the organisations are: the report's own "X is a ..." sentence, the overview's first;
        # one whose subject is what the question names ('integrators are ...') before any other.
        ordered = in_section + [p for p in passages if p not in in_section]
        found = [s for p in ordered for s in sentences(p.text, p.start)]
        named = _subject_defined(question, found)
        defining = [s for s in found if _DEFINES.search(s.text)]
        picks = named[:1] or defining[:1] or picks
    if not picks:
        return (yield from passage(question, decision, ctx))
    label = LABELS.get(decision.intent)
    if label and decision.intent is Intent.TRENDS and re.search(r"\bopportunit", question, re.I):
        label = "trends and opportunities"
    if not label:
        return draft.final("The report says: " + " ".join(f"{p.text} {draft.cite(p)}" for p in picks[:1]))
    # One short bullet per point, each cited once; a section of one or two points says more of each
    # (what backs it: 'a pooled pallet completes 85 trips ...').
    shown = picks[:MAX_POINTS]
    bullets = []
    for pick in shown:
        said = [pick]
        if len(shown) < FEW_POINTS:
            said += _sentences_after(pick, paragraphs)[: POINT_SENTENCES - 1]
        bullets.append("- " + " ".join(f"{_unnumbered(s.text)} {draft.cite(s)}" for s in said))
    return draft.final(f"The report describes these {label}:\n" + "\n".join(bullets))


# '(a) Flavour parity.', '**Price premium:**': a point's run-in label, which names it
_RUN_IN_LABEL = re.compile(
    r"^(?:\(?[a-z0-9]\)\s+|\d+[.)]\s+|[-*•]\s+)?[*_]*[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5}[.:][*_]*$"
)


def _labelled(label: Sentence, point: Sentence, text: str, start: int) -> Sentence:
    """The point with the run-in label before it ('(a) Flavour parity. Culturing ...'), one quote,
    when ``label`` is one."""
    if not _RUN_IN_LABEL.match(label.text):
        return point
    return replace(point, text=text[label.start - start : point.end - start], start=label.start)


FEW_POINTS = 3
POINT_SENTENCES = 4  # the point and what follows it in its paragraph


def _sentences_after(point: Sentence, paragraphs: list[tuple[str, int]]) -> list[Sentence]:
    """The sentences after ``point`` in its own paragraph."""
    for text, start in paragraphs:
        if start <= point.start < start + len(text):
            return [
                s for s in sentences(text, start) if s.start >= point.end and len(s.text) > MIN_POINT_CHARS
            ]
    return []


def _figure_after(claim: Sentence, passages: list[Passage]) -> list[Sentence]:
    """The first sentence stating a figure among the few after ``claim`` in its paragraph."""
    for found in passages:
        if not found.start <= claim.start < found.start + len(found.text):
            continue
        paragraph_end = found.text.find("\n\n", claim.start - found.start)
        end = found.start + (paragraph_end if paragraph_end >= 0 else len(found.text))
        after = [s for s in sentences(found.text, found.start) if claim.start < s.start < end]
        return [s for s in after[:FIGURE_REACH] if states_figure(s.text)][:1]
    return []


def _description(name: str, passages: list[Passage]) -> Sentence | None:
    """The sentence that says what ``name`` is: 'Glacia, a Norwegian maker of ...', 'Glacia is a ...';
    a name that says what it covers in brackets, the sentence that uses it ('Large enterprises (1,000
    or more employees) accounted for ...')."""
    if name.endswith(")"):
        pattern = re.compile(re.escape(name), re.I)
    else:
        pattern = re.compile(
            rf"\b{re.escape(name)}\b(?:,\s+|\s+(?:is|was|are|were)\s+)(?:an?|the|one of)\s", re.I
        )
    for found in passages:
        for sentence in sentences(found.text, found.start):
            if pattern.search(sentence.text):
                return sentence
    return None


def _listed_after(chosen: Sentence, passages: list[Passage]) -> list[Sentence]:
    """The items a sentence ending in a colon introduces: the lines after it, up to the list's end."""
    for found in passages:
        offset = chosen.end - found.start
        if not 0 <= offset <= len(found.text):
            continue
        items: list[Sentence] = []
        position = chosen.end
        for line in found.text[offset:].splitlines(keepends=True):
            text = line.strip()
            marker = _LIST_MARKER.match(text)
            if text and (marker or not items):  # the list's items, or a label line before them
                item = text[marker.end() :] if marker else text
                items += sentences(item, position + line.index(item))
            elif text:
                break  # a paragraph after the list
            position += len(line)
            if len(items) >= LIST_ITEMS:
                break
        return items
    return []


# A sentence that brings in a further point of a list written as prose.
_NEXT_POINT = re.compile(
    r"^\W*(?:first|firstly)\b|\b(another|second|third|fourth|also|further|additionally|in addition|moreover"
    r"|finally|longer-term)\b",
    re.I,
)
# A sentence that only announces the points after it: 'The report identifies three main growth drivers.'
_ANNOUNCES = re.compile(
    r"\b(?:identifies|highlights|lists|names|notes|cites|outlines|sees)\s+(?:two|three|four|five|several|a few"
    r"|the following|\d+)\b[^.]*\.?$|:\s*$"
    # 'The restraints are practical rather than ideological.', 'Three forces drive demand.'
    r"|^(?:the\s+)?(?:main\s+|key\s+|chief\s+|principal\s+|biggest\s+)?(?:restraints?|drivers?|challenges?"
    r"|barriers?|headwinds?|obstacles?|risks?|trends?)\s+(?:are|is|were|remain)\b[^.]{0,60}\.?$"
    r"|^(?:two|three|four|five|several|a few|a number of)\s+(?:\w+\s+)?(?:factors|forces|trends|drivers"
    r"|issues|things|developments|shifts)\b[^.]{0,60}\.?$",
    re.I,
)
# Words of a figure question that any figure's sentence shares, or that ask about the figure
# itself ('what number does it lean on'): what it asks, not what it asks of.
_FIGURE_WORDS = frozenset(
    "share shares revenue revenues sales size value worth growth cagr percent percentage much many total "
    "amount spend spending came come comes generated generate figure figures number numbers usd dollars "
    "billion million big bigger biggest large larger largest small smaller smallest stat stats statistic "
    "data driver drivers source sources lean leans based backing claim quote section part bit year years "
    "cited quoted given mentioned".split()
)


# A sentence that says what the figures leave out: 'Manual lint rollers ... are excluded.'
_LEAVES_OUT = re.compile(
    r"\b(?:excluded|excludes|exclude|excluding|not\s+(?:included|covered|counted)|out(?:side)?\s+(?:of\s+)?(?:the\s+)?scope)\b",
    re.I,
)
EXCLUSIONS_QUOTED = 3


def _exclusions(query: str, draft: Draft, ctx: ReportContext) -> Steps[FinalDraft]:
    """'what's excluded from the numbers?': the report's sentences that say what it leaves out."""
    passages = yield from search(query, ctx.report_id, MAX_SEARCH_K)
    found = sorted(
        {
            s.start: s for p in passages for s in sentences(p.text, p.start) if _LEAVES_OUT.search(s.text)
        }.values(),
        key=lambda s: s.start,
    )
    if not found:
        return (yield from decline(query, "The report does not say what its figures leave out.", ctx))
    quoted = " ".join(f"{s.text} {draft.cite(s)}" for s in found[:EXCLUSIONS_QUOTED])
    return draft.final(f"What the report leaves out: {quoted}")


MENTIONS_QUOTED = 2
_HEADING_CHARS = 60  # a sentence this short that names the topic is a heading: the next one says more


def _mentioning(topic: str, query: str, draft: Draft, ctx: ReportContext) -> Steps[FinalDraft]:
    """'anything about AI in there?': the report's sentences that name the topic, or that it names none."""
    passages = yield from search(query, ctx.report_id, MAX_SEARCH_K)
    patterns = [
        re.compile(
            rf"\b{re.escape(word)}\b" if len(word) <= 2 else rf"\b{re.escape(word[:TOPIC_PREFIX])}", re.I
        )
        for word in re.findall(r"[a-z0-9&+-]+", topic.lower())
        if word not in word_list("stopwords")
    ]
    found: list[Sentence] = []
    for passage in passages:
        said = sentences(passage.text, passage.start)
        for index, sentence in enumerate(said):
            if patterns and all(p.search(sentence.text) for p in patterns) and sentence not in found:
                found.append(sentence)
                if len(sentence.text) < _HEADING_CHARS and index + 1 < len(said):
                    found.append(said[index + 1])
    if not found:
        return (yield from decline(query, f"The report does not mention {topic}.", ctx))
    found = sorted(found[: MENTIONS_QUOTED + 1], key=lambda s: s.start)
    quoted = " ".join(f"{s.text} {draft.cite(s)}" for s in found)
    # the topic as the report spells it ('Europe', 'GDPR'), not as typed
    spelt = next((m.group(0) for s in found if (m := re.search(re.escape(topic), s.text, re.I))), topic)
    return draft.final(f"The report mentions {spelt}: {quoted}")


def _shares_subject(sentence: Sentence, query: str) -> bool:
    """Whether ``sentence`` names something the figure is asked of, beyond the figure's own words."""
    subject = {w for w in content_words(query) if w not in _FIGURE_WORDS and not w[:1].isdigit()}
    return not subject or bool(subject & content_words(sentence.text))


_LIST_MARKER = re.compile(r"^(?:[-*•]|\d+[.)]|\(?[a-z]\))\s+")  # '-', '2.', '(a)' or 'b)' opening an item


def _unnumbered(text: str) -> str:
    """A point without the page's list number ('2. **Preference ...'): the answer lists it itself,
    and a bare '2' would read as a figure."""
    return _LIST_MARKER.sub("", text) if text[:1].isdigit() or text[:1] == "(" else text


def _stating(figures: tuple[str, ...], query: str, draft: Draft, ctx: ReportContext) -> Steps[FinalDraft]:
    """The sentence that states the figures the question names, whose words say where it comes from;
    searched wide, since a figure's digits weigh little in a passage's meaning."""
    passages = yield from search(query, ctx.report_id, MAX_SEARCH_K)
    wanted = [re.compile(rf"(?<![\d.,]){re.escape(f.replace(',', ''))}(?![\d]|[.,]\d)") for f in figures]
    for found in best_sentences(passages, query, limit=ALL_SENTENCES, want_number=True):
        digits = found.text.replace(",", "")
        if all(pattern.search(digits) for pattern in wanted):
            return draft.final(f"The report says: {found.text} {draft.cite(found)}")
    # the figure itself is not repeated: a number no quote holds would read as the report's
    return (yield from decline(query, "I could not find that figure stated in the report.", ctx))


# 'what does a typical power float cost?': an amount, which a sentence without a figure does not give
# 'avg treatment cost per m3', 'price per sq m': an amount of money per unit of something
_PRICE_PER = re.compile(
    r"\b(?:price|cost|fee|charge|rate|spend|rent)s?\b[^?]{0,40}\bper\b|\bper\s+(?:sq|square|m2|m3|room|night"
    r"|wagon|month|unit|piece|kg|tonne|ton|user|seat|bed|patient|site)\b",
    re.I,
)
# a price asked for itself ('how expensive are X', 'average selling price of Y'), not what adds to one
_PRICE_ASKED = re.compile(
    r"\bhow\s+expensive\b|\b(?:average|selling|list|unit|retail|typical)\s+(?:selling\s+)?price\b"
    r"|\b(?:prices?|costs?)\s+(?:of|for)\s+(?:an?|one|each|the)\b|\bwhat\s+(?:does|do|did|would)\b[^?]*\bcosts?\b"
    r"|\basp\b",
    re.I,
)
_AMOUNT = re.compile(
    r"(?:USD|US\$|C\$|A\$|\$|EUR|€|GBP|£|JPY|¥|INR|₹|CAD|AUD|CHF|CNY|RMB|SGD)\s?\d|\d[\d,.]*\s?(?:dollars|euros)\b",
    re.I,
)
# 'which regulator ...', 'what agency ...': a body the answer must name
_BODY_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[\w.-]+\s+){0,3}?(?:regulators?|agenc(?:y|ies)|authorit(?:y|ies)|bod(?:y|ies)|associations?"
    r"|institutes?|organi[sz]ations?|ministr(?:y|ies)|departments?|councils?|societ(?:y|ies)|federations?)\b",
    re.I,
)
_NAMED_BODY = re.compile(
    r"\b(?:[A-Z][\w.&'-]*\s+(?:(?:and|of|for|the|on)\s+)?){1,6}(?:Administration|Agency|Authority|Commission|Association|Associations|Institute"
    # ('... Site Management Organization Market' is the market's name, no body)
    r"|Organi[sz]ation|Council|Society|Department|Ministry|Federation|Board|Bureau|Alliance|Consortium)\b"
    r"(?!\s+[Mm]arkets?\b)|\([A-Z]{2,6}\)"
)
# 'how much did it go up?': a change, whatever its unit, not a sum of money
_CHANGE_ASKED = re.compile(
    r"\bhow\s+much\b[^?]*\b(?:go(?:ne)?\s+up|went\s+up|rise|rose|risen|increase\w*|grow|grew|grown|fall|fell"
    r"|drop\w*|decline\w*|change\w*)\b",
    re.I,
)
# 'how much do smos spend on ai': money spent, which a sentence of percentages does not state
_SPENDING_ASKED = re.compile(
    r"\bhow\s+much\b[^?]*\b(?:spend|spends|spent|spending|invest\w*|pay|pays|paid)\b", re.I
)
_COST_ASKED = re.compile(
    r"\bwhat\s+(?:does|do|did|would|will|might)\b[^?]*\bcosts?\b|\bprice\s+(?:of|for|tag|per)\b"
    r"|\bhow\s+(?:much|expensive)\b",
    re.I,
)


# A figure the question quotes from the report: a percent, or a number of three or more digits that is
# no year ('the 34% stat', 'the 560,000 studies figure')
_QUOTED_FIGURE = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?%|\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d\b)\d{3,})(?![\d,])"
)


def _states(text: str, figure: str) -> bool:
    """Whether ``text`` states ``figure`` as written ('34%' in '34% of sites', not in '134%')."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", text) is not None


def passage(question: str, decision: Decision, ctx: ReportContext) -> Steps[FinalDraft]:
    """A fact stated in the prose: quote the one sentence that answers it, or decline."""
    draft = Draft()
    query = decision.query or question
    if decision.states:
        return (yield from _stating(decision.states, query, draft, ctx))
    if asks_about_people(question):
        quoted = yield from people_answer(question, ctx)
        if quoted is not None:  # 'who's the analyst quoted?': the attributions the page writes
            return quoted
    # a topic's name may be spelt otherwise in the report, and a section asked about ('in the
    # challenges bit') must be found whole: both are searched wide
    section = decision.section if decision.section in SECTION_HEADINGS else None
    wide = bool(decision.topic) or section is not None
    passages = yield from search(query, ctx.report_id, MAX_SEARCH_K if wide else PASSAGE_K)
    if section is not None:
        passages = [p for p in passages if _in_section(p, section)] or passages
    if decision.mentions:
        return (yield from _mentioning(decision.mentions, query, draft, ctx))
    if decision.asks_exclusions:
        return (yield from _exclusions(query, draft, ctx))
    if decision.describes:
        described = _description(decision.describes, passages)
        if described is not None:
            return draft.final(f"The report says: {described.text} {draft.cite(described)}")
    want_number = (
        bool(NUMBER_ASK.search(query) or _COST_ASKED.search(query))
        or decision.figure_near_point
        # 'how big is the market for virgin fluid itself': a size, which a sentence without a figure lacks
        or (decision.slots.asks_money and not decision.topic)
    )
    body_asked = bool(_BODY_ASKED.search(question))
    ranked = best_sentences(
        passages,
        query,
        limit=ALL_SENTENCES if want_number or decision.topic or body_asked else 1,
        want_number=want_number,
    )
    best = ranked[:NUMBER_CANDIDATES]
    top_score = max((p.score for p in passages), default=0.0)
    lexical = best[0].overlap if best else 0.0
    strong = lexical >= LEXICAL_FLOOR and (top_score >= WEAK_PASSAGE or lexical >= LEXICAL_STRONG)
    if body_asked and strong and not _NAMED_BODY.search(best[0].text):
        # 'which US regulator does the report credit for ...': the sentence of the best one's
        # paragraph that names such a body, though it shares fewer of the question's words
        naming = [s for s in _rest_of_paragraph(best[0], passages) if _NAMED_BODY.search(s.text)]
        best = naming[:1] + best if naming else best
    if decision.topic:  # a topic the report discusses: the sentence that names it
        best = [s for s in ranked if names_topic(s.text, decision.topic)][:1] or best
        strong = bool(best) and names_topic(best[0].text, decision.topic)
    if want_number and best:
        # The best sentence may state no figure where a sentence close to it does: one of its
        # section after 'any stats on that?', otherwise one that also shares the question's words.
        point = best[0]
        if decision.figure_near_point:
            # The point's own figure, else the first its section states after the point, else the
            # best-ranked one in it.
            stating = [s for s in ranked if states_figure(s.text) and s.section == point.section]
            stating = sorted((s for s in stating if s.start >= point.start), key=lambda s: s.start) or stating
            if stating and (decision.section in SECTION_HEADINGS or lexical >= 1):
                # the section the question named, or the point it named by a word, states a figure
                strong = True
        else:
            stating = [s for s in best if states_figure(s.text) and s.overlap >= LEXICAL_FLOOR]
            if _PRICE_PER.search(question) or _PRICE_ASKED.search(question):
                # 'how expensive are X?': the sentence that prices them, wherever it ranks
                priced = [s for s in ranked if _AMOUNT.search(s.text) and s.overlap >= LEXICAL_FLOOR]
                stating = priced[:1] or stating
            # 'any stat showing the strain on crews?': the claim is made in the question's words and
            # the survey figure that backs it follows in the same paragraph, in words of its own.
            if not stating:
                claims = [s for s in best if s.overlap >= LEXICAL_FLOOR and _figure_after(s, passages)]
                if claims:  # judged on the claim's words, answered with the figure after it
                    lexical = max(lexical, claims[0].overlap)
                    strong = lexical >= LEXICAL_FLOOR and (
                        top_score >= WEAK_PASSAGE or lexical >= LEXICAL_STRONG
                    )
                    stating = _figure_after(claims[0], passages)
        best = stating[:1] or [point]
    stat = NAMED_STAT.search(question)
    named = content_words(stat.group("words")) if stat else frozenset()
    if best and len(named) >= MIN_STAT_WORDS and named <= content_words(best[0].text):
        strong = True  # 'the enrolment time stat': the sentence holding every word it is named by
    if (
        strong
        and (decision.slots.asks_share or (decision.slots.asks_money and not _CHANGE_ASKED.search(question)))
        and not _shares_subject(best[0], query)
    ):
        strong = False  # 'retail share of revenue?' is not answered by a sentence about another share
    if strong and decision.slots.years and (decision.slots.asks_money or decision.slots.asks_figure):
        # 'food service sales in 2024?' is not answered by a figure the report dates otherwise
        dated = _DATED.findall(best[0].text)
        strong = not dated or any(str(year) in dated for year in decision.slots.years)
    if (
        strong
        and (_PRICE_PER.search(question) or _PRICE_ASKED.search(question) or _SPENDING_ASKED.search(question))
        and not _AMOUNT.search(best[0].text)
    ):
        strong = False  # 'avg fee per wagon?': a sentence about fees that states no amount is no answer
    asked_count = HOW_MANY.search(question)  # the things counted, in the question's own words
    how_many = asked_count or HOW_MANY.search(query)
    if (
        strong
        and how_many
        and not states_count(
            best[0].text, how_many.group("what").split(), bool(asked_count), ctx.market_words
        )
    ):
        strong = False  # 'how many gyms are there in the us': a share or a sum counts nothing
    figures_asked: list[str] = _QUOTED_FIGURE.findall(question)
    holding = [s for s in ranked if all(_states(s.text, f) for f in figures_asked)] if figures_asked else []
    if not strong and holding:
        # 'what's the 34% stat?', 'the 560,000 figure': the sentence that states that very figure
        best, strong = holding[:1], True
    # ('up to five' is a number too, spelt out)
    if not strong or (
        want_number and not (re.search(r"\d", best[0].text) or NUMBER_WORD.search(best[0].text))
    ):
        return (yield from decline(query, decision.fallback or "I could not find that in the report.", ctx))
    chosen = [best[0]]
    if leans_back(best[0].text) and not want_number:
        chosen = sentence_before(best[0], passages) + chosen  # 'These are ...': what 'these' are, first
    if best[0].text.rstrip().endswith(":"):  # 'The following options are available:' and its list
        chosen += _listed_after(best[0], passages)
    # the point and the sentences that follow it in its passage: asked for, or a reason, which a
    # report gives over several sentences ('driven by ... This leadership is supported by ...')
    if decision.elaborate or (_ASKS_WHY.match(question) and not want_number):
        following = sorted(
            (s for p in passages for s in sentences(p.text, p.start) if s.start > best[0].start),
            key=lambda s: s.start,
        )
        # the rest of the point's paragraph (its figures often close it), else the next few sentences
        rest = _rest_of_paragraph(best[0], passages)
        chosen += rest[:MAX_ELABORATION] if len(rest) > ELABORATION else following[:ELABORATION]
    said = " ".join(f"{s.text} {draft.cite(s)}" for s in chosen)
    if decision.topic:
        lead = f"The report does not size a market for {decision.topic}. What it says about {decision.topic}:"
        # 'how big is the X market' asked a figure the report does not give; 'what does it say' did not
        sized = decision.slots.asks_money or decision.slots.asks_figure or bool(RATE_WORDS.search(question))
        return draft.final(f"{lead} {said}", status="unanswerable" if sized else "answered")
    compared = yield from figures_compared(question, chosen[-1], draft)
    if not compared:
        compared = yield from share_left_of_stat(question, chosen[-1], draft)
    return draft.final(f"The report says: {said} {compared}".rstrip())


_PARAGRAPH_END = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)")


def _rest_of_paragraph(point: Sentence, passages: list[Passage]) -> list[Sentence]:
    """The sentences after ``point`` up to the end of its paragraph, in the passage that holds it."""
    for found in passages:
        if not found.start <= point.start < found.start + len(found.text):
            continue
        ends = _PARAGRAPH_END.search(found.text, point.end - found.start)
        stop = found.start + (ends.start() if ends else len(found.text))
        return [s for s in sentences(found.text, found.start) if point.start < s.start < stop]
    return []
