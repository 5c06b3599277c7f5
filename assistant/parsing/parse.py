"""Parse a report file into a ``Report``: sections, a fact sheet with source spans, FAQ, consistency.

Every offset indexes ``Report.text`` (see ``assistant.parsing.loaders`` for what that text is per file type),
and ``report.text[s.start:s.end] == s.text`` holds for every span and section.

Facts are taken, in order of trust, from key-value pairs (TechSci Research's "Report Description"
block, "Market Size (2024): USD 1.2 Billion" headers, "Report Snapshot" bullets), then from prose
("valued at USD X billion in 2024 ... reach USD Y billion by 2030 ... CAGR of Z %"). A fact no
pattern finds stays None/empty. Section and furniture rules are in ``assistant.parsing.sections``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from assistant.domain.report import FactSheet, Report
from assistant.errors import ReportError
from assistant.parsing import faq, header, identity, lists, prose
from assistant.parsing.consistency import check_consistency
from assistant.parsing.lines import Doc
from assistant.parsing.loaders import SUFFIXES, Heading, check_readable, load_document, load_text
from assistant.parsing.sections import build_sections, is_navigation, outline

# Bump when what the parser extracts changes (facts, spans, sections): ingest then re-parses and
# re-stores reports whose text has not changed, so stored fact sheets never lag the parser.
PARSER_VERSION = 2

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
    """'Clinical Trial SMO Market' -> 'clinical-trial-smo-market'; letters of any script are kept
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


def _parse(text: str, path: str, report_id: str | None, headings: Sequence[Heading]) -> Report:
    doc = Doc.build(text, path)
    out = outline(doc, headings)
    title = identity.title(doc, out)
    found = header.header_facts(doc, header.pairs(doc, out))
    from_prose = prose.prose_facts(doc, out)
    facts = FactSheet(
        market_size=found.market_size or from_prose.market_size,
        cagr=found.cagr or from_prose.cagr,
        forecast_period=found.forecast_period or from_prose.forecast_period,
        forecast_end=found.forecast_end,
        largest_region=found.largest_region or from_prose.largest_region,
        fastest_segment=found.fastest_segment or from_prose.fastest_segment,
        key_players=lists.key_players(doc, out) or found.key_players,
        segmentation=lists.segmentation(doc, out),
        recent_developments=lists.developments(doc, out),
    )
    if facts.forecast_end is None and from_prose.forecast_end is not None:
        # A prose forecast only pairs with the base it was stated against.
        base, prose_base = facts.market_size, from_prose.market_size
        if base is None or (prose_base is not None and prose_base.year == base.year):
            facts.forecast_end = from_prose.forecast_end
    report_title = title or Path(path).stem.replace("-", " ").replace("_", " ").strip() or "Untitled report"
    market_phrase = identity.market_phrase(report_title)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Report(
        id=report_id or report_id_for(path, content_hash),
        title=report_title,
        publisher=identity.publisher(doc, out, found.publisher),
        market=identity.market_name(title),
        path=str(path),
        content_hash=content_hash,
        text=text,
        sections=build_sections(doc, out, report_title),
        facts=facts,
        faq=faq.faq_pairs(doc, out, market_phrase),
        consistency=check_consistency(facts),
    )
