"""The ingest pipeline as a library: idempotence, supersession, folder walks, failures, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from ingest_support import MINUTES_MARCH_13, workspace_settings, write_program

from signalscan.ledger import Ledger
from signalscan.pipeline import extract_files, ingest_paths
from signalscan.vectors import program_filter
from signalscan.workspace import Workspace


@pytest.fixture
def program(tmp_path):
    return write_program(tmp_path / "docs")


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(workspace_settings(tmp_path / "home"))
    yield ws
    ws.close()


def _ingest(ws: Workspace, paths, **kwargs) -> dict:
    return ingest_paths([str(p) for p in paths], program="erp", settings=ws.settings, workspace=ws, **kwargs)


def test_folder_walk_ingests_supported_files_in_order_and_skips_the_rest(workspace, program, tmp_path):
    summary = _ingest(workspace, [tmp_path / "docs"])
    assert summary == {
        "ingested": [str(program["email"]), str(program["march6"]), str(program["march13"])],
        "unchanged": [], "superseded": [], "skipped": [str(program["image"])], "failed": [],
    }
    stored = workspace.ledger.extractions("erp")
    # by meeting date, then path: the e-mail of 13 March sorts before that day's minutes
    assert [s.path for s in stored] == [str(program[k]) for k in ("march6", "email", "march13")]
    assert stored[0].extraction.document.kind == "minutes"
    chunks = workspace.ledger.chunks("erp", document_path=str(program["march6"]))
    assert chunks and all(c.locator for c in chunks)
    hits = workspace.vectors.query(workspace.embedder.embed_query("vendor recovery plan"), k=3,
                                   where=program_filter("erp"))
    assert hits and {"program", "document_id", "path", "sha256", "meeting_date", "meeting_date_int",
                     "kind", "locator", "char_start", "char_end"} <= set(hits[0].metadata)
    assert hits[0].metadata["meeting_date_int"] in (20260306, 20260313)


def test_unchanged_files_cost_nothing(workspace, program):
    _ingest(workspace, [program["march6"], program["march13"]])
    embedded = workspace.embedder.texts_embedded
    timings: dict[str, float] = {}
    summary = _ingest(workspace, [program["march6"], program["march13"]], timings=timings)
    assert summary["unchanged"] == [str(program["march6"]), str(program["march13"])]
    assert summary["ingested"] == []
    assert workspace.embedder.texts_embedded == embedded
    assert "chunk" not in timings and "extract" not in timings and "embed" not in timings


def test_same_content_under_another_name_is_unchanged(workspace, program, tmp_path):
    _ingest(workspace, [program["march6"]])
    copy = tmp_path / "copy-of-minutes.md"
    copy.write_bytes(program["march6"].read_bytes())
    assert _ingest(workspace, [copy])["unchanged"] == [str(copy)]


def test_changed_file_at_the_same_path_supersedes_the_old_version(workspace, program):
    _ingest(workspace, [program["march6"]])
    old = workspace.ledger.document_by_path("erp", str(program["march6"]))
    program["march6"].write_text(program["march6"].read_text() + "\n- Sam Ortiz to book the rehearsal.\n")
    summary = _ingest(workspace, [program["march6"]])
    assert summary["ingested"] == [str(program["march6"])]
    assert summary["superseded"] == [str(program["march6"])]
    new = workspace.ledger.document_by_path("erp", str(program["march6"]))
    assert new.id != old.id
    assert workspace.vectors.ids_for_document(old.id) == []
    assert workspace.vectors.ids_for_document(new.id)
    history = {d.id: d for d in workspace.ledger.documents("erp", include_superseded=True)}
    assert (history[old.id].status, history[old.id].superseded_by) == ("superseded", new.id)
    assert [s.document_id for s in workspace.ledger.extractions("erp")] == [new.id]


def test_reissued_minutes_of_the_same_meeting_supersede(workspace, program, tmp_path):
    _ingest(workspace, [program["march13"], program["email"]])
    reissue = tmp_path / "docs" / "minutes-2026-03-13-v2 (final).md"
    reissue.write_text(MINUTES_MARCH_13.replace("2026-03-20", "2026-03-27"))
    summary = _ingest(workspace, [reissue])
    assert summary["superseded"] == [str(program["march13"])]
    # the e-mail of the same day is another document: it stays
    assert [d.path for d in workspace.ledger.documents("erp")] == [str(program["email"]), str(reissue)]


def test_different_meetings_with_similar_names_do_not_supersede(workspace, program):
    summary = _ingest(workspace, [program["march6"], program["march13"]])
    assert summary["superseded"] == []
    assert len(workspace.ledger.documents("erp")) == 2


def test_failed_files_are_reported_and_the_batch_goes_on(workspace, program, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file at all")
    unsupported = tmp_path / "notes.xyz"
    unsupported.write_text("hello")
    missing = tmp_path / "missing.md"
    summary = _ingest(workspace, [missing, broken, unsupported, program["march6"]])
    assert [f["path"] for f in summary["failed"]] == [str(missing), str(broken), str(unsupported)]
    assert all(f["error"] for f in summary["failed"])
    assert summary["ingested"] == [str(program["march6"])]


def test_extract_writes_nothing_and_reports_failures_in_line(tmp_path, program):
    settings = workspace_settings(tmp_path / "home")
    results = extract_files([str(program["march6"]), str(tmp_path / "missing.md")], settings=settings)
    assert results[0]["document"]["path"] == str(program["march6"])
    assert results[0]["document"]["meeting_date"] == "2026-03-06"
    assert "error" not in results[0]
    assert results[1]["document"] == {"path": str(tmp_path / "missing.md")}
    assert results[1]["error"] and results[1]["actions"] == []
    assert not (tmp_path / "home").exists()


class CrashingLedger(Ledger):
    """A ledger whose final step (pending -> active) fails, as if the process died right there."""

    def activate(self, activations):
        raise RuntimeError("simulated crash before activation")


def test_an_exception_between_steps_leaves_nothing_half_ingested(workspace, program):
    workspace.ledger = CrashingLedger(workspace.ledger.url)
    with pytest.raises(RuntimeError, match="simulated crash"):
        _ingest(workspace, [program["march6"]])
    assert workspace.ledger.dirty_documents() == ([], [])
    assert workspace.vectors.count() == 0
    assert workspace.ledger.extractions("erp") == []


CHILD = """
import sys, time
from pathlib import Path
from signalscan.ledger import Ledger
from signalscan.pipeline import ingest_paths
from signalscan.workspace import Workspace
from ingest_support import workspace_settings

class StallingLedger(Ledger):
    def activate(self, activations):
        Path(sys.argv[2]).write_text("vectors written, activation next")
        time.sleep(600)

ws = Workspace(workspace_settings(Path(sys.argv[1])))
ws.ledger = StallingLedger(ws.ledger.url)
ingest_paths(sys.argv[3:], program="erp", settings=ws.settings, workspace=ws)
"""


def test_a_killed_ingest_is_repaired_when_the_workspace_opens(tmp_path, program):
    home, marker = tmp_path / "home", tmp_path / "marker"
    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(home), str(marker), str(program["march6"])],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root / "tests")},
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert marker.exists(), "the child ingest never reached the activation step"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    ws = Workspace(workspace_settings(home), repair=False)
    pending, _ = ws.ledger.dirty_documents()
    assert len(pending) == 1 and ws.vectors.ids_for_document(pending[0].id)  # half-ingested on disk
    assert ws.repair() == {"pending_removed": 1, "vectors_removed": 1}
    assert ws.vectors.count() == 0 and ws.ledger.dirty_documents() == ([], [])
    assert _ingest(ws, [program["march6"]])["ingested"] == [str(program["march6"])]
    ws.close()


def test_deep_repair_drops_vectors_of_documents_the_ledger_does_not_know(workspace, program):
    _ingest(workspace, [program["march6"]])
    document = workspace.ledger.document_by_path("erp", str(program["march6"]))
    workspace.ledger.delete_documents([document.id])
    assert workspace.deep_repair() == 1
    assert workspace.vectors.count() == 0


def test_real_minilm_ingest_finds_the_passage_by_meaning(tmp_path, program):
    ws = Workspace(workspace_settings(tmp_path / "home", embeddings="minilm-onnx"))
    assert _ingest(ws, [program["march6"], program["march13"]])["failed"] == []
    hits = ws.vectors.query(ws.embedder.embed_query("Who has to confirm the supplier's recovery plan?"), k=1,
                            where=program_filter("erp"))
    assert hits[0].metadata["path"] == str(program["march6"])
    assert "recovery plan" in hits[0].text and hits[0].metadata["locator"]
    ws.close()


def test_unchanged_file_with_a_new_meeting_date_is_redated(workspace, program, tmp_path):
    undated = tmp_path / "notes.txt"
    undated.write_text("Jordan Lee to send the plan.\n")
    _ingest(workspace, [undated])
    assert _ingest(workspace, [undated])["unchanged"] == [str(undated)]
    summary = _ingest(workspace, [undated], meeting_date=date(2026, 3, 6))
    assert summary["ingested"] == [str(undated)] and summary["superseded"] == [str(undated)]
    [stored] = workspace.ledger.extractions("erp")
    assert stored.extraction.document.meeting_date == date(2026, 3, 6)
    assert _ingest(workspace, [undated], meeting_date=date(2026, 3, 6))["unchanged"] == [str(undated)]


def test_extract_loads_neither_the_embedder_nor_chroma(program):
    script = (
        "import sys\n"
        "from signalscan.pipeline import extract_files\n"
        f"assert extract_files([{str(program['march6'])!r}])[0]['actions']\n"
        "heavy = [m for m in ('chromadb', 'onnxruntime', 'tokenizers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_folder_with_both_versions_keeps_the_reissue_active_run_after_run(workspace, program, tmp_path):
    folder = tmp_path / "reissue"
    folder.mkdir()
    original = folder / "minutes-2026-03-13.md"
    reissue = folder / "minutes-2026-03-13-v2.md"  # sorts before the original by name alone
    original.write_text(MINUTES_MARCH_13)
    reissue.write_text(MINUTES_MARCH_13.replace("2026-03-20", "2026-03-27"))
    first = _ingest(workspace, [folder])
    assert first["ingested"] == [str(original), str(reissue)] and first["superseded"] == [str(original)]
    again = _ingest(workspace, [folder])
    assert again["unchanged"] == [str(original), str(reissue)] and again["ingested"] == []
    assert [d.path for d in workspace.ledger.documents("erp")] == [str(reissue)]


def test_a_file_changed_back_to_an_old_version_is_ingested_again(workspace, program):
    original = program["march6"].read_text()
    _ingest(workspace, [program["march6"]])
    program["march6"].write_text(original + "\n- Sam Ortiz to order the visitor badges.\n")
    _ingest(workspace, [program["march6"]])
    program["march6"].write_text(original)
    summary = _ingest(workspace, [program["march6"]])
    assert summary["ingested"] == [str(program["march6"])]
    [stored] = workspace.ledger.extractions("erp")
    assert "badges" not in stored.extraction.model_dump_json()


def test_initials_resolve_to_people_named_in_an_earlier_ingest(tmp_path):
    """Last week's minutes name the attendees; this week's deck, ingested on its own, says only 'JL'."""
    settings = workspace_settings(tmp_path / "home")
    first = tmp_path / "minutes-2026-03-06.md"
    first.write_text(MINUTES_MARCH_13.replace("2026-03-13", "2026-03-06"))
    later = tmp_path / "status-2026-03-13.md"
    later.write_text("# Status 2026-03-13\nDate: 2026-03-13\n\n## Actions\n"
                     "- Action (JL): send the revised cutover plan to the sponsor by 2026-03-20.\n")
    ingest_paths([str(first)], program="p", meeting_date=None, engine=None, settings=settings,
                 show_progress=False)
    ingest_paths([str(later)], program="p", meeting_date=None, engine=None, settings=settings,
                 show_progress=False)
    stored = {s.path: s.extraction for s in Ledger.from_settings(settings).extractions("p")}
    [action] = stored[str(later)].actions
    assert action.owner == "Jordan Lee"
