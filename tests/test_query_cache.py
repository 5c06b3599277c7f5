"""The question-vector cache: repeats are look-ups, and a prefetched vector is computed once, on a
background thread, while the caller goes on."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from assistant.index.embedder import QueryCache


class Model:
    """Counts runs and the threads they ran on; a run can be held until released."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, str]] = []
        self.hold = threading.Event()
        self.hold.set()
        self.entered = threading.Event()
        self.fail_on: str | None = None

    def __call__(self, text: str, releasing: Callable[[], None]) -> list[float]:
        self.runs.append((text, threading.current_thread().name))
        releasing()
        self.entered.set()
        self.hold.wait(5)
        if text == self.fail_on:
            raise RuntimeError(f"model failed on {text!r}")
        return [float(len(text)), 1.0]


def test_a_prefetched_question_is_computed_once_in_the_background() -> None:
    model = Model()
    cache = QueryCache(model)
    cache.prefetch("market size in 2030?")
    assert cache("market size in 2030?") == [20.0, 1.0]
    assert cache("market size in 2030?") == [20.0, 1.0]
    assert len(model.runs) == 1 and model.runs[0][1].startswith("query-embedding")
    cache.prefetch("market size in 2030?")  # cached: nothing to start
    assert len(model.runs) == 1
    assert cache.info() == (1, 1)


def test_the_caller_waits_for_a_prefetch_that_is_running() -> None:
    model = Model()
    model.hold.clear()
    cache = QueryCache(model)
    cache.prefetch("which region leads?")
    assert model.entered.wait(5)
    got: list[list[float]] = []
    caller = threading.Thread(target=lambda: got.append(cache("which region leads?")))
    caller.start()
    caller.join(0.2)
    assert caller.is_alive()  # waiting for the run already under way, not starting another
    model.hold.set()
    caller.join(5)
    assert got == [[19.0, 1.0]] and len(model.runs) == 1


def test_a_busy_worker_takes_no_second_prefetch_and_the_caller_computes_it() -> None:
    model = Model()
    model.hold.clear()
    cache = QueryCache(model)
    cache.prefetch("first question")
    assert model.entered.wait(5)
    cache.prefetch("second question")  # the worker is busy: not queued behind the first
    model.hold.set()
    assert cache("second question") == [15.0, 1.0]
    assert [name for name, _ in model.runs] == ["first question", "second question"]
    assert model.runs[1][1] == threading.current_thread().name
    assert cache("first question") == [14.0, 1.0] and len(model.runs) == 2


def test_a_failed_prefetch_raises_to_the_caller_and_is_not_cached() -> None:
    model = Model()
    model.fail_on = "broken"
    cache = QueryCache(model)
    cache.prefetch("broken")
    with pytest.raises(RuntimeError, match="model failed"):
        cache("broken")
    model.fail_on = None
    assert cache("broken") == [6.0, 1.0]  # computed afresh, not a cached failure


def test_the_cache_keeps_the_most_recent_questions() -> None:
    model = Model()
    cache = QueryCache(model, size=2)
    for text in ("a", "bb", "a", "ccc"):  # 'a' used again, so 'bb' is the oldest when 'ccc' comes
        cache(text)
    runs = len(model.runs)
    cache("a")
    cache("ccc")
    assert len(model.runs) == runs
    cache("bb")
    assert len(model.runs) == runs + 1


def test_concurrent_callers_get_the_same_vector() -> None:
    model = Model()
    cache = QueryCache(model)
    results: list[list[float]] = []
    lock = threading.Lock()

    def ask() -> None:
        vector = cache("how big is apac?")
        with lock:
            results.append(vector)

    cache.prefetch("how big is apac?")
    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert results == [[16.0, 1.0]] * 8
