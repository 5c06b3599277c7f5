"""Which files an ingest reads: report files under the given folders (or the corpus folder), files
named directly, and what was left out and why (hidden files, paths that do not exist)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import ReportError
from assistant.parsing.loaders import SUFFIXES
from assistant.settings import Settings


@dataclass
class FileList:
    """Files to ingest, in order; ``skipped`` and ``errors`` map a path to the reason."""

    files: list[Path] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _walk(folder: Path, found: FileList) -> None:
    """Report files under ``folder``, sorted; hidden ones (a name starting with '.', or inside a hidden
    folder) are skipped with a reason, one line per hidden file or folder."""
    hidden: dict[Path, int] = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        parts = path.relative_to(folder).parts
        first_hidden = next((i for i, part in enumerate(parts) if part.startswith(".")), None)
        if first_hidden is None:
            found.files.append(path)
        else:
            top = folder.joinpath(*parts[: first_hidden + 1])
            hidden[top] = hidden.get(top, 0) + 1
    for top, count in hidden.items():
        if top.is_dir():
            found.skipped[str(top)] = f"hidden folder: {count} report file(s) in it skipped"
        else:
            found.skipped[str(top)] = "hidden file (its name starts with '.'): skipped"


def report_files(settings: Settings, paths: list[Path] | None) -> FileList:
    """The files of ``paths`` (files or folders), or of the corpus folder if None.

    A file named directly is read even if hidden: naming it is asking for it. A missing corpus
    folder raises ReportError (nothing to do); a missing path given is recorded in ``errors``.
    """
    found = FileList()
    if paths is None:
        folder = settings.corpus_dir
        if not folder.is_dir():
            raise ReportError(folder, "the corpus folder does not exist (set ASSISTANT_CORPUS_DIR)")
        _walk(folder, found)
        return found
    for path in paths:
        if path.is_dir():
            _walk(path, found)
        elif path.is_file():
            found.files.append(path)
        else:
            found.errors[str(path)] = f"{path}: no such file or folder"
    return found
