"""Parse a report file into a ``Report``: sections, a fact sheet with source spans, FAQ, consistency.

Every offset indexes ``Report.text`` (see ``assistant.parsing.loaders`` for what that text is per file type),
and ``report.text[s.start:s.end] == s.text`` holds for every span and section.

Every figure the page states goes into the fact sheet's quantity table (``assistant.parsing.quantities``:
key-value pairs such as "Market Size (2024): USD 1.2 Billion" and "Report Snapshot" bullets,
year-column tables, and sentences such as "valued at USD X billion in 2024 ... reach USD Y billion
by 2030 ... CAGR of Z %" or "Europe held 31.4% of revenue in 2024"). Prose is read in sentences,
not lines: lines that wrap one paragraph are joined (``assistant.parsing.passages``), while
key-value lines, table rows and each bullet stay on their own. The headline market size, CAGR
and forecast end are views of that table chosen by ``assistant.domain.basis.forecast_basis``, the
rule the consistency check and the planner share. Named facts (largest region, fastest segment,
players, segmentation, developments) come from pairs, then lists and prose. A fact no pattern finds
stays None/empty. Section and furniture rules are in ``assistant.parsing.sections``; passages that
address an assistant are ``Report.suspect_spans`` (``assistant.parsing.safety``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.domain.basis import forecast_basis
from assistant.domain.report import (
    FactSheet,
    Metric,
    Money,
    Named,
    Period,
    Quantity,
    QuantitySource,
    Rate,
    Report,
    Scope,
    Span,
)
from assistant.errors import ReportError
from assistant.parsing import (
    faq,
    header,
    identity,
    keyed,
    lists,
    passages,
    prose,
    prose_figures,
    quantities,
    safety,
    tables,
)
from assistant.parsing.consistency import check_consistency
from assistant.parsing.emphasis import mask_emphasis, restore_spans
from assistant.parsing.lines import Doc
from assistant.parsing.loaders import SUFFIXES, Heading, check_readable, load_document, load_text
from assistant.parsing.part_rates import rescope_part_rates
from assistant.parsing.passages import Passage
from assistant.parsing.scopes import ScopeIndex, inline_groups
from assistant.parsing.sections import (
    NAVIGATION_HEADING,
    Outline,
    build_sections,
    is_navigation,
    outline,
    unnumbered,
)
from assistant.parsing.siblings import sibling_segments

__all__ = [
    "discover_reports",
    "is_navigation",
    "load_text",
    "parse_report",
    "parse_text",
    "report_id_for",
    "slugify",
]

# Runs of anything but letters and digits (of any script) become one hyphen.
_SLUG = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
MAX_BY_LINE = 60  # 'By Vessel Type' is a label; a longer line starting 'By' is a sentence
_RUN_IN_BY = re.compile(
    r"\s*(?:\*\*|__)?by\s+([A-Za-z][\w &/-]{1,40}?)\s*(?:\*\*|__)?\s*[.:]\s*(?:\*\*|__)?\s+(?=[A-Z\"“])", re.I
)
# 'By End User', 'Segmentation by Product Type', 'Market by Application': a heading naming a dimension.
_BY_HEADING = re.compile(
    # ('SEGMENT ANALYSIS - BY PROPULSION')
    r"(?:.*?\b(?:market|segmentation|segment analysis|breakdown)\s*[,:–—-]?\s+)?by\s+([A-Za-z][\w &/-]{1,40}?)"
    # 'By service type (share of 2024 revenue):': what the figures measure
    r"(?:\s*\([^()]{1,60}\))?\s*:?",
    re.I,
)
# 'Technology Insights', 'End-use Insights': a heading naming a dimension the way many publishers do
_INSIGHTS_HEADING = re.compile(
    r"(?!(?:regional|region|regions|geographic|geographical|geography|country|market|key|industry|competitive"
    r"|company|analyst|strategic|growth|investment|consumer|overall|segment\w*)\b)"
    r"([A-Za-z][\w/&-]*(?:[ -][\w/&-]+){0,2}?)\s+insights",
    re.I,
)
# 'Segment Insights' > 'End Use': a short heading under one naming the segmentation is a dimension
_SEGMENTS_HEADING = re.compile(
    r"(?:market\s+)?(?:segment(?:s|ation)?|breakdown)(?:\s+(?:insights|analysis|overview|breakdown|outlook))?"
    r"(?:\s+and\s+\w+)?",
    re.I,
)
MAX_DIMENSION_WORDS = 3
_NOT_A_DIMENSION = re.compile(r".*\b(?:regions?|regional|countr\w+|geograph\w*|compan\w+|players?)\b.*", re.I)
_THE_REGION = re.compile(r"\s*(?:the|this|that)\s+region\b", re.I)
# 'Regional Shares (2024) and Growth (2025-2032)', 'Share by Region, 2024': rows of regions' shares
_REGION_SHARES_HEADING = re.compile(
    r".*?\b(?:regional|regions?|geograph\w*)\b.*?\bshares?\b.*|.*?\bshares?\b.*?\bregions?\b.*", re.I
)
_FAQ = re.compile(r"frequently asked questions|faqs?|questions and answers", re.I)
# Blocks whose figures are not the market's: the outline, company lists and company news.
_NO_FIGURES = re.compile(
    rf"(?:{NAVIGATION_HEADING.pattern})|(?:recent|key|latest)?\s*(?:industry\s+)?developments"
    r"|(?:key|major|leading|prominent|top)\s+(?:market\s+)?(?:players|companies|vendors)(?:\s+profiled)?"
    r"|companies profiled|company profiles|competitive landscape",
    re.I,
)


def discover_reports(folder: Path) -> list[Path]:
    """Every .txt, .md, .html/.htm and .pdf file under ``folder`` (recursive, sorted, hidden skipped)."""
    folder = Path(folder)
    if not folder.exists():
        raise ReportError(folder, "report folder not found")
    if not folder.is_dir():
        raise ReportError(folder, "not a folder")
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found)


def slugify(name: str) -> str:
    """'Industrial Heat Pump Market' -> 'industrial-heat-pump-market'; letters of any script are kept
    ('Marché des pompes' -> 'marché-des-pompes'); '' when the name has no letter or digit."""
    return _SLUG.sub("-", unicodedata.normalize("NFKC", name).lower()).strip("-")


def report_id_for(path: str, content_hash: str) -> str:
    """The id a report file is stored under: its name as a slug, else (a name with no letter or
    digit) 'report-' and the start of its content hash, so two such files never share an id."""
    return slugify(Path(path).stem) or f"report-{content_hash[:12]}"


def parse_report(path: Path) -> Report:
    """Load and parse one report file; errors name the file (ReportError / ReportParseError)."""
    path = Path(path)
    loaded = load_document(path)  # already checked readable
    return _parse(loaded.text, str(path), None, loaded.headings)


def parse_text(
    text: str, path: str, report_id: str | None = None, headings: Sequence[Heading] = ()
) -> Report:
    """Parse already-loaded report text; ``path`` is recorded in every span.

    ``headings`` are heading offsets the markup declared (from ``loaders.load_document`` for HTML).
    """
    check_readable(path, text)
    return _parse(text, path, report_id, headings)


def _parse(source: str, path: str, report_id: str | None, headings: Sequence[Heading]) -> Report:
    report = _extract(mask_emphasis(source), path, report_id, headings)
    if report.text != source:  # emphasis was blanked for the extractors: quote the report itself
        report.text = source
        report.content_hash = hashlib.sha256(source.encode("utf-8")).hexdigest()
        restore_spans(report, source)
        if not report_id:
            report.id = report_id_for(path, report.content_hash)
    return report


def _extract(text: str, path: str, report_id: str | None, headings: Sequence[Heading]) -> Report:
    doc = Doc.build(text, path)
    out = outline(doc, headings)
    suspects = safety.suspect_spans(doc)
    # Fact extraction skips suspect lines as it skips furniture; sections keep them so offsets and
    # the text around an injection stay whole (the chunker leaves the suspect spans out).
    facts_out = Outline(out.blocks, out.furniture | safety.suspect_lines(doc, suspects), out.markup)
    title = identity.title(doc, facts_out)
    report_title = title or Path(path).stem.replace("-", " ").replace("_", " ").strip() or "Untitled report"
    market = identity.market_name(title) or identity.market_from_stem(report_id or Path(path).stem)
    segmentation = lists.segmentation(doc, facts_out)
    scopes = ScopeIndex(segmentation, inline_groups(text))
    found_pairs = header.pairs(doc, facts_out, scopes)
    found = header.header_facts(doc, found_pairs)
    from_prose = prose.prose_facts(doc, facts_out)
    found.base_year = found.base_year or from_prose.base_year  # '2023 is the base year' in a methods note
    forecast = found.forecast_period or from_prose.forecast_period
    players = lists.key_players(doc, facts_out) or found.key_players or lists.players_in_prose(doc, facts_out)
    # a title in lower case names no market for the prose, but its words still name the market's
    named = market or re.split(r"\bmarkets?\b", report_title, maxsplit=1, flags=re.I)[0]
    table = _quantity_table(doc, facts_out, found_pairs, scopes, market, players, found, forecast, named)
    market_words = frozenset(re.findall(r"[a-z0-9]+", (named or "").lower()))
    siblings = sibling_segments(text, table.quantities, market_words)
    if siblings:  # segments named only in prose, beside one already known: their figures read again
        scopes = ScopeIndex(segmentation, [*inline_groups(text), *siblings])
        table = _quantity_table(doc, facts_out, found_pairs, scopes, market, players, found, forecast, named)
    basis = forecast_basis(table.quantities, table.base_year)
    facts = FactSheet(
        market_size=money_view(basis.base),
        cagr=rate_view(basis.cagr),
        forecast_period=forecast,
        forecast_end=money_view(basis.end),
        largest_region=found.largest_region or from_prose.largest_region,
        fastest_segment=found.fastest_segment or from_prose.fastest_segment,
        key_players=players,
        segmentation=lists.with_figured_dimensions(
            segmentation, lists.segments_of_figures(doc, table.quantities)
        ),
        recent_developments=lists.developments(doc, facts_out),
        quantities=table.quantities,
        conflicts=table.conflicts,
        notes=quantities.notes(table),
        skipped=table.skipped,
    )
    report_identity = identity.report_identity(doc, facts_out, found, forecast)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Report(
        id=report_id or report_id_for(path, content_hash),
        title=report_title,
        publisher=report_identity.publisher.text if report_identity.publisher else None,
        market=market,
        path=str(path),
        content_hash=content_hash,
        text=text,
        sections=build_sections(doc, out, report_title),
        facts=facts,
        faq=faq.faq_pairs(doc, facts_out, identity.market_phrase(report_title)),
        consistency=check_consistency(facts),
        identity=report_identity,
        suspect_spans=suspects,
    )


def _quantity_table(
    doc: Doc,
    out: Outline,
    found_pairs: list[header.Pair],
    scopes: ScopeIndex,
    market: str | None,
    players: list[Named],
    found: header.HeaderFacts,
    forecast: Period | None,
    market_name: str | None = None,
) -> quantities.Table:
    """Every figure of the page: key-value pairs, year-column tables, then sentences elsewhere."""
    drafts, skipped = keyed.pair_drafts(doc, found_pairs, scopes)
    table_drafts, table_skipped, table_lines = tables.table_drafts(doc, out, scopes)
    drafts += table_drafts
    skipped += table_skipped
    read = table_lines | {index for pair in found_pairs for index in pair.lines}
    drafts += tables.captioned_values(doc, out, scopes, read)
    ctx = prose_figures.context(scopes, market, players)
    subject: Scope | None = None  # what the sentence before was about, for 'The segment ...' after it
    subject_end = -1
    region_before: Scope | None = None  # the last region the sentence before named
    listed: Metric | None = None  # what the bullet before measured, for siblings that only give a figure
    for sentence, source, dimension, heading in _prose_sentences(doc, out, read):
        start = sentence.at(0)
        carried = subject if subject_end >= 0 and _same_subject_between(doc.text[subject_end:start]) else None
        # 'The region is expected to grow at 7.8%' under a heading that names the region
        carried = carried or (_heading_scope(heading, scopes) if heading else None)
        if (
            carried is not None
            and carried.kind == "country"
            and region_before
            and _THE_REGION.match(sentence.text)
        ):
            carried = region_before  # after 'China took 46% of Asia Pacific revenue', 'The region ...'
        listed = listed if source == "bullet" else None
        found_drafts, missed = prose_figures.sentence_drafts(
            doc, sentence, source, ctx, dimension, carried, listed
        )
        if source == "bullet" and found_drafts:
            listed = found_drafts[0].metric if found_drafts[0].metric in ("share", "cagr") else None
        drafts += found_drafts
        skipped += missed
        subject = found_drafts[0].scope if found_drafts and found_drafts[0].scope.kind != "market" else None
        region_before = prose_figures.last_region(sentence.text, ctx)
        subject_end = sentence.at(len(sentence.text))
    stated_base = found.base_year.value if found.base_year else None
    # the market's own words, in both numbers: 'Rechargeable fabric shavers' names no more than 'Rechargeable'
    words = re.findall(r"[a-z0-9]+", (market_name or market or "").lower())
    market_words = frozenset(words) | {f"{w}s" for w in words} | {w[:-1] for w in words if w.endswith("s")}
    drafts = rescope_part_rates(drafts, scopes)
    return quantities.build_table(drafts, stated_base, forecast, skipped, market_words)


def _heading_scope(heading: str, scopes: ScopeIndex) -> Scope | None:
    """The region or segment a heading names: 'Asia Pacific', 'REGIONAL ANALYSIS - ASIA PACIFIC'."""
    tail = re.split(r"\s[-–—:|]\s", heading)[-1].strip()
    for said in dict.fromkeys((heading, tail, tail.title())):
        found = scopes.lookup(said)
        if found is not None:
            return found
    return None


def _same_subject_between(between: str) -> bool:
    """Nothing between two sentences, or sentences of the same paragraph that state no figure: the
    later one may still be about the earlier one's subject ('The segment is projected to ...')."""
    if not between.strip():
        return True
    return (
        len(between) <= MAX_CARRIED_GAP
        and not _PARAGRAPH_BREAK.search(between)
        and not _DIGIT.search(between)
    )


MAX_CARRIED_GAP = 400
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _prose_sentences(
    doc: Doc, out: Outline, read: set[int]
) -> Iterator[tuple[Passage, QuantitySource, str | None, str]]:
    """Sentences with a digit in content blocks (not the outline, company lists or news), read in
    passages of the lines not read yet, so a sentence wrapped across lines is one sentence; each
    with the segmentation dimension its heading names ('By End User'), if it names one, and the
    heading itself."""
    above_by_level: dict[int, str] = {}  # the heading each level last opened
    for block in out.blocks:
        above_by_level = {lvl: h for lvl, h in above_by_level.items() if lvl < block.level}
        parent = above_by_level[max(above_by_level)] if above_by_level else ""
        above_by_level[block.level] = unnumbered(block.heading)
        if block.furniture or _NO_FIGURES.fullmatch(block.heading):
            continue
        is_faq = bool(_FAQ.fullmatch(block.heading))
        heading = unnumbered(block.heading)  # '5.3 By Provider Type'
        by = _BY_HEADING.fullmatch(heading) or _INSIGHTS_HEADING.fullmatch(heading)
        dimension = _dimension_name(by.group(1)) if by else None
        if dimension is None and _SEGMENTS_HEADING.fullmatch(parent) and _names_dimension(heading):
            dimension = _dimension_name(heading)
        if dimension is None and _REGION_SHARES_HEADING.fullmatch(heading):
            dimension = "Region"
        body = list(out.body(doc, block))
        # 'By Vessel Type' on a line of its own inside the block: the dimension of what follows it
        by_lines = [
            (line.index, m.group(1).strip())
            for line in body
            if not line.bullet
            and (
                (len(line.text) <= MAX_BY_LINE and (m := _BY_HEADING.fullmatch(line.text)))
                # '**By deployment.** The cloud segment held ...': a heading run into its paragraph
                or (m := _RUN_IN_BY.match(line.text))
            )
        ]
        by_lines = [(index, _dimension_name(dim)) for index, dim in by_lines]
        lines = (line for line in body if line.index not in read)
        for passage in passages.passages(lines, keep=_DIGIT.search):
            source: QuantitySource = "faq" if is_faq else "bullet" if passage.first.bullet else "prose"
            above = [dim for index, dim in by_lines if index <= passage.first.index]
            for sentence in passages.sentences(passage):
                if _DIGIT.search(sentence.text):
                    yield sentence, source, above[-1] if above else dimension, block.heading


def _names_dimension(heading: str) -> bool:
    """'End Use', 'Material': a short heading that could name a segmentation dimension."""
    words = heading.split()
    return 0 < len(words) <= MAX_DIMENSION_WORDS and not _NOT_A_DIMENSION.fullmatch(heading)


def _dimension_name(said: str) -> str:
    """A dimension as headings name it: 'PROPULSION' and 'deployment' as 'Propulsion', 'Deployment'."""
    said = said.strip()
    return said.title() if said.isupper() else said[:1].upper() + said[1:]


def money_view(q: Quantity | None) -> Money | None:
    """A headline size from the table; a key-value statement keeps its key in the span, a sentence
    gives the figure alone (so the quote is the number and the number's precision reads true)."""
    if q is None or q.unit is None or q.start_year is None:
        return None
    return Money(
        amount=q.value, unit=q.unit, currency=q.currency or "USD", year=q.start_year, span=_view_span(q)
    )


def rate_view(q: Quantity | None) -> Rate | None:
    if q is None:
        return None
    return Rate(percent=q.value, start_year=q.start_year, end_year=q.end_year, span=_view_span(q))


def _view_span(q: Quantity) -> Span:
    return q.span if q.span.end == q.figure.end else q.figure
