"""FAQ fixtures: one generated FAQ of the seed report, written by the real offline Assistant."""

from __future__ import annotations

import pytest

from assistant.faq import STANDARD_QUESTIONS, FaqDocument, StandardQuestion, generate_faq

# A question the seed report cannot answer (it states no company revenue), so every format is
# exercised on an unanswerable entry too.
UNANSWERABLE = StandardQuestion("wcg_revenue", "company_revenue", "What was WCG Clinical's revenue in 2024?")
# Another wording of the standard drivers question: its answer repeats that one, so the FAQ must not
# publish it a second time.
REWORDED = StandardQuestion("what_drives", "what_drives", "What drives {market}?")


@pytest.fixture(scope="session")
def faq_questions() -> tuple[StandardQuestion, ...]:
    return (*STANDARD_QUESTIONS, UNANSWERABLE, REWORDED)


@pytest.fixture(scope="session")
def seed_faq(seed_assistant, faq_questions) -> FaqDocument:
    return generate_faq(seed_assistant, standard=faq_questions)


@pytest.fixture(scope="session")
def seed_report(seed_assistant):
    return seed_assistant.report()
