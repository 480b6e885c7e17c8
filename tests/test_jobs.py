"""The job queue: jobs run in the background, their records live in the ledger and survive restarts."""

from __future__ import annotations

import time

import pytest

from signalscan.config import Settings
from signalscan.errors import NotFoundError
from signalscan.jobs import InProcessQueue, JobQueue, JobStore, build_queue
from signalscan.web.deps import ledger_engine


def echo_job(settings, payload):
    return {"echo": payload["value"], "home": str(settings.home)}


def broken_job(settings, payload):
    raise RuntimeError("the parser fell over")


def partial_ingest(settings, payload):
    return {"ingested": [], "unchanged": [], "superseded": [], "skipped": [],
            "failed": [{"path": "a.pdf", "error": "encrypted"}]}


HANDLERS = {"echo": echo_job, "broken": broken_job, "ingest": partial_ingest}


@pytest.fixture
def settings(tmp_path):
    return Settings(home=tmp_path, embeddings="hash")


def wait_for(queue: JobQueue, job_id: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        record = queue.get(job_id)
        if record.status in ("done", "failed"):
            return record
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {record.status} after {timeout}s")


def test_a_job_runs_in_the_background_and_keeps_its_result(settings):
    queue = build_queue(settings, ledger_engine(settings), HANDLERS)
    queue.start()
    try:
        queued = queue.submit("echo", "erp", {"value": 42})
        assert queued.status == "queued"
        record = wait_for(queue, queued.job_id)
    finally:
        queue.stop()
    assert record.status == "done"
    assert record.result == {"echo": 42, "home": str(settings.home)}
    assert record.program == "erp"


def test_a_failing_job_is_recorded_with_its_error_and_the_worker_goes_on(settings):
    queue = build_queue(settings, ledger_engine(settings), HANDLERS)
    queue.start()
    try:
        failed = wait_for(queue, queue.submit("broken", "erp", {}).job_id)
        after = wait_for(queue, queue.submit("echo", "erp", {"value": 1}).job_id)
    finally:
        queue.stop()
    assert failed.status == "failed"
    assert "the parser fell over" in failed.error
    assert after.status == "done"


def test_an_ingest_where_every_file_failed_is_a_failed_job(settings):
    queue = build_queue(settings, ledger_engine(settings), HANDLERS)
    queue.start()
    try:
        record = wait_for(queue, queue.submit("ingest", "erp", {"paths": ["a.pdf"], "program": "erp"}).job_id)
    finally:
        queue.stop()
    assert record.status == "failed"
    assert record.result["failed"][0]["error"] == "encrypted"


def test_jobs_left_queued_by_a_stopped_server_run_after_a_restart(settings):
    store = JobStore(ledger_engine(settings))
    left_over = store.create("echo", "erp", {"value": "from before"})  # queued, never run
    queue = InProcessQueue(settings, JobStore(ledger_engine(settings)), HANDLERS)
    queue.start()
    try:
        record = wait_for(queue, left_over.job_id)
    finally:
        queue.stop()
    assert record.result["echo"] == "from before"


def test_an_unknown_job_is_not_found(settings):
    with pytest.raises(NotFoundError):
        JobStore(ledger_engine(settings)).get("nope")
