"""Reading report files: exact text for .txt/.md, visible text for HTML, pypdf for PDF, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ReportError, ReportParseError
from assistant.parsing.loaders import MAX_BYTES, load_document, load_text
from assistant.parsing.parse import load_text as reexported
from assistant.parsing.parse import parse_report

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


# pypdf can write pages but not typeset text, so the PDF is assembled by hand: one page, the
# standard Helvetica font, one text object with a line per entry, and a correct xref table.
def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Latin-1 characters only)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 10 Tf", "13 TL", "40 800 Td"]
    for index, line in enumerate(lines):
        ops.append(f"({escape(line)}) Tj" if index == 0 else f"T* ({escape(line)}) Tj")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SKY_KELP_LINES = [
    "Sky Kelp Farming Market - fictional sample report for parser tests",
    "Publisher: Nimbus Research Group",
    "Market Size (2024): USD 310.5 Million",
    "Market Size (2030): USD 402.0 Million",
    "CAGR (2025-2030): 4.4%",
    "Forecast Period: 2025-2030",
    "Largest Region: Europe",
    "Market Overview",
    "Sky kelp is an invented seaweed grown on tethered balloons in the upper atmosphere. Farmers sell it",
    "to makers of imaginary cloud bread and to fictional biofuel refineries that prefer airborne crops.",
    "Key Players",
    "- Stratus Kelp Co.",
    "- Cirrus Harvest Ltd.",
]


def test_reexported_from_parsing() -> None:
    assert reexported is load_text


def test_txt_is_the_file_exactly(seed_path: Path, seed_text: str) -> None:
    assert load_text(seed_path) == seed_text


def test_crlf_and_bom_are_kept(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "crlf.md"
    raw = "\ufeff" + seed_text.replace("\n", "\r\n")
    path.write_bytes(raw.encode("utf-8"))
    text = load_text(path)
    assert text == raw  # no newline translation, so offsets are the file's characters
    assert text.count("\r\n") == seed_text.count("\n")


def test_html_visible_text_and_headings() -> None:
    loaded = load_document(FIXTURES / "floating-orchard-market.html")
    text = loaded.text
    assert "window.dataLayer" not in text and "USD 99 trillion" not in text  # script dropped
    assert "font-family" not in text  # style dropped
    assert "Contact" not in text  # nav dropped
    assert "| Arboreal Insights" not in text  # <head> is not visible
    assert "Size, Share & Trends Analysis" in text  # entities decoded
    assert "• Driftwood Orchards Inc.\n• Lakeside Canopy Systems" in text
    assert "valued at USD 3.45 trillion in 2023 and is expected to reach" in text  # whitespace collapsed
    headings = [(text[h.start : h.end], h.level) for h in loaded.headings]
    assert headings[0] == ("Floating Orchard Systems Market Size, Share & Trends Analysis", 1)
    assert ("Regional Insights", 2) in headings
    assert ("What is the expected growth rate?", 3) in headings


def test_html_unclosed_head_and_nested_lists(tmp_path: Path) -> None:
    path = tmp_path / "nested.htm"
    words = " ".join(f"word{i}" for i in range(40))
    path.write_text(
        "<html><head><title>Hidden title</title><body><p>Intro " + words + "</p>"
        "<ul><li>Outer<ul><li>Inner one</li><li>Inner two</li></ul></li><li>Second</li></ul>"
        "<table><tr><td>Market Size (2024)</td><td>USD 1.0 Billion</td></tr></table></body></html>",
        encoding="utf-8",
    )
    text = load_text(path)
    assert "Hidden title" not in text
    assert "• Outer\n  • Inner one\n  • Inner two\n• Second" in text
    assert "Market Size (2024)\tUSD 1.0 Billion" in text


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "sky-kelp-farming-market.pdf"
    path.write_bytes(make_pdf(SKY_KELP_LINES))
    text = load_text(path)
    assert "Market Size (2024): USD 310.5 Million" in text
    assert "CAGR (2025-2030): 4.4%" in text
    report = parse_report(path)
    facts = report.facts
    assert report.id == "sky-kelp-farming-market" and report.publisher == "Nimbus Research Group"
    assert facts.market_size is not None and (facts.market_size.amount, facts.market_size.unit) == (
        310.5,
        "million",
    )
    assert facts.forecast_end is not None and facts.forecast_end.amount == 402.0
    assert facts.cagr is not None and facts.cagr.percent == 4.4
    assert facts.largest_region is not None and facts.largest_region.name == "Europe"
    assert [p.name for p in facts.key_players] == ["Stratus Kelp Co.", "Cirrus Harvest Ltd."]
    assert report.consistency.status == "agree"
    for span in [facts.market_size.span, facts.forecast_end.span, facts.cagr.span]:
        assert report.text[span.start : span.end] == span.text


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.md", b"   \n\t\r\n  \n", "only whitespace"),
        ("nul.txt", b"Market report\x00\x01\x02" * 50, "binary"),
        ("latin1.txt", "Caf\xe9 market report ".encode("latin-1") * 20, "not UTF-8"),
        ("garbage.txt", b"#$%^&*()_+=-{}[]|\\:;<>,.?/~` 0123456789 " * 40, "does not look like report text"),
        ("short.txt", b"Just a few words, not a report.", "too short"),
        (
            "scripts.html",
            b"<html><script>var a = 'x y z';</script><style>p{}</style></html>",
            "no readable text",
        ),
        ("fake.pdf", b"This is not a PDF at all but it is long enough. " * 10, "not a PDF"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"garbage " * 50, "PDF"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    for loader in (load_text, parse_report):
        with pytest.raises(ReportParseError, match=reason) as info:
            loader(path)
        assert info.value.path == str(path)
        assert str(path) in str(info.value)


def test_blank_pdf_has_no_text(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReportParseError, match="no extractable text") as info:
        load_text(path)
    assert info.value.path == str(path)


def test_oversize_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk, and the size check runs before reading
    with pytest.raises(ReportParseError, match="over the 20 MB limit") as info:
        load_text(path)
    assert info.value.path == str(path)


def test_missing_and_unsupported(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="file not found"):
        load_text(tmp_path / "missing.txt")
    docx = _write(tmp_path, "report.docx", b"PK\x03\x04")
    with pytest.raises(ReportError, match=r"unsupported file type '\.docx'"):
        load_text(docx)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ReportError, match="not a regular file"):
        load_text(folder)
