"""Faults around an ingest, with real processes: two ingests of one store at once, a killed ingest, a
full disk, and a read-only store. Each subprocess is bounded in time and ends before the test does."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import namedtuple
from pathlib import Path

import pytest

from assistant.errors import StoreBusyError, StoreSpaceError
from assistant.index import space
from assistant.index.catalogue import Catalogue
from assistant.index.dense import Retriever
from assistant.index.embedder import Embedder
from assistant.index.ingest import ingest
from assistant.index.lock import ingest_lock
from assistant.index.store import ChromaStore, index_suffix
from assistant.settings import IngestSettings, Settings
from benchmarks.synth_catalogue import generate
from tests.processes import cli_env

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "clinical-trial-smo-market"
TIMEOUT = 600


def assistant_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]


def run(settings: Settings, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        assistant_cmd(*args),
        env=cli_env(settings, **extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def add_variants(settings: Settings, n: int) -> None:
    seed = (settings.corpus_dir / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    for i in range(n):
        (settings.corpus_dir / f"variant-{i}-market.txt").write_text(
            seed + f"\nVariant {i}.\n", encoding="utf-8"
        )


def assert_consistent(settings: Settings) -> None:
    """Every stored report has exactly its recorded chunks, and nothing else is stored."""
    store = ChromaStore(settings, create=False)
    records = store.report_records()
    assert records
    for record in records:
        assert store.count(record.id) == record.chunks, record.id
    assert store.count() == sum(r.chunks for r in records)


# --- one ingest at a time -------------------------------------------------------------------------


def test_a_second_ingest_waits_then_stops_naming_the_holder(store_settings: Settings):
    with ingest_lock(store_settings, lambda: ChromaStore(store_settings)):
        started = time.monotonic()
        other = run(store_settings, "ingest", "--no-progress", ASSISTANT_INGEST__LOCK_WAIT_S="2")
        assert time.monotonic() - started >= 2
    assert other.returncode == 1
    assert "waiting for another ingest" in other.stderr
    assert f"error: another ingest (pid {os.getpid()} on " in other.stderr and "waited 2 s" in other.stderr
    assert "ingested" not in other.stdout


def test_an_ingest_waits_for_the_lock_to_be_released(store_settings: Settings, memo_embedder: Embedder):
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with ingest_lock(store_settings, lambda: ChromaStore(store_settings)):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        threading.Timer(1.5, release.set).start()
        started = time.monotonic()
        result = ingest(store_settings, progress=False, embedder=memo_embedder)
        assert time.monotonic() - started >= 1.4
        assert result.added == [SEED_ID]
    finally:
        release.set()
        holder.join(30)
    short = store_settings.model_copy(update={"ingest": IngestSettings(lock_wait_s=0)})
    with (
        ingest_lock(short, lambda: ChromaStore(short)),
        pytest.raises(StoreBusyError, match="another ingest"),
    ):
        ingest(short, progress=False, embedder=memo_embedder)


def test_two_real_ingests_at_once_leave_one_consistent_store(settings: Settings):
    add_variants(settings, 2)
    procs = [
        subprocess.Popen(
            assistant_cmd("ingest", "--no-progress"),
            env=cli_env(settings, ASSISTANT_INGEST__LOCK_WAIT_S=str(TIMEOUT)),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        outputs = [p.communicate(timeout=TIMEOUT) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(30)
    assert [p.returncode for p in procs] == [0, 0], outputs
    summaries = [out for out, _ in outputs]
    assert sum("3 added" in out for out in summaries) == 1, summaries
    assert sum("3 unchanged" in out for out in summaries) == 1, summaries
    assert any("waiting for another ingest" in err for _, err in outputs)
    assert_consistent(settings)


def test_a_killed_ingest_leaves_the_store_answering_and_the_lock_free(
    settings: Settings, memo_embedder: Embedder
):
    first = ingest(settings, progress=False, embedder=memo_embedder)
    add_variants(settings, 4)
    lock_file = settings.data_dir / "ingest.lock"
    proc = subprocess.Popen(
        assistant_cmd("ingest", "--no-progress"),
        env={**cli_env(settings), "ASSISTANT_EMBEDDING__BATCH_SIZE": "8"},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        store = ChromaStore(settings, create=False)
        # Killed once it has written passages of the new reports but before it swapped them all in.
        while store.count() <= first.chunks[SEED_ID]:
            assert proc.poll() is None and time.monotonic() < deadline, "the ingest never wrote"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    assert f'"pid": {proc.pid}' in lock_file.read_text(encoding="utf-8")  # it held the lock
    assert Catalogue(settings).get_report(SEED_ID).id == SEED_ID
    assert Retriever(settings).search("largest region", k=1)[0].section == "Regional Insights"
    now = settings.model_copy(update={"ingest": IngestSettings(lock_wait_s=0)})
    result = ingest(now, progress=False, embedder=memo_embedder)  # no wait: the lock died with it
    assert result.ok and len(result.added) + len(result.unchanged) == 5
    assert_consistent(settings)


def test_a_stale_server_lock_is_taken_over(store_settings: Settings, memo_embedder: Embedder):
    if store_settings.chroma_url is None:
        pytest.skip("the lock record is the Chroma server's; the embedded lock dies with its process")
    store = ChromaStore(store_settings)
    name = f"ingest-lock-{index_suffix(store_settings)}"
    store.client.create_collection(
        name, metadata={"pid": 1, "host": "gone", "token": "x", "renewed": time.time() - 60}
    )
    stale = store_settings.model_copy(update={"ingest": IngestSettings(lock_wait_s=5, stale_lock_s=30)})
    result = ingest(stale, progress=False, embedder=memo_embedder)
    assert result.added == [SEED_ID]
    assert name not in {c.name for c in store.client.list_collections()}  # released after the ingest


# --- disk space -------------------------------------------------------------------------------------


Usage = namedtuple("Usage", "total used free")


def test_too_little_disk_stops_the_ingest_and_keeps_the_store(
    settings: Settings, memo_embedder, monkeypatch, capsys
):
    ingest(settings, progress=False, embedder=memo_embedder)
    old_hash = ChromaStore(settings).report_records()[0].content_hash
    seed = settings.corpus_dir / f"{SEED_ID}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("6.71", "7.10"), encoding="utf-8")
    add_variants(settings, 3)
    monkeypatch.setattr(space.shutil, "disk_usage", lambda path: Usage(10**9, 10**9 - 5 * 2**20, 5 * 2**20))
    with pytest.raises(StoreSpaceError, match=r"not enough free disk space .* 5\.0 MB are free"):
        ingest(settings, progress=False, embedder=memo_embedder)
    records = ChromaStore(settings).report_records()
    assert [(r.id, r.content_hash) for r in records] == [(SEED_ID, old_hash)]
    assert "6.71" in Catalogue(settings).get_report(SEED_ID).text
    assert Retriever(settings).search("largest region", k=1)[0].section == "Regional Insights"
    assert_consistent(settings)

    from assistant.cli.main import main

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    assert main(["ingest", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: not enough free disk space") and err.count("\n") == 1


def _private_mounts() -> bool:
    """Whether this process may mount filesystems in a private mount namespace (root with unshare)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
    return probe.returncode == 0


DRIVER = """
import json, sys
from pathlib import Path
from assistant.errors import AssistantError
from assistant.index.catalogue import Catalogue
from assistant.index.dense import Retriever
from assistant.index.ingest import ingest
from assistant.settings import Settings

data, seed_corpus, big_corpus = (Path(a) for a in sys.argv[1:4])
settings = Settings(data_dir=data, corpus_dir=seed_corpus)
out = {"first": ingest(settings, progress=False).summary()}
try:
    out["second"] = ingest(settings.model_copy(update={"corpus_dir": big_corpus}), progress=False).summary()
except AssistantError as exc:
    out["second_error"] = f"{type(exc).__name__}: {exc}"
out["reports"] = [s.id for s in Catalogue(settings).list_reports()]
out["search"] = Retriever(settings).search("largest region", k=1)[0].section
print(json.dumps(out))
"""


@pytest.mark.skipif(not _private_mounts(), reason="needs root and unshare to mount a small filesystem")
def test_a_full_disk_is_refused_before_chroma_fills_it(settings: Settings, tmp_path: Path):
    # On a 3 MB filesystem the 40 reports do not fit: written regardless, Chroma fails with "Error in
    # compaction: Failed to apply logs to the metadata segment". The check refuses them first.
    big = tmp_path / "big"
    generate(40, 5, big)
    (big / "manifest.json").unlink()
    (big / "seed.txt").write_text((settings.corpus_dir / f"{SEED_ID}.txt").read_text(encoding="utf-8"))
    data = tmp_path / "small-disk"
    data.mkdir()
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    shell = (
        f'mount -t tmpfs -o size=3m tmpfs "{data}" && '
        f'exec "{sys.executable}" "{script}" "{data}" "{settings.corpus_dir}" "{big}"'
    )
    proc = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", shell],
        env={**os.environ, "ASSISTANT_INGEST__MIN_FREE_MB": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["first"].startswith("1 report(s): 1 added"), out
    assert "second" not in out and out["second_error"].startswith(
        "StoreSpaceError: not enough free disk space"
    )
    assert out["reports"] == [SEED_ID] and out["search"] == "Regional Insights"


# --- a read-only store --------------------------------------------------------------------------------


@pytest.mark.skipif(
    not _private_mounts() and os.geteuid() == 0, reason="root ignores permissions: needs unshare"
)
def test_reading_commands_work_on_a_read_only_store(ingested_settings: Settings, tmp_path: Path):
    settings = ingested_settings
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "reports": ["reports", "--json"],
        "facts": ["facts", "--json"],
        "search": ["search", "largest region", "-k", "1", "--json"],
        "ask": ["ask", "--json", "How big will the market be in 2029?"],
        "ingest": ["ingest", "--no-progress"],
    }
    steps = [
        f'{" ".join(_quote(c) for c in assistant_cmd(*argv))} > "{out / name}.out" 2> "{out / name}.err"; '
        f'echo $? > "{out / name}.rc";'
        for name, argv in commands.items()
    ]
    data = settings.data_dir
    before = sorted(p.relative_to(data).as_posix() for p in data.rglob("*"))
    if os.geteuid() == 0:
        shell = f'mount --bind -o ro "{data}" "{data}" && ' + " ".join(steps)
        argv = ["unshare", "--mount", "--propagation", "private", "sh", "-c", shell]
    else:
        argv = ["sh", "-c", " ".join(steps)]
        for path in [data, *data.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        subprocess.run(argv, env=cli_env(settings), cwd=ROOT, timeout=TIMEOUT, check=True)
    finally:
        if os.geteuid() != 0:
            for path in [data, *data.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)

    def result(name: str) -> tuple[int, str, str]:
        return (
            int((out / f"{name}.rc").read_text()),
            (out / f"{name}.out").read_text(),
            (out / f"{name}.err").read_text(),
        )

    for name in ("reports", "facts", "search", "ask"):
        code, stdout, stderr = result(name)
        assert code == 0, (name, stderr)
        json.loads(stdout)
    assert json.loads(result("reports")[1])["reports"][0]["id"] == SEED_ID
    assert "8.36" in json.loads(result("ask")[1])["answer"]
    assert "read-only; reading a private copy" in result("reports")[2]
    code, stdout, stderr = result("ingest")
    assert code == 1 and "read-only: ingest cannot write there" in stderr
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")) == before  # nothing written


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
