"""A report file in, a typed ``Report`` out: loaders per file type, sections and page furniture,
fact extractors (key-value pairs, bullets, prose, lists, FAQ, identity), and the consistency check.

``parse_report`` is the entry point; publisher vocabulary (headings, keys, furniture) is data."""

from assistant.parsing.parse import PARSER_VERSION, discover_reports, parse_report, parse_text, slugify

__all__ = ["PARSER_VERSION", "discover_reports", "parse_report", "parse_text", "slugify"]
