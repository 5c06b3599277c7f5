"""FAQ generator: answer a report's own FAQ and the standard analyst FAQ, compare, render, check."""

from assistant.faq.atomic import check_writable, write_atomic
from assistant.faq.check import (
    Problem,
    check_faq,
    comparison_lines,
    duplicate_warnings,
    off_topic_warnings,
    summary,
)
from assistant.faq.compare import Comparison, compare_answer, extract_quantities
from assistant.faq.formats import EXTENSIONS, FORMATS, check_stylesheet, default_stylesheet, render
from assistant.faq.generate import FaqDocument, FaqEntry, generate_faq
from assistant.faq.questions import STANDARD_QUESTIONS, StandardQuestion

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "STANDARD_QUESTIONS",
    "Comparison",
    "FaqDocument",
    "FaqEntry",
    "Problem",
    "StandardQuestion",
    "check_faq",
    "check_stylesheet",
    "check_writable",
    "comparison_lines",
    "compare_answer",
    "default_stylesheet",
    "duplicate_warnings",
    "extract_quantities",
    "generate_faq",
    "off_topic_warnings",
    "render",
    "summary",
    "write_atomic",
]
