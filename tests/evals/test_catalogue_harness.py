"""Running a set over its own corpus: the store it builds, scoped and routed asking, thresholds per mode.

The end-to-end test ingests three catalogue pages with the real `assistant ingest` command, then asks a
few catalogue questions with the real Assistant in both modes.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from assistant import Catalogue, Settings
from assistant.cli.main import main
from assistant.domain.answer import Answer
from evals.checkers import check_route
from evals.corpus import (
    EvalCorpusError,
    corpus_settings,
    eval_data_dir,
    ingest_environment,
    prepare_corpus,
)
from evals.harness import run_eval
from evals.metrics import grade, summarize
from evals.questions import SETS_DIR, EvalItem, EvalSetError, load_set
from evals.thresholds import ThresholdsError, load_thresholds

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalogue"
PAGES = [
    "industrial-heat-pump-market.txt",
    "residential-heat-pump-market.md",
    "autonomous-mobile-robot-market.html",
]
# Scoped and routed answers from these pages: sizes, a share, a computed size, an unanswerable, an ambiguous.
QUESTIONS = ["cat-ihp-01", "cat-ihp-10", "cat-rhp-02", "cat-amr-03", "cat-amr-14", "cat-amb-01"]


def catalogue_item(report_id: str | None, kind: str = "size_stated") -> EvalItem:
    gold = {"status": ["unanswerable"]} if kind == "ambiguous" else {"status": ["answered"]}
    return EvalItem("c", kind, "q", gold, report_id=report_id, names_report=True)


def test_routing_is_graded_only_in_routed_runs() -> None:
    item = catalogue_item("industrial-heat-pump-market")
    wrong = Answer(question="q", status="answered", text="ok", report_id="residential-heat-pump-market")
    right = Answer(question="q", status="answered", text="ok", report_id="industrial-heat-pump-market")
    routed_wrong = grade(item, wrong, 1.0, lambda _: "", routed=True)
    assert (
        not routed_wrong.passed
        and "expected report 'industrial-heat-pump-market'" in routed_wrong.failures[0]
    )
    assert grade(item, right, 1.0, lambda _: "", routed=True).passed
    assert grade(item, wrong, 1.0, lambda _: "", routed=False).passed  # scoped: the harness chose the report
    seed_like = EvalItem("s", "lookup", "q", {"status": ["answered"]})
    assert [c.name for c in grade(seed_like, wrong, 1.0, lambda _: "", routed=True).checks] == ["status"]
    metrics = summarize([routed_wrong, grade(item, right, 1.0, lambda _: "", routed=True)])
    assert metrics["routing_accuracy"] == 0.5


def test_an_ambiguous_question_must_be_asked_back() -> None:
    asked_back = Answer(question="q", status="unanswerable", text="Which report do you mean?")
    picked = Answer(
        question="q", status="unanswerable", text="no figure", report_id="industrial-heat-pump-market"
    )
    assert check_route(asked_back, None).passed
    assert not check_route(picked, None).passed
    assert grade(catalogue_item(None, "ambiguous"), asked_back, 1.0, lambda _: "", routed=True).passed


def test_ambiguous_records_need_no_report_and_a_decline(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    record = {
        "id": "a",
        "kind": "ambiguous",
        "question": "cagr?",
        "report_id": "x",
        "gold": {"status": ["unanswerable"]},
    }
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(EvalSetError, match="ambiguous question needs report_id null"):
        load_set(str(path))
    record.update(report_id=None)
    path.write_text(json.dumps(record) + "\n")
    assert load_set(str(path))[0].names_report


def test_corpus_settings_use_a_store_of_their_own(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path, chroma_url="http://127.0.0.1:9")
    prepared = corpus_settings(settings, FIXTURES, "catalogue")
    assert prepared.data_dir == tmp_path / "data" / "eval-catalogue" == eval_data_dir(settings, "catalogue")
    assert prepared.corpus_dir == FIXTURES and prepared.chroma_url is None
    assert prepared.chunking == settings.chunking and settings.chroma_url  # the caller's settings untouched


def test_ingest_environment_carries_exactly_the_store_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("ASSISTANT_MODEL", "openai:gpt-4.1-mini")
    settings = Settings(data_dir=tmp_path / "d", corpus_dir=FIXTURES)
    settings = settings.model_copy(
        update={"chunking": settings.chunking.model_copy(update={"max_tokens": 123})}
    )
    env = ingest_environment(corpus_settings(settings, FIXTURES, "catalogue"))
    assert "ASSISTANT_CHROMA_URL" not in env and "ASSISTANT_MODEL" not in env
    for key in [k for k in os.environ if k.startswith("ASSISTANT_")]:
        monkeypatch.delenv(key)  # the command's process sees env, and only env
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    rebuilt = Settings()  # what the ingest command builds from that environment
    assert rebuilt.data_dir == tmp_path / "d" / "eval-catalogue" and rebuilt.corpus_dir == FIXTURES
    assert rebuilt.chunking.max_tokens == 123 and rebuilt.chroma_url is None and rebuilt.model == "offline"


def test_a_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalCorpusError, match="does not exist"):
        prepare_corpus(Settings(data_dir=tmp_path / "data"), tmp_path / "nowhere", "catalogue")


def test_thresholds_per_set_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    sets = {
        "seed": {"min": {"overall.accuracy": 0.95}},
        "catalogue": {
            "scoped": {"min": {"overall.accuracy": 0.3}},
            "routed": {"min": {"overall.accuracy": 0.1}, "max": {"overall.ungrounded_rate": 0.5}},
        },
    }
    path.write_text(json.dumps({"sets": sets}))
    assert load_thresholds(path)["min"] == {"overall.accuracy": 0.95}
    assert load_thresholds(path, "seed", "routed")["min"] == {"overall.accuracy": 0.95}  # one pair, any mode
    assert load_thresholds(path, "catalogue", "scoped") == {"min": {"overall.accuracy": 0.3}, "max": {}}
    assert load_thresholds(path, "/elsewhere/catalogue.jsonl", "routed") == {
        "min": {"overall.accuracy": 0.1},
        "max": {"overall.ungrounded_rate": 0.5},
    }
    assert load_thresholds(path, "catalogue-holdout", "scoped")["min"] == {"overall.accuracy": 0.95}
    with pytest.raises(ThresholdsError, match="set 'catalogue' has no thresholds for mode None"):
        load_thresholds(path, "catalogue")
    sets["catalogue"]["routed"] = {"min": {"overall.accuracy": "high"}}
    path.write_text(json.dumps({"sets": sets}))
    with pytest.raises(ThresholdsError, match="set 'catalogue', mode 'routed': 'min' must map"):
        load_thresholds(path, "catalogue", "routed")
    sets["catalogue"] = {"scoped": {"min": {}}, "min": {"overall.accuracy": 0.1}}  # pairs and modes mixed
    path.write_text(json.dumps({"sets": sets}))
    with pytest.raises(ThresholdsError, match="set 'catalogue': expected 'min' and/or 'max' limits"):
        load_thresholds(path, "catalogue", "routed")


def subset(tmp_path: Path, ids: list[str]) -> Path:
    wanted = {r["id"]: r for r in map(json.loads, (SETS_DIR / "catalogue.jsonl").read_text().splitlines())}
    path = tmp_path / "mini-catalogue.jsonl"
    path.write_text("".join(json.dumps(wanted[i]) + "\n" for i in ids), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path, Path]:
    base = tmp_path_factory.mktemp("catalogue-eval")
    folder = base / "pages"
    folder.mkdir()
    for name in PAGES:
        shutil.copy(FIXTURES / name, folder / name)
    return Settings(data_dir=base / "data", corpus_dir=base / "unused"), folder, subset(base, QUESTIONS)


def test_corpus_is_ingested_into_its_own_store_and_kept_in_line(small_corpus) -> None:
    settings, folder, set_file = small_corpus
    prepared = prepare_corpus(settings, folder, set_file.stem)
    assert prepared.data_dir == settings.data_dir / "eval-mini-catalogue"
    assert sorted(Catalogue(prepared).ids()) == sorted(Path(p).stem for p in PAGES)
    assert (
        not (settings.data_dir / "chroma").exists() or not Catalogue(settings).ids()
    )  # user store untouched
    extra = folder / "extra" / "veterinary-telehealth-market.txt"
    extra.parent.mkdir()
    shutil.copy(FIXTURES / extra.name, extra)
    assert "veterinary-telehealth-market" in Catalogue(prepare_corpus(settings, folder, set_file.stem)).ids()
    shutil.rmtree(extra.parent)  # a page taken out of the folder leaves the store too
    assert sorted(Catalogue(prepare_corpus(settings, folder, set_file.stem)).ids()) == sorted(
        Path(p).stem for p in PAGES
    )


@pytest.mark.parametrize("mode", ["scoped", "routed"])
def test_real_run_over_a_small_corpus(small_corpus, mode: str) -> None:
    settings, folder, set_file = small_corpus
    run = run_eval(settings, set_name=str(set_file), corpus=folder, mode=mode)
    data = run.to_dict()
    assert data["mode"] == mode and data["corpus"] == str(folder) and data["n"] == len(QUESTIONS)
    assert run.results_stem == f"offline-mini-catalogue-{mode}"
    assert [q["report_id"] for q in data["questions"]][-1] is None  # the ambiguous question
    overall = data["metrics"]["assistant"]["overall"]
    assert overall["citation_validity"] in (None, 1.0)
    routes = [c for g in run.systems[0].graded for c in g.checks if c.name == "route"]
    if mode == "scoped":
        assert not routes and overall["routing_accuracy"] is None
        answered = [q for q in data["questions"] if q["report_id"]]
        assert all(q["assistant"]["report_id"] == q["report_id"] for q in answered)
    else:
        assert len(routes) == len(QUESTIONS) and overall["routing_accuracy"] is not None
    # The page's own stated 2024 size, asked within (or routed to) its report, is quoted.
    first = data["questions"][0]
    assert first["id"] == "cat-ihp-01" and "9.31" in first["assistant"]["answer"]


def test_command_plumbs_corpus_and_mode(
    small_corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings, folder, set_file = small_corpus
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
    lenient = tmp_path / "lenient.json"
    limits = {"min": {"overall.accuracy": 0.0}, "max": {"overall.ungrounded_rate": 1.0}}
    lenient.write_text(json.dumps({"sets": {"seed": limits}}))
    out = tmp_path / "results"
    args = ["eval", "--set", str(set_file), "--corpus", str(folder), "--mode", "scoped", "--limit", "2"]
    assert main([*args, "--out", str(out), "--thresholds", str(lenient), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "scoped" and data["n"] == 2
    assert (out / "offline-mini-catalogue-scoped.json").is_file() and (
        out / "offline-mini-catalogue-scoped.md"
    ).is_file()
    assert main(["eval", "--set", str(set_file), "--corpus", str(tmp_path / "none"), "--out", str(out)]) == 1
    assert "corpus folder" in capsys.readouterr().err
