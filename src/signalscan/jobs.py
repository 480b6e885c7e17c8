"""Background jobs for the web API: ingest uploads without holding the HTTP request open.

In-process by default (one worker thread in the server); with `queue_url=redis://...` job ids go
through a Redis list that several API workers share. Job records live in the ledger either way,
so `GET /api/jobs/{id}` answers across restarts and from any worker.

A Redis worker holds a lease on the job it runs (renewed by a heartbeat); when a worker dies, its
lease expires and another worker's reaper puts the job back in the queue (ingest is idempotent).
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
import time
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

    def requeue(self, seen: JobRecord) -> bool:
        """Mark a job queued again, unless its record changed since `seen` was read (taken meanwhile)."""
        query = jobs_table.update().where(
            jobs_table.c.job_id == seen.job_id, jobs_table.c.status == seen.status,
            jobs_table.c.updated_at == seen.updated_at,
        ).values(status="queued", updated_at=_now())
        with self.engine.begin() as conn:
            return conn.execute(query).rowcount == 1

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


# Requeue a taken job only while it has no lease; LREM answers 1 to one reaper only, so one requeues it.
_REQUEUE_IF_LEASE_GONE = """
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
if redis.call('LREM', KEYS[2], 1, ARGV[1]) == 0 then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
return 1
"""
# Drop a lease only if this worker still holds it.
_RELEASE_IF_HELD = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _age_seconds(moment: datetime) -> float:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return (_now() - (moment if moment.tzinfo else moment.replace(tzinfo=UTC))).total_seconds()


class RedisQueue(JobQueue):
    """Job ids in a Redis list shared by every API worker; whichever worker takes an id runs it.

    Reliable-queue pattern: a worker moves the id from `<list_key>` to `<list_key>:processing` and
    holds the lease `<list_key>:lease:<job_id>` (expiry `job_lease_seconds`, renewed every third of
    it while the job runs); when the job ends the id leaves the processing list. Every worker reaps
    when it starts and then every half lease: a taken job with no lease whose ledger record was last
    updated more than a lease ago belonged to a worker that died, and goes back to the queue.
    """

    name = "redis"

    def __init__(self, settings: Settings, store: JobStore, url: str,
                 handlers: Handlers = None) -> None:
        super().__init__(settings, store, handlers)
        import redis

        self.redis = redis.Redis.from_url(url, socket_timeout=30)
        # One list per ledger: workers only take jobs whose records they can read.
        ledger = hashlib.sha256(settings.resolved_database_url.encode()).hexdigest()[:16]
        self.list_key = REDIS_LIST_PREFIX + ledger
        self.processing_key = self.list_key + ":processing"
        self.lease_seconds = float(settings.job_lease_seconds)
        self._holder = uuid.uuid4().hex  # the value of this worker's leases
        self._requeue_if_lease_gone = self.redis.register_script(_REQUEUE_IF_LEASE_GONE)
        self._release_if_held = self.redis.register_script(_RELEASE_IF_HELD)
        self._next_reap = 0.0

    def lease_key(self, job_id: str) -> str:
        """The Redis key of the lease on a taken job."""
        return f"{self.list_key}:lease:{job_id}"

    def start(self) -> None:
        """Start the worker thread; it reaps first."""
        self._next_reap = 0.0
        super().start()

    def reap(self) -> list[str]:
        """Requeue the jobs whose worker died (no lease, record unchanged for a lease); returns their ids."""
        requeued: list[str] = []
        for job_id in [_text(raw) for raw in self.redis.lrange(self.processing_key, 0, -1)]:
            if self.redis.exists(self.lease_key(job_id)):
                continue
            try:
                record = self.store.get(job_id)
            except NotFoundError:
                if self.redis.lrem(self.processing_key, 1, job_id):
                    log.warning("job %s was taken by a worker but has no ledger record; dropped", job_id)
                continue
            if record.status in ("done", "failed"):  # its worker died between the ledger and the list
                self.redis.lrem(self.processing_key, 1, job_id)
                continue
            if _age_seconds(record.updated_at) <= self.lease_seconds:
                continue  # just taken: its worker may not have set the lease yet
            keys = [self.list_key, self.processing_key, self.lease_key(job_id)]
            if not self._requeue_if_lease_gone(keys=keys, args=[job_id]):
                continue  # another reaper requeued it, or its worker holds a lease now
            self.store.requeue(record)
            log.warning("job %s (%s, program %s) was %s on a worker whose lease expired; requeued",
                        job_id, record.kind, record.program, record.status)
            requeued.append(job_id)
        return requeued

    def _work(self) -> None:
        while not self._stopping.is_set():
            if time.monotonic() >= self._next_reap:
                self._next_reap = time.monotonic() + self.lease_seconds / 2
                try:
                    self.reap()
                except Exception:  # the reaper must not take the worker down; it tries again later
                    log.exception("reaping the jobs of dead workers failed")
            job_id = self._pop(timeout=min(0.5, self.lease_seconds / 2))
            if job_id is not None:
                self._run_leased(job_id)

    def _run_leased(self, job_id: str) -> None:
        stop_beating = threading.Event()
        heartbeat = threading.Thread(target=self._heartbeat, args=(job_id, stop_beating),
                                     name=f"signalscan-jobs-lease-{job_id[:8]}", daemon=True)
        heartbeat.start()
        finished = False
        try:
            self.run_job(job_id)
            finished = True
        finally:
            stop_beating.set()
            heartbeat.join()
            # Unfinished (the ledger failed under it): it stays taken, without a lease, for a reaper.
            if finished:
                self.redis.lrem(self.processing_key, 1, job_id)
            self._release_lease(job_id)

    def _heartbeat(self, job_id: str, stop: threading.Event) -> None:
        while not stop.wait(self.lease_seconds / 3):
            try:
                self._take_lease(job_id)
            except Exception:  # a missed beat is retried; the lease outlives two of them
                log.warning("could not renew the lease of job %s", job_id, exc_info=True)

    def _take_lease(self, job_id: str) -> None:
        self.redis.set(self.lease_key(job_id), self._holder, px=max(1, round(self.lease_seconds * 1000)))

    def _release_lease(self, job_id: str) -> None:
        self._release_if_held(keys=[self.lease_key(job_id)], args=[self._holder])

    def _push(self, job_id: str) -> None:
        self.redis.lpush(self.list_key, job_id)

    def _pop(self, timeout: float) -> str | None:
        # BLMOVE takes fractions of a second (0 would block forever); short waits keep stop() responsive.
        # redis-py annotates this timeout as int though Redis 6+ takes a float (cf. redis/redis-py#3379)
        moved = self.redis.blmove(
            self.list_key, self.processing_key, max(0.1, timeout), "RIGHT", "LEFT"  # type: ignore[arg-type]
        )
        if moved is None:
            return None
        job_id = _text(moved)
        self._take_lease(job_id)
        # A reaper may have requeued the id between the move and the lease: then it is no longer ours.
        if self.redis.lpos(self.processing_key, job_id) is None:
            self._release_lease(job_id)
            return None
        return job_id


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
