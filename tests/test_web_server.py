"""Server tests: the real `signalscan serve` driven in headless Chromium, the API on PostgreSQL and a
Chroma server, and jobs shared through Redis. Run by `.ci/run` (`pytest -m server`), which sets:

- SIGNALSCAN_TEST_CHROMIUM      path of a Chromium binary (Debian: `apt-get install chromium`)
- SIGNALSCAN_TEST_DATABASE_URL  postgresql+psycopg://postgres@127.0.0.1:5432/test
- SIGNALSCAN_TEST_CHROMA_URL    http://127.0.0.1:8001 (`chroma run --path DIR --port 8001`)
- SIGNALSCAN_TEST_REDIS_URL     redis://127.0.0.1:6379/15

A missing variable fails the test: a server test that silently skips proves nothing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from fastapi.testclient import TestClient
from web_support import MINUTES_1, TWO_MEETINGS, bearer, upload

from signalscan.config import Settings, get_settings
from signalscan.jobs import JobStore, RedisQueue
from signalscan.web.app import create_app
from signalscan.web.auth import create_token
from signalscan.web.deps import ledger_engine

pytestmark = pytest.mark.server

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set; .ci/run sets it (see this module's docstring)")
    return value


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def signalscan_cli(home: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "signalscan", "--home", str(home), *args],
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


@pytest.fixture
def served(tmp_path):
    """`signalscan serve` as a real subprocess on a free port; yields (base_url, home, env)."""
    home = tmp_path / "home"
    env = {**os.environ, "SIGNALSCAN_HOME": str(home), "SIGNALSCAN_EMBEDDINGS": "hash"}
    for name in ("SIGNALSCAN_DATABASE_URL", "SIGNALSCAN_CHROMA_URL", "SIGNALSCAN_QUEUE_URL"):
        env.pop(name, None)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "signalscan", "--home", str(home), "serve",
                               "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base_url, server, tmp_path / "serve.log")
        yield base_url, home, env
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def _wait_until_healthy(base_url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"signalscan serve exited early:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail(f"signalscan serve did not answer in 60 s:\n{log.read_text()}")


def test_ui_in_headless_chromium(served, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    chromium = required_env("SIGNALSCAN_TEST_CHROMIUM")
    base_url, home, env = served
    token = signalscan_cli(home, "token", "create", "--program", "erp", "--role", "write", env=env)
    documents = []
    for name, text in TWO_MEETINGS.items():
        documents.append(tmp_path / name)
        documents[-1].write_text(text)
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        # The UI must work offline: any request leaving the server is recorded and refused.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                   else (outside.append(route.request.url), route.abort()))
        page.goto(base_url + "/")
        page.fill("#program", "erp")
        page.fill("#token", token)
        page.click("#token-save")
        expect(page.locator("#status")).to_contain_text("Program erp")

        page.click("a.tab[data-tab=upload]")
        page.set_input_files("#upload-files", [str(p) for p in documents])
        page.click("#upload-submit")
        expect(page.locator("#upload-result")).to_contain_text(": done", timeout=120_000)
        expect(page.locator("#documents tbody tr")).to_have_count(2)

        page.click("a.tab[data-tab=signals]")
        expect(page.locator("#signals-list .signal").first).to_be_visible()

        page.click("a.tab[data-tab=threads]")
        page.locator("#threads-list a").first.click()
        expect(page.locator("#thread-timeline .timeline li").first).to_be_visible()

        page.click("a.tab[data-tab=ask]")
        page.fill("#ask-question", "who owns the data migration vendor recovery plan?")
        page.click("#ask-submit")
        expect(page.locator("#citations li").first).to_be_visible(timeout=60_000)
        page.locator("#citations li a.cite").first.click()
        expect(page.locator("#citation-view")).to_be_visible()
        expect(page.locator("#citation-view blockquote")).not_to_be_empty()

        page.click("a.tab[data-tab=briefing]")
        page.click("#briefing-form button")
        expect(page.locator("#status")).to_contain_text("ready", timeout=60_000)
        expect(page.frame_locator("#briefing-frame").locator("h1")).to_contain_text("erp")

        page.reload()  # the token was kept in localStorage
        expect(page.locator("#token")).to_have_value(token)
        browser.close()
    assert outside == []


def test_api_on_postgresql_and_a_chroma_server(tmp_path):
    database_url = required_env("SIGNALSCAN_TEST_DATABASE_URL")
    chroma_url = required_env("SIGNALSCAN_TEST_CHROMA_URL")
    settings = Settings(home=tmp_path / "home", embeddings="hash", database_url=database_url,
                        chroma_url=chroma_url)
    program = f"pg-{uuid.uuid4().hex[:8]}"  # the database outlives this test: a fresh program each run
    app = create_app(settings)
    app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(app) as client:
        token = create_token(settings, program=program, role="write")
        job = upload(client, program, token, TWO_MEETINGS)
        assert job["status"] == "done", job
        documents = client.get(f"/api/programs/{program}/documents", headers=bearer(token)).json()
        assert len(documents) == 2
        assert client.get(f"/api/programs/{program}/items", headers=bearer(token)).json()
        assert client.get(f"/api/programs/{program}/signals", headers=bearer(token)).status_code == 200
        answer = client.post(f"/api/programs/{program}/ask", headers=bearer(token),
                             json={"question": "data migration vendor recovery plan", "k": 3}).json()
        assert answer["citations"]
        other = create_token(settings, program=f"{program}-other", role="admin")
        assert client.get(f"/api/programs/{program}/items", headers=bearer(other)).status_code == 404
    assert urlparse(database_url).scheme.startswith("postgresql")


def echo_job(settings, payload):
    return {"worker_home": str(settings.home), "value": payload["value"]}


def test_jobs_are_shared_between_api_workers_through_redis(tmp_path):
    redis_url = required_env("SIGNALSCAN_TEST_REDIS_URL")
    settings = Settings(home=tmp_path / "home", embeddings="hash", queue_url=redis_url)
    engine = ledger_engine(settings)
    submitter = RedisQueue(settings, JobStore(engine), redis_url, {"echo": echo_job})  # never started
    worker = RedisQueue(settings, JobStore(engine), redis_url, {"echo": echo_job})
    worker.start()
    try:
        job_ids = [submitter.submit("echo", "erp", {"value": n}).job_id for n in range(3)]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(submitter.get(j).status != "done" for j in job_ids):
            time.sleep(0.1)
    finally:
        worker.stop()
    assert [submitter.get(j).result["value"] for j in job_ids] == [0, 1, 2]


def test_upload_through_the_api_with_a_redis_queue(tmp_path):
    redis_url = required_env("SIGNALSCAN_TEST_REDIS_URL")
    settings = Settings(home=tmp_path / "home", embeddings="hash", queue_url=redis_url)
    app = create_app(settings)
    app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(app) as client:
        assert client.get("/api/health").json()["queue"] == "redis"
        token = create_token(settings, program="erp", role="write")
        job = upload(client, "erp", token, {"minutes-2026-03-06.md": MINUTES_1})
    assert job["status"] == "done", job
