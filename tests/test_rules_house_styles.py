"""The `rules` engine on house styles of decks and e-mails: dashboard tiles made of shapes, owners
written as "K. Walsh" or bare initials, roles in dash lines, apologies and issues, e-mail sign-offs."""

from __future__ import annotations

from pathlib import Path

from rules_support import by_text

from signalscan.pipeline import extract_files


def _tile_deck(path: Path) -> Path:
    """A dashboard slide with one rounded rectangle per workstream (no table), and an actions slide."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Portfolio dashboard"
    tiles = [("Payroll Replacement", "RAG: A", "35% complete", "Parallel run slipped a week."),
             ("Finance Ledger", "On Track", "70% complete", "Period 6 close rehearsed."),
             ("Estates Data", "Off Track", "12% complete", "Survey supplier not yet appointed.")]
    for n, lines in enumerate(tiles):
        box = slide.shapes.add_shape(5, Inches(0.5 + 3 * n), Inches(2), Inches(2.8), Inches(2))
        frame = box.text_frame
        frame.text = lines[0]
        for line in lines[1:]:
            frame.add_paragraph().text = line
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Open actions"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(3))
    box.text_frame.text = "Submit the payroll parallel-run report — SRO — 14 Oct"
    box.text_frame.add_paragraph().text = "Appoint the survey supplier — RD — 21 Oct"
    deck.save(path)
    return path


def _minutes(path: Path) -> Path:
    import docx

    doc = docx.Document()
    doc.add_heading("Shared Services Steering Group", level=1)
    doc.add_paragraph("Meeting date: 7 October 2026")
    doc.add_paragraph("Attendees: Ruth Dalgleish (Estates Lead); Kwame Asante (Payroll Lead); "
                      "Mia Torres (PMO)")
    doc.add_paragraph("Apologies were received from Owen Pryce (Finance Director) and Lena Fischer.")
    doc.add_heading("Actions", level=2)
    table = doc.add_table(rows=1, cols=4)
    for cell, name in zip(table.rows[0].cells, ["Task", "Owner", "Due", "Status"], strict=True):
        cell.text = name
    for values in (("Reconcile the September payroll run", "K. Asante", "10/10/2026", "Open"),):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    doc.save(path)
    return path


def test_dashboard_tiles_in_shapes_are_workstream_statuses(tmp_path: Path) -> None:
    result = extract_files([str(_tile_deck(tmp_path / "dashboard-2026-10-07.pptx"))], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Payroll Replacement": ("amber", 35), "Finance Ledger": ("green", 70),
                        "Estates Data": ("red", 12)}
    assert not [r for r in result["risks"] if "complete" in r["text"]]


def test_owner_forms_resolve_to_the_attendee_across_documents_and_roles_stay_roles(tmp_path: Path) -> None:
    minutes = _minutes(tmp_path / "ssg-minutes-2026-10-07.docx")
    deck = _tile_deck(tmp_path / "ssg-dashboard-2026-10-07.pptx")
    first, second = extract_files([str(minutes), str(deck)], engine="rules")
    assert by_text(first["actions"], "Reconcile the September payroll")["owner"] == "Kwame Asante"
    assert first["apologies"] == ["Owen Pryce", "Lena Fischer"]
    assert by_text(second["actions"], "parallel-run report")["owner"] == "SRO"
    assert by_text(second["actions"], "Appoint the survey supplier")["owner"] == "Ruth Dalgleish"


def test_status_email_issues_sign_off_and_implicit_actions(tmp_path: Path) -> None:
    email = tmp_path / "status.eml"
    email.write_text(
        "From: Mia Torres <mia@example.org>\nTo: Steering Group <ssg@example.org>\n"
        "Subject: Weekly status\nDate: Thu, 08 Oct 2026 09:00:00 +0100\n\n"
        "All,\n\nI spoke to the supplier this morning. Paylink have not responded on the interface.\n"
        "Paylink to confirm the interface test window by COB Friday. Members will ask.\n\n"
        "Risks\n- Payroll SMEs may be pulled into year-end. Owner: Kwame Asante.\n\n"
        "Issues\n- I-04 The interface build is blocked waiting on Paylink.\n\n"
        "Decisions\n- Parallel run extended by one cycle.\n\n"
        "Thanks,\nMia Torres | PMO Lead | Shared Services\n",
        encoding="utf-8",
    )
    result = extract_files([str(email)], engine="rules")[0]
    action = by_text(result["actions"], "confirm the interface test window")
    assert (action["owner"], action["due"]) == ("Paylink", "2026-10-09")
    assert not [a for a in result["actions"] if a["text"].strip(". ").lower() == "ask"]
    assert [r["text"] for r in result["risks"]] == ["Payroll SMEs may be pulled into year-end"]
    assert [d["text"] for d in result["decisions"]] == ["Parallel run extended by one cycle"]
