"""The same ingest against a Chroma server (`chroma run`), named by SIGNALSCAN_TEST_CHROMA_URL."""

from __future__ import annotations

import os
import uuid

import pytest
from ingest_support import workspace_settings, write_program

from signalscan.pipeline import ingest_paths
from signalscan.vectors import program_filter
from signalscan.workspace import Workspace


@pytest.mark.server
def test_ingest_and_supersede_against_a_chroma_server(tmp_path):
    url = os.environ.get("SIGNALSCAN_TEST_CHROMA_URL")
    assert url, "set SIGNALSCAN_TEST_CHROMA_URL, e.g. http://127.0.0.1:8001 (chroma run --port 8001)"
    files = write_program(tmp_path / "docs")
    program = f"erp-{uuid.uuid4().hex[:8]}"  # the server may be shared: one program per run
    ws = Workspace(workspace_settings(tmp_path / "home", chroma_url=url))
    summary = ingest_paths([str(files["march6"])], program=program, settings=ws.settings, workspace=ws)
    assert summary["ingested"] == [str(files["march6"])]
    old = ws.ledger.document_by_path(program, str(files["march6"]))
    assert ws.vectors.ids_for_document(old.id)
    files["march6"].write_text(files["march6"].read_text() + "\n- Sam Ortiz to book the rehearsal.\n")
    summary = ingest_paths([str(files["march6"])], program=program, settings=ws.settings, workspace=ws)
    assert summary["superseded"] == [str(files["march6"])]
    assert ws.vectors.ids_for_document(old.id) == []
    hits = ws.vectors.query(ws.embedder.embed_query("book the rehearsal"), k=2, where=program_filter(program))
    assert hits and all(h.metadata["program"] == program for h in hits)
    new = ws.ledger.document_by_path(program, str(files["march6"]))
    ws.vectors.delete_document(new.id)
    ws.close()
