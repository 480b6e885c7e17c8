"""The `rules` engine on registers and boards: PDF status tables whose commentary wraps onto
further lines, action registers with a "Date Raised" beside the "Due" column, emoji health boards
in Markdown, discussion-item tables that are not action logs, and page furniture."""

from __future__ import annotations

from pathlib import Path

from rules_support import by_text

from signalscan.pipeline import extract_files


def _status_pdf(path: Path) -> Path:
    """A one-page consultancy report: a R/A/G table whose commentary wraps under its own column."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    y = 780
    pdf.drawString(50, y, "Weekly Status Report - week ending 16/10/2026")
    y -= 40
    rows = [("Workstream", "R/A/G", "% complete", "Commentary", None),
            ("Ledger Build", "A", "42%", "Posting rules awaiting the tax advice;", "action re-dated to 30/10."),
            ("Reporting", "G", "61%", "Dashboards signed off by the business", "owners this week."),
            ("Data Conversion", "R", "18%", "Trial load failed on vendor balances", "again.")]
    for name, rag, pct, comment, wrapped in rows:
        for x, value in ((50, name), (200, rag), (260, pct), (340, comment)):
            pdf.drawString(x, y, value)
        if wrapped:
            y -= 14
            pdf.drawString(340, y, wrapped)
        y -= 24
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_status_table_rows_keep_their_wrapped_commentary(tmp_path: Path) -> None:
    result = extract_files([str(_status_pdf(tmp_path / "status-2026-10-16.pdf"))], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Ledger Build": ("amber", 42), "Reporting": ("green", 61),
                        "Data Conversion": ("red", 18)}
    ledger = next(s for s in result["statuses"] if s["workstream"] == "Ledger Build")
    assert ledger["narrative"].endswith("action re-dated to 30/10.")


def _register_minutes(path: Path) -> Path:
    """Board minutes: a discussion-items table, a note on the log, then an action register whose
    "Date Raised" column stands before its "Due" column."""
    import docx

    doc = docx.Document()
    doc.add_heading("Estates Programme Board — Minutes", level=1)
    doc.add_paragraph("Date: 14/10/2026")
    doc.add_paragraph("Members present: Ruth Dalgleish; Kwame Asante; Mia Torres")
    doc.add_heading("Discussion items", level=2)
    _table(doc, ["Time", "Item", "Who", "Notes"],
           [("10:00", "Status per workstream", "Mia Torres", "Survey supplier still not appointed."),
            ("10:20", "Lift replacement", "Kwame Asante", "Options paper next time.")])
    doc.add_heading("Action Register", level=2)
    doc.add_paragraph("Completed and superseded actions are archived on the team site after the meeting.")
    _table(doc, ["ID", "Description", "Assigned To", "Date Raised", "Due", "Status", "Notes"],
           [("A-01", "Appoint the survey supplier", "Ruth Dalgleish", "02/09/2026", "30/10/2026", "WIP", ""),
            ("A-02", "Issue the lift tender", "Kwame Asante", "02/09/2026", "16/10/2026", "Superseded",
             "Replaced by A-03"),
            ("A-03", "Publish the revised space plan", "Mia Torres", "14/10/2026", "KW 44", "Open", "")])
    doc.save(path)
    return path


def _table(doc: object, header: list[str], rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    for cell, name in zip(table.rows[0].cells, header, strict=True):
        cell.text = name
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def test_action_register_reads_due_not_date_raised_and_skips_discussion_tables(tmp_path: Path) -> None:
    result = extract_files([str(_register_minutes(tmp_path / "board-2026-10-14.docx"))], engine="rules")[0]
    texts = [a["text"] for a in result["actions"]]
    assert not [t for t in texts if "Status per workstream" in t or "Lift replacement" in t or "archived" in t]
    survey = by_text(result["actions"], "Appoint the survey supplier")
    assert (survey["owner"], survey["due"], survey["status"]) == ("Ruth Dalgleish", "2026-10-30", "in_progress")
    assert by_text(result["actions"], "Issue the lift tender")["status"] == "cancelled"
    assert by_text(result["actions"], "Publish the revised space plan")["due"] != "2026-10-14"


def test_emoji_health_board_and_placeholder_owner_lines(tmp_path: Path) -> None:
    page = tmp_path / "sync-2026-10-12.md"
    page.write_text(
        "# Release train sync · Oct 12, 2026\n\n## Program board\n\n"
        "| Team | Feature | % done | Health |\n|---|---|---|---|\n"
        "| Claims Intake | Web intake | 53% | \U0001f534 |\n| Payments | Payouts | 82% | \U0001f7e2 |\n"
        "| Policy Sync | Mainframe sync | 55% | \U0001f7e0 |\n\n"
        "Legend: \U0001f7e2 on track · \U0001f7e0 at risk · \U0001f534 off track\n\n"
        "## Action items\n\n- [ ] TBD (Finance) — confirm the GL codes for payouts — due Oct 16\n"
        "- [ ] Ana Lima — deliver the interface specification — overdue since Oct 2\n- [ ]\n",
        encoding="utf-8")
    result = extract_files([str(page)], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Claims Intake": ("red", 53), "Payments": ("green", 82), "Policy Sync": ("amber", 55)}
    gl = by_text(result["actions"], "confirm the GL codes")
    assert (gl["owner"], gl["due"]) == (None, "2026-10-16")
    assert by_text(result["actions"], "interface specification")["due"] == "2026-10-02"
    assert len(result["actions"]) == 2


def test_a_sentence_naming_another_workstream_by_its_acronym_speaks_for_that_one() -> None:
    from test_signals import doc, signals, status, week

    names = ("Procurement (SRM)", "Plant Maintenance (EAM)")
    docs = [doc(n, week(n), kind="deck", statuses=[status(name, "green", 30 + n) for name in names])
            for n in (1, 2)]
    row = "10:00 | Status per workstream | Ana Lima | Procurement back to green. EAM about two weeks behind plan."
    found = signals(docs, texts={docs[1].path: [("table 1 row 2", row)]}, kind="watermelon")
    assert [s.workstream for s in found] == ["Plant Maintenance (EAM)"]


def _paged_report(path: Path) -> Path:
    """Two pages with a running header and a classification footer under "Decisions Required"."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pages = [["Decisions Required", "- Number of parallel pay runs - deferred to 30/10."],
             ["Next Steps", "- Confirm the posting rules - L. Varga - 30/10"]]
    for number, lines in enumerate(pages, start=1):
        pdf.drawString(50, 800, "Ledger Renewal - Weekly Status Report - 16/10/2026")
        y = 760
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 20
        pdf.drawString(50, 60, "Commercial-in-confidence. Prepared by Example Advisory for the Treasury.")
        pdf.drawString(500, 40, f"Page {number} of 2")
        pdf.showPage()
    pdf.save()
    return path


def test_page_furniture_is_no_item(tmp_path: Path) -> None:
    result = extract_files([str(_paged_report(tmp_path / "status-2026-10-16.pdf"))], engine="rules")[0]
    items = [i["text"] for kind in ("actions", "decisions", "risks") for i in result[kind]]
    assert not [t for t in items if "confidence" in t.lower() or "Weekly Status Report" in t or "Page" in t]
    assert by_text(result["decisions"], "parallel pay runs")["status"] == "deferred"
    assert by_text(result["actions"], "Confirm the posting rules")["due"] == "2026-10-30"
