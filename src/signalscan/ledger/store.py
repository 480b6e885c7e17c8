"""The Ledger: documents, chunks and extractions of every program, in SQLite (WAL) or PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from signalscan.errors import ConfigurationError
from signalscan.ledger import tables as t
from signalscan.ledger.migrations import migrate
from signalscan.models import Chunk, Extraction, ParsedDocument, StoredExtraction


class DocumentRecord(BaseModel):
    """One ingested file version in one program."""

    id: int
    program: str
    path: str  # as given to ingest
    abspath: str
    sha256: str
    size: int
    format: str
    kind: str
    title: str | None = None
    meeting_date: date | None = None
    meeting_date_source: str | None = None
    status: str  # active | superseded | pending
    superseded_by: int | None = None
    ingested_at: datetime
    engine: str | None = None
    indexed: bool = False
    claimed_by: str | None = None


class ChunkRecord(BaseModel):
    """A stored chunk with its document's path, meeting date and kind (for retrieval and citing)."""

    chunk_id: str  # the vector id in Chroma: "<document_id>:<index>"
    document_id: int
    document: str  # path as given to ingest
    meeting_date: date | None = None
    kind: str = "other"
    index: int
    text: str
    locator: str
    page: int | None = None
    slide: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    speaker: str | None = None
    section: str | None = None


def create_db_engine(url: str) -> Engine:
    """A SQLAlchemy engine for the ledger URL; SQLite gets WAL, a busy timeout and real transactions."""
    try:
        engine = sa.create_engine(url, future=True)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise ConfigurationError(f"cannot use SIGNALSCAN_DATABASE_URL={url!r}: {exc}; use sqlite:///path "
                                 "or postgresql+psycopg://user@host/db") from None
    if engine.dialect.name == "sqlite":
        if engine.url.database and engine.url.database != ":memory:":
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's implicit transactions skip DDL and cannot BEGIN IMMEDIATE; take over (SQLAlchemy recipe).
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


class Ledger:
    """Reads and writes the SQL ledger; `extractions()` is what tracking, signals and briefings read."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        try:
            migrate(self.engine)
        except OperationalError as exc:
            raise ConfigurationError(f"cannot open the ledger at {self.engine.url!r}: {exc.orig}; check "
                                     "SIGNALSCAN_DATABASE_URL or SIGNALSCAN_HOME") from None

    @classmethod
    def from_settings(cls, settings: Any) -> Ledger:
        """The ledger named by `settings.resolved_database_url`."""
        return cls(settings.resolved_database_url)

    def close(self) -> None:
        """Release pooled connections."""
        self.engine.dispose()

    # --- reads -------------------------------------------------------------------------------

    def programs(self) -> list[str]:
        """Names of the programs that have at least one active document, sorted."""
        query = sa.select(t.documents.c.program).where(t.documents.c.status == "active").distinct()
        with self.engine.connect() as conn:
            return sorted(conn.execute(query).scalars())

    def documents(self, program: str, include_superseded: bool = False) -> list[DocumentRecord]:
        """The program's active documents (and superseded ones if asked), by meeting date then path."""
        statuses = ("active", "superseded") if include_superseded else ("active",)
        query = sa.select(t.documents).where(t.documents.c.program == program,
                                             t.documents.c.status.in_(statuses))
        with self.engine.connect() as conn:
            rows = [DocumentRecord.model_validate(r._mapping) for r in conn.execute(query)]
        return sorted(rows, key=_by_date_then_path)

    def document(self, document_id: int) -> DocumentRecord | None:
        """One document by ledger id, whatever its status."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).first()
        return DocumentRecord.model_validate(row._mapping) if row else None

    def document_by_path(self, program: str, path: str) -> DocumentRecord | None:
        """The active document of a program at `path` (as given to ingest, or absolute)."""
        c = t.documents.c
        same = sa.or_(c.path == path, c.abspath == path, c.abspath == os.path.abspath(path))
        query = sa.select(t.documents).where(c.program == program, c.status == "active", same
                                             ).order_by(c.id.desc())
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return DocumentRecord.model_validate(row._mapping) if row else None

    def active_by_sha256(self, program: str, sha256: str) -> DocumentRecord | None:
        """The active document of a program with this content hash, if any."""
        c = t.documents.c
        query = sa.select(t.documents).where(c.program == program, c.status == "active", c.sha256 == sha256)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return DocumentRecord.model_validate(row._mapping) if row else None

    def chunks(self, program: str, document_path: str | None = None) -> list[ChunkRecord]:
        """Chunks of the program's active documents (or of one document), in document then chunk order."""
        d, c = t.documents.c, t.chunks.c
        query = (
            sa.select(t.chunks, d.path.label("document"), d.meeting_date, d.kind)
            .join(t.documents, d.id == c.document_id)
            .where(d.program == program, d.status == "active")
            .order_by(d.id, c.idx)
        )
        if document_path is not None:
            query = query.where(sa.or_(d.path == document_path, d.abspath == document_path))
        with self.engine.connect() as conn:
            return [_chunk_record(r._mapping) for r in conn.execute(query)]

    def extractions(self, program: str, as_of: date | None = None) -> list[StoredExtraction]:
        """Extractions of the program's active documents, by meeting date then path.

        With `as_of`, only documents whose meeting date is on or before it (undated ones are left out).
        """
        d = t.documents.c
        query = (
            sa.select(d.id, d.program, d.path, d.meeting_date, t.extractions.c.payload)
            .join(t.extractions, t.extractions.c.document_id == d.id)
            .where(d.program == program, d.status == "active")
        )
        if as_of is not None:
            query = query.where(d.meeting_date <= as_of)
        with self.engine.connect() as conn:
            rows = sorted(conn.execute(query), key=_by_date_then_path)
        return [
            StoredExtraction(document_id=r.id, program=r.program, path=r.path,
                             extraction=Extraction.model_validate_json(r.payload))
            for r in rows
        ]

    def replaced_by_another_file(self, program: str, sha256: str, abspath: str) -> DocumentRecord | None:
        """This file's content, superseded by a different file (a re-issue), with nothing active here now."""
        c = t.documents.c
        old = sa.select(t.documents).where(c.program == program, c.sha256 == sha256, c.abspath == abspath,
                                           c.status == "superseded")
        active_here = sa.select(c.id).where(c.program == program, c.abspath == abspath, c.status == "active")
        with self.engine.connect() as conn:
            row = conn.execute(old).first()
            if row is None or conn.execute(active_here).first() is not None:
                return None  # never seen, or the file changed back after an edit: ingest it again
        return DocumentRecord.model_validate(row._mapping)

    def supersede_candidates(self, program: str, *, path: str, abspath: str, kind: str,
                             meeting_date: date | None) -> list[DocumentRecord]:
        """Active documents a new file may replace: same path, or same kind and meeting date."""
        c = t.documents.c
        same_file = sa.or_(c.path == path, c.abspath == abspath)
        condition = same_file
        if meeting_date is not None:
            condition = sa.or_(same_file, sa.and_(c.kind == kind, c.meeting_date == meeting_date))
        query = sa.select(t.documents).where(c.program == program, c.status == "active", condition)
        with self.engine.connect() as conn:
            return [DocumentRecord.model_validate(r._mapping) for r in conn.execute(query)]

    def dirty_documents(self) -> tuple[list[DocumentRecord], list[DocumentRecord]]:
        """(pending documents, non-active documents that still have vectors): what repair looks at."""
        c = t.documents.c
        with self.engine.connect() as conn:
            pending = conn.execute(sa.select(t.documents).where(c.status == "pending")).all()
            stale = conn.execute(sa.select(t.documents).where(c.status != "pending", c.status != "active",
                                                              c.indexed.is_(True))).all()
        return ([DocumentRecord.model_validate(r._mapping) for r in pending],
                [DocumentRecord.model_validate(r._mapping) for r in stale])

    def active_document_ids(self) -> set[int]:
        """Ids of every active document (every program)."""
        with self.engine.connect() as conn:
            query = sa.select(t.documents.c.id).where(t.documents.c.status == "active")
            return set(conn.execute(query).scalars())

    # --- writes (the ingest pipeline) -----------------------------------------------------------

    def add_pending(self, *, program: str, parsed: ParsedDocument, abspath: str, chunks: Sequence[Chunk],
                    extraction: Extraction, claimed_by: str) -> int:
        """Write a pending document with its chunks and extraction in one transaction; returns its id."""
        now = _utcnow()
        with self.engine.begin() as conn:
            self._ensure_program(conn, program, now)
            inserted = conn.execute(t.documents.insert().values(
                program=program, path=parsed.path, abspath=abspath, sha256=parsed.sha256,
                size=parsed.size_bytes, format=parsed.format, kind=parsed.kind, title=parsed.title,
                meeting_date=parsed.meeting_date, meeting_date_source=parsed.meeting_date_source,
                status="pending", ingested_at=now, engine=extraction.engine, indexed=False,
                claimed_by=claimed_by,
            )).inserted_primary_key
            assert inserted is not None
            document_id = inserted[0]
            if chunks:
                conn.execute(t.chunks.insert(), [_chunk_row(document_id, ch) for ch in chunks])
            conn.execute(t.extractions.insert().values(
                document_id=document_id, engine=extraction.engine,
                payload=extraction.model_dump_json(), created_at=now,
            ))
        return int(document_id)

    def mark_indexed(self, document_ids: Iterable[int], indexed: bool = True) -> None:
        """Record that these documents' vectors are (or are no longer) in the vector store."""
        ids = list(document_ids)
        if ids:
            with self.engine.begin() as conn:
                conn.execute(t.documents.update().where(t.documents.c.id.in_(ids)).values(indexed=indexed))

    def activate(self, activations: Sequence[tuple[int, Sequence[int]]]) -> None:
        """In one transaction: each pending document becomes active and supersedes the listed ones."""
        c = t.documents.c
        with self.engine.begin() as conn:
            for document_id, superseded in activations:
                conn.execute(t.documents.update().where(c.id == document_id)
                             .values(status="active", claimed_by=None))
                if superseded:
                    conn.execute(t.documents.update().where(c.id.in_(list(superseded)))
                                 .values(status="superseded", superseded_by=document_id))

    def delete_documents(self, document_ids: Iterable[int]) -> None:
        """Delete documents with their chunks and extractions (used for abandoned pending rows)."""
        ids = list(document_ids)
        if not ids:
            return
        with self.engine.begin() as conn:
            conn.execute(t.extractions.delete().where(t.extractions.c.document_id.in_(ids)))
            conn.execute(t.chunks.delete().where(t.chunks.c.document_id.in_(ids)))
            conn.execute(t.documents.delete().where(t.documents.c.id.in_(ids)))

    def _ensure_program(self, conn: Connection, program: str, now: datetime) -> None:
        exists = conn.execute(sa.select(t.programs.c.id).where(t.programs.c.name == program)).first()
        if not exists:
            conn.execute(t.programs.insert().values(name=program, created_at=now))


def _utcnow() -> datetime:
    # Naive UTC: DateTime columns have no time zone on either database, so store one convention.
    return datetime.now(UTC).replace(tzinfo=None)


def _by_date_then_path(row: Any) -> tuple[bool, date, str]:
    # Undated documents sort last on every database (SQLite and PostgreSQL order NULLs differently).
    return (row.meeting_date is None, row.meeting_date or date.min, row.path)


def _chunk_row(document_id: int, chunk: Chunk) -> dict[str, Any]:
    return {
        "document_id": document_id, "idx": chunk.index, "text": chunk.text, "locator": chunk.locator,
        "page": chunk.page, "slide": chunk.slide, "line_start": chunk.line_start,
        "line_end": chunk.line_end, "char_start": chunk.char_start, "char_end": chunk.char_end,
        "speaker": chunk.speaker, "section": chunk.section,
    }


def _chunk_record(row: Any) -> ChunkRecord:
    return ChunkRecord(
        chunk_id=f"{row['document_id']}:{row['idx']}", document_id=row["document_id"],
        document=row["document"], meeting_date=row["meeting_date"], kind=row["kind"], index=row["idx"],
        text=row["text"], locator=row["locator"], page=row["page"], slide=row["slide"],
        line_start=row["line_start"], line_end=row["line_end"], char_start=row["char_start"],
        char_end=row["char_end"], speaker=row["speaker"], section=row["section"],
    )
