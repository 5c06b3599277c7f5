"""Whether a sentence counts the things a 'how many X' question asks about: a number of things near
their own word ('310 riders', 'interviews with 46 carriers'), or a percentage of them ('34% of
research sites'); never a sum of money, a year or a number that counts something else."""

from __future__ import annotations

import re
from itertools import takewhile

from assistant.text.sentences import STEM

# ('how many times higher' asks a ratio, no count)
HOW_MANY = re.compile(r"\bhow many\s+(?!times\b|x\b)(?P<what>[a-z-]+(?:\s+[a-z-]+){0,4})", re.I)
_NUMBER = re.compile(
    # a number glued to letters names a thing ('3D scanning', '5G'): no count of anything
    r"(?P<lead>(?:US\$|USD|EUR|GBP|[$€£])\s?)?\b(?P<n>\d[\d,]*(?:\.\d+)?)(?![A-Za-z])(?P<tail>\s*(?:%|per ?cent))?"
)
NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|a\s+dozen|dozens|hundreds|thousands)\b",
    re.I,
)
_COUNT_FILLERS = frozenset(
    {
        "were",
        "have",
        "does",
        "there",
        "they",
        "this",
        "that",
        "with",
        "from",
        "will",
        "more",
        "market",
        "markets",
    }
)
# where the things counted end: 'how many inspections were done', 'how many hubs did it add'
_COUNT_VERBS = frozenset(
    "are is was were be been do does did have has had can could will would should there get got use uses "
    "used came come comes went sold sell sells add adds added bring brings brought make makes made take "
    "takes took run runs operate operates employ employs work works in at of for with by from across".split()
)
_POINTERS = frozenset("those these them they it its that this".split())
_COUNT_AFTER = 25  # or how far after them ('interviews with 46 carriers')
_COUNT_REACH = 60  # how far before the things' name their number may stand ('310 riders and 9 micro-hubs')
_OF_WHAT = 40  # a percentage of the things counted names them soon after it ('34% of research sites')


# Words a page may count the same things by ('25 strategic locations' answers 'how many sites')
_KINDRED = (
    ("sites", "locat", "facil", "centr", "cente", "clini", "offic", "plant", "hubs", "depot", "branc"),
    ("emplo", "staff", "peopl", "speci", "worke", "profe", "heads"),
    ("custo", "clien", "organ", "accou"),
)
_KIN = {stem: group for group in _KINDRED for stem in group}


def states_count(
    text: str, counted: list[str], by_name: bool = False, ignore: frozenset[str] = frozenset()
) -> bool:
    """Whether ``text`` states how many of the ``counted`` things: a number of things (no sum of
    money, no year), or a percentage of them ('18% of pooled assets'). ``by_name``: the question
    named the things itself, so the number must come shortly before one of their words ('310 riders')."""
    stems = [word[:STEM] for word in counted if len(word) > 2]
    skipped = _COUNT_FILLERS | ignore  # the market's own words name no things of their own
    things = _things(counted)
    named = [w[:STEM] for w in things if len(w) > 3 and not {w.lower(), w.lower().rstrip("s")} & skipped]
    if things and {things[0].lower(), things[0].lower().rstrip("s")} & skipped:
        named = []  # 'how many kitchens saw a drop' of a kitchen equipment market: the market's own things
    named = [kin for stem in named for kin in _KIN.get(stem, (stem,))] if by_name else []
    lowered = text.lower()
    places = [m.start() for stem in named for m in re.finditer(re.escape(stem.lower()), lowered)]
    if named and not places:
        return False  # 'how many bottles were sold': a number that counts no bottles
    for word in NUMBER_WORD.finditer(text):  # 'adding two assembly plants', 'three foundries'
        if named and any(0 <= place - word.end() <= _COUNT_REACH for place in places):
            return True
        # ('profiling of additional market players (up to five)': the number in brackets after them)
        if named and any(
            0 <= word.start() - place <= _COUNT_REACH and "(" in text[place : word.start()]
            for place in places
        ):
            return True
    for match in _NUMBER.finditer(text):
        number = match.group("n").replace(",", "")
        year = len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100
        if match.group("tail"):
            after = text[match.end() : match.end() + _OF_WHAT].lower()
            if after.lstrip().startswith("of ") and any(stem in after for stem in stems):
                return True
        elif not (match.group("lead") or year) and (
            not named
            or any(
                0 <= place - match.end() <= _COUNT_REACH or 0 <= match.start() - place <= _COUNT_AFTER
                for place in places
            )
        ):
            return True
    return False


def counted_things(counted: list[str]) -> str:
    """The things a 'how many' asks about, as typed: the words before its verb ('inspections' of
    'inspections were done')."""
    return " ".join(_things(counted) or counted[:1])


def _things(counted: list[str]) -> list[str]:
    """'inspections' of 'inspections were done'; 'retrofits' of 'of those are retrofits'."""
    things = list(takewhile(lambda w: w.lower() not in _COUNT_VERBS, counted))
    return things or [w for w in counted if w.lower() not in _COUNT_VERBS and w.lower() not in _POINTERS]
