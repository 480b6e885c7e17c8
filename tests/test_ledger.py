"""The ledger's read interface (extractions, documents, chunks) on SQLite, and on PostgreSQL (server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa

from signalscan.ledger import Ledger
from signalscan.models import (
    Action,
    Block,
    Chunk,
    DocumentInfo,
    Evidence,
    Extraction,
    ParsedDocument,
)


def _document(path: str, meeting: date | None, action: str) -> tuple[ParsedDocument, list[Chunk], Extraction]:
    sha = uuid.uuid4().hex * 2
    block = Block(text=action, locator="lines 3-3", line_start=3, line_end=3, char_end=len(action))
    parsed = ParsedDocument(path=path, sha256=sha, size_bytes=100, format="md", kind="minutes",
                            title="Steering Committee", meeting_date=meeting, blocks=[block])
    chunk = Chunk(chunk_id=f"{sha[:16]}:0", document_sha256=sha, index=0, text=action, locator="lines 3-3",
                  line_start=3, line_end=3, char_end=len(action))
    extraction = Extraction(
        document=DocumentInfo(path=path, kind="minutes", meeting_date=meeting),
        actions=[Action(text=action, owner="Jordan Lee",
                        evidence=Evidence(locator="lines 3-3", quote=action))],
    )
    return parsed, [chunk], extraction


def _add(ledger: Ledger, program: str, path: str, meeting: date | None, action: str,
         supersedes: list[int] | None = None) -> int:
    parsed, chunks, extraction = _document(path, meeting, action)
    document_id = ledger.add_pending(program=program, parsed=parsed, abspath=f"/abs/{path}", chunks=chunks,
                                     extraction=extraction, claimed_by="test:1")
    ledger.activate([(document_id, supersedes or [])])
    return document_id


def _check_interface(ledger: Ledger) -> None:
    _add(ledger, "erp", "b/week2.md", date(2026, 3, 13), "Send the plan")
    first = _add(ledger, "erp", "a/week1.md", date(2026, 3, 6), "Book the rehearsal")
    _add(ledger, "erp", "undated.md", None, "Undated action")
    _add(ledger, "other", "x.md", date(2026, 3, 6), "Not this program")
    replaced = _add(ledger, "erp", "a/week1.md", date(2026, 3, 6), "Book the rehearsal (v2)", [first])

    stored = ledger.extractions("erp")
    assert [s.path for s in stored] == ["a/week1.md", "b/week2.md", "undated.md"]
    assert stored[0].document_id == replaced
    assert stored[0].extraction.actions[0].text == "Book the rehearsal (v2)"
    assert [s.path for s in ledger.extractions("erp", as_of=date(2026, 3, 10))] == ["a/week1.md"]
    assert ledger.programs() == ["erp", "other"]
    assert [d.path for d in ledger.documents("erp")] == ["a/week1.md", "b/week2.md", "undated.md"]
    history = ledger.documents("erp", include_superseded=True)
    old = next(d for d in history if d.id == first)
    assert (old.status, old.superseded_by) == ("superseded", replaced)
    assert ledger.document_by_path("erp", "a/week1.md").id == replaced
    assert ledger.document_by_path("erp", "/abs/a/week1.md").id == replaced
    assert ledger.document_by_path("erp", "missing.md") is None
    chunks = ledger.chunks("erp", document_path="b/week2.md")
    assert [(c.document, c.meeting_date, c.kind, c.locator, c.line_start) for c in chunks] == [
        ("b/week2.md", date(2026, 3, 13), "minutes", "lines 3-3", 3)]
    assert chunks[0].chunk_id == f"{chunks[0].document_id}:0"
    assert len(ledger.chunks("erp")) == 3


def test_sqlite_ledger_interface(tmp_path):
    _check_interface(Ledger(f"sqlite:///{tmp_path / 'ledger.db'}"))


def test_pending_documents_are_invisible_until_activated(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    parsed, chunks, extraction = _document("p.md", date(2026, 3, 6), "Something")
    document_id = ledger.add_pending(program="erp", parsed=parsed, abspath="/abs/p.md", chunks=chunks,
                                     extraction=extraction, claimed_by="test:1")
    assert ledger.extractions("erp") == [] and ledger.chunks("erp") == []
    assert [d.id for d in ledger.dirty_documents()[0]] == [document_id]
    ledger.delete_documents([document_id])
    assert ledger.dirty_documents() == ([], [])


@pytest.fixture
def postgres_ledger() -> Iterator[Ledger]:
    url = os.environ.get("SIGNALSCAN_TEST_DATABASE_URL")
    assert url, "set SIGNALSCAN_TEST_DATABASE_URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test"
    schema = f"ledger_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    scoped = sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    ledger = Ledger(scoped.render_as_string(hide_password=False))
    try:
        yield ledger
    finally:
        ledger.close()
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.mark.server
def test_postgresql_ledger_interface(postgres_ledger):
    _check_interface(postgres_ledger)
