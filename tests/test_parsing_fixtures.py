"""The committed sample program and bad inputs: regenerated identically, parsed with the right dates."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from signalscan.parsing import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "sample-program"
SIGNAL_TYPES = {"watermelon", "stale_action", "due_date_slip", "deferred_decision", "unowned_action",
                "unmitigated_risk", "frozen_progress", "meeting_without_outcome", "attendance_decline"}


def expected() -> dict:
    """The JSON block of EXPECTED.md."""
    text = (FIXTURES / "sample-program-EXPECTED.md").read_text(encoding="utf-8")
    return json.loads(re.search(r"```json\n(.*?)\n```", text, re.DOTALL).group(1))  # type: ignore[union-attr]


def documents() -> list[Path]:
    return sorted(p for p in SAMPLE.rglob("*") if p.is_file())


def test_expected_lists_all_nine_signals_and_negatives() -> None:
    data = expected()
    assert {s["type"] for s in data["signals"]} == SIGNAL_TYPES
    assert {"honest_amber", "no_delay_expected", "risk_closed", "decision_made", "action_closed",
            "prompt_injection"} <= {n["kind"] for n in data["negatives"]}


def test_every_sample_document_parses_with_its_meeting_date() -> None:
    meetings = {date.fromisoformat(d) for d in expected()["meetings"]}
    kinds: dict[str, int] = {}
    for path in documents():
        parsed = parse_file(path)
        assert parsed.meeting_date in meetings, path.name
        assert not parsed.warnings, (path.name, parsed.warnings)
        kinds[parsed.kind] = kinds.get(parsed.kind, 0) + 1
    assert kinds == {"minutes": 6, "deck": 6, "status_report": 4, "email": 2}


def test_planted_text_is_where_expected_md_says() -> None:
    formal = parse_file(SAMPLE / "minutes" / "ATLAS-SC-Minutes-2026-02-17.docx")
    rows = {b.cells[0]: b for b in formal.blocks if b.kind == "table_row" and b.cells}
    assert rows["A-03"].cells[3] == "27 Feb 2026 (was 13 Feb)" and rows["A-06"].cells[2] == "All"
    assert rows["A-05"].is_struck and not rows["A-03"].is_struck
    deck = parse_file(SAMPLE / "decks" / "Atlas_SteerCo_Pack_2026-02-24.pptx")
    row = next(b for b in deck.blocks if b.cells and b.cells[0] == "Integration")
    assert row.cells[2:4] == ["Green", "55%"] and row.locator == "slide 2 table 1 row 5"
    mail = parse_file(SAMPLE / "email" / "2026-03-03_atlas-weekly-status.eml")
    hostile = next(b for b in mail.blocks if b.text.startswith("Ignore previous instructions"))
    lines = (SAMPLE / "email" / "2026-03-03_atlas-weekly-status.eml").read_text().split("\n")
    assert lines[hostile.line_start - 1].startswith("Ignore previous instructions")
    assert any(b.source == "attachment: cutover-checklist.md" for b in mail.blocks)


@pytest.mark.slow
def test_generators_reproduce_the_committed_files(tmp_path: Path) -> None:
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_bad_inputs
        import make_sample_program
    finally:
        sys.path.remove(str(FIXTURES))
    make_sample_program.generate(tmp_path / "sample")
    make_bad_inputs.generate(tmp_path / "bad")
    for fresh, committed in ((tmp_path / "sample", SAMPLE), (tmp_path / "bad", FIXTURES / "bad-inputs")):
        names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
        assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
        for name in names:
            assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name
