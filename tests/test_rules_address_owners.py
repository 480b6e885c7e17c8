"""Word minutes whose owners are e-mail addresses or "First L." and whose attendees are one paragraph of
"Name (Role, Org); …" under an Attendees heading; tracker statuses such as "In flight" and "On hold"."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalscan.extraction.rules.patterns import action_status
from signalscan.pipeline import extract_files


def _minutes(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Project Heron - Steering Committee Minutes", 1)
    document.add_paragraph("Date: 09-Mar-2026 | 10:00-11:00")
    document.add_heading("Attendees", 2)
    document.add_paragraph("Moira Stenhouse (Sponsor, Heron Water (Chair)); Callum Reid (Programme Manager, "
                           "Heron Water); Deepa Krishnan (Data Lead, Tessaract Services); Rhys Bowen (PMO "
                           "Analyst, Tessaract Services (minutes))")
    document.add_heading("Apologies", 2)
    document.add_paragraph("None")
    document.add_heading("Actions", 2)
    rows = [("#", "Action", "Owner", "Due", "Status"),
            ("H-01", "Publish the data cleansing rules", "Deepa K.", "13-Mar-2026", "In flight"),
            ("H-02", "Confirm the print vendor contract", "callum.reid@heronwater.co.uk", "20-Mar-2026",
             "On hold"),
            ("H-03", "Book the UAT war room", "nia.pryce@heronwater.co.uk", "16-Mar-2026", "Not started")]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))


def test_address_and_initial_owners_resolve_to_attendees(tmp_path: Path) -> None:
    path = tmp_path / "Heron_SteerCo_Minutes_20260309.docx"
    _minutes(path)
    result = extract_files([str(path)], engine="rules")[0]
    assert result["attendees"] == ["Moira Stenhouse", "Callum Reid", "Deepa Krishnan", "Rhys Bowen"]
    actions = {a["text"]: (a["owner"], a["due"], a["status"]) for a in result["actions"]}
    assert actions == {
        "Publish the data cleansing rules": ("Deepa Krishnan", "2026-03-13", "in_progress"),
        "Confirm the print vendor contract": ("Callum Reid", "2026-03-20", "open"),
        # a mailbox of someone not in the meeting: the name it spells
        "Book the UAT war room": ("Nia Pryce", "2026-03-16", "open"),
    }


@pytest.mark.parametrize("word, status", [
    ("In flight", "in_progress"), ("In-flight", "in_progress"), ("Underway", "in_progress"),
    ("Started", "in_progress"), ("Not started", "open"), ("Blocked", "open"), ("On hold", "open"),
    ("Closed", "done"), ("Complete", "done"), ("Dropped", "cancelled"), ("Withdrawn", "cancelled"),
])
def test_tracker_status_words(word: str, status: str) -> None:
    assert action_status(word) == status
