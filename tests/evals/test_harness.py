"""The harness end to end: a small real run with the real Assistant, and the command's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.domain.answer import Answer
from evals.harness import ask_item, ask_turn, run_eval, run_system
from evals.questions import SETS_DIR, EvalItem, load_set

SUBSET = ["fc-01", "lk-06", "un-20", "mf-01", "mt-10"]


def subset_file(tmp_path: Path, ids: list[str]) -> Path:
    """A set file holding the seed questions ``ids``, in that order."""
    wanted = {
        line["id"]: line for line in map(json.loads, (SETS_DIR / "seed.jsonl").read_text().splitlines())
    }
    path = tmp_path / "subset.jsonl"
    path.write_text("".join(json.dumps(wanted[i]) + "\n" for i in ids), encoding="utf-8")
    return path


class Recorder:
    """An answerer that records what it was asked, and within which report (to test the harness's
    history handling and scoping); it answers from the report it was scoped to."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[dict[str, str]] | None]] = []
        self.reports: list[str | None] = []

    def ask(
        self, question: str, history: list[dict[str, str]] | None = None, report_id: str | None = None
    ) -> Answer:
        self.calls.append((question, history))
        self.reports.append(report_id)
        return Answer(question=question, status="answered", text=f"reply to {question}", report_id=report_id)


def test_scripted_turns_feed_replies_back_as_history() -> None:
    item = EvalItem("m", "multi_turn", "and 2030?", {}, [], ["size 2029", "and 2031?"])
    recorder = Recorder()
    answer, latency = ask_item(recorder, item)
    assert answer.text == "reply to and 2030?" and latency >= 0
    assert [q for q, _ in recorder.calls] == ["size 2029", "and 2031?", "and 2030?"]
    assert recorder.calls[0][1] is None
    assert recorder.calls[2][1] == [
        {"role": "user", "content": "size 2029"},
        {"role": "assistant", "content": "reply to size 2029"},
        {"role": "user", "content": "and 2031?"},
        {"role": "assistant", "content": "reply to and 2031?"},
    ]
    transcript = [{"role": "user", "content": "cagr?"}, {"role": "assistant", "content": "5.65%"}]
    ask_item(recorder, EvalItem("t", "multi_turn", "period?", {}, [], transcript))
    assert recorder.calls[-1] == ("period?", transcript)


def test_scoped_asking_scopes_every_turn() -> None:
    recorder = Recorder()
    item = EvalItem(
        "m", "multi_turn", "and in 2029?", {}, [], ["size 2028?"], report_id="r", names_report=True
    )
    ask_item(recorder, item, report_id="r")
    assert [q for q, _ in recorder.calls] == ["size 2028?", "and in 2029?"] and recorder.reports == ["r", "r"]
    ask_item(recorder, item)
    assert recorder.calls[-1][0] == "and in 2029?" and recorder.reports[-1] is None


def conversation(name: str, questions: list[str], golds: list[dict]) -> list[EvalItem]:
    """The items a conversation record loads as: one per turn, earlier questions as history."""
    return [
        EvalItem(f"{name}#{n}", "followup", q, gold, [], questions[: n - 1] or None, name, n)
        for n, (q, gold) in enumerate(zip(questions, golds, strict=True), start=1)
    ]


def test_a_conversation_is_asked_once_turn_by_turn() -> None:
    turns = conversation("c", ["key players?", "the first one?", "when?"], [{}, {}, {}])
    recorder, transcripts = Recorder(), {}
    for item in turns:
        ask_turn(recorder, item, transcripts)
    assert [q for q, _ in recorder.calls] == ["key players?", "the first one?", "when?"]
    assert recorder.calls[2][1] == [
        {"role": "user", "content": "key players?"},
        {"role": "assistant", "content": "reply to key players?"},
        {"role": "user", "content": "the first one?"},
        {"role": "assistant", "content": "reply to the first one?"},
    ]
    assert len(transcripts["c"]) == 6


def test_a_turn_asked_out_of_order_replays_its_conversation_first() -> None:
    turns = conversation("c", ["key players?", "the first one?", "when?"], [{}, {}, {}])
    recorder = Recorder()
    ask_turn(recorder, turns[2], {})  # e.g. --limit kept only the last turn
    assert [q for q, _ in recorder.calls] == ["key players?", "the first one?", "when?"]
    assert len(recorder.calls[2][1] or []) == 4
    single = EvalItem("s", "lookup", "cagr?", {}, [], None)
    ask_turn(recorder, single, {})
    assert recorder.calls[-1] == ("cagr?", None)


def test_run_system_grades_every_turn_and_counts_whole_conversations(seed_text: str) -> None:
    right = {"terms_all": ["reply"]}
    wrong = {"terms_all": ["Oncology"]}
    items = [
        *conversation("good", ["a?", "b?", "c?"], [right, right, right]),
        *conversation("bad", ["a?", "b?", "c?"], [right, wrong, right]),
        EvalItem("s", "lookup", "cagr?", right, [], None),
    ]
    run = run_system("recorder", Recorder(), items, lambda _: seed_text)
    assert [g.passed for g in run.graded] == [True, True, True, True, False, True, True]
    followup, overall = run.metrics["followup"], run.metrics["overall"]
    assert (followup["n"], followup["accuracy"]) == (6, 5 / 6)
    assert (
        followup["conversations"],
        followup["conversations_right"],
        followup["conversation_accuracy"],
    ) == (
        2,
        1,
        0.5,
    )
    assert overall["conversations"] == 2 and run.metrics["lookup"]["conversation_accuracy"] is None


def test_real_run_over_a_subset(ingested_settings, tmp_path: Path) -> None:
    run = run_eval(ingested_settings, set_name=str(subset_file(tmp_path, SUBSET)))
    data = run.to_dict()
    assert [q["id"] for q in data["questions"]] == SUBSET
    assert set(data["metrics"]) == {"assistant", "baseline"}
    assert data["backend"] == "offline" and data["k"] == ingested_settings.agent.search_k
    for system in ("assistant", "baseline"):
        overall = data["metrics"][system]["overall"]
        assert overall["n"] == len(SUBSET)
        assert overall["latency_p50_ms"] is not None and overall["latency_p50_ms"] > 0
        assert overall["citations"] > 0
    # The baseline quotes one verbatim sentence per answer: its citations must all check out.
    assert data["metrics"]["baseline"]["overall"]["citation_validity"] == 1.0
    # The empty question is rejected by both (the baseline cannot retrieve for it).
    empty = next(q for q in data["questions"] if q["id"] == "mf-01")
    assert empty["assistant"]["status"] == "rejected" and empty["baseline"]["status"] == "rejected"
    # Retrieval is scored for the answerable items only (fc-01, lk-06, mt-10).
    assert data["retrieval"]["overall"]["n"] == 3
    assert 0.0 <= data["retrieval"]["overall"][f"recall@{run.k}"] <= 1.0
    assert {v["metric"] for v in data["thresholds"]} >= {"forecast.accuracy", "overall.ungrounded_rate"}


def test_command_exit_codes_json_and_files(
    ingested_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(ingested_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(ingested_settings.corpus_dir))
    subset = subset_file(tmp_path, ["fc-01", "mf-01"])
    impossible = tmp_path / "impossible.json"
    impossible.write_text(json.dumps({"sets": {"seed": {"min": {"overall.accuracy": 1.01}}}}))
    out = tmp_path / "results"
    code = main(["eval", "--set", str(subset), "--json", "--out", str(out), "--thresholds", str(impossible)])
    captured = capsys.readouterr()
    assert code == 1
    assert "below threshold: overall.accuracy" in captured.err
    data = json.loads(captured.out)
    assert data["passed"] is False and data["n"] == 2
    assert json.loads((out / "offline.json").read_text())["n"] == 2
    assert "| **overall** | 2 |" in (out / "offline.md").read_text()

    lenient = tmp_path / "lenient.json"
    limits = {"min": {"overall.accuracy": 0.0}, "max": {"overall.ungrounded_rate": 1.0}}
    lenient.write_text(json.dumps({"sets": {"seed": limits}}))
    code = main(["eval", "--set", str(subset), "--out", str(out), "--thresholds", str(lenient)])
    captured = capsys.readouterr()
    assert code == 0
    assert "| kind | n | accuracy A | accuracy B |" in captured.out and "results: " in captured.out


def test_command_names_an_unknown_set(tmp_path: Path, capsys) -> None:
    assert main(["eval", "--set", "no-such-set", "--out", str(tmp_path)]) == 1
    assert (
        "no question set 'no-such-set'; known sets: analyst, analyst-holdout, blind-analyst, blind-pages, blind-pages-2, blind-pages-3, blind-pages-4, blind-pages-5, blind-pages-6, blind-pages-7, blind-pages-8, blind-pages-9, blind-pages-10, "
        "catalogue, catalogue-holdout, seed, smoke" in capsys.readouterr().err
    )


def test_smoke_set_is_a_seed_subset() -> None:
    seed = {item.id: item for item in load_set("seed")}
    smoke = load_set("smoke")
    assert {item.kind for item in smoke} == {item.kind for item in seed.values()}
    assert all(seed[item.id] == item for item in smoke)


def test_a_conversation_over_a_catalogue_is_scoped_per_turn_and_graded_on_routing(tmp_path: Path) -> None:
    record = {
        "id": "cv",
        "kind": "multi_turn",
        "report_id": "heat-pumps",
        "turns": [
            {"question": "cagr?", "report_id": None, "gold": {"terms_all": ["reply"]}},  # names no report
            {"question": "the heat pump one", "gold": {"terms_all": ["reply"]}},
            {"question": "and 2030?", "gold": {"terms_all": ["reply"]}},
        ],
    }
    path = tmp_path / "conv.jsonl"
    path.write_text(json.dumps(record) + "\n")
    items = load_set(str(path))
    assert [(i.report_id, i.names_report) for i in items] == [
        (None, True),
        ("heat-pumps", True),
        ("heat-pumps", True),
    ]

    scoped = Recorder()
    run = run_system("recorder", scoped, items, lambda _: "", mode="scoped")
    assert scoped.reports == ["heat-pumps", None, "heat-pumps", "heat-pumps"]  # warm-up, then the turns
    assert len(scoped.calls[-1][1] or []) == 4  # the third turn sees the first two, asked once
    assert all(g.passed for g in run.graded) and run.metrics["overall"]["routing_accuracy"] is None
    assert run.metrics["overall"]["conversation_accuracy"] == 1.0

    routed = Recorder()  # answers from no report: right for the first turn only
    run = run_system("recorder", routed, items, lambda _: "", mode="routed")
    assert routed.reports[1:] == [None, None, None]
    assert [g.passed for g in run.graded] == [True, False, False]
    overall = run.metrics["overall"]
    assert overall["routing_accuracy"] == 1 / 3 and overall["conversation_accuracy"] == 0.0
