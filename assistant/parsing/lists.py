"""Facts listed as bullets: key players, the segmentation tree and dated recent developments."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from assistant.domain.report import Development, Named, Quantity
from assistant.parsing import tables
from assistant.parsing.header import name_list
from assistant.parsing.lines import Doc, Line, strip_span
from assistant.parsing.scopes import BRACKET_GROUP, INLINE_GROUP
from assistant.parsing.sections import ANSWER_LABEL, Block, Outline
from assistant.parsing.segment_names import same_segment_name
from assistant.text.sentences import sentences

_PLAYERS = re.compile(
    r"(?:key|major|leading|prominent|top)\s+(?:market\s+)?(?:players|companies|vendors)"
    # 'KEY COMPANIES AND HEADQUARTERS'
    r"(?:\s+profiled|\s+(?:and|&)\s+(?:their\s+)?(?:headquarters|hq|locations|home\s+countries))?"
    r"|companies profiled|key company insights|market players"
    r"|(?:companies|organi[sz]ations|firms|vendors|players)\s+(?:mentioned|covered|included)"
    # 'Leading participants include:', 'Major competitors profiled'
    r"|(?:key|major|leading|prominent|top|main|notable)\s+(?:market\s+)?(?:participants|competitors|brands)",
    re.I,
)
# A section that may name the players in a sentence ('The report profiles A, B and C.'), or not.
_LANDSCAPE = re.compile(r"competitive landscape|competition|competitive analysis", re.I)
# What a heading of deals joins: 'Deals and launches', 'Acquisitions, partnerships & launches'
_DEAL_NOUN = r"(?:new\s+|product\s+|recent\s+)?(?:deals?|launch(?:es)?|acquisitions?|partnerships?|mergers?|investments?|expansions?|funding|alliances?)"
_DEVELOPMENT_NAMES = (
    r"(?:recent|key|latest)?\s*(?:industry\s+)?(?:news\s+and\s+)?developments"
    r"|(?:recent|latest|industry|company)\s+(?:news|moves|updates|activity|deals|announcements|highlights)"
    r"|mergers?\s*(?:&|and)\s*acquisitions|strategic\s+(?:initiatives|moves|developments)"
    # 'Deal Flow', 'DEAL FLOW AND CATALYSTS', 'Notable deals'
    r"|deal\s+flow(?:\s+(?:and|&)\s+[\w ]{1,30})?|(?:recent|notable|key|major)\s+deals(?:\s+(?:and|&)\s+[\w ]{1,30})?"
    rf"|{_DEAL_NOUN}(?:\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+){_DEAL_NOUN}){{1,3}}"
    # an FAQ's 'Have there been any recent deals or launches?'
    r"|[^?]*\b(?:recent|latest|new|notable)\b[^?]*\b(?:deals?|launch\w*|acquisitions?|developments?|partnerships?|news"
    r"|consolidation)\b[^?]*\?"
    # ... or 'What deals and launches have there been recently?'
    r"|[^?]*\b(?:deals?|launch\w*|acquisitions?|developments?|partnerships?|consolidation)\b[^?]*"
    r"\b(?:recently|lately|latest|announced)\b[^?]*\?"
)
# ... after a 'Timeline:' label, or before '(Timeline)' / '- timeline'
_DEVELOPMENTS = re.compile(
    rf"(?:timeline(?:\s+of)?\s*[:\-–]?\s*)?(?:{_DEVELOPMENT_NAMES})(?:\s*(?:\(\s*timeline\s*\)|[:\-–]\s*(?:a\s+)?timeline))?",
    re.I,
)
# 'The report profiles A, B and C.', 'Key players include A, B and C.': the words before the list.
# 'profiles seven leading vendors: **A, B ...**' counts and names the kind of company first.
_LIST_LEAD_IN = re.compile(
    r"^[^,]*?\b(?:profiles?|profiled|include|includes|including|are|such as|namely"
    # 'The market is served by A, B and C.'
    r"|(?:served|led|dominated|contested|supplied)\s+by|comprises?|features?)"
    r"(?P<kind>\s+(?:the\s+following\s+|[a-z]+\s+)?(?:key\s+|major\s+|leading\s+|prominent\s+|top\s+)?"
    r"(?:companies|players|vendors|firms|manufacturers|suppliers|providers)\s*:"
    # 'We profile eight: A (Netherlands), B (U.S.) ...'
    r"|\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s*:)?"
    r"\s+(?:\*\*|__)?(?=[A-Z0-9])"
)
_COMPANY_NOUN = re.compile(
    r"\b(?:compan(?:y|ies)|players|vendors|firms|manufacturers|suppliers|providers)\b", re.I
)
# "Industrial Heat Pump Market, By Type:", "By Type: A, B, C", "Segmentation by End User"
_DIMENSION = re.compile(
    r"(?:#{1,6}\s+)?(?:.*?\bMarket,?\s+|(?:Segment(?:ation|ed)?|Segments|Break-?up|Breakdown|Split)\s+)?"
    r"[Bb]y\s+(?P<dim>[A-Za-z][\w&/-]*(?:\s+[\w&/-]+){0,4}?)"
    r"(?:\s*\([^()]{1,60}\))?\s*(?::\s*(?P<rest>.*))?"
)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATED = re.compile(
    rf"(?:\*\*|__)?(?:(?:(?:And|But|Also|Then|Finally),?\s+)?(?:In|On|During|As of)\s+)?(?:\*\*|__)?(?:(?:early|mid|late)[- ])?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?:(?P<month>{_MONTH})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?(?P<year>(?:19|20)\d{{2}})"
    # '**March 2024:** ...': the colon may sit inside the emphasis
    # ('September 2024 ...... Acme raised ...': a dot leader; 'In April 2025 Aldous acquired': a name)
    r"(?:-(?P<mm>\d{2}))?(?:\*\*|__)?(?:\s*(?:--|[,:–—-]|\.{3,})\s*(?:(?:\*\*|__)\s*)?|\t|\s+\|\s+|\s+(?=[A-Z]))",
    re.I,
)
# The company is the capitalised run at the start of the sentence, up to its verb.
_COMPANY = re.compile(
    r"(?!(?:The|A|An|It|This)\b)[A-Z0-9][\w.&'’+/-]*(?:\s+(?:&\s+|and\s+|of\s+|de\s+)?[A-Z0-9][\w.&'’+/-]*)*"
    r"(?:,\s*(?:Ltd|Inc|LLC|Limited|Corp|S\.A|AG|plc)\.?)?"  # 'Yamabe Processing Equipment Co., Ltd.'
)


def key_players(doc: Doc, out: Outline) -> list[Named]:
    """Each bullet under a key-players heading (verbatim), or a listed sentence if no bullets; else
    the names a competitive-landscape section lists in a sentence."""
    for block in out.find(_PLAYERS):
        body = list(out.body(doc, block))
        bullets = [line for line in body if _is_item(line)]
        if bullets:
            top = min(line.indent for line in bullets)
            return [_bullet_name(doc, line) for line in bullets if line.indent == top]
        if names := _first_cells(doc, body):
            return names
        if len(body) == 1 and len(body[0].text) < 400:
            return _listed(doc, body[0].start, body[0].end) or name_list(doc, body[0].start, body[0].end)
        if body and _NAMES_ONLY.fullmatch(body[0].text):
            # 'A, B, C and D.' on the heading's first line, other text after it
            return name_list(doc, body[0].start, body[0].end - (1 if body[0].text.endswith(".") else 0))
        if names := _name_lines(doc, body):
            return names
    for block in out.find(_LANDSCAPE):
        body = list(out.body(doc, block))
        if names := _first_cells(doc, body, headed=True):
            return names  # '| Company | Headquarters |' under 'Competitive Landscape'
        # '1. Triggerpoint Analytics (United States)': a list of short items under the landscape
        items = [line for line in body if _is_item(line)]
        if len(items) >= MIN_LISTED_PLAYERS and all(
            len(line.text.split()) <= MAX_PLAYER_WORDS for line in items
        ):
            top = min(line.indent for line in items)
            return [_bullet_name(doc, line) for line in items if line.indent == top]
        for start, end in _paragraphs(doc, out.body(doc, block)):
            if names := _listed(doc, start, end):
                return names
    if names := _run_in_players(doc):
        return names
    if entries := _introduced_bullets(doc, out, _PLAYERS):
        top = min(entry[0].indent for entry in entries)
        return [_bullet_name(doc, entry[0]) for entry in entries if entry[0].indent == top]
    return _first_cells(doc, _introduced_rows(doc, out, _PLAYERS))


MIN_LISTED_PLAYERS, MAX_PLAYER_WORDS = 3, 8


def _name_lines(doc: Doc, body: list[Line]) -> list[Named]:
    """A company a line at the top of the body ('Moonfold Creamery (United States)'), prose after."""
    lines: list[Line] = []
    for line in body:
        if line.blank or len(line.text.split()) > MAX_PLAYER_WORDS or _END_PUNCT.search(line.text):
            break
        lines.append(line)
    if len(lines) < MIN_LISTED_PLAYERS or not all(line.text[:1].isupper() for line in lines):
        return []
    return [_without_place(doc, _bullet_name(doc, line)) for line in lines]


_END_PUNCT = re.compile(r"[.;:!?]$")
# '**Key players.** The market is served by A, B and C.': a label run into its paragraph
_RUN_IN_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w &/-]{2,40}?)\s*[.:]\s+(?=[A-Z])")


def _run_in_players(doc: Doc) -> list[Named]:
    """The names a paragraph lists after a run-in key-players label."""
    for start, end in _paragraphs(doc, (line for line in doc.lines if not line.blank)):
        label = _RUN_IN_LABEL.match(doc.text, start, end)
        if label is None or not _PLAYERS.fullmatch(label.group("label")):
            continue
        if names := _listed(doc, label.end(), end):
            return names
        if _NAMES_ONLY.fullmatch(doc.text[label.end() : end].strip()):
            return name_list(doc, label.end(), end - (1 if doc.text[:end].endswith(".") else 0))
    return []


def _first_cells(doc: Doc, lines: list[Line], headed: bool = False) -> list[Named]:
    """A table of companies (tab or markdown cells): each row's first cell, the header row and a
    markdown rule row left out; ``headed``: only a table whose header names companies."""
    rows = [(line, cells) for line in lines if (cells := tables.cells(doc, line))]
    rows = [(line, cells) for line, cells in rows if not _RULE_ROW.fullmatch(line.text)]
    if len(rows) < MIN_TABLE_ROWS or headed and not _HEADER_CELL.fullmatch(rows[0][1][0].text):
        return []
    named = []
    for _line, cells in rows:
        first = cells[0]
        if first.text and not _HEADER_CELL.fullmatch(first.text):
            span = doc.span(first.start, first.end)
            named.append(Named(name=span.text, span=span))
    return named


_RULE_ROW = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?")


def _introduced_rows(doc: Doc, out: Outline, pattern: re.Pattern[str]) -> list[Line]:
    """The table rows right after a sentence that introduces them ('... Companies profiled:')."""
    for line in _lead_ins(doc, out, pattern):
        rows: list[Line] = []
        for item in doc.lines[line.index + 1 :]:
            if item.blank:
                continue  # an HTML table's rows come out a blank line apart
            if "\t" not in item.text:
                break
            rows.append(item)
        if rows:
            return rows
    return []


MIN_TABLE_ROWS = 3
_HEADER_CELL = re.compile(r"(?:company|companies|name|player|vendor|firm|manufacturer)(?:\s+name)?", re.I)


def players_in_prose(doc: Doc, out: Outline) -> list[Named]:
    """The names a sentence anywhere lists when it says what it lists ('The study profiles seven
    leading vendors: A, B, ...'): the last resort when no heading or header row holds the players."""
    content = (line for line in doc.lines if not line.blank and line.index not in out.furniture)
    for start, end in _paragraphs(doc, content):
        if names := _listed(doc, start, end, named=True):
            return names
    return []


def _paragraphs(doc: Doc, lines: Iterable[Line]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of adjacent prose lines: a sentence may wrap across lines."""
    run: list[Line] = []
    for line in [*lines, None]:
        if run and (line is None or line.bullet or line.index != run[-1].index + 1):
            yield run[0].start, run[-1].end
            run = []
        if line is not None and not line.bullet:
            run.append(line)


# A line that is only capitalised names separated by commas ('Ashdown Textile Studio, Vellacourt
# Conservation, Maison Orlan Restauration.'), the last perhaps after 'and'.
_NAME = r"[A-Z0-9][\w.&'’+-]*(?:\s+(?:&\s+|and\s+|of\s+|de\s+)?[A-Z0-9][\w.&'’+-]*)*"
_NAMES_ONLY = re.compile(rf"{_NAME}(?:,\s+(?:and\s+)?{_NAME}){{2,}}\.?")


def _listed(doc: Doc, start: int, end: int, named: bool = False) -> list[Named]:
    """The names a sentence of ``start:end`` lists after its verb ('The report profiles A, B and C.'),
    if one does; ``named``: only a sentence whose lead-in names the kind of company it lists."""
    for sentence in sentences(doc.text[start:end], start):
        if len(sentence.text) >= 600:
            continue
        lead_in = _LIST_LEAD_IN.match(sentence.text)
        if lead_in is None:
            continue
        said = sentence.text[: lead_in.end()]
        # ('The study profiles A, B and C': what a study profiles is its companies)
        if named and not (_COMPANY_NOUN.search(said) or _PROFILES.search(said)):
            continue
        end = sentence.end - (1 if sentence.text.endswith(".") else 0)
        # '... and Boreal Silica Ltd. Chinese producers compete ...': the firm's full stop ends the list
        ended = _ENDS_AFTER_FIRM.search(sentence.text, lead_in.end())
        if ended is not None:
            end = sentence.start + ended.end("stop")
        start = sentence.start + lead_in.end()
        along = _ALONG_WITH.search(doc.text, start, end)
        first: list[Named] = []
        if along is not None:
            # 'profiles Tallfield Airflow of Fresno, the largest supplier, which ..., along with A, B
            # and C': the first name, its aside left out, then the list after 'along with'
            lead = _NAME_RUN.match(doc.text, start, along.start())
            first = [Named(name=lead.group(), span=doc.span(lead.start(), lead.end()))] if lead else []
            start = along.end()
        names = [_without_place(doc, n) for n in [*first, *name_list(doc, start, end)]]
        if len(names) >= 2 and all(n.name[:1].isupper() or n.name[:1].isdigit() for n in names):
            return names
    return []


_PROFILES = re.compile(r"\b(?:study|report|analysis|research)\s+(?:profiles|profiled)\b", re.I)
_ALONG_WITH = re.compile(r",?\s+(?:along\s+with|together\s+with|as\s+well\s+as)\s+")
_NAME_RUN = re.compile(r"[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*)*")
_ENDS_AFTER_FIRM = re.compile(
    r"\b(?:Ltd|Inc|Corp|Co|Plc|LLC|AG|SA|AB|Oy|K\.K|B\.V|N\.V)(?P<stop>\.)\s+(?=[A-Z][a-z]+\s+[a-z])"
)
# 'Klauwkracht B.V. (Netherlands)', 'Hoofwise Animal Health (U.S.)': where a listed firm is based
# ('Nakheel Gold Foods (Riyadh, Saudi Arabia)': a town and its country)
_PLACE_AFTER = re.compile(r"\s*\((?:[A-Z][\w.]*\.?)(?:,?\s+[A-Z][\w.]*){0,4}\)\s*$")


def _without_place(doc: Doc, named: Named) -> Named:
    """A listed company's name without the country in brackets after it."""
    found = _PLACE_AFTER.search(named.span.text)
    if found is None or found.start() == 0:
        return named
    span = doc.span(named.span.start, named.span.start + found.start())
    return Named(name=" ".join(span.text.split()), span=span)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _lead_ins(doc: Doc, out: Outline, pattern: re.Pattern[str]) -> Iterator[Line]:
    """Lines ending in a sentence that introduces what follows and says what ('Recent developments
    covered include:'); the sentence may close a paragraph ('... start-ups. Key companies profiled:')."""
    for line in doc.lines:
        if line.blank or not line.text.rstrip().endswith(":") or line.index in out.furniture:
            continue
        lead = _SENTENCE_BREAK.split(line.text.rstrip())[-1]
        if len(lead) <= MAX_LEAD_IN and pattern.search(lead):
            yield line


MAX_LEAD_IN = 160


def _introduced_bullets(doc: Doc, out: Outline, pattern: re.Pattern[str]) -> list[list[Line]]:
    """The bullets after a line that introduces them ('Recent developments covered include:'), when
    no heading of their own holds them."""
    for line in _lead_ins(doc, out, pattern):
        if line.bullet:
            continue
        body: list[Line] = []
        for item in doc.lines[line.index + 1 :]:
            if item.blank and not body:
                continue
            if item.blank or (not _is_item(item) and body and body[-1].index != item.index - 1):
                break
            body.append(item)
        if entries := _wrapped_bullets(body):
            return entries
    return []


def _bullet_name(doc: Doc, line: Line) -> Named:
    """A player bullet; "Acme Corp - maker of ..." or "Acme Corp: ..." keeps only the name."""
    number = _NUMBERED.match(line.text)
    skip = number.end() if number else 0
    cut = re.search(r"\s+[–—-]\s|:\s|\s+\(|\s*\.{3,}", line.text[skip:])
    stop = line.start + skip + cut.start() if cut else line.end
    start, end = strip_span(doc, line.start + skip, stop, " \t")
    return Named(name=doc.text[start:end], span=doc.span(start, end))


def segmentation(doc: Doc, out: Outline) -> dict[str, list[Named]]:
    """Dimension -> segments, from bullets such as "Market, By Region:" followed by nested bullets.

    Segments sit at the indentation of the first bullet after the dimension; deeper bullets are
    children of the segment above them (a region's countries). A dimension written with its
    segments inline ("By Type: A, B, C") is split on commas.
    """
    result: dict[str, list[Named]] = {}
    lines = doc.lines
    headings = {block.line for block in out.blocks}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        dim = _dimension(line, out)
        if dim is None or dim.group("dim") in result:
            continue
        name = dim.group("dim").strip()
        rest = dim.group("rest")
        if rest:
            offset = line.start + dim.start("rest")
            result[name] = name_list(doc, offset, line.end)
            continue
        segments: list[Named] = []
        seg_indent: int | None = None
        plain = not line.bullet  # a label line: its segments may be plain lines
        while index < len(lines):
            item = lines[index]
            if item.blank or item.index in out.furniture:
                index += 1
                continue
            if _dimension(item, out) is not None:
                break
            if (
                item.text.startswith(("|", "#"))
                or item.index in headings
                or (not item.bullet and not (plain and _names_a_segment(item.text)))
            ):
                break  # a table row is read by the table reader, and a heading starts another part
            if seg_indent is None:
                seg_indent = item.indent
            if item.indent < seg_indent:
                break
            named = _segment_named(doc, item)
            if item.indent > seg_indent and segments:
                segments[-1].children.append(named)
            else:
                segments.append(named)
            index += 1
        if segments:
            result[name] = segments
    return result or _title_segmentation(doc)


# Where a bullet that goes on to describe its segment stops naming it: '**Software** (platforms,
# analytics): 31.0% share; ...' names Software.
_NAME_ENDS = re.compile(
    r"\s*(?:\(|:|;|,|\s[-–—]\s|\s{2,}|\.{3,})"
    # 'Lay technicians represented 12.2%.': the verb that states its figure
    r"|\s+(?:held|holds|accounted|accounts|represented|represents|made\s+up|makes\s+up|captured|captures"
    r"|generated|generates|contributed|contributes|commanded|commands|dominated|dominates|led|leads"
    r"|is|are|was|were)\b"
)


def _segment_named(doc: Doc, item: Line) -> Named:
    """A segment bullet as a name: the whole bullet when it is only a name, else its label."""
    text = item.text
    described = re.search(r"\s[-–—]\s|\.$", text)  # 'Oilseeds – driven by canola programmes.'
    if not re.search(r"\d", text) and len(text.split()) <= SEGMENT_NAME_WORDS and not described:
        return Named(name=text, span=doc.line_span(item))
    cut = _NAME_ENDS.search(text)
    end = cut.start() if cut and cut.start() > 0 else len(text)
    span = doc.span(item.start, item.start + end)
    return Named(name=span.text, span=span)


SEGMENT_NAME_WORDS = 8


def _title_segmentation(doc: Doc) -> dict[str, list[Named]]:
    """A title or subtitle that lists the segmentation, as many publishers' report pages do: 'Acme
    Market (By Product: A, B; By End User: C, D)' or 'Market Analysis by Product (A, B), by End User
    (C, D)' on one of the page's first lines."""
    found: dict[str, list[Named]] = {}
    opening = [line for line in doc.lines if not line.blank][:TITLE_LINES]
    for title in opening:
        if "(" not in title.text:
            continue
        matches = [*INLINE_GROUP.finditer(title.text), *BRACKET_GROUP.finditer(title.text)]
        for match in sorted(matches, key=lambda m: m.start()):
            names = name_list(doc, title.start + match.start("items"), title.start + match.end("items"))
            # 'Size, Share & Trends by Deployment (Cloud, On-premise)': the dimension is what follows 'by'
            dimension = _LEADING_BY.sub("", re.split(r"\s+by\s+", match.group("dim").strip(), flags=re.I)[-1])
            if len(names) >= 2:
                found.setdefault(dimension, names)
        if found:
            break
    return found


TITLE_LINES = 3  # the title and a subtitle, after a publisher's name perhaps
_LEADING_BY = re.compile(r"^(?:by|and)\s+", re.I)


def _dimension(line: Line, out: Outline) -> re.Match[str] | None:
    """A bullet (or a markup heading) that names a segmentation dimension."""
    if line.blank or len(line.text) > 160:
        return None
    heading = out.markup and line.text.startswith("#")
    if (
        not line.bullet
        and not heading
        and not _LABEL.fullmatch(line.text)
        and not _INLINE_BY.fullmatch(line.text)
    ):
        return None
    return _DIMENSION.fullmatch(line.text)


# 'Breakup by Product:' on a line of its own, its segments on the plain lines below.
# 'By service type (2024 share of revenue):' over its rows.
_LABEL = re.compile(
    r"(?:(?:Break-?up|Breakdown|Segment(?:ation|ed)?|Split)\s+)?by\s+[A-Z][^:]{0,60}:\s*", re.I
)


# 'By Type: New Cranes, Retrofit Kits' on a plain line: a dimension with its segments listed inline.
_INLINE_BY = re.compile(r"By\s+[A-Z][\w &/-]{1,40}:\s*[^,:]+(?:,\s*[^,:]+)+\.?")


def _names_a_segment(text: str) -> bool:
    """A plain line that is a name, not a sentence ('Handheld Devices', not 'Handheld devices lead.')."""
    return len(text) <= 60 and not text.rstrip().endswith((".", ":")) and ": " not in text


def _with_sub_blocks(doc: Doc, out: Outline, block: Block) -> list[Line]:
    """The lines of ``block`` and of the blocks under it ('Recent Developments' over its FAQ's
    'Q: Has there been any consolidation recently?'), up to the next heading of its level."""
    lines = list(out.body(doc, block))
    after = out.blocks[out.blocks.index(block) + 1 :]
    for sub in after:
        if sub.level <= block.level:
            break
        if not sub.furniture:
            lines += list(out.body(doc, sub))
    return lines


def developments(doc: Doc, out: Outline) -> list[Development]:
    """Dated entries under a developments heading: bullets, or paragraphs if there are none."""
    for block in out.find(_DEVELOPMENTS):
        body = _with_sub_blocks(doc, out, block)
        bulleted = any(_is_entry(line) for line in body)
        rows = [line for line in body if line.text.startswith("|")]
        if rows:  # '| March 2025 | Acme opened ... |': a markdown table, a development a row
            found = [dev for line in rows if (dev := _development(doc, [line])) is not None]
        elif bulleted:
            found = [
                dev
                for lines in _wrapped_bullets(body, _is_entry)
                if (dev := _development(doc, lines)) is not None
            ]
        else:  # paragraphs: one may tell several dated developments ('In April 2026, A ... In May, B ...')
            found = [
                dev
                for paragraph in _dated_paragraphs(body)
                for start, end in _dated_pieces(doc, paragraph)
                if (dev := _development_at(doc, start, end) or _dated_inside(doc, start, end)) is not None
            ]
        if found:
            return found
    entries = _introduced_bullets(doc, out, _DEVELOPMENTS)
    introduced = [dev for lines in entries if (dev := _development(doc, lines)) is not None]
    return (
        introduced
        or _dated_deal_bullets(doc, out)
        or _table_moves(doc, out)
        or _dated_deal_sentences(doc, out)
    )


# 'March 2024: Calderon acquired Hotface ...': a bullet that opens with its month and tells a deal
_DEAL_VERB = re.compile(
    r"\b(?:acquired|acquires|bought|merged|launched|launches|introduced|unveiled|partnered|signed|opened"
    r"|commissioned|expanded|invested|completed|announced|entered|formed|raised|divested|agreed)\b",
    re.I,
)
_MONTH_OPENS = re.compile(rf"[*_\s]*(?:{_MONTH})\.?\s+(?:19|20)\d\d\b", re.I)
_BULLET_MARK = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s+")
MIN_DEAL_BULLETS = 2  # one dated bullet may be a timeline's; two that tell deals are the page's news


def _dated_deal_bullets(doc: Doc, out: Outline) -> list[Development]:
    """Dated bullets that tell deals, wherever the page lists them (under 'Companies', after an FAQ's
    'Have there been any recent deals?'), when no heading names its developments."""
    found: list[Development] = []
    for block in out.blocks:
        if block.furniture:
            continue
        for lines in _wrapped_bullets(list(out.body(doc, block)), _is_entry):
            opening = _BULLET_MARK.sub("", lines[0].text, count=1)
            if not (_MONTH_OPENS.match(opening) and _DEAL_VERB.search(" ".join(line.text for line in lines))):
                continue
            if (dev := _development(doc, lines)) is not None:
                found.append(dev)
    return found if len(found) >= MIN_DEAL_BULLETS else []


# A company table's column of news: 'Recent move', 'Latest development', 'Recent activity'
_MOVES_HEAD = re.compile(
    r"(?:recent|latest|notable|key)\s+(?:moves?|developments?|news|activity|deals?|updates?|highlights?)"
    r"|(?:moves?|developments?|news)\s*\(?(?:recent|latest|20\d\d)\)?",
    re.I,
)
# '... (March 2025)': a move dated at its end
_DATED_AT_END = re.compile(rf"\((?P<month>{_MONTH})\.?\s+(?P<year>(?:19|20)\d\d)\)\s*$", re.I)


def _table_moves(doc: Doc, out: Outline) -> list[Development]:
    """Developments from a company table's column of recent moves, when the page lists them nowhere
    else ('| Acme Ltd | Leeds | ... | Jan 2025: raised USD 14 million ... |'): each row's company
    with its dated move, the row quoted from the company to the move."""
    found: list[Development] = []
    for run in tables.table_rows(doc, out):
        head = run[0][1]
        column = next((i for i, cell in enumerate(head) if i and _MOVES_HEAD.fullmatch(cell.text)), None)
        if column is None:
            continue
        for _, row in run[1:]:
            if len(row) <= column or not row[0].text:
                continue
            move = row[column]
            date = _date_of(move.text)
            if date is not None:
                span = doc.span(row[0].start, move.end)
                found.append(Development(date=date, company=row[0].text, summary=span.text, span=span))
    return found if len(found) >= MIN_DEAL_BULLETS else []


def _date_of(text: str) -> str | None:
    """'YYYY-MM' (or 'YYYY') of a move that opens or ends with its date."""
    match = _DATED.match(text) or _DATED_AT_END.search(text)
    return None if match is None else _year_month(match)


def _year_month(match: re.Match[str]) -> str:
    month = match.group("month")
    return f"{match.group('year')}-{_MONTHS[month.lower().rstrip('.')]:02d}" if month else match.group("year")


# 'In February 2025 Kestrel completed its acquisition of ...': a sentence of prose that tells a deal
_MONTH_DATED = re.compile(
    rf"(?:(?:In|On|During)\s+)?(?P<month>{_MONTH})\.?\s+(?:\d{{1,2}},?\s+)?(?P<year>(?:19|20)\d\d)\b", re.I
)


def _dated_deal_sentences(doc: Doc, out: Outline) -> list[Development]:
    """Deals a news article tells in its paragraphs ('Consolidation is under way. In February 2025
    Kestrel completed ...'), when no heading, bullet or table holds them: each piece of a paragraph
    from a sentence that opens with a month and tells a deal, to the next such sentence."""
    found: list[Development] = []
    for block in out.blocks:
        if block.furniture:
            continue
        for paragraph in _dated_paragraphs(list(out.body(doc, block))):
            for start, end in _dated_pieces(doc, paragraph):
                text = doc.text[start:end]
                opening = next(iter(sentences(text, start)), None)
                if not (_MONTH_DATED.match(text) and opening and _DEAL_VERB.search(opening.text)):
                    continue
                dev = _development_at(doc, start, end)
                if dev is not None and dev.company:
                    found.append(dev)
    return found if len(found) >= MIN_DEAL_BULLETS else []


# 'Kestrel Wind Machines launched ...': the company a deal's verb follows
_ACTOR = re.compile(rf"(?P<company>{_COMPANY.pattern})\s+(?:has\s+|had\s+)?{_DEAL_VERB.pattern}")


def _dated_inside(doc: Doc, start: int, end: int) -> Development | None:
    """A paragraph under a developments heading whose first sentence dates its deal inside ('On the
    product side, Kestrel Wind Machines launched the K-Quiet 8 in September 2024.')."""
    opening = next(iter(sentences(doc.text[start:end], start)), None)
    if opening is None:
        return None
    date = _MONTH_DATED.search(opening.text)
    actor = _ACTOR.search(opening.text)
    if date is None or actor is None:
        return None
    span = doc.span(start, end)
    return Development(date=_year_month(date), company=actor.group("company"), summary=span.text, span=span)


# '1. Acme GmbH', '2) Beta Inc.': a numbered item, which reads as a bullet in a list
_NUMBERED = re.compile(r"\d{1,2}[.)]\s+(?=\S)")


def _is_item(line: Line) -> bool:
    return line.bullet or bool(_NUMBERED.match(line.text))


# '6.1 February 2024: Acme ...': a development numbered under its section's own number
_SUBNUMBERED = re.compile(r"\d{1,2}\.\d{1,2}\.?\s+(?=\S)")


def _is_entry(line: Line) -> bool:
    return _is_item(line) or bool(_SUBNUMBERED.match(line.text))


def _wrapped_bullets(body: list[Line], is_item: Callable[[Line], bool] = _is_item) -> list[list[Line]]:
    """Each bullet (or numbered item) with the plain lines that continue it (wrapped across lines)."""
    entries: list[list[Line]] = []
    for line in body:
        if is_item(line):
            entries.append([line])
        elif entries and not line.blank and entries[-1][-1].index == line.index - 1:
            entries[-1].append(line)
    return entries


# A sentence inside a paragraph that opens with a date: where another development begins.
# ('Yes. In April 2025 Aldous acquired ...': an FAQ's answer, the date without its comma)
_DATED_SENTENCE = re.compile(
    # ('And in April 2025 Tallfield opened ...': a news story's next deal)
    rf"(?<=[.;:])\s+(?=(?:(?:And|But|Also|Then|Finally),?\s+)?(?:In|On|During)\s+(?:{_MONTH})\.?\s+"
    r"(?:19|20)\d\d\s*(?:,|\s(?=[A-Z])))",
    re.I,
)


def _dated_paragraphs(body: list[Line]) -> list[list[Line]]:
    """Runs of adjacent lines (a paragraph wrapped across lines), a new run at each line that opens
    with a date (one development a line, without blank lines between them)."""
    runs: list[list[Line]] = []
    for line in body:
        if line.blank:
            continue
        if runs and runs[-1][-1].index == line.index - 1 and not _DATED.match(line.text):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _dated_pieces(doc: Doc, lines: list[Line]) -> list[tuple[int, int]]:
    """The paragraph cut before each sentence that opens with a date: (start, end) offsets of the pieces."""
    start, text = lines[0].start, doc.text[lines[0].start : lines[-1].end]
    cuts = [m.end() for m in _DATED_SENTENCE.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [(start + a, start + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _development(doc: Doc, lines: list[Line]) -> Development | None:
    first, last = lines[0], lines[-1]
    if first.text.startswith("|"):  # a markdown table row: its cells, not its outer rules
        inner = first.text.strip("|").strip()
        start = first.start + first.text.index(inner)
        return _development_at(doc, start, start + len(inner))
    # '2. **March 2024:** ...', '6.1 May 2024: ...': the item's number is no part of it
    number = _NUMBERED.match(first.text) or _SUBNUMBERED.match(first.text)
    return _development_at(doc, first.start + (number.end() if number else 0), last.end)


def _development_at(doc: Doc, start: int, end: int) -> Development | None:
    """The development told in ``doc.text[start:end]``, when it opens with its date (after an FAQ
    answer's 'A:' label, if any)."""
    label = ANSWER_LABEL.match(doc.text, start, end)
    if label is not None:
        start = label.end()
    text = doc.text[start:end]
    match = _DATED.match(text)
    if match is None:
        return None
    mm = match.group("mm")
    if not match.group("month") and mm and 1 <= int(mm) <= 12:
        date = f"{match.group('year')}-{mm}"  # '2024-03 ...'
    else:
        date = _year_month(match)
    company = _COMPANY.match(text, match.end())
    name = company.group().split("\t")[0] if company else ""  # a table row: the company is one cell
    # Drop a trailing lowercase-led verb the run cannot contain; trim possessives like "Acme's".
    name = " ".join(re.sub(r"['’]s$", "", name).split())  # a name wrapped across lines is one name
    span = doc.span(start, end)
    return Development(date=date, company=name, summary=span.text, span=span)


def with_figured_dimensions(
    listed: dict[str, list[Named]], figured: dict[str, list[Named]]
) -> dict[str, list[Named]]:
    """The listed segmentation, plus each dimension only the figures name (a table under one
    'By ...' heading, bullets under another): none that repeats a listed dimension or segment."""
    merged = dict(listed)
    dims = {dim.casefold() for dim in listed}
    names = {named.name.casefold() for segments in listed.values() for named in segments}
    for dim, segments in figured.items():
        if dim.casefold() not in dims and not any(n.name.casefold() in names for n in segments):
            merged[dim] = segments
    return merged


def segments_of_figures(doc: Doc, found: Iterable[Quantity]) -> dict[str, list[Named]]:
    """Dimension -> segments, from the segments the page states figures for, in the order it first
    names them: the segmentation of a page that lists it nowhere but in its tables and prose."""
    result: dict[str, list[Named]] = {}
    spelt: dict[str, str] = {}  # 'Service Type' and 'Service type' are one dimension, first spelling kept
    for q in found:
        if q.scope.kind != "segment" or not q.scope.name or not q.scope.dimension:
            continue
        dimension = spelt.setdefault(q.scope.dimension.casefold(), q.scope.dimension)
        named = result.setdefault(dimension, [])
        if any(same_segment_name(q.scope.name, n.name) for n in named):
            continue
        # the name as the page writes it, perhaps wrapped over two lines
        words = r"\s+".join(
            r"(?:and|&)" if w.casefold() in ("and", "&") else re.escape(w) for w in q.scope.name.split()
        )
        at = re.compile(words, re.I).search(doc.text, q.span.start, q.span.end)
        if at is not None:
            span = doc.span(at.start(), at.end())
            # as the figures name it where the page writes it two ways ('&' in a table, 'and' in prose)
            name = " ".join((q.scope.name if "&" in span.text else span.text).split())
            named.append(Named(name=name, span=span))
    return {dim: named for dim, named in result.items() if len(named) >= 2}
