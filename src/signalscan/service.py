"""Threads and signals of a program, read from the ledger: what `items` and `signals` print.

The one place that builds the ledger from settings for tracking and signals; the CLI and the
web API call these functions and nothing below them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from signalscan.models import Signal, StoredExtraction, Thread
from signalscan.signals import DocumentTexts, detect_signals
from signalscan.tracking import CLOSED_STATUSES, build_threads

if TYPE_CHECKING:
    from signalscan.config import Settings

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


@contextmanager
def _ledger(settings: Settings) -> Iterator[Any]:
    from signalscan.ledger import Ledger

    ledger = Ledger.from_settings(settings)
    try:
        yield ledger
    finally:
        ledger.close()


def _read_extractions(ledger: Any, program: str, as_of: date | None) -> list[StoredExtraction]:
    return [e for e in ledger.extractions(program, as_of=as_of) if e.extraction.document.meeting_date]


def document_texts(chunks: Iterable[Any]) -> DocumentTexts:
    """Each document's raw passages (locator, line) from its chunks, keyed by document path."""
    texts: dict[str, list[tuple[str, str]]] = {}
    for chunk in chunks:
        # a chunk can hold several blocks; a line is the unit problem language is judged in
        for line in chunk.text.splitlines():
            if line.strip():
                texts.setdefault(chunk.document, []).append((chunk.locator, line.strip()))
    return texts


def list_threads(
    settings: Settings, program: str, kind: str | None = None, open_only: bool = False,
    as_of: date | None = None,
) -> list[Thread]:
    """The program's threads (optionally one kind, only open ones), as known on `as_of`."""
    with _ledger(settings) as ledger:
        extractions = _read_extractions(ledger, program, as_of)
    threads = build_threads(extractions, settings, as_of=as_of)
    if kind:
        threads = [t for t in threads if t.kind == kind]
    if open_only:
        threads = [t for t in threads if t.status not in CLOSED_STATUSES[t.kind]]
    return threads


def list_signals(settings: Settings, program: str, as_of: date | None = None) -> list[Signal]:
    """The program's execution-gap signals as known on `as_of` (default: its latest meeting)."""
    with _ledger(settings) as ledger:
        extractions = _read_extractions(ledger, program, as_of)
        texts = document_texts(ledger.chunks(program)) if extractions else {}
    threads = build_threads(extractions, settings, as_of=as_of)
    return detect_signals(extractions, threads, settings, as_of=as_of, texts=texts)


def list_documents(settings: Settings, program: str) -> list[dict[str, Any]]:
    """The program's active documents, newest meeting first."""
    with _ledger(settings) as ledger:
        records = ledger.documents(program)
    rows = [r.model_dump(mode="json", include={"id", "path", "kind", "title", "meeting_date", "format"})
            for r in records]
    return sorted(rows, key=lambda r: (r["meeting_date"] or "", r["path"]), reverse=True)


def short_path(path: str) -> str:
    """A document path as a person wants to read it: relative to here, else its last two parts."""
    from pathlib import Path

    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(Path(*p.parts[-2:])) if len(p.parts) > 1 else path


def print_threads(threads: Sequence[Thread]) -> None:
    """Threads as a compact table on the terminal (long item texts are cut, JSON has them whole)."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not threads:
        console.print("No threads. Ingest minutes or decks first: signalscan ingest PATH --program NAME")
        return
    table = Table(title=f"{len(threads)} threads", title_justify="left", pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=6)
    table.add_column("item", overflow="ellipsis", no_wrap=True, max_width=46, ratio=1)
    table.add_column("owner", overflow="ellipsis", no_wrap=True, max_width=16)
    table.add_column("status", no_wrap=True, min_width=7)
    table.add_column("due", no_wrap=True, min_width=10)
    table.add_column("weeks", justify="right", no_wrap=True, min_width=5)
    for t in threads:
        table.add_row(t.thread_id, t.text, t.owner or "-", t.status or "-", str(t.due or "-"),
                      str(t.weeks_open))
    console.print(table)


def print_signals(signals: Sequence[Signal]) -> None:
    """Signals as readable paragraphs, most severe first: what, why, and the evidence behind it."""
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    if not signals:
        console.print("No execution-gap signals.")
        return
    console.print(f"[bold]{len(signals)} execution-gap signals[/bold]\n")
    for s in signals:
        owner = f" · owner {escape(s.owner)}" if s.owner else ""
        weeks = f"{s.first_seen} → {s.last_seen}" if s.first_seen != s.last_seen else f"{s.first_seen}"
        console.print(f"[{SEVERITY_STYLE[s.severity]}]{s.severity.upper():6s}[/] [bold]{s.type}[/bold] "
                      f"{escape(s.subject)}{owner} · {weeks}", highlight=False)
        console.print(f"       {escape(s.explanation)}", highlight=False, soft_wrap=False)
        for ev in s.evidence[:2]:
            quote = ev.quote if len(ev.quote) <= 160 else ev.quote[:157] + "…"
            console.print(f"       [dim]↳ {escape(short_path(ev.document))}, {escape(ev.locator)}:[/dim] "
                          f"\"{escape(quote)}\"", highlight=False)
        if len(s.evidence) > 2:
            console.print(f"       [dim]… {len(s.evidence) - 2} more quotes (--json)[/dim]")
        console.print()
