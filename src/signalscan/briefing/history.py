"""Briefing history and the delivery queue, kept in the ledger (tables made by migration m005_briefings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult, Engine

from signalscan.briefing.model import Briefing

_md = sa.MetaData()
briefings = sa.Table(
    "briefings",
    _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("program", sa.String(200), nullable=False, index=True),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("content_json", sa.Text, nullable=False),  # Briefing.model_dump_json()
    sa.Column("paths", sa.Text, nullable=False, default=""),  # outbox files, one per line
    sa.UniqueConstraint("program", "as_of", name="uq_briefings_program_as_of"),
)
deliveries = sa.Table(
    "deliveries",
    _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id", ondelete="CASCADE"), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),  # email | webhook
    sa.Column("status", sa.String(12), nullable=False),  # queued | sent
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("sent_at", sa.DateTime),
    sa.Index("ix_deliveries_status", "status"),
)


@dataclass
class PendingDelivery:
    """A queued delivery: which briefing, through which channel, tried how often."""

    id: int
    briefing_id: int
    channel: str
    attempts: int
    last_error: str | None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _inserted_id(result: CursorResult[Any]) -> int:
    """The id of the row a single-row INSERT just added."""
    key = result.inserted_primary_key
    if key is None:  # SQLAlchemy types it Optional; a single-row INSERT always has one
        raise RuntimeError("the INSERT returned no primary key")
    return int(key[0])


class BriefingHistory:
    """Stored briefings (one per program and as-of date) and their deliveries."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, briefing: Briefing, paths: list[str]) -> tuple[int, bool]:
        """Store a briefing; returns its id and whether it is new (not a re-run of the same week)."""
        key = (briefings.c.program == briefing.program) & (briefings.c.as_of == briefing.as_of)
        values = {"content_json": briefing.model_dump_json(), "paths": "\n".join(paths), "created_at": _now()}
        with self.engine.begin() as conn:
            found = conn.execute(sa.select(briefings.c.id).where(key)).scalar()
            if found is not None:
                conn.execute(briefings.update().where(briefings.c.id == found).values(**values))
                return found, False
            result = conn.execute(
                briefings.insert().values(program=briefing.program, as_of=briefing.as_of, **values)
            )
            return _inserted_id(result), True

    def load(self, briefing_id: int) -> Briefing:
        """A stored briefing by id."""
        with self.engine.connect() as conn:
            text = conn.execute(
                sa.select(briefings.c.content_json).where(briefings.c.id == briefing_id)
            ).scalar_one()
        return Briefing.model_validate_json(text)

    def latest(self, program: str, as_of: date | None = None) -> Briefing | None:
        """The most recent stored briefing of a program (on or before `as_of`)."""
        query = sa.select(briefings.c.content_json).where(briefings.c.program == program)
        if as_of is not None:
            query = query.where(briefings.c.as_of <= as_of)
        with self.engine.connect() as conn:
            text = conn.execute(query.order_by(briefings.c.as_of.desc()).limit(1)).scalar()
        return Briefing.model_validate_json(text) if text else None

    def weeks(self, program: str) -> list[date]:
        """The as-of dates of a program's stored briefings, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(briefings.c.as_of).where(briefings.c.program == program).order_by(briefings.c.as_of)
            )
            return [r.as_of for r in rows]

    def queue(self, briefing_id: int, channel: str) -> int:
        """Queue one delivery of a briefing through a channel."""
        with self.engine.begin() as conn:
            result = conn.execute(
                deliveries.insert().values(
                    briefing_id=briefing_id, channel=channel, status="queued", attempts=0, created_at=_now()
                )
            )
            return _inserted_id(result)

    def pending(self, program: str | None = None) -> list[PendingDelivery]:
        """Every delivery not yet sent (of one program, when given), oldest first."""
        query = sa.select(deliveries).where(deliveries.c.status == "queued").order_by(deliveries.c.id)
        if program is not None:
            mine = sa.select(briefings.c.id).where(briefings.c.program == program)
            query = query.where(deliveries.c.briefing_id.in_(mine))
        with self.engine.connect() as conn:
            return [
                PendingDelivery(r.id, r.briefing_id, r.channel, r.attempts, r.last_error)
                for r in conn.execute(query)
            ]

    def mark(self, delivery_id: int, sent: bool, attempts: int, error: str | None) -> None:
        """Record the outcome of delivery attempts (failed ones stay queued for the next run)."""
        values: dict[str, object] = {"attempts": deliveries.c.attempts + attempts, "last_error": error}
        if sent:
            values |= {"status": "sent", "sent_at": _now()}
        with self.engine.begin() as conn:
            conn.execute(deliveries.update().where(deliveries.c.id == delivery_id).values(**values))

    def deliveries_of(self, briefing_id: int) -> list[dict]:
        """The deliveries of one briefing, as rows (for tests, the UI and logs)."""
        query = sa.select(deliveries).where(deliveries.c.briefing_id == briefing_id).order_by(deliveries.c.id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]
