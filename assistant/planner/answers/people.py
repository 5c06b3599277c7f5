"""People a page quotes or lists: 'who's the analyst quoted?', 'who is priya raman?', 'who said
co-processing solved the volume problem?', 'who's the press contact?'. Press releases name them in
attributions ('..., said Priya Raman, Principal Analyst at ...') and in a contact block; the answer
quotes those lines, never a name the page does not write."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.answer import FinalDraft
from assistant.planner.calls import MAX_SEARCH_K, Steps, search
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.text.sentences import Sentence, sentences
from assistant.text.tokens import stems

# 'who's the analyst quoted', 'who said ...', 'who is the spokesperson', 'press contact?'
ASKS_PERSON = re.compile(
    r"\bwho(?:'s|’s|s|\s+is|\s+was|\s+are)?\b[^?]*\b(?:analysts?|quoted?|quotes|spokes\w*|contact|director|"
    r"author|expert|executive|said|says|commented|interviewed)\b"
    r"|\b(?:press|media)\s+contact\b|\bwho\s+(?:said|says|stated|commented)\b",
    re.I,
)
_WHO_IS = re.compile(
    r"\bwho\s+(?:is|was|'s|’s)\s+(?P<name>[a-z][\w'’.-]+(?:\s+[a-z][\w'’.-]+){0,2})\s*\??\s*$", re.I
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
# '..., said Priya Raman, Principal Analyst at Northlake.' / 'according to Tomas Ebner, Research Director'
_ATTRIBUTION = re.compile(
    rf"\b(?:said|says|added|noted|explained|commented|according\s+to)\s+(?P<name>{_NAME}),\s+(?P<title>[^\"“”.]{{3,120}})"
    rf"|(?P<name2>{_NAME}),\s+(?P<title2>[^\"“”,.\n]{{3,80}}),\s+(?:said|says|added|noted)\b"
)
_CONTACT = re.compile(r"\b(?:media|press)\s+contacts?\b|^\s*contacts?\s*:", re.I | re.M)
PEOPLE_K = MAX_SEARCH_K


@dataclass(frozen=True)
class Quoted:
    """A person the page quotes, with the title it gives them and the sentence that quotes them."""

    name: str
    title: str
    sentence: Sentence


def _quoted(found: list[Sentence]) -> list[Quoted]:
    people: dict[str, Quoted] = {}
    for sentence in found:
        for match in _ATTRIBUTION.finditer(sentence.text):
            name = " ".join((match.group("name") or match.group("name2")).split())
            title = " ".join((match.group("title") or match.group("title2") or "").split())
            people.setdefault(name, Quoted(name, title, sentence))
    return list(people.values())


def asks_about_people(question: str) -> bool:
    return bool(ASKS_PERSON.search(question) or _WHO_IS.search(question))


def people_answer(question: str, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """The person the question asks about, as the page quotes or lists them; None when the page names
    no one that fits (the passage answer then reads the question as any other)."""
    passages = yield from search(
        f"{ctx.plain(question)} said analyst director contact", ctx.report_id, PEOPLE_K
    )
    found = [s for p in sorted(passages, key=lambda p: p.start) for s in sentences(p.text, p.start)]
    draft = Draft()
    if re.search(r"\bcontacts?\b", question, re.I):
        block = next((p for p in passages if _CONTACT.search(p.text)), None)
        if block is not None:
            at = _CONTACT.search(block.text)
            assert at is not None
            lines = [s for s in sentences(block.text, block.start) if s.start >= block.start + at.end()]
            listed = " ".join(f"{s.text} {draft.cite(s)}" for s in lines[:2])
            return draft.final(f"The report lists this contact: {listed}")
    people = _quoted(found)
    if not people:
        return None
    asked = _WHO_IS.search(question)
    if asked:
        wanted = asked.group("name").lower().split()
        named = [p for p in people if any(w in p.name.lower().split() for w in wanted)]
        if named:
            person = named[0]
            return draft.final(
                f"{person.name} is {person.title}, quoted in the report {draft.cite(person.sentence)}."
            )
    if not ASKS_PERSON.search(question):
        return None  # 'who is X' of no one the page quotes: not a question about people
    # 'who said co-processing solved the volume problem?': the quote that shares the question's words
    words = stems(question) - stems("who said says quoted analyst the report release")
    scored = sorted(people, key=lambda p: -len(words & stems(p.sentence.text)))
    if words and len(words & stems(scored[0].sentence.text)) >= 2:
        person = scored[0]
        return draft.final(
            f"{person.name}, {person.title}, said it: {person.sentence.text} {draft.cite(person.sentence)}"
        )
    # 'who is the principal analyst quoted': the people whose title the question names
    people = [p for p in people if words & stems(p.title)] or people
    listed = "; ".join(f"{p.name}, {p.title} {draft.cite(p.sentence)}" for p in people)
    return draft.final(f"The report quotes {listed}.")
