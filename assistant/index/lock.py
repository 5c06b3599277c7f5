"""One ingest at a time per store: two ingests writing one store at once leave it inconsistent.

- Embedded store: an exclusive ``flock`` on ``<data dir>/ingest.lock``, which the operating system
  releases when the process ends, however it ends. The file names the holder (pid, host, start).
- Chroma server: a lock record, the collection ``ingest-lock-<index suffix>``. Creating a collection
  that exists fails, so only one ingest can create it; it names the holder, whose ingest renews it as
  it works. A record not renewed for ``ingest.stale_lock_s`` (a crashed ingest) is taken over.

A second ingest waits up to ``ingest.lock_wait_s`` seconds, then stops with ``StoreBusyError``
naming the holder. Readers never wait.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import IndexError_, StoreBusyError
from assistant.index import embedded
from assistant.index.store import ChromaStore, VectorStore, index_suffix
from assistant.settings import Settings

log = logging.getLogger(__name__)

POLL_S = 0.2
RENEW_EVERY_S = 30.0


def _holder() -> dict[str, Any]:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
        "token": uuid.uuid4().hex,
    }


def _describe(holder: dict[str, Any]) -> str:
    if not holder:
        return "another ingest"
    return f"another ingest (pid {holder.get('pid')} on {holder.get('host')}, since {holder.get('since')})"


def _busy(where: str, holder: dict[str, Any], waited: float) -> StoreBusyError:
    return StoreBusyError(
        f"{_describe(holder)} is writing the store at {where}; waited {waited:.0f} s. Run this ingest "
        "again when it has finished (or raise ASSISTANT_INGEST__LOCK_WAIT_S)"
    )


class Lock:
    """A held lock; ``renew()`` keeps a server lock record fresh during a long ingest."""

    def __init__(self, renew: Callable[[], None] = lambda: None) -> None:
        self._renew = renew
        self._renewed = time.monotonic()

    def renew(self) -> None:
        if time.monotonic() - self._renewed >= RENEW_EVERY_S:
            self._renew()
            self._renewed = time.monotonic()


def _say_waiting(where: str, holder: dict[str, Any]) -> None:
    print(f"waiting for {_describe(holder)} to finish writing the store at {where}", file=sys.stderr)


@contextmanager
def _file_lock(settings: Settings) -> Iterator[Lock]:
    folder = embedded.writable_folder(settings.data_dir)
    try:
        handle = open(folder / "ingest.lock", "a+", encoding="utf-8")  # noqa: SIM115 - held until exit
    except OSError as exc:
        raise IndexError_(f"cannot take the ingest lock in {folder}: {exc.strerror or exc}") from exc
    started = time.monotonic()
    said = False
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_holder(folder / "ingest.lock")
                waited = time.monotonic() - started
                if waited >= settings.ingest.lock_wait_s:
                    raise _busy(str(folder), holder, waited) from None
                if not said:
                    _say_waiting(str(folder), holder)
                    said = True
                time.sleep(POLL_S)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_holder()))
        handle.flush()
        yield Lock()
    finally:
        handle.close()  # closing releases the flock


def _read_holder(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextmanager
def _server_lock(settings: Settings, store: ChromaStore) -> Iterator[Lock]:
    from chromadb.errors import ChromaError, NotFoundError

    name = f"ingest-lock-{index_suffix(settings)}"
    where = str(settings.chroma_url)
    holder = _holder()
    started = time.monotonic()
    said = False
    while True:
        try:
            store.client.create_collection(name, metadata={**holder, "renewed": time.time()})
            break
        except ChromaError as exc:
            if isinstance(exc, NotFoundError):
                raise
            other: dict[str, Any] = {}
            try:
                other = dict(store.client.get_collection(name).metadata or {})
            except NotFoundError:
                continue  # released meanwhile: try again at once
            age = time.time() - float(other.get("renewed", 0) or 0)
            if age > settings.ingest.stale_lock_s:
                log.warning(
                    "taking over a stale ingest lock (%s, not renewed for %.0f s)", _describe(other), age
                )
                _release(store, name, str(other.get("token", "")))
                continue
            waited = time.monotonic() - started
            if waited >= settings.ingest.lock_wait_s:
                raise _busy(where, other, waited) from None
            if not said:
                _say_waiting(where, other)
                said = True
            time.sleep(POLL_S)

    def renew() -> None:
        store.client.get_collection(name).modify(metadata={**holder, "renewed": time.time()})

    try:
        yield Lock(renew)
    finally:
        _release(store, name, holder["token"])


def _release(store: ChromaStore, name: str, token: str) -> None:
    """Delete the lock record if it is still ``token``'s (never another ingest's newer one)."""
    from chromadb.errors import ChromaError

    try:
        current = store.client.get_collection(name).metadata or {}
        if current.get("token") == token:
            store.client.delete_collection(name)
    except ChromaError:
        pass  # already gone


@contextmanager
def ingest_lock(
    settings: Settings, open_store: Callable[[], VectorStore]
) -> Iterator[tuple[Lock, VectorStore]]:
    """Hold the store's ingest lock for the ``with`` block (see the module docstring) and yield it
    with the store, opened by ``open_store`` inside the lock when the lock needs no store."""
    if settings.chroma_url is None:
        with _file_lock(settings) as lock:
            yield lock, open_store()
        return
    store = open_store()
    if not isinstance(store, ChromaStore):  # another store implementation brings its own locking
        yield Lock(), store
        return
    with _server_lock(settings, store) as lock:
        yield lock, store
