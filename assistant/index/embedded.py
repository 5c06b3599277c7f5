"""The embedded Chroma store on disk: opening it for reading or writing, a read-only data directory,
and seeing another process's writes.

Chroma keeps one in-memory "system" per store folder per process, and its vector index does not see
what another process (an ``assistant ingest`` in another shell) adds later; only a new system reads
the folder afresh. ``renew`` makes the next client of a folder start a new system. Collections opened
on the old system keep working until they are opened again, so a question being answered meanwhile
is not cut off.

Chroma's embedded store writes to its folder even to read (it opens SQLite for writing), so a
read-only folder cannot be opened in place. Readers then work on a private copy in the temporary
folder, made once per process and made again when the original changes; writers are refused.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import IndexError_

log = logging.getLogger(__name__)

DATABASE = "chroma.sqlite3"
INGEST_HINT = "run `assistant ingest` first"

_lock = threading.Lock()
_generations: dict[str, int] = {}  # store folder -> times its system was renewed in this process


@dataclass(frozen=True)
class _Snapshot:
    copy: Path
    signature: tuple[int, int, int]


_snapshots: dict[str, _Snapshot] = {}


def signature(folder: Path) -> tuple[int, int, int]:
    """(inode, mtime in ns, size) of the store's database file; (0, 0, 0) when it is missing."""
    try:
        info = (folder / DATABASE).stat()
    except FileNotFoundError:
        return (0, 0, 0)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def is_read_only(folder: Path) -> bool:
    """Whether this process cannot write the store folder (read-only mount or permissions)."""
    database = folder / DATABASE
    return not os.access(folder, os.W_OK) or (database.exists() and not os.access(database, os.W_OK))


def generation(folder: str) -> int:
    """How many times the folder's in-process system was renewed (clients compare it to reopen)."""
    return _generations.get(folder, 0)


def reopen(location: str) -> None:
    """Make every store object of this process open ``location`` (a folder or a server URL) again on
    its next use: its collections may have been dropped and made anew by another process."""
    with _lock:
        _generations[location] = _generations.get(location, 0) + 1


def renew(folder: str) -> None:
    """Make the next client of ``folder`` read it afresh (see the module docstring), and every store
    object of this process open it again."""
    from chromadb.api.shared_system_client import SharedSystemClient

    with _lock:
        target = str(_snapshots[folder].copy) if folder in _snapshots else folder
        # Chroma has no public call to forget one folder's system (clear_system_cache forgets every
        # store of the process); dropping its entry leaves the old system to those still holding it.
        SharedSystemClient._identifier_to_system.pop(target, None)
        SharedSystemClient._identifier_to_refcount.pop(target, None)
    reopen(folder)


def writable_folder(folder: Path) -> Path:
    """``folder``, created if needed; IndexError_ saying so plainly if it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(f"cannot create the store folder {folder}: {exc.strerror or exc}") from exc
    if is_read_only(folder):
        raise IndexError_(
            f"the store at {folder} is read-only: ingest cannot write there (reading commands still "
            "work); make it writable or set ASSISTANT_DATA_DIR to a writable folder"
        )
    return folder


def path_to_open(folder: Path, create: bool) -> Path:
    """The folder a Chroma client should open for the store at ``folder``.

    Writers get the folder itself (created if needed); IndexError_ if it is read-only. Readers get it
    too, or, when it is read-only, a private copy (see the module docstring); IndexError_ if there is
    no store.
    """
    if create:
        return writable_folder(folder)
    if not (folder / DATABASE).exists():
        raise IndexError_(f"no index at {folder}; {INGEST_HINT}")
    if not is_read_only(folder):
        return folder
    return _snapshot(folder)


def _snapshot(folder: Path) -> Path:
    key = str(folder)
    current = signature(folder)
    with _lock:
        known = _snapshots.get(key)
        if known is not None and known.signature == current:
            return known.copy
        base = Path(tempfile.mkdtemp(prefix="assistant-store-"))
        atexit.register(shutil.rmtree, base, True)
        copy = base / "chroma"
        try:
            shutil.copytree(folder, copy)
        except OSError as exc:
            raise IndexError_(
                f"the store at {folder} is read-only and cannot be copied to {base} to read it: "
                f"{exc.strerror or exc}"
            ) from exc
        if known is None:
            log.warning("the store at %s is read-only; reading a private copy in %s", folder, copy)
        else:  # the old copy stays until exit: a question in flight may still be reading it
            log.info("the read-only store at %s changed; reading a new copy in %s", folder, copy)
        _snapshots[key] = _Snapshot(copy, current)
        return copy


def snapshot_outdated(folder: Path) -> bool:
    """Whether this process reads a copy of ``folder`` that the original has since moved past."""
    known = _snapshots.get(str(folder))
    return known is not None and known.signature != signature(folder)
