"""Shared by the web tests: two weeks of steering minutes, and a client-side upload that waits for its job."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

MINUTES_1 = """# Steering Committee Minutes
Date: 2026-03-06

Attendees: Jordan Lee, Sam Ortiz, Priya Nair

## Status
- Data Migration: GREEN, 60% complete. Data migration is behind plan; the vendor has not delivered the
  extract scripts.

## Decisions
- The cutover date decision is deferred to the next meeting.

## Actions
- Jordan Lee to confirm the data migration vendor's recovery plan by 2026-03-13.
- Team to review the training materials by TBC.
"""

MINUTES_2 = """# Steering Committee Minutes
Date: 2026-03-13

Attendees: Jordan Lee, Priya Nair
Apologies: Sam Ortiz

## Status
- Data Migration: GREEN, 60% complete. Migration slipped again; still waiting on the vendor.

## Decisions
- The cutover date decision is deferred again, pending the vendor plan.

## Actions
- Jordan Lee to confirm the data migration vendor's recovery plan by 2026-03-27 (was 2026-03-13).
- Team to review the training materials by TBC.
"""


TWO_MEETINGS = {"SC minutes 2026-03-06.md": MINUTES_1, "SC minutes 2026-03-13.md": MINUTES_2}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def wait_for_job(client: TestClient, job_id: str, token: str, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}", headers=bearer(token)).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not finished after {timeout}s: {job}")


def upload(client: TestClient, program: str, token: str, files: dict[str, str]) -> dict:
    response = client.post(
        f"/api/programs/{program}/documents", headers=bearer(token),
        files=[("files", (name, text.encode(), "text/markdown")) for name, text in files.items()],
    )
    assert response.status_code == 202, response.text
    return wait_for_job(client, response.json()["job_id"], token)
