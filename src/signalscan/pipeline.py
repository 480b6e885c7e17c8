"""Ingest orchestration: the one place the stages are wired together.

files -> hash (unchanged? stop) -> parse -> chunk -> extract -> ledger (pending)
      -> embed (batched across documents) -> Chroma -> ledger (active, supersede old versions)

A document is written `pending` first and flipped to `active` only after its vectors are stored,
so an interrupted ingest leaves nothing half-done: `Workspace` removes pending rows on open.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signalscan.discovery import Candidate, expand_paths, is_reissue
from signalscan.errors import SignalscanError
from signalscan.models import Chunk, Extraction, ParsedDocument

if TYPE_CHECKING:
    from signalscan.config import Settings
    from signalscan.extraction import Extractor
    from signalscan.ledger import DocumentRecord
    from signalscan.workspace import Workspace

FLUSH_CHUNKS = 256  # embed this many chunks at once across documents (larger batches, fewer calls)
FLUSH_DOCUMENTS = 32  # ...but keep at most this many documents pending at a time


class StageTimer:
    """Seconds spent per pipeline stage (parse, chunk, extract, ledger, embed, chroma)."""

    def __init__(self, seconds: dict[str, float] | None = None) -> None:
        self.seconds: dict[str, float] = seconds if seconds is not None else defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the enclosed block under `name`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass
class _Pending:
    """A document written as pending, waiting for its vectors."""

    document_id: int
    path: str
    abspath: str
    parsed: ParsedDocument
    chunks: list[Chunk]
    supersedes: dict[int, str] = field(default_factory=dict)  # document id -> path of older versions


def empty_summary() -> dict[str, list[Any]]:
    """The `ingest --json` object with nothing in it."""
    return {"ingested": [], "unchanged": [], "superseded": [], "skipped": [], "failed": []}


def _seed_known_people(extractor: Extractor, ledger: Any, program: str) -> None:
    # minutes ingested last week name the people this week's deck calls "JO" or "K. Walsh"
    remember = getattr(extractor, "remember_people", None)
    if remember is None:
        return
    remember(name for stored in ledger.extractions(program)
             for name in (*stored.extraction.attendees, *stored.extraction.apologies))


def build_extractor(engine: str, settings: Settings) -> Extractor:
    """The extraction engine by name (rules, llm or hybrid)."""
    from signalscan.extraction import get_extractor

    return get_extractor(engine, settings)


class _Ingester:
    """Ingests candidates one by one into a workspace, embedding in batches across documents."""

    def __init__(self, workspace: Workspace, program: str, meeting_date: date | None,
                 extractor: Extractor, summary: dict[str, list[Any]], timer: StageTimer,
                 explicit_engine: str | None = None) -> None:
        from signalscan.workspace import claim_token

        self.ws, self.program, self.meeting_date = workspace, program, meeting_date
        self.extractor, self.summary, self.timer = extractor, summary, timer
        self.explicit_engine = explicit_engine
        self.max_bytes = int(workspace.settings.max_upload_mb * 1024 * 1024)
        self.claim = claim_token()
        self.batch: list[_Pending] = []
        self.seen_sha: set[str] = set()

    def add(self, candidate: Candidate) -> None:
        """Ingest one file (it may wait in the batch until the next flush)."""
        try:
            with self.timer.stage("parse"):
                sha = self._sha256(candidate)
            with self.timer.stage("ledger"):
                unchanged, same = self._known(candidate, sha)
            if unchanged:
                self.summary["unchanged"].append(candidate.path)
                return
            parsed, chunks, extraction = self._analyse(candidate)
        except SignalscanError as exc:
            self.summary["failed"].append({"path": candidate.path, "error": str(exc)})
            return
        except Exception as exc:  # a bug in one stage must not lose the rest of the batch
            self.summary["failed"].append({"path": candidate.path,
                                           "error": f"{exc.__class__.__name__}: {exc}"})
            return
        self.seen_sha.add(sha)
        with self.timer.stage("ledger"):
            supersedes = self._superseded_by(parsed, candidate)
            if same is not None:  # same content, re-dated or re-extracted on request
                supersedes[same.id] = same.path
            document_id = self.ws.ledger.add_pending(
                program=self.program, parsed=parsed, abspath=candidate.abspath, chunks=chunks,
                extraction=extraction, claimed_by=self.claim)
        self.batch.append(_Pending(document_id, candidate.path, candidate.abspath, parsed, chunks,
                                   supersedes))
        if sum(len(p.chunks) for p in self.batch) >= FLUSH_CHUNKS or len(self.batch) >= FLUSH_DOCUMENTS:
            self.flush()

    def _known(self, candidate: Candidate, sha: str) -> tuple[bool, DocumentRecord | None]:
        """(unchanged?, the active document with this content if any)."""
        if sha in self.seen_sha:
            return True, None
        same = self.ws.ledger.active_by_sha256(self.program, sha)
        if same is not None:
            return not self._asked_to_redo(same), same
        if self.meeting_date is None and self.explicit_engine is None:
            # An old version still in the folder after its re-issue was ingested: not news.
            replaced = self.ws.ledger.replaced_by_another_file(self.program, sha, candidate.abspath)
            return replaced is not None, None
        return False, None

    def _asked_to_redo(self, stored: DocumentRecord) -> bool:
        # Unchanged content is skipped, unless the user now asks for another meeting date or engine.
        redate = self.meeting_date is not None and stored.meeting_date != self.meeting_date
        return redate or (self.explicit_engine is not None and stored.engine != self.explicit_engine)

    def _sha256(self, candidate: Candidate) -> str:
        from signalscan.parsing import is_supported, parse_file

        file = Path(candidate.path)
        if not file.is_file() or not is_supported(file) or file.stat().st_size > self.max_bytes:
            parse_file(file, max_bytes=self.max_bytes)  # raises the parser's own one-line ParseError
        return hashlib.sha256(file.read_bytes()).hexdigest()

    def _analyse(self, candidate: Candidate) -> tuple[ParsedDocument, list[Chunk], Extraction]:
        from signalscan.chunking import chunk_document
        from signalscan.parsing import parse_file

        with self.timer.stage("parse"):
            parsed = parse_file(candidate.path, meeting_date=self.meeting_date, max_bytes=self.max_bytes)
        with self.timer.stage("chunk"):
            chunks = chunk_document(parsed)
        with self.timer.stage("extract"):
            extraction = self.extractor.extract(parsed)
        return parsed, chunks, extraction

    def _superseded_by(self, parsed: ParsedDocument, candidate: Candidate) -> dict[int, str]:
        found = self.ws.ledger.supersede_candidates(
            self.program, path=candidate.path, abspath=candidate.abspath, kind=parsed.kind,
            meeting_date=parsed.meeting_date)
        older = {d.id: d.path for d in found if d.abspath == candidate.abspath or d.path == candidate.path
                 or is_reissue(parsed, candidate.path, d)}
        # Versions of the same meeting in one run: the later file (in walk order) wins.
        older.update({p.document_id: p.path for p in self.batch
                      if is_reissue(parsed, candidate.path, p.parsed)})
        return older

    def flush(self) -> None:
        """Embed and index the pending batch, then make its documents active in one transaction."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        try:
            self._index(batch)
            with self.timer.stage("ledger"):  # the commit point: one transaction for the whole batch
                self.ws.ledger.activate([(p.document_id, list(p.supersedes)) for p in batch])
        except SignalscanError as exc:  # e.g. the embeddings endpoint is down: report, leave no trace
            self._abandon(batch)
            self.summary["failed"].extend({"path": p.path, "error": str(exc)} for p in batch)
            return
        except BaseException:
            self._abandon(batch)
            raise
        self._retire_superseded(batch)

    def _index(self, batch: list[_Pending]) -> None:
        from signalscan.vectors import DocumentMeta, chunk_metadata

        chunks: list[Chunk] = []
        metadata: list[dict[str, Any]] = []
        for p in batch:
            doc = DocumentMeta(program=self.program, document_id=p.document_id, path=p.path,
                               sha256=p.parsed.sha256, kind=p.parsed.kind, meeting_date=p.parsed.meeting_date)
            chunks.extend(p.chunks)
            metadata.extend(chunk_metadata(c, doc) for c in p.chunks)
        if not chunks:
            return
        with self.timer.stage("embed"):
            embeddings = self.ws.embedder.embed_array([c.text for c in chunks])
        with self.timer.stage("chroma"):
            self.ws.vectors.add(chunks, embeddings, metadata)
        with self.timer.stage("ledger"):
            self.ws.ledger.mark_indexed(p.document_id for p in batch if p.chunks)

    def _retire_superseded(self, batch: list[_Pending]) -> None:
        # If this fails the ledger still says "superseded but indexed", and the next repair finishes it.
        # Includes versions superseded inside this batch: they were indexed a moment ago.
        old = {i: path for p in batch for i, path in p.supersedes.items()}
        if old:
            with self.timer.stage("chroma"):
                self.ws.vectors.delete_documents(old)
            self.ws.ledger.mark_indexed(old, indexed=False)
        self.summary["ingested"].extend(p.path for p in batch)
        self.summary["superseded"].extend(dict.fromkeys(old.values()))

    def abort(self) -> None:
        """Drop the documents still pending in this batch (the run is being interrupted)."""
        batch, self.batch = self.batch, []
        if batch:
            self._abandon(batch)

    def _abandon(self, batch: list[_Pending]) -> None:
        ids = [p.document_id for p in batch]
        try:
            self.ws.vectors.delete_documents(ids)
        finally:
            self.ws.ledger.delete_documents(ids)


def ingest_paths(paths: list[str], *, program: str = "default", meeting_date: date | None = None,
                 engine: str | None = None, settings: Settings | None = None, show_progress: bool = False,
                 timings: dict[str, float] | None = None, workspace: Workspace | None = None,
                 ) -> dict[str, list[Any]]:
    """Ingest files and folders into a program; returns the `ingest --json` summary (SPEC.md)."""
    from signalscan.config import get_settings
    from signalscan.workspace import Workspace

    settings = settings or get_settings()
    summary = empty_summary()
    candidates, summary["skipped"] = expand_paths(paths)
    ws = workspace or Workspace(settings)
    try:
        extractor = build_extractor(engine or settings.extract_engine, settings)
        _seed_known_people(extractor, ws.ledger, program)
        ingester = _Ingester(ws, program, meeting_date, extractor, summary, StageTimer(timings), engine)
        with _progress(show_progress, len(candidates)) as advance:
            try:
                for candidate in candidates:
                    advance(candidate.path)
                    ingester.add(candidate)
                ingester.flush()
            except BaseException:  # Ctrl-C or a bug: leave no pending rows behind in this process
                ingester.abort()
                raise
    finally:
        if workspace is None:  # ours: release its database connections
            ws.close()
    return summary


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Any]:
    if not enabled or total == 0:
        yield lambda _path: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}", style="dim"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=total)
        started = [False]

        def advance(path: str) -> None:
            progress.update(task, advance=1 if started[0] else 0, description=Path(path).name)
            started[0] = True

        yield advance
        progress.update(task, completed=total)


def extract_files(paths: list[str], *, meeting_date: date | None = None, engine: str | None = None,
                  settings: Settings | None = None) -> list[dict[str, Any]]:
    """`extract --json` objects, one per file, in order; writes nothing, loads no embedder or store."""
    from signalscan.config import get_settings
    from signalscan.parsing import parse_file

    settings = settings or get_settings()
    extractor = build_extractor(engine or settings.extract_engine, settings)
    max_bytes = int(settings.max_upload_mb * 1024 * 1024)
    results: list[dict[str, Any]] = []
    for path in paths:
        try:
            parsed = parse_file(path, meeting_date=meeting_date, max_bytes=max_bytes)
            results.append(extractor.extract(parsed).to_contract())
        except SignalscanError as exc:
            results.append(_failed_extraction(path, str(exc)))
        except Exception as exc:  # one broken file must not stop the others
            results.append(_failed_extraction(path, f"{exc.__class__.__name__}: {exc}"))
    return results


def _failed_extraction(path: str, error: str) -> dict[str, Any]:
    return {"document": {"path": path}, "error": error, "attendees": [], "apologies": [], "actions": [],
            "decisions": [], "risks": [], "statuses": []}


def print_ingest_summary(summary: dict[str, list[Any]]) -> None:
    """What `ingest` did, one line per file and a count line, for people."""
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    styles = {"ingested": "green", "unchanged": "cyan", "superseded": "yellow", "skipped": "dim"}
    for key, style in styles.items():
        for path in summary[key]:
            console.print(f"[{style}]{key:<10}[/{style}] {escape(path)}", soft_wrap=True, highlight=False)
    for failure in summary["failed"]:
        console.print(f"[red]{'failed':<10}[/red] {escape(failure['path'])}: {escape(failure['error'])}",
                      soft_wrap=True, highlight=False)
    console.print(", ".join(f"{len(summary[k])} {k}" for k in (*styles, "failed")), highlight=False)


def print_extraction(result: dict[str, Any]) -> None:
    """Tables of one file's actions, decisions, risks and statuses, for people."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    doc = result.get("document", {})
    console.print(f"[bold]{doc.get('path')}[/bold]  {doc.get('kind', '')}  {doc.get('meeting_date') or ''}")
    if "error" in result:
        console.print(f"[red]error:[/red] {result['error']}", highlight=False)
        return
    sections = {
        "actions": ("text", "owner", "due", "status"),
        "decisions": ("text", "status", "owner"),
        "risks": ("text", "owner", "severity", "mitigation", "status"),
        "statuses": ("workstream", "reported", "percent_complete", "narrative"),
    }
    for name, columns in sections.items():
        rows = result.get(name) or []
        if not rows:
            continue
        table = Table(title=f"{name} ({len(rows)})", title_justify="left", show_lines=False)
        for column in (*columns, "where"):
            table.add_column(column, overflow="fold")
        for row in rows:
            cells = ["" if row.get(c) is None else str(row.get(c)) for c in columns]
            table.add_row(*cells, (row.get("evidence") or {}).get("locator", ""))
        console.print(table)
    for name in ("attendees", "apologies"):
        if result.get(name):
            console.print(f"{name}: {', '.join(result[name])}")
