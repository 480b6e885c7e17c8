"""The `rules` engine on registers and boards: PDF status tables whose commentary wraps onto
further lines, action registers with a "Date Raised" beside the "Due" column, emoji health boards
in Markdown, discussion-item tables that are not action logs, and page furniture."""

from __future__ import annotations

from pathlib import Path

from signalscan.pipeline import extract_files


def _by_text(items: list[dict], words: str) -> dict:
    hits = [i for i in items if words.lower() in i["text"].lower()]
    assert hits, f"no item containing {words!r} in {[i['text'] for i in items]}"
    return hits[0]


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
