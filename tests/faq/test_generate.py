"""Generation over the real Assistant: the report's own FAQ first, then the standard questions."""

from __future__ import annotations

from assistant.domain.answer import Citation
from assistant.faq import STANDARD_QUESTIONS, FaqDocument, check_faq, off_topic_warnings


def test_report_questions_come_first_and_replace_standard_ones(seed_faq: FaqDocument, seed_report) -> None:
    own = [e for e in seed_faq.entries if e.origin == "report"]
    assert [e.question for e in own] == [p.question for p in seed_report.faq]
    assert seed_faq.entries[: len(own)] == own
    covered = {p.topic for p in seed_report.faq}
    standard_topics = [e.topic for e in seed_faq.entries if e.origin == "standard"]
    assert not covered & set(standard_topics)
    assert {q.topic for q in STANDARD_QUESTIONS} - covered <= set(standard_topics)
    assert len({e.key for e in seed_faq.entries}) == len(seed_faq.entries)


def test_seed_answers_agree_with_the_report_faq(seed_faq: FaqDocument) -> None:
    own = [e for e in seed_faq.entries if e.origin == "report"]
    assert len(own) == 4
    for entry in own:
        assert entry.comparison is not None
        assert entry.comparison.agrees, (entry.question, entry.answer.text, entry.comparison.disagreements)
        assert entry.answer.citations


def test_standard_answers_are_cited(seed_faq: FaqDocument) -> None:
    for entry in seed_faq.entries:
        if entry.origin == "standard" and entry.answer.status == "answered":
            assert entry.answer.citations, entry.question


def test_seed_faq_passes_the_check(seed_faq: FaqDocument, seed_report) -> None:
    assert check_faq(seed_faq, seed_report) == []


def test_check_catches_a_quote_that_does_not_match(seed_faq: FaqDocument, seed_report) -> None:
    entry = seed_faq.answered[0]
    citation = entry.answer.citations[0]
    moved = citation.model_copy(update={"start": citation.start + 1, "end": citation.end + 1})
    bad_entry = entry.model_copy(update={"answer": entry.answer.model_copy(update={"citations": [moved]})})
    bad = seed_faq.model_copy(update={"entries": [bad_entry]})
    (problem,) = check_faq(bad, seed_report)
    assert problem.kind == "citation" and "does not match the report text" in problem.line()


def test_check_catches_an_ungrounded_number(seed_faq: FaqDocument, seed_report) -> None:
    entry = seed_faq.answered[0]
    bad_entry = entry.model_copy(
        update={"answer": entry.answer.model_copy(update={"ungrounded_numbers": ["12.5"]})}
    )
    (problem,) = check_faq(seed_faq.model_copy(update={"entries": [bad_entry]}), seed_report)
    assert problem.line() == f"{entry.key}: ungrounded: the number 12.5 is in no cited quote or computation"


def test_standard_answers_are_compared_with_stated_facts(seed_faq: FaqDocument, seed_report) -> None:
    by_key = {e.key: e for e in seed_faq.entries}
    for key in ("forecast_end", "key_players"):
        comparison = by_key[key].comparison
        assert comparison is not None and comparison.source == "fact_sheet"
        assert comparison.agrees, (key, by_key[key].answer.text, comparison.disagreements)
    assert by_key["forecast_end"].comparison.reference == "USD 9.33 Billion in 2031"
    assert by_key["drivers"].comparison is None  # the fact sheet states no drivers to compare with


def test_off_topic_warning_needs_a_citation_from_the_topic_section(
    seed_faq: FaqDocument, seed_report
) -> None:
    entry = next(e for e in seed_faq.entries if e.key == "drivers")
    section = next(s for s in seed_report.sections if s.heading == "Key Market Drivers")
    inside = Citation(
        report_id=seed_report.id,
        section=section.heading,
        quote=seed_report.text[section.start : section.start + 40],
        start=section.start,
        end=section.start + 40,
    )
    overview = next(s for s in seed_report.sections if s.heading == "Market Overview")
    outside = inside.model_copy(
        update={
            "section": overview.heading,
            "quote": seed_report.text[overview.start : overview.start + 40],
            "start": overview.start,
            "end": overview.start + 40,
        }
    )

    def with_citations(citations: list[Citation]) -> FaqDocument:
        answer = entry.answer.model_copy(update={"status": "answered", "citations": citations})
        return seed_faq.model_copy(update={"entries": [entry.model_copy(update={"answer": answer})]})

    assert off_topic_warnings(with_citations([outside, inside]), seed_report) == []
    (warning,) = off_topic_warnings(with_citations([outside]), seed_report)
    assert (
        warning.line() == "drivers: off_topic: the answer cites nothing from the 'Key Market Drivers' section"
    )
    assert check_faq(with_citations([outside]), seed_report) == []  # a warning, not a failure
