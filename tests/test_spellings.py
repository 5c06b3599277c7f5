"""A question and a report may spell a word the British or the American way; sentences are matched
on the words either way."""

from __future__ import annotations

import pytest

from assistant.text.sentences import content_words


@pytest.mark.parametrize(
    ("british", "american"),
    [("enrolment", "enrollment"), ("organisations", "organizations"), ("labour", "labor"), ("centres", "centers"),
     ("programme", "program"), ("analysed", "analyzed"), ("realise", "realize")],
)  # fmt: skip
def test_both_spellings_are_one_word(british: str, american: str) -> None:
    assert content_words(british) == content_words(american)


@pytest.mark.parametrize("word", ["premise", "enterprise", "hours", "four", "enrollment"])
def test_words_that_only_look_british_are_kept(word: str) -> None:
    assert content_words(word) == {word}
