"""Uploaded files: safe names under <home>/uploads/<program>/, written atomically."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from signalscan.errors import SignalscanError

if TYPE_CHECKING:
    from signalscan.config import Settings

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
MAX_NAME_CHARS = 120


class UploadTooLargeError(SignalscanError):
    """An upload above SIGNALSCAN_MAX_UPLOAD_MB."""


class UploadedFile(Protocol):
    """What we need of an upload (FastAPI's UploadFile has it)."""

    filename: str | None
    file: BinaryIO


def safe_file_name(name: str | None) -> str:
    """A file name that cannot leave its folder or hide: no path parts, no leading dots, no odd bytes."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = _UNSAFE.sub("_", stem).strip(" ._") or "upload"
    suffix = _UNSAFE.sub("", suffix).lower()[:10]
    return (stem[:MAX_NAME_CHARS] + (f".{suffix}" if suffix else "")).strip()


def program_folder(settings: Settings, program: str) -> Path:
    """Where a program's uploads are kept; odd program names get a hash so two never share a folder."""
    slug = _UNSAFE.sub("_", program).strip(" ._")[:80] or "program"
    if slug != program:
        slug = f"{slug}-{hashlib.sha1(program.encode()).hexdigest()[:8]}"
    return settings.home / "uploads" / slug


def _stage(source: BinaryIO, folder: Path, limit: int, used: int) -> tuple[Path, int]:
    """Copy an upload to a hidden temporary file in `folder`; returns it and the bytes used so far."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    with os.fdopen(fd, "wb") as out:
        while block := source.read(1 << 20):
            used += len(block)
            if used > limit:
                break
            out.write(block)
    return Path(tmp), used


def _too_large_message(limit: int) -> str:
    return (f"upload over {limit / 1_048_576:g} MB; send fewer or smaller files, "
            "or raise SIGNALSCAN_MAX_UPLOAD_MB")


def save_uploads(settings: Settings, program: str, files: Sequence[UploadedFile]) -> list[str]:
    """Save uploads for `program` and return their paths; refuses the lot when over the size limit."""
    folder = program_folder(settings, program)
    folder.mkdir(parents=True, exist_ok=True)
    limit = int(settings.max_upload_mb * 1_048_576)
    staged: list[tuple[Path, Path]] = []
    used = 0
    try:
        for upload in files:
            tmp, used = _stage(upload.file, folder, limit, used)
            staged.append((tmp, folder / safe_file_name(upload.filename)))
            if used > limit:
                raise UploadTooLargeError(_too_large_message(limit))
        # All staged within the limit: only now replace earlier versions, so a refused batch changes nothing
        # and a job never reads half a file.
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return list(dict.fromkeys(str(target) for _, target in staged))  # a name sent twice: the last wins
