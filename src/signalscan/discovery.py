"""Which files an ingest reads, and which file is a later version of which.

Folders are walked recursively (hidden folders and office lock files left out) with the versions of
one name oldest first ("minutes", "minutes v2", "minutes final"); `is_reissue` says whether a new
document re-issues an older one, so the pipeline can supersede it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from signalscan.models import ParsedDocument

if TYPE_CHECKING:
    from signalscan.ledger import DocumentRecord

_VERSION_MARKERS = re.compile(
    r"\b(v|ver|version|rev|revision|r)\s*\d+\b|\b(final|draft|updated?|revised|reissued?|amended|"
    r"corrected|correction|copy|new|latest|clean)\b|\(\d+\)"
)
_VERSION_NUMBER = re.compile(r"(?<![a-z])(?:v|ver|version|rev|revision)[\s_.-]*(\d+)(?!\d)")
_VERSION_WORDS = {"draft": -1, "updated": 1, "update": 1, "revised": 1, "reissued": 1, "reissue": 1,
                  "amended": 1, "corrected": 1, "correction": 1, "latest": 1, "new": 1, "final": 2}


@dataclass
class Candidate:
    """A file to ingest: the path as given, its absolute path, and whether it was named explicitly."""

    path: str
    abspath: str
    named: bool


def expand_paths(paths: list[str]) -> tuple[list[Candidate], list[str]]:
    """Files to ingest (folders walked recursively, sorted) and the folder files of unread types."""
    from signalscan.parsing import is_supported

    candidates: list[Candidate] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if Path(raw).is_dir():
            for file in sorted(_walk(Path(raw)), key=lambda f: _walk_order(Path(raw), f)):
                if is_supported(file) and not file.name.startswith(("~$", ".")):
                    _add_candidate(candidates, seen, str(file), named=False)
                else:
                    skipped.append(str(file))
        else:
            _add_candidate(candidates, seen, raw, named=True)
    return candidates, skipped


def _add_candidate(candidates: list[Candidate], seen: set[str], path: str, named: bool) -> None:
    abspath = os.path.abspath(path)
    if abspath not in seen:  # a file named twice (or inside a named folder too) is read once
        seen.add(abspath)
        candidates.append(Candidate(path=path, abspath=abspath, named=named))


def _walk(top: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # no .git, .cache, ...
        found.extend(Path(root) / name for name in files)
    return found


def _walk_order(top: Path, file: Path) -> tuple[object, ...]:
    # Sorted by folder and name, except that versions of one name come oldest first ("minutes",
    # "minutes v2", "minutes final"), so within a run the newest version is the one that stays active.
    parts = file.relative_to(top).parts
    return ((*parts[:-1], _normalised_stem(file.name)), version_rank(file.name), file.name)


def version_rank(name: str) -> tuple[int, int]:
    """How late a version a file name says it is: (version number, draft < plain < revised < final)."""
    lowered = Path(name).stem.lower().replace("_", " ")
    number = max((int(n) for n in _VERSION_NUMBER.findall(lowered)), default=0)
    words = [_VERSION_WORDS[w] for w in re.findall(r"[a-z]+", lowered) if w in _VERSION_WORDS]
    return number, max(words, default=0)


def _normalised_stem(path: str) -> str:
    stem = Path(path).stem.lower()
    stem = _VERSION_MARKERS.sub(" ", re.sub(r"[_\-.]+", " ", stem))
    return " ".join(re.sub(r"[^\w]+", " ", stem).split())


def is_reissue(new: ParsedDocument, new_path: str, old: DocumentRecord | ParsedDocument) -> bool:
    """Whether `new` is a re-issued version of `old`: same kind and meeting, same title or file name."""
    if new.meeting_date is None or old.meeting_date != new.meeting_date or old.kind != new.kind:
        return False
    from rapidfuzz import fuzz

    a, b = _normalised_stem(new_path), _normalised_stem(old.path)
    # Digits carry identity (wave 1 vs wave 2, workstream numbers): they must agree.
    if re.findall(r"\d+", a) == re.findall(r"\d+", b) and fuzz.ratio(a, b) >= 90:
        return True
    same_title = bool(new.title) and " ".join((new.title or "").lower().split()) == " ".join(
        (old.title or "").lower().split())
    # E-mail subjects repeat across senders ("Weekly status"), so a subject alone is not enough.
    return same_title and new.kind != "email"
