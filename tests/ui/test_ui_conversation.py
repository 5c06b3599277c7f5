"""Conversations: the browser's copy, the server's bounded store and the order of answering."""

from __future__ import annotations

import threading
import time

from assistant.domain.answer import Answer
from assistant.ui.conversation import MAX_TURNS, Conversation, ConversationStore


def _answered(conversation: Conversation, question: str, text: str) -> None:
    turn = conversation.add(question)
    with conversation.in_turn(turn):
        turn.answer = Answer(question=question, status="answered", text=text, report_id="r")
        turn.state = "done"


def test_the_browsers_copy_rebuilds_the_conversation():
    conversation = Conversation(id="a" * 32, choice="r")
    _answered(conversation, "How big in 2029?", "USD 8.36 billion [1].")
    _answered(conversation, "And in 2030?", "USD 8.83 billion [1].")
    stored = conversation.stored()
    rebuilt = Conversation.from_stored(stored)
    assert rebuilt.id == conversation.id and rebuilt.choice == "r"
    assert [(t.number, t.question, t.answer.text) for t in rebuilt.turns] == [
        (0, "How big in 2029?", "USD 8.36 billion [1]."),
        (1, "And in 2030?", "USD 8.83 billion [1]."),
    ]
    assert rebuilt.add("And 2031?").number == 2, "new turns are numbered after the kept ones"


def test_a_malformed_copy_loses_only_what_is_malformed():
    good = Conversation(id="b" * 32)
    _answered(good, "q", "a")
    turns = [
        {"question": 3},
        "junk",
        {"question": "x", "answer": {"status": "nonsense"}},
        *good.stored()["turns"],
    ]
    rebuilt = Conversation.from_stored({"id": "../../etc", "turns": turns, "choice": ["x"]})
    assert len(rebuilt.id) == 32 and rebuilt.id != "../../etc"
    assert [t.question for t in rebuilt.turns] == ["q"] and rebuilt.choice is None
    assert Conversation.from_stored(None).turns == [] and Conversation.from_stored("x").turns == []
    many = {"turns": good.stored()["turns"] * (MAX_TURNS + 10)}
    assert len(Conversation.from_stored(many).turns) == MAX_TURNS


def test_history_is_the_answered_turns_before_a_question():
    conversation = Conversation(id="c" * 32)
    _answered(conversation, "first", "one")
    later = conversation.add("second")
    assert conversation.history(later) == [
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "one"},
    ]


def test_questions_are_answered_in_the_order_they_were_asked():
    conversation = Conversation(id="d" * 32)
    turns = [conversation.add(f"q{i}") for i in range(4)]
    entered: list[int] = []

    def answer(turn):
        with conversation.in_turn(turn):
            entered.append(turn.number)
            time.sleep(0.01)

    threads = [threading.Thread(target=answer, args=(t,)) for t in reversed(turns)]
    for thread in threads:
        thread.start()
        time.sleep(0.01)  # the last question's thread starts first
    for thread in threads:
        thread.join(5)
    assert entered == [0, 1, 2, 3]
    assert not conversation.busy


def test_the_store_is_bounded_by_capacity_and_idle_time():
    store = ConversationStore(capacity=3, idle_s=3600)
    opened = [store.open({"id": f"{i:032x}"}) for i in range(5)]
    assert len(store) == 3
    assert store.open({"id": opened[0].id}) is not opened[0], "the oldest went first"
    busy = store.open({"id": "e" * 32})
    busy.add("pending")  # a question waiting for its answer keeps its conversation
    for i in range(10):
        store.open({"id": f"{100 + i:032x}"})
    assert store.open({"id": busy.id}) is busy
    idle = ConversationStore(capacity=100, idle_s=0.05)
    first = idle.open({"id": "f" * 32})
    time.sleep(0.1)
    idle.open({"id": "0" * 32})
    assert len(idle) == 1 and idle.open({"id": first.id}) is not first


def test_closing_a_conversation_stops_its_pending_answers_from_showing():
    store = ConversationStore()
    conversation = store.open(None)
    store.close({"id": conversation.id})
    assert conversation.closed and len(store) == 0


def test_a_question_abandoned_while_it_waits_does_not_hold_up_the_next():
    conversation = Conversation(id="7" * 32)
    first, abandoned, third = (conversation.add(q) for q in ("q0", "q1", "q2"))
    conversation.finish(abandoned)  # its event was closed before its time came
    with conversation.in_turn(first):
        pass
    done = threading.Event()
    thread = threading.Thread(target=lambda: (conversation.wait_turn(third), done.set()))
    thread.start()
    thread.join(5)
    assert done.is_set(), "the third question still waits for the abandoned one"
    conversation.finish(third)
    assert not conversation.busy
