"""Ordered, named schema migrations, applied once each and recorded in `schema_migrations`.

Like simonw/llm's migrations.py: a migration is a function of a SQLAlchemy `Connection`, applied
in the order it appears in this file, recorded by its function name, never edited once released.

To add one (your own tables, a new column), append ONE function at the end of this file:

    @migration
    def m005_briefings(conn: Connection) -> None:
        sa.Table("briefings", sa.MetaData(),
                 sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("program", sa.String(200), nullable=False, index=True),
                 sa.Column("payload", sa.Text, nullable=False)).create(conn)

Define the tables inside the migration (a private `sa.MetaData()`), not from shared `Table`
objects, so the migration keeps creating the same thing when the current schema moves on. For
a new column use `conn.execute(sa.text("ALTER TABLE t ADD COLUMN c TEXT"))`: it works on SQLite
and PostgreSQL. Everything runs in one transaction per `migrate()` call (SQLite: BEGIN
IMMEDIATE; PostgreSQL: an advisory lock), so concurrent processes do not race.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

Migration = Callable[[Connection], None]
MIGRATIONS: list[Migration] = []
_PG_LOCK_KEY = 7_312_001  # any constant: serialises migrate() across PostgreSQL clients

_schema_migrations = sa.Table(
    "schema_migrations", sa.MetaData(),
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # naive UTC, like every ledger timestamp


def migration(fn: Migration) -> Migration:
    """Register `fn` as the next migration (its name is its identity)."""
    if any(m.__name__ == fn.__name__ for m in MIGRATIONS):
        raise ValueError(f"duplicate migration name {fn.__name__}")
    MIGRATIONS.append(fn)
    return fn


def applied_migrations(engine: Engine) -> list[str]:
    """Names of the migrations already applied to this database, in the order applied."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_migrations"):
            return []
        c = _schema_migrations.c
        return list(conn.execute(sa.select(c.name).order_by(c.applied_at, c.name)).scalars())


def migrate(engine: Engine) -> list[str]:
    """Apply every migration not yet applied; returns the names applied now."""
    if set(applied_migrations(engine)) >= {m.__name__ for m in MIGRATIONS}:
        return []  # the common case: no lock, no write
    applied_now: list[str] = []
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        _schema_migrations.create(conn, checkfirst=True)
        done = set(conn.execute(sa.select(_schema_migrations.c.name)).scalars())
        for fn in MIGRATIONS:
            if fn.__name__ in done:
                continue
            fn(conn)
            conn.execute(_schema_migrations.insert().values(name=fn.__name__, applied_at=_now()))
            applied_now.append(fn.__name__)
    return applied_now


@migration
def m001_initial(conn: Connection) -> None:
    """Programs, documents, chunks and one extraction (JSON) per document."""
    md = sa.MetaData()
    sa.Table(
        "programs", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "documents", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("program", sa.String(200), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("abspath", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("meeting_date", sa.Date),
        sa.Column("meeting_date_source", sa.String(40)),
        sa.Column("status", sa.String(12), nullable=False),  # pending | active | superseded
        sa.Column("superseded_by", sa.Integer),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("engine", sa.String(40)),
        sa.Column("indexed", sa.Boolean, nullable=False, default=False),  # has vectors in Chroma
        sa.Column("claimed_by", sa.String(200)),  # host:pid of the ingest writing a pending row
        sa.Index("ix_documents_program_status", "program", "status"),
        sa.Index("ix_documents_program_sha256", "program", "sha256"),
        sa.Index("ix_documents_program_path", "program", "path"),
    )
    sa.Table(
        "chunks", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("page", sa.Integer), sa.Column("slide", sa.Integer),
        sa.Column("line_start", sa.Integer), sa.Column("line_end", sa.Integer),
        sa.Column("char_start", sa.Integer), sa.Column("char_end", sa.Integer),
        sa.Column("speaker", sa.Text), sa.Column("section", sa.Text),
        sa.UniqueConstraint("document_id", "idx", name="uq_chunks_document_idx"),
    )
    sa.Table(
        "extractions", md,
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("engine", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),  # Extraction.model_dump_json()
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    md.create_all(conn)


@migration
def m005_briefings(conn: Connection) -> None:
    """Weekly briefing history (one per program and as-of date) and its delivery queue."""
    md = sa.MetaData()
    sa.Table(
        "briefings", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("program", sa.String(200), nullable=False, index=True),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("content_json", sa.Text, nullable=False),
        sa.Column("paths", sa.Text, nullable=False, default=""),
        sa.UniqueConstraint("program", "as_of", name="uq_briefings_program_as_of"),
    )
    sa.Table(
        "deliveries", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, default=0),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
        sa.Index("ix_deliveries_status", "status"),
    )
    md.create_all(conn, checkfirst=True)  # checkfirst: workspaces made before this migration existed


@migration
def m006_api_tokens_and_jobs(conn: Connection) -> None:
    """API tokens (hashed, one program and role each) and background job records for `signalscan serve`."""
    md = sa.MetaData()
    sa.Table(
        "api_tokens", md,
        sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the token; never the token
        sa.Column("program", sa.String(200), nullable=False, index=True),
        sa.Column("role", sa.String(16), nullable=False),  # read | write | admin
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "jobs", md,
        sa.Column("job_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("program", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),  # queued | running | done | failed
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("result", sa.Text),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Index("ix_jobs_status", "status"),
    )
    md.create_all(conn, checkfirst=True)
