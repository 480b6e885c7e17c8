"""Background jobs for the web API: ingest uploads without holding the HTTP request open.

In-process by default (one worker thread in the server); with `queue_url=redis://...` job ids go
through a Redis list that several API workers share. Job records live in the ledger either way,
so `GET /api/jobs/{id}` answers across restarts and from any worker.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel

from signalscan.errors import ConfigurationError, NotFoundError

if TYPE_CHECKING:
    from signalscan.config import Settings

log = logging.getLogger(__name__)

JobStatus = Literal["queued", "running", "done", "failed"]

# Created by the ledger migration "api_tokens_and_jobs"; declared here so this module owns its queries.
_metadata = sa.MetaData()
jobs_table = sa.Table(
    "jobs", _metadata,
    sa.Column("job_id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("program", sa.String(200), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("result", sa.Text),
    sa.Column("error", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

REDIS_LIST_PREFIX = "signalscan:jobs:"


class JobRecord(BaseModel):
    """One background job as the API shows it."""

    job_id: str
    kind: str
    program: str
    status: JobStatus
    payload: dict[str, Any]
    result: dict[str, Any] | None = None
    error: str | None = None
    created_at: datetime
    updated_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


class JobStore:
    """Job records in the ledger (SQLite or PostgreSQL, whichever the ledger uses)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def create(self, kind: str, program: str, payload: dict[str, Any]) -> JobRecord:
        """Record a new queued job and return it."""
        now = _now()
        record = JobRecord(job_id=uuid.uuid4().hex, kind=kind, program=program, status="queued",
                           payload=payload, created_at=now, updated_at=now)
        with self.engine.begin() as conn:
            conn.execute(jobs_table.insert().values(
                job_id=record.job_id, kind=kind, program=program, status="queued",
                payload=json.dumps(payload), created_at=now, updated_at=now,
            ))
        return record

    def get(self, job_id: str) -> JobRecord:
        """The job with this id; NotFoundError when there is none."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(jobs_table).where(jobs_table.c.job_id == job_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no job {job_id!r}; use the job_id returned by the upload")
        return JobRecord(
            job_id=row["job_id"], kind=row["kind"], program=row["program"], status=row["status"],
            payload=json.loads(row["payload"]),
            result=json.loads(row["result"]) if row["result"] else None,
            error=row["error"], created_at=row["created_at"], updated_at=row["updated_at"],
        )

    def mark(self, job_id: str, status: JobStatus, result: dict[str, Any] | None = None,
             error: str | None = None) -> None:
        """Move a job to a new status, keeping its result or error."""
        values: dict[str, Any] = {"status": status, "updated_at": _now()}
        if result is not None:
            values["result"] = json.dumps(result, default=str)
        if error is not None:
            values["error"] = error
        with self.engine.begin() as conn:
            conn.execute(jobs_table.update().where(jobs_table.c.job_id == job_id).values(**values))

    def unfinished(self) -> list[str]:
        """Ids of jobs queued or running, oldest first (to resume after a restart)."""
        query = (sa.select(jobs_table.c.job_id).where(jobs_table.c.status.in_(("queued", "running")))
                 .order_by(jobs_table.c.created_at))
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())


def run_ingest_job(settings: Settings, payload: dict[str, Any]) -> dict[str, Any]:
    """Ingest uploaded files into their program; returns the ingest summary."""
    from signalscan.pipeline import ingest_paths

    return ingest_paths(payload["paths"], program=payload["program"], meeting_date=None, engine=None,
                        settings=settings, show_progress=False)


JobHandler = Callable[["Settings", dict[str, Any]], dict[str, Any]]
JOB_HANDLERS: dict[str, JobHandler] = {"ingest": run_ingest_job}
Handlers = dict[str, JobHandler] | None  # None: JOB_HANDLERS


def _job_outcome(kind: str, result: dict[str, Any]) -> JobStatus:
    # An ingest where every file failed is a failed job; a partial one is done, the summary says which.
    if kind == "ingest" and result.get("failed"):
        succeeded = any(result.get(key) for key in ("ingested", "unchanged", "superseded"))
        return "done" if succeeded else "failed"
    return "done"


class JobQueue:
    """A queue of job ids served by one worker thread; subclasses say where the ids wait."""

    name = "base"

    def __init__(self, settings: Settings, store: JobStore, handlers: Handlers = None) -> None:
        self.settings = settings
        self.store = store
        self.handlers = JOB_HANDLERS if handlers is None else handlers
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None

    def submit(self, kind: str, program: str, payload: dict[str, Any]) -> JobRecord:
        """Record a job and queue it; returns the queued record."""
        if kind not in self.handlers:
            raise ConfigurationError(f"unknown job kind {kind!r}; use one of: {', '.join(self.handlers)}")
        record = self.store.create(kind, program, payload)
        self._push(record.job_id)
        return record

    def get(self, job_id: str) -> JobRecord:
        """The current record of a job."""
        return self.store.get(job_id)

    def start(self) -> None:
        """Start the worker thread."""
        self._stopping.clear()
        self._worker = threading.Thread(target=self._work, name=f"signalscan-jobs-{self.name}", daemon=True)
        self._worker.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the worker to stop after its current job and wait for it."""
        self._stopping.set()
        if self._worker is not None:
            self._worker.join(timeout)
            self._worker = None

    def run_job(self, job_id: str) -> None:
        """Run one job to completion, recording its result or its error."""
        try:
            record = self.store.get(job_id)
        except NotFoundError:
            log.warning("job %s vanished from the ledger; skipped", job_id)
            return
        self.store.mark(job_id, "running")
        try:
            result = self.handlers[record.kind](self.settings, record.payload)
        except Exception as exc:  # a job must never take the worker down with it
            log.exception("job %s failed", job_id)
            self.store.mark(job_id, "failed", error=f"{type(exc).__name__}: {exc}")
            return
        self.store.mark(job_id, _job_outcome(record.kind, result), result=result)

    def _work(self) -> None:
        while not self._stopping.is_set():
            job_id = self._pop(timeout=0.5)
            if job_id is not None:
                self.run_job(job_id)

    def _push(self, job_id: str) -> None:
        raise NotImplementedError

    def _pop(self, timeout: float) -> str | None:
        raise NotImplementedError


class InProcessQueue(JobQueue):
    """Jobs run by a thread of this process; unfinished jobs resume when the server restarts."""

    name = "in-process"

    def __init__(self, settings: Settings, store: JobStore, handlers: Handlers = None) -> None:
        super().__init__(settings, store, handlers)
        self._ids: queue.Queue[str] = queue.Queue()

    def start(self) -> None:
        """Re-queue jobs a previous run left unfinished (ingest is idempotent), then start."""
        for job_id in self.store.unfinished():
            self._ids.put(job_id)
        super().start()

    def _push(self, job_id: str) -> None:
        self._ids.put(job_id)

    def _pop(self, timeout: float) -> str | None:
        try:
            return self._ids.get(timeout=timeout)
        except queue.Empty:
            return None


class RedisQueue(JobQueue):
    """Job ids in a Redis list shared by every API worker; whichever worker pops an id runs it."""

    name = "redis"

    def __init__(self, settings: Settings, store: JobStore, url: str,
                 handlers: Handlers = None) -> None:
        super().__init__(settings, store, handlers)
        import redis

        self.redis = redis.Redis.from_url(url, socket_timeout=30)
        # One list per ledger: workers only take jobs whose records they can read.
        ledger = hashlib.sha256(settings.resolved_database_url.encode()).hexdigest()[:16]
        self.list_key = REDIS_LIST_PREFIX + ledger

    def _push(self, job_id: str) -> None:
        self.redis.lpush(self.list_key, job_id)

    def _pop(self, timeout: float) -> str | None:
        # BRPOP takes whole seconds (0 would block forever); short waits keep stop() responsive.
        popped = self.redis.brpop([self.list_key], timeout=max(1, round(timeout)))
        if popped is None:
            return None
        return popped[1].decode() if isinstance(popped[1], bytes) else str(popped[1])


def build_queue(settings: Settings, engine: sa.Engine, handlers: Handlers = None) -> JobQueue:
    """The job queue the settings ask for: Redis when queue_url is set, else in-process."""
    store = JobStore(engine)
    url = settings.queue_url
    if not url:
        return InProcessQueue(settings, store, handlers)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisQueue(settings, store, url, handlers)
    raise ConfigurationError(
        f"SIGNALSCAN_QUEUE_URL={url!r} is not a Redis URL; use redis://host:6379/0, "
        "or unset it to run jobs in-process"
    )
