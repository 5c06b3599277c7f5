"""The named things of a report that questions refer to: regions, countries, segments, companies."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from assistant.domain.report import Named, Report
from assistant.planner.slots import Entity, distinctive_word, lookalikes, name_words
from assistant.text.words import phrase_list, place_names, place_spellings, word_list, word_map

_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


def vocabulary(report: Report) -> list[Entity]:
    """Every region, country, segment and company the report names, each once."""
    facts = report.facts
    entities: dict[tuple[str, str], Entity] = {}
    market = set(market_words(report))
    common = market | _shared_name_words(report)
    report_words = set(re.findall(r"[a-z0-9]+", report.text.lower()))

    players = {_spelt(player.name) for player in facts.key_players}

    def add(kind: str, name: str, dimension: str | None = None) -> None:
        if kind == "segment" and _spelt(name) in players:
            kind, dimension = "company", None  # a table of the key players, read as a segmentation
        if name and name.lower() != "others" and (kind, _spelt(name)) not in entities:
            key = distinctive_word(name, common) if kind == "company" else None
            generic = set(re.findall(r"\w+", name.lower())) <= market
            near = lookalikes(key, report_words) if key else frozenset()
            entities[(kind, _spelt(name))] = Entity(kind, name, dimension, key, generic, near)

    for dimension, items in facts.segmentation.items():
        is_region = "region" in dimension.lower() or "geograph" in dimension.lower()
        for item in items:
            add("region" if is_region else "segment", item.name, dimension)
            for child in _flatten(item.children):
                add("country" if is_region else "segment", child.name, dimension)
    if facts.largest_region:
        add("region", facts.largest_region.name)
    if facts.fastest_segment:
        add("segment", facts.fastest_segment.name)
    for quantity in facts.quantities:  # regions and segments the page states figures for
        scope = quantity.scope
        if scope.name and scope.kind != "market":
            add(scope.kind, scope.name, scope.dimension)
    for player in facts.key_players:
        add("company", player.name)
    for development in facts.recent_developments:
        add("company", development.company)
    _mark_heads(entities, market)
    market_spelt = set(name_words(" ".join(sorted(market))))
    # a short form made of the market's own words names the market, not the segment; one that two
    # segments share ('c&i' of 'Commercial and industrial' and of 'Coating and inspection') names neither
    short = {
        key: tuple(
            a
            for a in (*short_aliases(entity.name), *_without_market_tail(entity.name, market_spelt))
            if not set(name_words(a)) <= market_spelt
        )
        for key, entity in entities.items()
        if entity.kind == "segment"
    }
    shared = Counter(alias.lower() for aliases in short.values() for alias in set(aliases))
    for key, aliases in short.items():
        unique = tuple(a for a in aliases if shared[a.lower()] == 1)
        if unique:
            entities[key] = replace(entities[key], aliases=entities[key].aliases + unique)
    # Another name of a region the report lists ('Latin America' for its South America) names it.
    aliased: set[str] = set()
    for names in region_aliases():
        listed = next(
            (entities[("region", _spelt(n))] for n in names if ("region", _spelt(n)) in entities), None
        )
        if listed is not None:
            others = tuple(n for n in names if n.lower() != listed.name.lower())
            entities[("region", _spelt(listed.name))] = replace(listed, aliases=others)
            aliased |= {n.lower() for n in others}
    # Regions the report does not list are still regions when a question names them.
    for kind, places in (("region", phrase_list("world-regions")), ("country", place_names("countries"))):
        for place in places:
            if place.lower() not in aliased:
                add(kind, place)
    # 'uk' or 'britain' for the United Kingdom
    for spellings in place_spellings("countries"):
        key = ("country", _spelt(spellings[0]))
        if len(spellings) > 1 and key in entities:
            entities[key] = replace(entities[key], aliases=spellings[1:])
    # 'the australian and indian figures': a country by its adjective (not 'american', which is as
    # often North or Latin American)
    for adjective, country in word_map("demonyms").items():
        key = ("country", _spelt(country))
        if key in entities and adjective not in _REGIONAL_ADJECTIVES:
            entities[key] = replace(entities[key], aliases=(*entities[key].aliases, adjective))
    return list(entities.values())


_REGIONAL_ADJECTIVES = frozenset({"american", "english"})


def _spelt(name: str) -> str:
    """A name as entities are keyed: '3D scanning & photogrammetry' and '3D scanning and
    photogrammetry' are one segment."""
    return " ".join(name.lower().replace("&", " and ").split())


_PAIR = re.compile(r"\s+(?:and|&)\s+", re.I)


_GRADE = re.compile(r"[IVX]{1,4}|[A-Z]|\d{1,2}")  # the grade after 'Type', 'Class', 'Tier', 'Phase'


def short_aliases(name: str) -> tuple[str, ...]:
    """Shorter names of a segment: without a last word that only says what kind of site or buyer it
    is ('cold storage' for 'Cold storage facilities'); of a pair, its initials ('f&b' for 'Food and
    beverage plants') and, when its first part has two words or more, that part ('2D imaging' for '2D
    imaging and capture') and its last pair ('hospitals & clinics')."""
    plain = re.sub(r"\s*\([^()]*\)\s*$", "", name)
    aliases = []
    words = plain.split()
    initials = "".join(w[0] for w in words if w.lower() not in ("and", "&", "of", "the")).lower()
    if len(initials) >= 3 and initials.isalpha() and initials not in word_list("everyday-words"):
        aliases.append(initials.upper())  # 'ASC' for 'Ambulatory surgical centers'
    if len(words) >= 3 and _GRADE.fullmatch(words[1]):
        aliases.append(" ".join(words[:2]))  # 'type iv' for 'Type IV anti-icing fluid', 'class a' ...
    if len(words) >= 3 and words[-1].lower() in word_list("segment-kind-tails"):
        aliases.append(" ".join(words[:-1]))  # two words at least remain: one alone says too little
    elif len(words) == 2 and "-" in words[0] and words[-1].lower() in word_list("segment-kind-tails"):
        aliases.append(words[0])  # a compound says enough: 'On-premises' for 'On-premises deployments'
    if len(words) >= 3 and words[0].lower().endswith("ly") and len(words[0]) > MIN_ADVERB_CHARS:
        aliases.append(" ".join(words[1:]))  # 'heated blankets' for 'Electrically heated blankets'
    parts = _PAIR.split(plain, maxsplit=1)
    if len(parts) == 2 and parts[0].split() and parts[1].split():
        before, after = parts[0].split(), parts[1].split()
        if len(before) == 1 and before[0].isalpha() and after[0].isalpha():
            pair = f"{before[0][0]}&{after[0][0]}".lower()
            aliases.append(pair)
            if len(after) > 1:  # 'c&i rooftops' for 'Commercial and industrial rooftops'
                aliases.append(" ".join([pair, *after[1:]]))
        if len(before) >= 2:
            aliases.append(" ".join(before))
            if len(after) == 1:  # its last pair: 'hospitals & clinics' of 'Equine vet hospitals & clinics'
                aliases.append(f"{before[-1]} and {after[0]}")
    return tuple(aliases)


def _without_market_tail(name: str, market_spelt: set[str]) -> tuple[str, ...]:
    """'Flat-knit' for 'Flat-knit garments' in a garments market: the name without the market's own
    words at its end, when what is left still names something (two words, or a compound)."""
    words = re.sub(r"\s*\([^()]*\)\s*$", "", name).split()
    kept = list(words)
    while kept and set(name_words(kept[-1])) <= market_spelt:
        kept.pop()
    if kept and len(kept) < len(words) and (len(kept) >= 2 or "-" in kept[0]):
        return (" ".join(kept),)
    return ()


MIN_ADVERB_CHARS = 4
MIN_HEAD_LETTERS = 5  # a shorter first word ('home', 'smart') says too little on its own


def _mark_heads(entities: dict[tuple[str, str], Entity], market: set[str]) -> None:
    """Give a segment whose first word opens no other name that word as its ``head``; names that
    only spell one segment two ways ('Sulfate-based (MgSO4)', 'Sulfate-based boards': the same
    second word) leave it to the first of them."""
    openers: dict[str, list[tuple[str, str]]] = {}
    for key, entity in entities.items():
        words = name_words(entity.name)
        if words:
            openers.setdefault(words[0], []).append(key)
    for first, keys in openers.items():
        named = [(key, entities[key], name_words(entities[key].name)) for key in keys]
        one_segment = all(e.kind == "segment" and len(w) >= 2 and w[1] == named[0][2][1] for _, e, w in named)
        key, entity, words = named[0]
        if (
            (len(named) == 1 or one_segment)
            and entity.kind == "segment"
            and len(words) >= 2
            and (len(first) >= MIN_HEAD_LETTERS or _acronym_opens(entity.name))
            and first not in market
            and first not in word_list("stopwords")
            and first not in word_list("general-modifiers")
        ):
            entities[key] = replace(entity, head=first)


def _acronym_opens(name: str) -> bool:
    """'NIR spectroscopy', 'LNG carriers': a name opening with an acronym, distinctive however short."""
    first = name.split()[0] if name.split() else ""
    return len(first) >= MIN_ACRONYM_LETTERS and first.isalpha() and first.isupper()


MIN_ACRONYM_LETTERS = 3


def region_aliases() -> list[list[str]]:
    """The names of each world region that publishers name differently."""
    return [[n.strip() for n in line.split("|") if n.strip()] for line in phrase_list("region-aliases")]


_NOT_NAME = frozenset({"global", "market", "the", "of", "and", "report"})


def _shared_name_words(report: Report) -> set[str]:
    """Words that several of the report's names share ('research' in three company names): they
    tell none of them apart."""
    names = [p.name for p in report.facts.key_players] + [d.company for d in report.facts.recent_developments]
    word_sets = [set(re.findall(r"[a-z0-9]+", n.lower())) for n in dict.fromkeys(names)]
    # A short form of a name ('Acme' beside 'Acme Robotics') is the same company, not another one.
    companies = [w for w in word_sets if not any(w < other for other in word_sets)]
    counts: dict[str, int] = {}
    for words in companies:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {word for word, count in counts.items() if count >= 2}


def market_words(report: Report) -> frozenset[str]:
    """Words of the market's own name and its acronym ('industrial', 'heat', 'pump', 'ihp')."""
    # The title's words before 'Market' name it; a title goes on to list segments ('..., By
    # Deployment (Cloud-based, On-premises)'), which are no part of the name.
    named = report.market or re.split(r"\bmarkets?\b", report.title, maxsplit=1, flags=re.I)[0]
    words = {w.lower() for w in re.findall(r"\w+", named)}
    # the market's own acronym ('IHP' of Industrial Heat Pump), not another term's ('near-infrared (NIR)')
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", named)).lower()
    words |= {a.lower() for a in _ACRONYM.findall(report.text[:5000]) if a.lower() in initials}
    # A title's report words ('Size, Share & Trends Analysis 2025-2030') and the publisher's
    # initials are no part of the market's name.
    source = {a.text.lower() for a in report.identity.abbreviations}
    boilerplate = word_list("question-words") - {"industry", "sector"}
    return frozenset(w for w in words - _NOT_NAME - source - boilerplate if not w.isdigit())


def _flatten(items: list[Named]) -> list[Named]:
    flat: list[Named] = []
    for item in items:
        flat.append(item)
        flat.extend(_flatten(item.children))
    return flat


_PHRASE = re.compile(r"\b[A-Z][\w&-]*(?:\s+(?:of|for|and|the|in|&)?\s*[A-Z][\w&-]*){1,7}")
_LINKS = frozenset({"of", "for", "and", "the", "in", "&"})
# Initials that spell an everyday word are never expanded: 'Bulk Equipment' must not turn every
# "will the market be" into a question about the Bulk Equipment segment.
_WORDS_NOT_ACRONYMS = word_list("everyday-words")


def acronyms(report: Report) -> dict[str, str]:
    """Initials of the report's capitalised names ('hsa' -> 'Harbour Safety
    Association'), so an analyst's acronym finds the passage that spells the name out."""
    found: dict[str, str] = {}
    for match in _PHRASE.finditer(report.text):
        words = [w for w in match.group(0).split() if w.lower() not in _LINKS]
        # Every run of three or more capitalised words: 'Autonomous Mobile Robot' inside a title.
        for size in range(len(words), 1, -1):
            for first in range(len(words) - size + 1):
                run = words[first : first + size]
                initials = "".join(w[0] for w in run).lower()
                wanted = (size == len(words) and 2 <= size <= 6) or 3 <= size <= 5
                # two letters ('ai') stand for too many pairs of words: only as the report spells them out
                wanted = wanted and (size > 2 or f"({initials.upper()})" in report.text)
                if wanted and initials not in _WORDS_NOT_ACRONYMS:
                    found.setdefault(initials, " ".join(run))
    names = [q.scope.name for q in report.facts.quantities if q.scope.name]
    names += [n.name for items in report.facts.segmentation.values() for n in _flatten(items)]
    named_words = {w for name in names for w in re.findall(r"[a-z0-9]+", name.lower())}
    for match in _DEFINED.finditer(report.text):  # 'Polyurethane (PU)', '... enterprises (SMEs)'
        acronym = match.group(1)
        if acronym.lower() in named_words:
            continue  # 'NIR spectroscopy' is named by 'nir' already
        name = _spelt_before(report.text[max(0, match.start() - 120) : match.start()], acronym)
        singular = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
        for key in {acronym.lower(), singular.lower()} - _WORDS_NOT_ACRONYMS:
            if name:
                found.setdefault(key, name)
    # 'sme share' where a segment is 'Small and medium-sized enterprises': only a segment's name, as
    # 'cro' in prose that mentions contract research organizations must not turn into a market asked of
    for acronym, *spellings in (line.split(" | ") for line in phrase_list("business-acronyms")):
        spelt = next((name for name in names for s in spellings if s in name.lower()), None)
        if spelt is not None:
            found.setdefault(acronym, spelt)
    return found


_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,5})\)")


def _spelt_before(text: str, acronym: str) -> str | None:
    """The fewest last words of ``text`` that spell ``acronym``: the first opens with its first letter
    and its letters come in order ('Polyurethane' for PU; 'Small and medium-sized enterprises' for SMEs)."""
    letters = (acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym).lower()  # 'SMEs'
    words = re.findall(r"[A-Za-z][\w&-]*", text)
    for size in range(1, min(len(words), 6) + 1):
        run = words[-size:]
        if run[0][0].lower() == letters[0] and _in_order(letters, " ".join(run).lower()):
            return " ".join(run)
    return None


def _in_order(letters: str, text: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True


_CAPITALISED = re.compile(r"\b[A-Z][\w&'-]{2,}")
_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)


# Kinds of development a question may point at with 'the' ('the acquisition - price?'): the words a
# question uses for the kind, and the words a development of that kind uses.
DEVELOPMENT_KINDS: dict[str, tuple[str, str]] = {
    "acquisition": (
        r"acquisitions?|takeovers?|buyouts?|mergers?",
        r"acqui|merge[rd]|takeover|buyout|bought|purchased",
    ),
    "partnership": (
        r"partnerships?|collaborations?|alliances?|joint ventures?|jvs?|tie-?ups?",
        r"partner|collaborat|alliance|joint venture|jv\b|teamed up",
    ),
    "launch": (
        r"launch(?:es)?|product launch|roll-?out|unveiling",
        r"launch|introduc|unveil|rolled out|debut",
    ),
    "funding": (
        r"funding(?: round)?|fund-?raise|raise|series [a-e](?: round)?",
        r"raised|funding|series [a-e]",
    ),
    "investment": (r"investments?", r"invest"),
    "agreement": (r"agreements?|supply deals?|supply contracts?", r"agreement|signed|supply contract"),
    "deal": (r"deals?", r"acqui|merge[rd]|agreement|signed|partner|bought|purchased"),
}


def news_kinds(report: Report) -> dict[str, frozenset[int]]:
    """For each kind of development, the recent developments of that kind, by their place."""
    found: dict[str, frozenset[int]] = {}
    for kind, (_, said) in DEVELOPMENT_KINDS.items():
        pattern = re.compile(rf"\b(?:{said})", re.I)
        indexes = frozenset(
            i for i, d in enumerate(report.facts.recent_developments) if pattern.search(d.summary)
        )
        if indexes:
            found[kind] = indexes
    return found


def news_names(report: Report) -> dict[str, frozenset[int]]:
    """Proper names that only the recent developments use (a product, a target, a partner, a town),
    lower-case, each with the developments that name it: a question naming one asks about them."""
    developments = report.facts.recent_developments
    if not developments:
        return {}
    text = report.text
    spans = [(d.span.start, d.span.end) for d in developments]
    places = " ".join([*place_names("countries"), *phrase_list("world-regions")]).lower()
    known = set(market_words(report)) | _MONTH_NAMES | word_list("stopwords") | set(places.split())
    found: dict[str, set[int]] = {}
    for index, (start, end) in enumerate(spans):
        for match in _CAPITALISED.finditer(text, start, end):
            word = re.sub(r"['’]s?$", "", match.group(0).lower())
            if word not in known and not word.isdigit():
                found.setdefault(word, set()).add(index)
    names: dict[str, frozenset[int]] = {}
    for word, indexes in found.items():
        # every use of the word, in any case, lies inside a development: no other part shares it
        uses = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)]
        if uses and all(any(a <= at < b for a, b in spans) for at in uses):
            names[word] = frozenset(indexes)
    return names
