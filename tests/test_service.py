"""Threads and signals read from a real (SQLite) ledger, as `items` and `signals` print them."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from signalscan.config import Settings
from signalscan.ledger import Ledger
from signalscan.models import (
    Action,
    Chunk,
    DocumentInfo,
    Evidence,
    Extraction,
    ParsedDocument,
    Status,
)
from signalscan.service import list_documents, list_signals, list_threads, print_signals, print_threads

WEEK1 = date(2026, 3, 5)


def _store(ledger: Ledger, path: str, day: date, extraction: Extraction, lines: list[str]) -> None:
    sha = hashlib.sha256(path.encode()).hexdigest()
    parsed = ParsedDocument(
        path=path, sha256=sha, size_bytes=10, format="md", kind=extraction.document.kind, meeting_date=day
    )
    chunks = [
        Chunk(
            chunk_id=f"{sha[:16]}:{i}",
            document_sha256=sha,
            index=i,
            text=line,
            locator=f"lines {i + 1}-{i + 1}",
            line_start=i + 1,
            line_end=i + 1,
        )
        for i, line in enumerate(lines)
    ]
    document_id = ledger.add_pending(
        program="ehr",
        parsed=parsed,
        abspath=f"/abs/{path}",
        chunks=chunks,
        extraction=extraction,
        claimed_by="test",
    )
    ledger.activate([(document_id, [])])


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(home=tmp_path)
    ledger = Ledger.from_settings(settings)
    for n in range(3):
        day = WEEK1 + timedelta(days=7 * n)
        text = "Confirm the IG sign-off route for the archive"
        extraction = Extraction(
            document=DocumentInfo(path=f"minutes/sc-{day}.md", kind="minutes", meeting_date=day),
            actions=[
                Action(text=text, owner="James Whitford", evidence=Evidence(locator="lines 4-4", quote=text))
            ],
            statuses=[
                Status(
                    workstream="Interfaces",
                    reported="green",
                    evidence=Evidence(locator="lines 2-2", quote="Interfaces: Green"),
                )
            ],
        )
        _store(
            ledger,
            f"minutes/sc-{day}.md",
            day,
            extraction,
            ["Interfaces: Green", "Interfaces: testing is blocked, two weeks behind plan."],
        )
    ledger.close()
    return settings


def test_items_have_the_spec_shape_with_the_ingested_path(settings: Settings) -> None:
    [thread] = list_threads(settings, program="ehr")
    data = thread.model_dump(mode="json")
    assert {
        "thread_id",
        "kind",
        "text",
        "owner",
        "status",
        "due",
        "first_seen",
        "last_seen",
        "weeks_open",
        "mentions",
    } <= set(data)
    assert data["thread_id"] == "A-0001" and data["weeks_open"] == 3
    assert [m["document"] for m in data["mentions"]][0] == "minutes/sc-2026-03-05.md"
    assert {"document", "meeting_date", "text", "status", "due", "owner", "evidence"} <= set(
        data["mentions"][0]
    )
    assert list_threads(settings, program="ehr", kind="risk") == []
    assert len(list_threads(settings, program="ehr", open_only=True)) == 1


def test_signals_read_chunks_for_watermelon_and_honour_as_of(settings: Settings) -> None:
    types = sorted(s.type for s in list_signals(settings, program="ehr"))
    assert types == ["stale_action", "watermelon"]
    melon = next(s for s in list_signals(settings, program="ehr") if s.type == "watermelon")
    assert any(e.locator == "lines 2-2" and "behind plan" in e.quote for e in melon.evidence)
    early = list_signals(settings, program="ehr", as_of=WEEK1 + timedelta(days=8))
    assert [s.type for s in early] == ["watermelon"]
    assert list_signals(settings, program="other") == []


def test_documents_and_printing(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    docs = list_documents(settings, program="ehr")
    assert [d["path"] for d in docs][0] == "minutes/sc-2026-03-19.md"
    print_threads(list_threads(settings, program="ehr"))
    print_signals(list_signals(settings, program="ehr"))
    out = capsys.readouterr().out
    assert "1 threads" in out and "2 execution-gap signals" in out
