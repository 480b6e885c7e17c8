"""Threads and signals of a program, read from the ledger: what `items` and `signals` print.

The one place that builds the ledger from settings for tracking and signals; the CLI and the
web API call these functions and nothing below them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from signalscan.models import Signal, StoredExtraction, Thread
from signalscan.signals import DocumentTexts, detect_signals
from signalscan.tracking import CLOSED_STATUSES, build_threads

if TYPE_CHECKING:
    from signalscan.config import Settings

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def _ledger(settings: Settings) -> Any:
    from signalscan.ledger import Ledger

    return Ledger.from_settings(settings)


def _known(extractions: Sequence[StoredExtraction], as_of: date | None) -> list[StoredExtraction]:
    return [e for e in extractions if as_of is None or
            (e.extraction.document.meeting_date and e.extraction.document.meeting_date <= as_of)]


def load_extractions(settings: Settings, program: str, as_of: date | None = None) -> list[StoredExtraction]:
    """The program's current extractions from the ledger, as known on `as_of`."""
    return _known(_ledger(settings).extractions(program, as_of=as_of), as_of)


def load_texts(settings: Settings, program: str, extractions: Sequence[StoredExtraction]) -> DocumentTexts:
    """Each document's raw passages (locator, text) from the ledger's chunks, keyed by document path."""
    ledger = _ledger(settings)
    if not hasattr(ledger, "chunks"):
        return {}
    path_of = {e.document_id: e.path for e in extractions}
    texts: dict[str, list[tuple[str, str]]] = {}
    for chunk in ledger.chunks(program):
        path = _chunk_path(chunk, path_of)
        if path is None:
            continue
        # chunks can hold several blocks; a line is the unit problem language is judged in
        for line in chunk.text.splitlines():
            if line.strip():
                texts.setdefault(path, []).append((chunk.locator, line.strip()))
    return texts


def _chunk_path(chunk: Any, path_of: dict[int, str]) -> str | None:
    document_id = getattr(chunk, "document_id", None)
    if document_id in path_of:
        return path_of[document_id]
    return getattr(chunk, "document", None) or getattr(chunk, "path", None)


def list_threads(
    settings: Settings, program: str, kind: str | None = None, open_only: bool = False,
    as_of: date | None = None,
) -> list[Thread]:
    """The program's threads (optionally one kind, only open ones), as known on `as_of`."""
    threads = build_threads(load_extractions(settings, program, as_of), settings, as_of=as_of)
    if kind:
        threads = [t for t in threads if t.kind == kind]
    if open_only:
        threads = [t for t in threads if t.status not in CLOSED_STATUSES[t.kind]]
    return threads


def list_signals(settings: Settings, program: str, as_of: date | None = None) -> list[Signal]:
    """The program's execution-gap signals as known on `as_of` (default: its latest meeting)."""
    extractions = load_extractions(settings, program, as_of)
    threads = build_threads(extractions, settings, as_of=as_of)
    texts = load_texts(settings, program, extractions)
    return detect_signals(extractions, threads, settings, as_of=as_of, texts=texts)


def list_documents(settings: Settings, program: str) -> list[dict[str, Any]]:
    """The program's documents, newest meeting first: path, kind, title and meeting date."""
    rows = [
        {"document_id": e.document_id, "path": e.path, "kind": e.extraction.document.kind,
         "title": e.extraction.document.title,
         "meeting_date": e.extraction.document.meeting_date.isoformat()
         if e.extraction.document.meeting_date else None}
        for e in _ledger(settings).extractions(program)
    ]
    return sorted(rows, key=lambda r: (r["meeting_date"] or "", r["path"]), reverse=True)


def print_threads(threads: Sequence[Thread]) -> None:
    """Threads as a table on the terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not threads:
        console.print("No threads. Ingest minutes or decks first: signalscan ingest PATH --program NAME")
        return
    table = Table(title=f"{len(threads)} threads", show_lines=False)
    for column in ("id", "item", "owner", "status", "due", "first seen", "last seen", "weeks", "mentions"):
        table.add_column(column, overflow="fold")
    for t in threads:
        table.add_row(t.thread_id, t.text, t.owner or "-", t.status or "-", str(t.due or "-"),
                      str(t.first_seen or "-"), str(t.last_seen or "-"), str(t.weeks_open),
                      str(len(t.mentions)))
    console.print(table)


def print_signals(signals: Sequence[Signal]) -> None:
    """Signals as a table on the terminal, most severe first."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not signals:
        console.print("No execution-gap signals.")
        return
    table = Table(title=f"{len(signals)} execution-gap signals", show_lines=True)
    for column in ("severity", "type", "subject", "owner", "weeks", "explanation", "evidence"):
        table.add_column(column, overflow="fold")
    for s in signals:
        first = s.evidence[0] if s.evidence else None
        cite = f"{first.document} ({first.locator}): \"{first.quote[:120]}\"" if first else "-"
        table.add_row(f"[{SEVERITY_STYLE[s.severity]}]{s.severity}[/]", s.type, s.subject, s.owner or "-",
                      f"{s.first_seen} – {s.last_seen}", s.explanation, cite)
    console.print(table)
