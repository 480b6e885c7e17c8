"""Each format read into blocks with locators, sections, offsets, title, kind and meeting date."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from signalscan.errors import UnsupportedFormatError
from signalscan.parsing import SUPPORTED_SUFFIXES, is_supported, parse_file


def _offsets_hold(parsed) -> None:
    text = parsed.text
    for block in parsed.blocks:
        assert text[block.char_start:block.char_end] == block.text


def make_docx(path: Path) -> Path:
    """Formal minutes: title, date line, headings, a struck paragraph and an action table."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Project Lumen Steering Committee"
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL"
    document.add_paragraph("Project Lumen Steering Committee", style="Title")
    document.add_paragraph("Date: 13 March 2026")
    document.add_heading("1. Apologies", level=1)
    document.add_paragraph("Apologies: Sam Ortiz.")
    document.add_paragraph("Old risk about printers", style="List Bullet").runs[0].font.strike = True
    document.add_heading("2. Action log", level=1)
    table = document.add_table(rows=3, cols=3)
    values_by_row = [("Ref", "Action", "Owner"), ("A-1", "Send plan", "Jordan Lee"),
                     ("A-2", "Book room", "Sam")]
    for row, values in zip(table.rows, values_by_row, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[2].cells:
        cell.paragraphs[0].runs[0].font.strike = True
    document.add_paragraph("Date of next meeting: 20 March 2026")
    document.save(path)
    return path


def test_docx_blocks_in_document_order(tmp_path: Path) -> None:
    parsed = parse_file(make_docx(tmp_path / "minutes.docx"))
    assert (parsed.format, parsed.kind) == ("docx", "minutes")
    assert parsed.title == "Project Lumen Steering Committee"
    assert (parsed.meeting_date, parsed.meeting_date_source) == (date(2026, 3, 13), "date line")
    kinds = [b.kind for b in parsed.blocks]
    assert kinds[0] == "header" and kinds.index("table_row") > kinds.index("heading")
    struck = next(b for b in parsed.blocks if b.text == "Old risk about printers")
    assert struck.is_struck and struck.kind == "list_item" and struck.section == "1. Apologies"
    rows = [b for b in parsed.blocks if b.kind == "table_row"]
    assert rows[1].cells == ["A-1", "Send plan", "Jordan Lee"] and rows[1].locator == "table 1 row 2"
    assert rows[2].struck == [True, True, True] and rows[2].is_struck and not rows[1].is_struck
    assert rows[0].section == "2. Action log"
    heading = next(b for b in parsed.blocks if b.text == "2. Action log")
    assert heading.heading_level == 1
    _offsets_hold(parsed)


def make_pptx(path: Path) -> Path:
    """A status deck: title slide, a RAG table with notes, a blank-layout slide titled by a text box."""
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Project Lumen status"
    first.placeholders[1].text = "Steering pack 05Mar2026"
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "Workstream status"
    table = second.shapes.add_table(2, 3, Inches(1), Inches(2), Inches(6), Inches(1)).table
    for col, value in enumerate(("Workstream", "RAG", "% complete")):
        table.cell(0, col).text = value
    for col, value in enumerate(("Finance", "Green", "60%")):
        table.cell(1, col).text = value
    second.notes_slide.notes_text_frame.text = "Finance is slipping in reality."
    third = deck.slides.add_slide(deck.slide_layouts[6])
    third.shapes.add_textbox(Inches(1), Inches(3), Inches(4), Inches(1)).text_frame.text = "Lower box"
    third.shapes.add_textbox(Inches(1), Inches(0.5), Inches(4), Inches(1)).text_frame.text = "Risks"
    deck.save(path)
    return path


def test_pptx_slides_tables_notes(tmp_path: Path) -> None:
    parsed = parse_file(make_pptx(tmp_path / "deck.pptx"))
    assert (parsed.kind, parsed.title) == ("deck", "Project Lumen status")
    assert parsed.meeting_date == date(2026, 3, 5)
    assert all(b.slide for b in parsed.blocks)
    row = next(b for b in parsed.blocks if b.kind == "table_row" and b.row == 2)
    assert row.cells == ["Finance", "Green", "60%"] and row.locator == "slide 2 table 1 row 2"
    notes = next(b for b in parsed.blocks if b.kind == "notes")
    assert notes.locator == "slide 2 notes" and notes.section == "Workstream status"
    third = [b for b in parsed.blocks if b.slide == 3]
    assert [(b.kind, b.text) for b in third] == [("slide_title", "Risks"), ("paragraph", "Lower box")]
    _offsets_hold(parsed)


def make_pdf(path: Path, lines_per_page: list[list[str]], title: str | None = None) -> Path:
    """A PDF with one text line per entry, a page per list."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    if title:
        pdf.setTitle(title)
    for lines in lines_per_page:
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_pages_and_paragraphs(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report.pdf", [
        ["Weekly Status Report", "Status as of 6 April 2026", "Data migration is behind plan because the",
         "vendor has not delivered the extract."],
        ["2. Risks", "Printer risk closed."],
    ])
    parsed = parse_file(path)
    assert (parsed.kind, parsed.meeting_date, parsed.meeting_date_source) == (
        "status_report", date(2026, 4, 6), "date line")
    merged = next(b for b in parsed.blocks if b.text.startswith("Data migration"))
    assert merged.text.endswith("extract.") and merged.locator == "page 1"
    heading = next(b for b in parsed.blocks if b.page == 2)
    assert heading.kind == "heading" and heading.text == "2. Risks"
    assert parsed.blocks[-1].section == "2. Risks"
    _offsets_hold(parsed)


MARKDOWN = """# Atlas status report

Status as of 2026-04-06

Overall: **Amber**

| Workstream | RAG | % complete |
|---|---|---|
| Finance | **G** | 60% |
| ~~Legacy~~ | ~~R~~ | ~~0%~~ |

## Actions
- Jordan Lee: send the revised plan
  by Friday
- ~~Sam: book the room~~

A paragraph that wraps
over two lines.
"""


def test_markdown_lines_tables_lists(tmp_path: Path) -> None:
    path = tmp_path / "atlas-report.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    parsed = parse_file(path)
    assert (parsed.kind, parsed.title, parsed.meeting_date) == ("status_report", "Atlas status report",
                                                                date(2026, 4, 6))
    rows = [b for b in parsed.blocks if b.kind == "table_row"]
    assert [r.row for r in rows] == [1, 2, 3] and rows[1].cells == ["Finance", "G", "60%"]
    assert rows[1].line_start == 9 and rows[1].locator == "line 9" and rows[2].is_struck
    items = [b for b in parsed.blocks if b.kind == "list_item"]
    assert items[0].text == "Jordan Lee: send the revised plan\nby Friday"
    assert (items[0].line_start, items[0].line_end, items[0].locator) == (13, 14, "lines 13-14")
    assert items[1].is_struck and items[1].text == "Sam: book the room" and items[1].section == "Actions"
    assert parsed.blocks[-1].line_start == 17 and parsed.blocks[-1].line_end == 18
    _offsets_hold(parsed)


def test_text_file_lines_and_transcript_kind(tmp_path: Path) -> None:
    turns = "\n".join(f"{'Ana' if i % 2 else 'Ben'}: point number {i} about the cutover." for i in range(12))
    path = tmp_path / "call_2026-05-04.txt"
    path.write_text("\n" + turns + "\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.kind == "transcript" and parsed.meeting_date == date(2026, 5, 4)
    assert parsed.meeting_date_source == "file name"
    assert parsed.blocks[0].line_start == 2 and parsed.blocks[0].text.startswith("Ben: point number 0")
    assert len(parsed.blocks) == 12


def make_eml(path: Path, *, attachment: tuple[str, bytes] | None = None, body: str | None = None) -> Path:
    message = EmailMessage()
    message["From"] = "Jordan Lee <jordan@example.com>"
    message["To"] = "PMO <pmo@example.com>"
    message["Subject"] = "Atlas weekly status"
    message["Date"] = "Mon, 06 Apr 2026 18:30:00 -0700"
    message.set_content(body or "Team,\n\nFinance is slipping against plan.\nJordan will send the plan.\n")
    if attachment:
        message.add_attachment(attachment[1], maintype="application", subtype="octet-stream",
                               filename=attachment[0])
    path.write_bytes(bytes(message))
    return path


def test_eml_headers_body_lines_and_attachment(tmp_path: Path) -> None:
    docx_bytes = make_docx(tmp_path / "minutes.docx").read_bytes()
    path = make_eml(tmp_path / "status.eml", attachment=("minutes.docx", docx_bytes))
    parsed = parse_file(path)
    assert (parsed.kind, parsed.title, parsed.format) == ("email", "Atlas weekly status", "eml")
    # the sender's own day, not UTC's (18:30 -0700 is already 7 April in UTC)
    assert (parsed.meeting_date, parsed.meeting_date_source) == (date(2026, 4, 6), "email header")
    assert parsed.headers["from"] == "Jordan Lee <jordan@example.com>"
    lines = path.read_text().split("\n")
    body = next(b for b in parsed.blocks if b.text.startswith("Finance is slipping"))
    assert lines[body.line_start - 1] == "Finance is slipping against plan."
    assert body.line_end == body.line_start + 1
    attached = [b for b in parsed.blocks if b.source == "attachment: minutes.docx"]
    assert attached and attached[-1].locator.startswith("attachment minutes.docx, ")
    assert any(b.cells == ["A-1", "Send plan", "Jordan Lee"] for b in attached)
    _offsets_hold(parsed)


def test_email_saved_as_txt_is_an_email(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("From: Ana <ana@example.com>\nSubject: Cutover\nDate: Tue, 07 Apr 2026 09:00:00 +0100\n\n"
                    "Cutover is blocked.\n", encoding="utf-8")
    parsed = parse_file(path)
    assert (parsed.kind, parsed.title, parsed.meeting_date) == ("email", "Cutover", date(2026, 4, 7))
    assert parsed.blocks[-1].text == "Cutover is blocked." and parsed.blocks[-1].line_start == 5


def test_html_headings_lists_tables(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(
        "<html><head><title>Atlas steering notes</title><style>p{}</style></head><body>\n"
        "<h1>Atlas steering notes</h1>\n<p>Date: 13 March 2026</p>\n<h2>Actions</h2>\n"
        "<ul><li>Jordan to send the plan</li><li><del>Book the room</del></li></ul>\n"
        "<table><tr><th>Workstream</th><th>RAG</th></tr><tr><td>Finance</td><td>Green</td></tr></table>\n"
        "</body></html>\n", encoding="utf-8")
    parsed = parse_file(path)
    assert (parsed.title, parsed.kind) == ("Atlas steering notes", "minutes")
    assert parsed.meeting_date == date(2026, 3, 13)
    items = [b for b in parsed.blocks if b.kind == "list_item"]
    assert [i.text for i in items] == ["Jordan to send the plan", "Book the room"]
    assert items[1].is_struck and items[0].section == "Actions"
    row = [b for b in parsed.blocks if b.kind == "table_row"][1]
    assert row.cells == ["Finance", "Green"] and row.locator == "table 1 row 2"
    _offsets_hold(parsed)


@pytest.mark.parametrize(("name", "expected"), [
    ("steering-notes-apr06.docx", date(2026, 4, 6)),
    ("Pack_05Mar2026.docx", date(2026, 3, 5)),
    ("minutes_2026-04-06.docx", date(2026, 4, 6)),
])
def test_meeting_date_from_file_name(tmp_path: Path, name: str, expected: date) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Steering minutes for the 2026 rollout")
    document.add_paragraph("Present: Ana, Ben")
    document.save(tmp_path / name)
    parsed = parse_file(tmp_path / name)
    assert (parsed.meeting_date, parsed.meeting_date_source) == (expected, "file name")


def test_meeting_date_override_and_next_meeting_ignored(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nDate of next meeting: 20 March 2026\n\nHeld on 13 March 2026\n")
    assert parse_file(path).meeting_date == date(2026, 3, 13)
    parsed = parse_file(path, meeting_date=date(2026, 1, 2))
    assert (parsed.meeting_date, parsed.meeting_date_source) == (date(2026, 1, 2), "override")


def test_registry() -> None:
    assert {".docx", ".pptx", ".pdf", ".md", ".txt", ".eml", ".html"} <= set(SUPPORTED_SUFFIXES)
    assert is_supported("A.DOCX") and not is_supported("a.xyz")


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("hello")
    with pytest.raises(UnsupportedFormatError, match="unsupported file type .xyz"):
        parse_file(path)


def test_html_only_email_and_quoted_printable_lines(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"], message["Subject"] = "ana@example.com", "Status 13 March 2026"
    message["Date"] = "Fri, 13 Mar 2026 09:00:00 +0000"
    long_line = "Data migration is slipping because the vendor extract is late " * 3
    message.set_content(f"<html><body><h2>Status</h2><p>{long_line}</p><ul><li>Ben to chase the vendor</li>"
                        "</ul></body></html>", subtype="html", cte="quoted-printable")
    path = tmp_path / "html.eml"
    path.write_bytes(bytes(message))
    parsed = parse_file(path)
    assert (parsed.meeting_date, parsed.meeting_date_source) == (date(2026, 3, 13), "title")
    item = next(b for b in parsed.blocks if b.kind == "list_item")
    assert item.text == "Ben to chase the vendor" and item.section == "Status"
    # soft line breaks ("=" at the end) wrap one decoded line over several file lines: the range covers them
    covered = path.read_text().split("\n")[item.line_start - 1:item.line_end]
    assert any("to chase the vendor" in line for line in covered) and covered[-1].endswith("</html>")
