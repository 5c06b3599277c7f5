"""Write a file atomically: a temp file in the same folder, fsync, then rename over the target.

A reader sees the old file or the new one, never half of one; on any failure the temp file is removed
and the old file stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from assistant.errors import InputError


def check_writable(path: Path) -> Path:
    """The folder ``path`` will be written in; InputError naming the path if it cannot be a file there.

    Called before long work so a bad ``--out`` fails at once rather than after generating.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder")
    return folder


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``; raise InputError naming the path if its folder is unusable."""
    folder = check_writable(path)
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets 0666 less the umask, like open() would give."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
