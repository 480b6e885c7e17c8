"""The current shape of the ledger's own tables, for queries (migrations.py creates them)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

programs = sa.Table(
    "programs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

documents = sa.Table(
    "documents", metadata,
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
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("superseded_by", sa.Integer),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.Column("engine", sa.String(40)),
    sa.Column("indexed", sa.Boolean, nullable=False, default=False),
    sa.Column("claimed_by", sa.String(200)),
)

chunks = sa.Table(
    "chunks", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("locator", sa.Text, nullable=False),
    sa.Column("page", sa.Integer), sa.Column("slide", sa.Integer),
    sa.Column("line_start", sa.Integer), sa.Column("line_end", sa.Integer),
    sa.Column("char_start", sa.Integer), sa.Column("char_end", sa.Integer),
    sa.Column("speaker", sa.Text), sa.Column("section", sa.Text),
)

extractions = sa.Table(
    "extractions", metadata,
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("engine", sa.String(40), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)
