"""Which report this is: title, market name and publisher, detected from the text itself."""

from __future__ import annotations

import re
from collections import Counter

from assistant.domain.report import Period, ReportIdentity, Span, Stated, StatedNumber
from assistant.parsing import vocab
from assistant.parsing.header import HeaderFacts
from assistant.parsing.lines import Doc
from assistant.parsing.sections import KNOWN_HEADING, Outline

# A capitalised phrase ending in "Market": "Global Industrial Heat Pump Market".
_MARKET_PHRASE = re.compile(
    r"\b[A-Z][\w'’/&.-]*(?:\s+(?:&|and|of|for|-|[A-Z][\w'’/&.-]*|\([A-Z][A-Za-z]{1,6}\))){0,12}?\s+Market\b"
    # "X Market Size, Share ..." ends at Market; "Quantara Market Research" names a publisher, not a market.
    rf"(?!\s+(?:&|(?:{vocab.alternation([w.title() for w in vocab.phrases('publishers', 'firm-words')])})\b))"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|This|That|Our|In|On|For|Of|And|However|Overall|Consequently|Company|Profiles)\s+)+"
)
# Key names and headings that end in "Market" but name no market ("Fastest Growing Market").
_GENERIC = re.compile(
    r"(?:(?:Global|Total|Overall|Fastest|Growing|Fastest-Growing|Largest|Dominant|Dominating|Leading|Key"
    r"|Regional|Parent|Target|Addressable|Serviceable|Attractive|Most|Biggest|Emerging|Mature|Segment)\s+)+Market"
)
_SMALL_WORDS = frozenset("and of for the in on to by with a an or".split())


def _title_case(text: str) -> str:
    """'CONVEYOR BELT SPLICING AND REPAIR' as 'Conveyor Belt Splicing and Repair'."""
    words = text.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(words))


_CELL_GAP = re.compile(r"\t| {2,}")
_MARKET_NAME = re.compile(r"^(?:The\s+)?(?:Global|Worldwide|World)?\s*(?P<name>.+?)\s+Market\b")
_PUBLISHERS = vocab.table("publishers", "")
_KNOWN_PUBLISHERS = re.compile(
    rf"(?<![\w&])(?:{vocab.alternation([row[0] for row in _PUBLISHERS])})(?![\w&])"
)
_ABBREVIATIONS = {row[0].casefold(): row[1:] for row in _PUBLISHERS}
# ('(c) The deal slowdown ...' is a list's third item: '(c)' is a copyright sign only before a year)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)(?=\s*(?:19|20)\d{2})|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})"
)
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = re.compile(r"(?:19|20)\d{2}")
_PUBLISHED = re.compile(
    rf"\b(?:Published|Publication date|Release date|Last updated|Updated|Issued|Released)(?:\s+(?:on|date))?\s*:?\s*"
    rf"(?P<date>(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d{{2}})\b",
    re.I,
)
_CODE = re.compile(
    r"\bReport\s+(?:ID|Code|No\.?|Number)\s*[:#]?\s*(?P<code>[A-Z0-9][\w./-]{2,30}[A-Za-z0-9])"
)
_PAGES = re.compile(
    r"\b(?P<n>\d{1,4})\s+Pages\b|\b(?:Number of |No\.? of )?Pages\s*:\s*(?P<n2>\d{1,4})\b", re.I
)
_PAGES_WORD = re.compile(r"pages\b", re.I)
_BYLINE_DETAIL = re.compile(r"\|\s*(?:Report\s+(?:ID|Code)|Published|Pages|\d{1,4}\s+Pages)", re.I)
_BYLINE_NAME = re.compile(
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})(?:\s*\([A-Z][A-Za-z&]{1,7}\))?\s*\|"
)
_RELEASE_BYLINE = re.compile(
    r"\s*(?:press|news|media)\s+release\s*\|\s*(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})\s*\|",
    re.I,
)
_ABBREVIATION_IN_BRACKETS = re.compile(r"\([A-Z]{2,6}\)")
_NAME_WITH_ABBREVIATION = re.compile(
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,4})\s*\((?P<abbr>[A-Z]{2,6})\)"
)
_PUBLISHER_WORD = re.compile(rf"\b(?:{vocab.alternation(vocab.phrases('publishers', 'firm-words'))})\b", re.I)
_NAME_STOP = re.compile(r"\.\s|\s+All\s+rights", re.I)
# 'according to a new study by Westbridge Insight Partners', 'published by Acme Research'
_STUDY_BY = re.compile(
    r"\b(?:according to (?:a |the )?(?:new |latest |recent )?(?:study|report|analysis|research) (?:by|from)"
    r"|(?:[Pp]ublished|[Rr]eleased|[Cc]ompiled|[Pp]repared|[Pp]roduced)(?: today| this week| on [A-Z]\w+ \d{1,2})? by"
    r"|(?:[Aa] |[Tt]he )(?:new |latest |recent )?(?:study|report|analysis) (?:by|from)"
    # a press release's headline ('..., Says Lodestar Market Intelligence') and its boilerplate
    # ('About Lodestar Market Intelligence' on a line of its own)
    r"|,\s+(?:[Ss]ays|[Rr]eports|[Ff]inds)|^About)\s+"
    # ('a new study from the research firm Harrowgate Insights': what the firm is, then its name)
    r"(?:(?:the\s+)?(?:research|consulting|analyst|advisory|market\s+research)\s+(?:firm|company|house|group)\s+"
    r"|the\s+consultancy\s+)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){0,4})",
    re.M,
)
_CUSTOMIZE = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})\s+offers\s+customi[sz]ations")


def title(doc: Doc, out: Outline) -> str | None:
    """The first level-1 markup heading, else the market phrase the report repeats most, else the
    first line when it is short."""
    for block in out.blocks:
        if block.level == 1 and block.line >= 0 and any(ch.isalpha() for ch in block.heading):
            return block.heading
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for line in doc.lines:
        if line.blank or line.index in out.furniture:
            continue
        for match in _MARKET_PHRASE.finditer(line.text):
            phrase = _LEADING.sub("", match.group())
            if _CELL_GAP.search(phrase):
                continue  # 'Year   Market value': two cells of a table's header, no market
            if len(phrase.split()) >= 2 and not _GENERIC.fullmatch(phrase):
                counts[phrase] += 1
                first_seen.setdefault(phrase, line.start + match.start())
    if not counts:
        return _first_line(doc, out)
    return max(counts, key=lambda p: (counts[p], -first_seen[p]))


TITLE_LINES = 3  # a title sits within the page's first lines
MAX_TITLE_CHARS = 120
# 'market', not a publisher's 'Market Intelligence' ('HALVORSEN MARKET INTELLIGENCE - NEWS RELEASE')
_NAMES_MARKET = re.compile(
    rf"\bmarkets?\b(?!\s+(?:{vocab.alternation(vocab.phrases('publishers', 'firm-words'))})\b)", re.I
)
# A press release's headline names the market, then what it will do: 'X MARKET TO REACH USD 3.84 BILLION ...'
_HEADLINE_MARKET = re.compile(
    r"^.*?\bmarkets?\b(?=\s+(?:to|is|will|set|poised|expected|projected|forecast)\b)", re.I
)


def _titled(text: str) -> str:
    """A long headline up to the market it names; any other line as it is."""
    headline = _HEADLINE_MARKET.match(text) if len(text) > MAX_TITLE_CHARS else None
    return headline.group() if headline else text


def _first_line(doc: Doc, out: Outline) -> str | None:
    """The report's first line when it is short enough to be a title ("CLOUD WHALE ... OUTLOOK"); of
    the first lines, the one that names a market (a publisher's name may come first); a long
    headline, up to the market it names."""
    opening = [x for x in doc.lines if not x.blank and x.index not in out.furniture][:TITLE_LINES]
    named = [(x, _titled(x.text)) for x in opening if _NAMES_MARKET.search(x.text)]
    line, text = next(((x, t) for x, t in named if len(t) <= MAX_TITLE_CHARS), (None, ""))
    if line is None and opening:
        line, text = opening[0], opening[0].text
    if line is None or len(text) > MAX_TITLE_CHARS or line.bullet or KNOWN_HEADING.fullmatch(text):
        return None
    text = text.strip("# ")
    return _SMALL_WORD.sub(lambda m: m.group().lower(), text.title()) if text.isupper() else text


_SMALL_WORD = re.compile(r"(?<=\s)(?:And|Or|Of|For|The|In|On|To|By|With|At|A|An)(?=\s)")


def market_phrase(title_text: str) -> str:
    """The title cut after "Market" ("X Market Report 2024-2030" -> "X Market"), for questions."""
    match = re.search(r"^.*?\bMarket\b", title_text)
    return match.group() if match else title_text


def market_name(title_text: str | None) -> str | None:
    """'Global Industrial Heat Pump Market' -> 'Industrial Heat Pump'."""
    if not title_text:
        return None
    # ('AEROGEL INSULATION MARKET - INVESTOR BRIEF': a title in capitals names it too)
    match = _MARKET_NAME.match(_title_case(title_text) if title_text.isupper() else title_text)
    return match.group("name") if match else None


_MARKET_STEM = re.compile(r"^(?P<name>[a-z0-9]+(?:[-_][a-z0-9]+)*?)[-_]market$", re.I)


def market_from_stem(stem: str) -> str | None:
    """'frost-protection-fan-market' -> 'Frost Protection Fan': the market a file is named after, for
    pages whose title is a headline that names none ('Frost fans are having a moment: ...')."""
    match = _MARKET_STEM.match(stem)
    if match is None:
        return None
    words = re.split(r"[-_]", match.group("name"))
    return " ".join(w if w.isupper() else w.capitalize() for w in words)


def publisher(doc: Doc, out: Outline, stated: Stated | None) -> Stated | None:
    """A stated 'Publisher:' value, else the name opening a byline of report details, a copyright
    line, a known publisher, or 'X offers customizations'."""
    if stated:
        return stated
    byline = _byline_publisher(doc, out) or _abbreviated_publisher(doc)
    if byline is not None:
        return byline
    text = doc.text
    for pattern in (_COPYRIGHT, _KNOWN_PUBLISHERS, _STUDY_BY, _CUSTOMIZE):
        for match in pattern.finditer(text):
            # Copyright lines are page footers (furniture) but still name the publisher.
            if pattern is not _COPYRIGHT and doc.line_at(match.start()).index in out.furniture:
                continue
            group = "name" if "name" in match.re.groupindex else 0
            name = _NAME_STOP.split(match.group(group))[0].rstrip(" .,")
            if name.lower().startswith("all rights") or not name:
                continue
            if pattern is _STUDY_BY and not _PUBLISHER_WORD.search(name):
                continue  # 'a report by Reuters' may name a newspaper; a research firm says what it is
            start = match.start(group)
            return Stated(text=name, span=doc.span(start, start + len(name)))
    return None


def _byline_publisher(doc: Doc, out: Outline) -> Stated | None:
    """'Acme Research (AR) | Report ID: AR-1 | Published: May 2025': the name before the details;
    'Press release | Acme Research | Leeds, 3 March 2025': the name after what the page is."""
    for line in doc.lines[:60]:
        if line.blank or line.index in out.furniture:
            continue
        released = _RELEASE_BYLINE.match(line.text)
        if released:
            start = line.start + released.start("name")
            return Stated(
                text=released.group("name"), span=doc.span(start, start + len(released.group("name")))
            )
        if not _BYLINE_DETAIL.search(line.text):
            continue
        match = _BYLINE_NAME.match(line.text)
        if match:
            start = line.start + match.start("name")
            name = match.group("name")
            return Stated(text=name, span=doc.span(start, start + len(name)))
    return None


def _abbreviated_publisher(doc: Doc) -> Stated | None:
    """'Quantara Market Research (QMR)': a research firm's name followed by its own initials."""
    for hit in _ABBREVIATION_IN_BRACKETS.finditer(doc.text):
        line_start = doc.text.rfind("\n", 0, hit.start()) + 1
        match = _NAME_WITH_ABBREVIATION.search(doc.text, max(line_start, hit.start() - 80), hit.end())
        if match is None or match.end() != hit.end():
            continue
        name, abbreviation = match.group("name"), match.group("abbr")
        if _PUBLISHER_WORD.search(name) and _initials_fit(name, abbreviation):
            return Stated(text=name, span=doc.span(match.start("name"), match.end("name")))
    return None


def _initials_fit(name: str, abbreviation: str) -> bool:
    """Each letter of the abbreviation appears in order in the name, the first at its start."""
    letters = name.lower()
    if not letters.startswith(abbreviation[0].lower()):
        return False
    position = 0
    for letter in abbreviation.lower():
        position = letters.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def report_identity(doc: Doc, out: Outline, found: HeaderFacts, forecast: Period | None) -> ReportIdentity:
    """Publisher, its abbreviations, report code, pages, publication date and the report's periods."""
    name = publisher(doc, out, found.publisher)
    published = (
        found.published
        or _search_stated(
            doc,
            out,
            _PUBLISHED,
            "date",
            ("published", "publication date", "release date", "updated", "issued", "released"),
        )
        or _dateline(doc)
    )
    edition = _YEAR.search(published.text) if published else None
    return ReportIdentity(
        publisher=name,
        abbreviations=_abbreviations(doc, name),
        report_code=found.report_code
        or _search_stated(
            doc, out, _CODE, "code", ("report id", "report code", "report no", "report number")
        ),
        pages=found.pages or _pages(doc, out),
        published=published,
        edition_year=int(edition.group()) if edition else None,
        base_year=found.base_year,
        historical_period=found.historical_period,
        forecast_period=forecast,
        study_period=found.study_period,
    )


def _abbreviations(doc: Doc, name: Stated | None) -> list[Stated]:
    """'(GVR)' printed after the publisher's name, then the usual ones from data/publishers.txt."""
    if name is None:
        return []
    found: list[Stated] = []
    pattern = re.compile(rf"{re.escape(name.text)}\s*\((?P<abbr>[A-Z][A-Za-z&]{{1,7}})\)")
    for match in pattern.finditer(doc.text):
        if all(a.text != match.group("abbr") for a in found):
            found.append(
                Stated(text=match.group("abbr"), span=doc.span(match.start("abbr"), match.end("abbr")))
            )
    for abbreviation in _ABBREVIATIONS.get(name.text.casefold(), ()):
        if all(a.text != abbreviation for a in found):
            found.append(Stated(text=abbreviation))
    return found


def _search_stated(
    doc: Doc, out: Outline, pattern: re.Pattern[str], group: str, anchors: tuple[str, ...]
) -> Stated | None:
    """The first match of ``pattern`` near one of its anchor words (found by plain substring search)."""
    lowered = doc.text.lower()
    starts = sorted(p for a in anchors if (p := lowered.find(a)) >= 0)
    for anchor_at in starts:
        for match in pattern.finditer(doc.text, max(0, anchor_at - 10), min(len(doc.text), anchor_at + 80)):
            if doc.line_at(match.start()).index in out.furniture:
                continue
            span: Span = doc.span(match.start(group), match.end(group))
            return Stated(text=span.text, span=span)
    return None


# A press release's dateline: 'AUSTIN, Texas, March 18, 2025 -- The global ...'
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,40}},(?:[ \t]+[A-Z][\w .]{{1,30}},)?[ \t]+"
    rf"(?:(?P<date>{_MONTH}\.?[ \t]+\d{{1,2}},[ \t]+(?:19|20)\d{{2}})"
    # ('LONDON, 12 March 2025 -- The global ...')
    rf"|(?P<dated>\d{{1,2}}[ \t]+{_MONTH}[ \t]+(?:19|20)\d{{2}}))[ \t]*(?:--|—|–|/|\()"
    # 'Press release | Halberd Research | London / Pune, 14 May 2025': a byline that ends in its date
    rf"|^[^\n]{{0,80}}\|[ \t]*[A-Z][A-Za-z .'/-]{{1,40}},[ \t]+(?P<day_first>\d{{1,2}}[ \t]+{_MONTH}[ \t]+(?:19|20)\d{{2}})[ \t]*$",
    re.M,
)
DATELINE_CHARS = 3000  # a dateline opens the release


def _dateline(doc: Doc) -> Stated | None:
    match = _DATELINE.search(doc.text, 0, DATELINE_CHARS)
    if match is None:
        return None
    group = next(g for g in ("date", "dated", "day_first") if match.group(g))
    span = doc.span(match.start(group), match.end(group))
    return Stated(text=span.text, span=span)


def _pages(doc: Doc, out: Outline) -> StatedNumber | None:
    for hit in _PAGES_WORD.finditer(doc.text):
        # Read the page count only around the word itself: a full-text pattern would try every digit.
        window_start = max(0, hit.start() - 30)
        for match in _PAGES.finditer(doc.text, window_start, min(len(doc.text), hit.end() + 12)):
            if doc.line_at(match.start()).index in out.furniture:
                continue
            group = "n" if match.group("n") else "n2"
            return StatedNumber(
                value=int(match.group(group)), span=doc.span(match.start(group), match.end(group))
            )
    return None
