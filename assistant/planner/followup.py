"""Follow-up questions: when a question leans on the conversation ('and in 2030?', 'and 2 years
later?', 'how much is it worth'), and which particulars it takes from the earlier turns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.planner.slots import Entity, bare_short_years, match_entities
from assistant.text.sentences import STEM, content_words
from assistant.text.tokens import stems

_PRONOUN = re.compile(
    r"\b(it|its|it's|that|this|those|these|them|their|there|the same|both|the two"
    r"|the (later|earlier|former|latter|other|first|second|third|last) one)\b",
    re.I,
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|ten) years? (?P<dir>later|after|on|earlier|before|prior)\b"
    r"|\b(?P<adj>next|following|previous|prior) year\b|\bthe year (?P<dir2>after|before)\b",
    re.I,
)
_SUBJECT = re.compile(
    r"\b(market|size|cagr|growth|grow|region|segment|player|compan|driver|trend|challenge|forecast|doubl|"
    r"rate|worth|value|big|large|countr|acqui|develop|launch)",
    re.I,
)


# 'sum those two', 'and the sum of them?', 'the two combined': the two figures just given, added
# 'the oct 2024 one', 'the jv', 'the chile one': words that point at one item of a list (a development,
# a point) before what is asked of it
POINTER = re.compile(
    r"\s*(?:(?:and|so|ok|okay|now|then|also)[\s,]+)*(?:what\s+about\s+)?(?:the|that)\s+"
    r"(?:[\w'./-]+\s+){0,3}(?:one|deal|site|plant|lab|facility|launch|acquisition|partnership|jv|joint venture"
    r"|merger|agreement|contract|round|investment|news|thing|bit|issue|point)\s*[,:;-]*\s*",
    re.I,
)
SUM_OF_TWO = re.compile(
    r"\b(?:sum|total|add(?:ed)?\s+up)\s+(?:of\s+)?(?:those|them|these|the\s+two|both)\b"
    r"|\b(?:those|these|the)\s+two\s+(?:combined|together|added)\b"
    # 'add those two years together', 'add them up', 'add both'
    r"|\badd\s+(?:those|these|the)\s+(?:two|2)(?:\s+\w+)?\s+(?:up|together)\b|\badd\s+(?:them|both)\b",
    re.I,
)


def has_subject(question: str) -> bool:
    """Does the question say what it is about, rather than only 'and in 2030?'"""
    return bool(_SUBJECT.search(question))


def refers_back(question: str) -> bool:
    # 'this report' names the report, not something said before
    question = _THIS_REPORT.sub(" ", question)
    return bool(_PRONOUN.search(question) or _RELATIVE.search(question))


_THIS_REPORT = re.compile(r"\b(?:this|the)\s+(?:report|study|page|research|document|doc)\b", re.I)


def relative_years(question: str, earlier_years: Sequence[int]) -> list[int]:
    """'2 years later' after a question about 2026 -> [2028]; nothing when the question has no such phrase."""
    match = _RELATIVE.search(question)
    if not match or not earlier_years:
        return []
    if match.group("adj"):
        step = 1 if match.group("adj").lower() in ("next", "following") else -1
    else:
        raw = match.group("n") or "1"
        step = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower(), 1)
        direction = (match.group("dir") or match.group("dir2") or "").lower()
        if direction in ("earlier", "before", "prior"):
            step = -step
    return [earlier_years[-1] + step]


_TYPED_YEAR = re.compile(r"\b(19\d\d|20\d\d|2100)\b|(?<![\w'’])['’](\d\d)\b")


def conversation_years(history: Sequence[dict[str, str]]) -> list[int]:
    """Years the user named earlier in the conversation, oldest first."""
    years: list[int] = []
    for turn in history:
        if turn.get("role") == "user":
            content = turn.get("content", "")
            found = [int(long) if long else 2000 + int(short) for long, short in _TYPED_YEAR.findall(content)]
            # 'and 24': a year typed with two digits where the words around it make it one
            years.extend(found or bare_short_years(content))
    return years


def entities_in_last_answer(history: Sequence[dict[str, str]], vocabulary: list[Entity]) -> list[Entity]:
    """What the assistant's last answer named: the referent of 'it' or 'its'."""
    for turn in reversed(history):
        if turn.get("role") == "assistant":
            # an organisation's name ('European Pharmaceutical Review') places nothing
            text = _NAMED_BY_ADJECTIVE.sub(" ", turn.get("content", ""))
            # a part named only inside the market's name ('... Site Management Organization Market') is no referent
            found = [e for e in match_entities(text, vocabulary) if not e.in_market_name]
            found = sorted(found, key=lambda e: _position(text, e.name))  # first named first
            corrected = _CORRECTED.search(text)
            if corrected:
                # 'The report does not name Europe as the largest region: it names North America': the
                # report's own is what 'that' points at next
                real = corrected.group("real").lower()
                found.sort(key=lambda e: e.name.lower() not in real)
            return found
    return []


_CORRECTED = re.compile(r"\bdoes not (?:name|say) .{1,80}?: it (?:names|says) (?P<real>[^\[.;]{1,80})")
_NAMED_BY_ADJECTIVE = re.compile(
    r"\b[A-Z][a-z]+(?:an|ese|ish)\s+(?:[A-Z][\w&'-]+\s?){1,5}(?:Review|Association|Society|Institute|Journal|Agency|Union|Commission|Federation|Council|Centre|Center|Bank|Times|News|Group)\b"
)


def _position(text: str, name: str) -> int:
    found = text.lower().find(name.lower())
    return found if found >= 0 else len(text)


def last_answer(history: Sequence[dict[str, str]]) -> str:
    """The assistant's last answer without its citation markers."""
    for turn in reversed(history):
        if turn.get("role") == "assistant":
            return _MARKERS.sub("", turn.get("content", ""))
    return ""


_NAMES_SOURCE = re.compile(
    r"\b(according to|survey (by|of|from)|study (by|from)|data (from|by)|published by|reported by|analysis (by|from))\b",
    re.I,
)
_ASKS_ORIGIN = re.compile(
    r"^\s*(and\s+|so\s+)?(who\b.*\b(publish|said|say|says|conduct|ran|run|found|wrote|released"
    r"|did (?:that|this|the|it)|does (?:that|this|the)|carried out|compiled|produced|behind)\w*"
    r"|what year|which year|when was (it|that|this)|where('s| is| does)? (it|that|this) (from|come from)"
    r"|whose (data|survey|study|figure|number)"
    # 'who's that from', 'which publication was that in', 'what org is behind it'
    r"|who(?:'s| is)? (?:that|this|it) (?:from|by)"
    r"|(?:which|what) (?:publication|journal|outlet|magazine|org\w*|body|association|group|source)\b"
    r"|where did (?:that|this|it) come from"
    # 'published where and when', 'when was that published'
    r"|published\s+(?:where|when|in\s+what|by\s+whom)|(?:where|when)\s+(?:was|were)\s+(?:it|that|this)\s+published)\b",
    re.I,
)


def cited_source(question: str, history: Sequence[dict[str, str]]) -> str | None:
    """'who published it?', 'what year?' after an answer that quotes a study ('According to X, in
    2023, 41% ...'): that sentence, which names who stated the figure and when."""
    if not _ASKS_ORIGIN.search(question) or re.search(r"\breport\b", question, re.I):
        return None
    answer = last_answer(history)
    for line in re.split(r"(?<=[.!?'’\"])\s+", answer):
        if _NAMES_SOURCE.search(line):
            return line.strip()
    return None


def cited_items(history: Sequence[dict[str, str]], at_least: int = 1) -> list[str]:
    """The points of the assistant's last answer with ``at_least`` points (the last answer, or the
    last list when a point of it was just discussed), each the text before one of its [n] markers."""
    for turn in reversed(history):
        if turn.get("role") == "assistant":
            points = _points(turn.get("content", ""))
            if len(points) >= at_least:
                return points
    return []


def _points(answer: str) -> list[str]:
    """The points of an answer, each the text before one of its [n] markers; of a bulleted answer,
    each bullet's opening (a bullet may go on with the sentences that back its point)."""
    bullets = _bullet_points(answer)
    if len(bullets) >= 2:
        return bullets
    pieces = _POINT_MARKER.split(answer)
    return [p.strip().split(": ", 1)[-1] for p in pieces if len(p.strip()) > 20]


_POINT_MARKER = re.compile(r"\s*\[\d+\](?:\[\d+\])*\s*")


def _bullet_points(answer: str) -> list[str]:
    """Each bullet's opening, the text before its first [n] marker."""
    bullets = [line[2:] for line in answer.splitlines() if line.startswith("- ")]
    return [_POINT_MARKER.split(bullet, maxsplit=1)[0].strip() for bullet in bullets]


_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1, "latter": -1, "former": 1,
}  # fmt: skip
_ORDINAL = re.compile(
    # not an adverb after its subject: 'where'd they first offer it'
    r"(?<!they )(?<!\bit )(?<!\bwe )(?<!who )(?<!which )(?<!that )\b(?:the\s+)?("
    + "|".join(_ORDINALS)
    + r")(?:\s+(?:one|company|player|firm|item|name|of them|on the list))?\b",
    re.I,
)
_MARKERS = re.compile(r"\s*\[\d+\]")
_WHEN = re.compile(r"^\s*(?:and\s+|so\s+)?(?:when|what date|which date|what month|since when)\b", re.I)
_BETWEEN_THEM = re.compile(
    r"\b(between|from)\s+(them|those(\s+two)?(\s+years)?|the two|both|these(\s+two)?(\s+years)?)\b"
    r"|\b(those|these|the) two years\b|\bboth years\b"
    r"|\b(?:over|across|during|for|in)\s+(?:that|this|the same|those)\s+(?:stretch|period|span|window|timeframe"
    r"|time frame|years|horizon)\b",
    re.I,
)


def ordinal_pick(question: str, items: Sequence[str]) -> str | None:
    """The item of ``items`` the question points at by position ('the second one', 'the last')."""
    match = _ORDINAL.search(question)
    if not match or not items:
        return None
    position = _ORDINALS[match.group(1).lower()]
    index = position - 1 if position > 0 else len(items) + position
    return items[index] if 0 <= index < len(items) else None


def has_ordinal(question: str) -> bool:
    """Whether the question points at an item by its place ('and the second', 'the next one', 'the
    other one')."""
    return bool(
        _ORDINAL.search(question)
        or _NEXT.search(question)
        or _PREVIOUS.search(question)
        or _OTHER.search(question)
    )


def named_pick(phrase: str, items: Sequence[str]) -> str | None:
    """The item of a list that 'the trial volume one' names: the one sharing most of its words."""
    said = content_words(phrase) - {"one", "number", "stat", "statistic", "figure", "data", "point"}
    wanted = stems(" ".join(said))
    # 'the AI one': a short word may be the initials of the item's words (artificial intelligence)
    short = {w for w in said if w.isalpha() and len(w) <= 5}
    # 'the r&d figure': a term joined by '&' is no pair of words but one name
    joined = re.findall(r"\b[a-z]{1,3}&[a-z]{1,3}\b", phrase.lower())
    scored = [
        (
            len(wanted & stems(item))
            + (len(short & _initials(item)) or _spread_initials(short, item))
            + sum(term in item.lower() for term in joined),
            item,
        )
        for item in items
    ]
    best = max(scored, default=(0, ""), key=lambda pair: pair[0])
    return best[1] if best[0] else None


def _initials(text: str) -> set[str]:
    """Initials of every run of two to four words of ``text`` ('artificial intelligence' -> 'ai')."""
    words = re.findall(r"[a-z]+", text.lower())
    return {"".join(w[0] for w in words[i : i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}


# Words an acronym's letters may spread over ('dct': decentralized and hybrid clinical trial).
INITIALS_WINDOW = 5


def _spread_initials(short: set[str], text: str) -> int:
    """How many of ``short`` are initials of words in order within a few words of each other, other
    words between them ('dct' in 'decentralized and hybrid clinical trial models')."""
    words = re.findall(r"[a-z]+", text.lower())
    found = 0
    for acronym in short:
        for i, word in enumerate(words):
            if len(acronym) < 3 or word[0] != acronym[0]:
                continue
            rest = iter(words[i + 1 : i + INITIALS_WINDOW])
            if all(any(w[0] == letter for w in rest) for letter in acronym[1:]):
                found += 1
                break
    return found


def figure_pointed_before(history: Sequence[dict[str, str]]) -> bool:
    """Was a point of a list asked for its figure earlier in the conversation ('data point for the
    first one?'), with the list still the last one given?"""
    asked = [t.get("content", "") for t in history if t.get("role") == "user"]
    return len(cited_items(history, at_least=2)) >= 2 and any(
        _FIGURE_OF_POINT.search(q) and (_ORDINAL.search(q) or _OTHER.search(q)) for q in asked[-3:]
    )


# ('tell me more about the first one' points at a point as surely as 'numbers behind the first one?')
_FIGURE_OF_POINT = re.compile(
    r"\b(?:stats?|statistics?|numbers?|figures?|data|percent\w*|more|details?|elaborate|expand)\b|%", re.I
)


def picked_point(question: str, phrase: str | None, history: Sequence[dict[str, str]]) -> str | None:
    """The point of the conversation's lists the question picks: by its words (``phrase``, 'the AI
    one'), else by its place ('the second'); in the last answer, else in the last list (a point of
    which was just discussed)."""
    lists = (cited_items(history), cited_items(history, at_least=2))
    if _OTHER.search(question):
        return _other_of_two(_last_pair(history) or lists[1], history)
    # 'the ai one' picks among several points, not within the one just quoted: a bulleted list first
    bulleted = next(
        (
            points
            for t in reversed(history)
            if t.get("role") == "assistant" and len(points := _bullet_points(t.get("content", ""))) >= 2
        ),
        [],
    )
    candidates = [bulleted, *lists] if bulleted else list(lists)
    by_words = [named_pick(phrase, items) for items in candidates if len(items) >= 2] if phrase else []
    # a place is counted in a list: an answer of one point is not one ('and the first?' after a stat)
    by_place = [ordinal_pick(question, items) for items in lists if len(items) >= 2]
    return next((point for point in [*by_words, *by_place] if point), None)


# 'what about the other one': of a list of two, the one not discussed since
_OTHER = re.compile(r"\bthe other(?:\s+one)?\b", re.I)
POINT_HEAD = 50  # a point is known again in a later answer by its first characters


def _last_pair(history: Sequence[dict[str, str]]) -> list[str]:
    """The points of the last answer that listed exactly two, as bullets."""
    for turn in reversed(history):
        if turn.get("role") == "assistant":
            bullets = _bullet_points(turn.get("content", ""))
            if len(bullets) == 2:
                return bullets
    return []


def _other_of_two(items: list[str], history: Sequence[dict[str, str]]) -> str | None:
    """Of two points, the one the answers since the list never took up alone."""
    if len(items) != 2:
        return None
    # picked by its place ('more on the first one'), else the one an answer took up alone
    asked = [t.get("content", "") for t in history if t.get("role") == "user"]
    picked = {items.index(p) for q in asked if (p := ordinal_pick(q, items)) is not None}
    if len(picked) != 1:
        heads = [item[:POINT_HEAD].lower() for item in items]
        answers = [t.get("content", "").lower() for t in history if t.get("role") == "assistant"]
        picked = {i for a in answers for i, head in enumerate(heads) if head in a and heads[1 - i] not in a}
    return items[1 - picked.pop()] if len(picked) == 1 else None


def ordinal_item(question: str, history: Sequence[dict[str, str]], vocabulary: list[Entity]) -> str | None:
    """'the second one' after a listing answer: the second item of that list, as written; 'the one
    after that' after an answer about one item of it: the item after that one."""
    if _ORDINAL.search(question):
        # after 'segments the market by A: ...; by B: ...', 'the 2nd one' is the second of the lists
        groups = _GROUP.findall(last_answer(history))
        return ordinal_pick(question, groups if len(groups) >= 2 else last_listed(history, vocabulary))
    step = 1 if _NEXT.search(question) else -1 if _PREVIOUS.search(question) else 0
    if not step:
        return None
    items, answer = last_listed(history, vocabulary), last_answer(history).lower()
    named = [index for index, item in enumerate(items) if item.lower() in answer]
    if len(named) != 1:
        return None  # the last answer was the list itself, or named no item of it
    index = named[0] + step
    return items[index] if 0 <= index < len(items) else None


_GROUP = re.compile(r"(?:^|;\s|\bmarket\s)by ([^:;\n]{2,60}?)(?: \(\d+\))?: ")
_NEXT = re.compile(
    r"\b(?:(?:the\s+)?one\s+(?:just\s+|right\s+|immediately\s+)?after\s+(?:that|it|this|them)"
    r"|(?:the\s+)?next\s+one|the\s+next\b)",
    re.I,
)
_PREVIOUS = re.compile(
    r"\b(?:(?:the\s+)?one\s+(?:just\s+|right\s+|immediately\s+)?before\s+(?:that|it|this)"
    r"|(?:the\s+)?previous\s+one|the\s+previous\b)",
    re.I,
)


def last_listed(history: Sequence[dict[str, str]], vocabulary: list[Entity]) -> list[str]:
    """The items of the list the assistant's last listing answer gave ('...: A, B and C [1].'), in
    order: the report's names where they can be found in it, else the list cut at its commas. An
    answer about one item since ('the third one - what was it?') leaves that list the last one."""
    answers = [turn.get("content", "") for turn in reversed(history) if turn.get("role") == "assistant"]
    for content in answers:
        bullets = [
            _MARKERS.sub("", line[2:]).strip() for line in content.splitlines() if line.startswith("- ")
        ]
        if len(bullets) >= 2:  # a bulleted answer: one item a line
            return bullets
        for line in content.splitlines():
            if ": " not in line:
                continue
            listed = _MARKERS.sub("", line.split(": ", 1)[1]).strip().rstrip(".")
            lowered = listed.lower()
            spans = sorted(
                (lowered.find(e.name.lower()), -len(e.name), e.name)
                for e in vocabulary
                if e.name.lower() in lowered
            )
            named: list[str] = []
            end = -1
            for start, negative_length, name in spans:  # 'Asia Pacific', not also 'Asia' inside it
                if start >= end:
                    named.append(name)
                    end = start - negative_length
            items = named or [i.strip() for i in re.split(r",\s*|\s+and\s+", listed) if i.strip()]
            if len(items) >= 2 and not _TELLS.search(listed):
                return items
    # no list: the run of cited points of the last answer ('In March ... [1] In June ... [2]')
    points = _points(answers[0]) if answers else []
    return points if len(points) >= 2 else []


# '... acquired Andean Core Services for USD 38.5 million, gaining facilities in Chile and Peru': a
# sentence that tells something, not a list of names after its colon
_TELLS = re.compile(
    r"\b(?:acquired|launched|opened|signed|formed|raised|announced|partnered|entered|completed|won|"
    r"received|invested|expanded|introduced|agreed|closed|commissioned|began|is|was|are|were|has|have)\b"
)


def asks_when(question: str) -> bool:
    """'when?', 'and when was that?': the date of what was just discussed."""
    return bool(_WHEN.search(question)) and len(question.split()) <= 6


def refers_to_two_years(question: str) -> bool:
    return bool(_BETWEEN_THEM.search(question))


def last_two_years(history: Sequence[dict[str, str]]) -> list[int]:
    """The two most recent distinct years the user named, in the order named."""
    seen: list[int] = []
    for year in reversed(conversation_years(history)):
        if year not in seen:
            seen.append(year)
        if len(seen) == 2:
            break
    return sorted(seen)


_MONEY = re.compile(
    r"\b(?P<currency>USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF)\s?(?P<value>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<unit>thousand|million|billion|trillion))?\b"
)
_PERCENT = re.compile(r"(?<![\w.])(?P<value>\d{1,3}(?:\.\d+)?)\s?%")
_ANSWER_YEAR = re.compile(r"\b(19\d\d|20\d\d|2100)\b")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
THAT_YEAR = re.compile(r"\b(that|this|the same|same) year\b", re.I)
THAT_RATE = re.compile(
    r"\b(that|this|the same|same|your|my) (rate|pace|growth(?: rate)?|cagr|assumption|number|figure|estimate)\b",
    re.I,
)


def first_year(answer: str) -> list[int]:
    """The first year an answer gives (the year it found or was asked about)."""
    found = _ANY_YEAR.search(answer)
    return [int(found.group(0))] if found else []


def that_year(question: str, history: Sequence[dict[str, str]]) -> list[int]:
    """'that year', 'same yr': the one year the last question named ('compare that w 2030'), else the
    first year the last answer gives ('when does it pass 8bn?')."""
    if not THAT_YEAR.search(question):
        return []
    asked = next((t.get("content", "") for t in reversed(history) if t.get("role") == "user"), "")
    named = {int(y) for y in _ANY_YEAR.findall(asked)}
    return sorted(named) if len(named) == 1 else first_year(last_answer(history))


@dataclass(frozen=True)
class GivenFigure:
    """The figure an earlier answer led with, and the question it answered."""

    value: float
    unit: str | None
    currency: str
    asked: str


def _turns_with_answers(history: Sequence[dict[str, str]]) -> list[tuple[str, str]]:
    """(question, answer) pairs of the conversation, oldest first."""
    pairs: list[tuple[str, str]] = []
    asked = ""
    for turn in history:
        if turn.get("role") == "user":
            asked = turn.get("content", "")
        elif turn.get("role") == "assistant":
            pairs.append((asked, turn.get("content", "")))
    return pairs


def given_figures(history: Sequence[dict[str, str]]) -> list[GivenFigure]:
    """The figures the last two answers led with ('the two' after a what-if and the report's own
    figure), oldest first; fewer when an answer gave none."""
    found: list[GivenFigure] = []
    for asked, answer in _turns_with_answers(history)[-2:]:
        match = _MONEY.search(answer)
        if match:
            value = float(match.group("value").replace(",", ""))
            found.append(GivenFigure(value, match.group("unit"), match.group("currency"), asked))
        elif share := _PERCENT.search(answer):  # 'Parcel had a share of 17.4%': a share, no money
            found.append(GivenFigure(float(share.group("value")), "percent", "", asked))
    return found


def sizes_compared(history: Sequence[dict[str, str]]) -> list[GivenFigure]:
    """The two sizes the last answer compared: 'in 2031 (USD 9.33 billion) is 1.12 times its 2029 size
    (USD 8.36 billion)', or 'from USD 1.38 billion to USD 2.13 billion'."""
    turns = _turns_with_answers(history)
    if not turns:
        return []
    asked, answer = turns[-1]
    pair = _BRACKETED_SIZES.search(answer) or _FROM_TO_SIZES.search(answer)
    if pair is None:
        return []
    return [
        GivenFigure(float(m.group("value").replace(",", "")), m.group("unit"), m.group("currency"), asked)
        for m in (_MONEY.search(pair.group("a")), _MONEY.search(pair.group("b")))
        if m is not None
    ]


_SIZE = r"(?:USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF)\s?[\d.,]+(?:\s?(?:thousand|million|billion|trillion))?"
_BRACKETED_SIZES = re.compile(rf"\((?P<a>{_SIZE})\)[^()]*?\((?P<b>{_SIZE})\)")
_FROM_TO_SIZES = re.compile(rf"\bfrom (?P<a>{_SIZE}) to (?P<b>{_SIZE})")


def figures_of_last_answer(history: Sequence[dict[str, str]]) -> list[GivenFigure]:
    """The figure the last answer led with and the one it closed with ('at an assumed 8%, USD 10.65
    billion ... the report's own figure is USD 9.33 billion'), in order."""
    turns = _turns_with_answers(history)
    if not turns:
        return []
    asked, answer = turns[-1]
    answer = _GAP_STATED.sub("", answer)  # the gap itself, already worked out, is not one of the two
    figures = [
        GivenFigure(float(m.group("value").replace(",", "")), m.group("unit"), m.group("currency"), asked)
        for m in _MONEY.finditer(answer)
    ]
    if len(figures) < 2:
        # a statistic of two rates ('rising to 1.9% compared to 0.5%'): those two
        rates = [
            GivenFigure(float(m.group("value")), "percent", "", asked) for m in _PERCENT.finditer(answer)
        ]
        figures = rates if len(rates) == 2 else figures
    if len(figures) < 2 or figures[0].value == figures[-1].value:
        return []
    return [figures[0], figures[-1]]


_GAP_STATED = re.compile(r"[^.\n]*\blands [A-Z]{3} [\d.,]+ \w+ (?:below|above) the report's figure\.")


def given_years(history: Sequence[dict[str, str]]) -> list[int]:
    """The years the last two answers led with ('when does it pass 8bn', 'and 9bn?', then 'how many
    years between those'), in the order given."""
    years: list[int] = []
    for _, answer in _turns_with_answers(history)[-2:]:
        match = _ANSWER_YEAR.search(answer)
        if match and int(match.group(1)) not in years:
            years.append(int(match.group(1)))
    return years


# 'why is utilisation a problem?', 'what's the issue with payload' after a list of points
WHY_OF_POINT = re.compile(
    r"^\s*(?:and\s+|so\s+|ok\s+)?(?:why\s+(?:is|are|does|do|would)|how\s+(?:is|are|does|do)|what(?:'s|s|\s+is)\s+"
    r"(?:the\s+)?(?:issue|problem|deal|story)\s+with)\b",
    re.I,
)


def point_by_word(question: str, history: Sequence[dict[str, str]], known: frozenset[str]) -> str | None:
    """The one bulleted point of the last list that a word of the question names ('utilisation' of
    '**Short utilisation window.** ...'); ``known`` are words too common to pick a point (the market's)."""
    last = _points_of_last_list(history)
    if len(last) < 2:
        return None
    # ('utilisation' and 'utilised' share a point)
    words = {w[:STEM] for w in content_words(question) if len(w) > 3 and w not in known}
    picked = [p for p in last if words & {w[:STEM] for w in content_words(p)}]
    return picked[0] if len(picked) == 1 else None


def _points_of_last_list(history: Sequence[dict[str, str]]) -> list[str]:
    last = next((turn for turn in reversed(history) if turn.get("role") == "assistant"), None)
    return _bullet_points(last.get("content", "")) if last else []
