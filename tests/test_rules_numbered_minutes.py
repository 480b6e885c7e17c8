"""The `rules` engine on minutes written as numbered discussion paragraphs ("3. Topic: Person to … by DATE"),
with an attendance table marked per row and closure notes in prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from rules_support import by_text, extract_rules


def _minutes(tmp_path: Path, name: str, header: list[str], rows: list[tuple[str, ...]],
             paragraphs: list[str]) -> Path:
    import docx

    doc = docx.Document()
    doc.add_heading("Depot Systems Board", level=1)
    doc.add_paragraph("Minutes of the meeting held on Tuesday 03/03/2026, Meeting room 2")
    doc.add_heading("Attendance", level=2)
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    for r, row in enumerate([tuple(header), *rows]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading("Discussion", level=2)
    for i, text in enumerate(paragraphs, 1):
        doc.add_paragraph(f"{i}. {text}")
    path = tmp_path / name
    doc.save(str(path))
    return path


@pytest.fixture
def numbered(tmp_path: Path) -> dict:
    return extract_rules(_minutes(tmp_path, "Board minutes 03-03-2026.docx", ["Name", "Role", "Present/Apologies"], [
        ("Priya Raman", "Sponsor", "Present"),
        ("Oliver Brandt", "Project Manager", "Present"),
        ("Nadia Kowalczyk", "Ops Lead", "Apologies"),
        ("Jorge Salas", "Finance", "Sent deputy"),
    ], [
        "Previous minutes: accepted. Oliver Brandt reconciled the depot stock counts on 01/03/2026; action closed.",
        "Labels: Priya Raman to approve the shelf-label layout by 06/03/2026.",
        "Routing: the committee could not yet decide which depot moves first, North or South. "
        "Decision deferred to the next meeting pending the haulage quote.",
        "Hardware: Agreed: the project will rent 40 tablets rather than buy them.",
        "Rosters: Nadia Kowalczyk (in absentia) to draft the cut-over roster by 13/03/2026.",
        "Budget: the revised cost plan is still not approved. Oliver Brandt to approve it with Finance by "
        "10/03/2026.",
        "Tooling: the decision on which scheduling tool to buy remains pending.",
        "Go-live: the go-live weekend for North was discussed; a decision is needed at the next meeting.",
        "Training: Priya Raman reported that the training plan needs the shift pattern; she will now "
        "finish it by 20/03/2026.",
        "Reporting: the weekly stock report was circulated on 02/03/2026; action closed.",
    ]))


def test_numbered_paragraph_actions_read_past_number_and_topic(numbered: dict) -> None:
    action = by_text(numbered["actions"], "shelf-label layout")
    assert (action["owner"], action["due"], action["status"]) == ("Priya Raman", "2026-03-06", "open")
    roster = by_text(numbered["actions"], "cut-over roster")
    assert (roster["owner"], roster["due"]) == ("Nadia Kowalczyk", "2026-03-13")


def test_pronouns_take_the_paragraph_subject(numbered: dict) -> None:
    cost = by_text(numbered["actions"], "revised cost plan")
    assert (cost["owner"], cost["due"]) == ("Oliver Brandt", "2026-03-10")
    plan = by_text(numbered["actions"], "training plan")
    assert (plan["owner"], plan["due"]) == ("Priya Raman", "2026-03-20")


def test_closure_notes_are_done_actions(numbered: dict) -> None:
    counts = by_text(numbered["actions"], "depot stock counts")
    assert (counts["owner"], counts["status"]) == ("Oliver Brandt", "done")
    assert by_text(numbered["actions"], "weekly stock report")["status"] == "done"


def test_numbered_paragraph_decisions(numbered: dict) -> None:
    decisions = numbered["decisions"]
    assert by_text(decisions, "rent 40 tablets")["status"] == "made"
    routing = by_text(decisions, "which depot moves first")
    assert routing["status"] == "deferred"
    assert not [d for d in decisions if d["text"].lower().startswith("decision deferred")]
    assert by_text(decisions, "scheduling tool")["status"] == "pending"
    assert by_text(decisions, "go-live weekend for North")["status"] == "pending"


def test_attendance_table_rows_marked_apologies_or_deputy(numbered: dict) -> None:
    assert set(numbered["attendees"]) == {"Priya Raman", "Oliver Brandt"}
    assert set(numbered["apologies"]) == {"Nadia Kowalczyk", "Jorge Salas"}


def test_attended_yes_no_column(tmp_path: Path) -> None:
    result = extract_rules(_minutes(tmp_path, "m.docx", ["Name", "Attended (Y/N)"], [
        ("Priya Raman", "Y"), ("Oliver Brandt", "N"), ("Nadia Kowalczyk", "Absent"),
    ], ["Labels: Priya Raman to approve the shelf-label layout by 06/03/2026."]))
    assert result["attendees"] == ["Priya Raman"]
    assert set(result["apologies"]) == {"Oliver Brandt", "Nadia Kowalczyk"}
