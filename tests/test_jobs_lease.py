"""The Redis job queue's lease, against a real Redis: a job whose worker died goes back to the queue and
runs elsewhere; a long job whose heartbeat keeps its lease is left alone.

Needs SIGNALSCAN_TEST_REDIS_URL (and SIGNALSCAN_TEST_DATABASE_URL for the PostgreSQL ledger case), set by
`.ci/run`. Every test has its own ledger, hence its own Redis list.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
import uuid

import pytest

from signalscan.config import Settings
from signalscan.jobs import JobStore, RedisQueue
from signalscan.web.deps import ledger_engine

pytestmark = pytest.mark.server

LEASE = 1.0  # seconds; short so that an expired lease is seen quickly

# A worker in a child process whose handler never returns: the test kills it mid-job.
STUCK_WORKER = """
import time
from signalscan.config import Settings
from signalscan.jobs import JobStore, RedisQueue
from signalscan.web.deps import ledger_engine

def stuck(settings, payload):
    time.sleep(600)
    return {}

settings = Settings()
queue = RedisQueue(settings, JobStore(ledger_engine(settings)), settings.queue_url, {"echo": stuck})
queue.start()
time.sleep(600)
"""


def required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set; .ci/run sets it (see tests/test_web_server.py)")
    return value


def echo_job(settings, payload):
    return {"value": payload["value"]}


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what}: not after {timeout}s")


@pytest.fixture
def redis_url():
    return required_env("SIGNALSCAN_TEST_REDIS_URL")


@pytest.fixture
def lease_settings(tmp_path, redis_url):
    return Settings(home=tmp_path / "home", embeddings="hash", queue_url=redis_url, job_lease_seconds=LEASE)


@pytest.fixture
def queues(lease_settings, redis_url):
    """Make RedisQueues on the test's ledger; stops them and deletes the test's Redis keys afterwards."""
    made: list[RedisQueue] = []
    engine = ledger_engine(lease_settings)

    def make(handlers=None, settings=None) -> RedisQueue:
        settings = settings or lease_settings
        queue = RedisQueue(settings, JobStore(engine if settings is lease_settings else ledger_engine(settings)),
                           redis_url, handlers or {"echo": echo_job})
        made.append(queue)
        return queue

    yield make
    for queue in made:
        queue.stop()
    for list_key in {queue.list_key for queue in made}:
        for key in made[0].redis.scan_iter(match=list_key + "*"):
            made[0].redis.delete(key)


def taken_ids(queue: RedisQueue) -> list[str]:
    return [raw.decode() for raw in queue.redis.lrange(queue.processing_key, 0, -1)]


def pending_ids(queue: RedisQueue) -> list[str]:
    return [raw.decode() for raw in queue.redis.lrange(queue.list_key, 0, -1)]


def test_a_job_whose_worker_was_killed_is_requeued_and_run_by_another_worker(
        tmp_path, lease_settings, queues, redis_url, caplog):
    caplog.set_level(logging.WARNING, logger="signalscan.jobs")
    submitter = queues()  # never started
    job_id = submitter.submit("echo", "erp", {"value": 7}).job_id

    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNALSCAN_")}
    env.update(SIGNALSCAN_HOME=str(lease_settings.home), SIGNALSCAN_EMBEDDINGS="hash",
               SIGNALSCAN_QUEUE_URL=redis_url, SIGNALSCAN_JOB_LEASE_SECONDS=str(LEASE))
    with open(tmp_path / "child.log", "w") as child_log:
        child = subprocess.Popen([sys.executable, "-c", STUCK_WORKER], env=env,
                                 stdout=subprocess.DEVNULL, stderr=child_log)
    try:
        wait_until(lambda: submitter.get(job_id).status == "running", 20,
                   f"the child worker to take the job (log: {tmp_path / 'child.log'})")
        assert taken_ids(submitter) == [job_id]
        assert submitter.redis.exists(submitter.lease_key(job_id))
        time.sleep(2 * LEASE)  # the child's heartbeat keeps its lease while it lives
        assert submitter.redis.exists(submitter.lease_key(job_id))
        assert submitter.get(job_id).status == "running"
    finally:
        child.kill()  # SIGKILL: no cleanup of any kind
        child.wait(timeout=10)

    rescuer = queues()
    rescuer.start()
    wait_until(lambda: submitter.get(job_id).status == "done", 5 * LEASE + 5, "the job requeued and run")

    record = submitter.get(job_id)
    assert record.result == {"value": 7}
    assert taken_ids(submitter) == [] and pending_ids(submitter) == []
    assert not submitter.redis.exists(submitter.lease_key(job_id))
    assert any(job_id in r.getMessage() and "requeued" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("ledger", ["sqlite", "postgresql"])
def test_a_crashed_take_is_requeued_once_after_the_lease_and_the_grace(ledger, lease_settings, queues):
    settings = lease_settings
    if ledger == "postgresql":
        # a URL of its own (application_name) gives this test a Redis list of its own
        database_url = required_env("SIGNALSCAN_TEST_DATABASE_URL")
        separator = "&" if "?" in database_url else "?"
        settings = lease_settings.model_copy(
            update={"database_url": f"{database_url}{separator}application_name=lease-{uuid.uuid4().hex[:12]}"})
    first, second = queues(settings=settings), queues(settings=settings)
    job_id = first.submit("echo", "erp", {"value": 1}).job_id

    # A worker takes the job the way _pop and run_job do, then dies before it sets a lease.
    assert first.redis.lmove(first.list_key, first.processing_key, "RIGHT", "LEFT").decode() == job_id
    first.store.mark(job_id, "running")
    assert first.reap() == [] and second.reap() == []  # within the grace: left alone
    assert taken_ids(first) == [job_id]

    time.sleep(LEASE + 0.2)
    # Two reapers at once: the LREM lets exactly one of them requeue it.
    barrier = threading.Barrier(2)
    results: list[list[str]] = []

    def reap(queue: RedisQueue) -> None:
        barrier.wait(timeout=5)
        results.append(queue.reap())

    threads = [threading.Thread(target=reap, args=(q,)) for q in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(results) == [[], [job_id]]
    assert taken_ids(first) == [] and pending_ids(first) == [job_id]
    assert first.get(job_id).status == "queued"

    second.start()
    wait_until(lambda: first.get(job_id).status == "done", 5, "the requeued job run")
    assert first.get(job_id).result == {"value": 1}
    assert taken_ids(first) == [] and pending_ids(first) == []


def test_a_long_job_keeps_its_lease_and_is_not_requeued(queues):
    ran_by: list[str] = []

    def slow_job(name: str):
        def run(settings, payload):
            ran_by.append(name)
            time.sleep(3 * LEASE)  # three leases long: only the heartbeat keeps it taken
            return {"ran_by": name}
        return run

    runner = queues({"echo": slow_job("runner")})
    watcher = queues({"echo": slow_job("watcher")})
    reaps: list[list[str]] = []
    reap = watcher.reap

    def counted_reap() -> list[str]:  # the watcher's worker loop calls this
        reaps.append(reap())
        return reaps[-1]

    watcher.reap = counted_reap  # type: ignore[method-assign]

    runner.start()
    job_id = runner.submit("echo", "erp", {"value": 3}).job_id
    wait_until(lambda: runner.get(job_id).status == "running", 5, "the runner to take the job")
    watcher.start()

    statuses = []
    deadline = time.monotonic() + 3 * LEASE + 5
    while (status := runner.get(job_id).status) == "running" and time.monotonic() < deadline:
        statuses.append(status)
        assert runner.redis.exists(runner.lease_key(job_id)), "the lease lapsed while the job ran"
        time.sleep(0.05)
    assert status == "done"
    assert set(statuses) == {"running"}
    assert len(reaps) >= 3 and all(found == [] for found in reaps)  # the watcher reaped, found nothing
    assert ran_by == ["runner"]
    assert runner.get(job_id).result == {"ran_by": "runner"}
    assert taken_ids(runner) == [] and not runner.redis.exists(runner.lease_key(job_id))
