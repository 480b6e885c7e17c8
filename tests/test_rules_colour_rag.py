"""RAG shown only as a colour: a status dot beside the workstream name on a slide (with the % complete
as a progress-bar label), a tile whose fill is the RAG, and table cells shaded green/amber/red with no
RAG word, in decks and in Word reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalscan.parsing import parse_file
from signalscan.parsing.colours import rag_of_rgb, shade
from signalscan.pipeline import extract_files


@pytest.mark.parametrize(("rgb", "rag"), [
    ("00B050", "green"), ("92D050", "green"), ("70AD47", "green"), ("63BE7B", "green"), ("C6EFCE", "green"),
    ("FFC000", "amber"), ("FFFF00", "amber"), ("ED7D31", "amber"), ("F5A623", "amber"), ("FFEB9C", "amber"),
    ("FF0000", "red"), ("C00000", "red"), ("E04B4B", "red"), ("FFC7CE", "red"),
    ("D9D9D9", None), ("FFFFFF", None), ("000000", None), ("4472C4", None), ("1F3864", None), ("7030A0", None),
    (None, None), ("auto", None),
])
def test_colours_read_as_rag_by_hue(rgb: str | None, rag: str | None) -> None:
    assert rag_of_rgb(rgb) == rag


def test_theme_tints_and_shades() -> None:
    assert shade("70AD47", 0.4) == "A9CE91"
    assert shade("FFC000", -0.25) == "BF9000"


def _dot_deck(path: Path) -> Path:
    """Blank-layout dashboard: name | lead | dot | progress track with its bar | "40%" label."""
    import pptx
    from pptx.dml.color import RGBColor
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    slide.shapes.add_textbox(Inches(0.5), Inches(0.2), Inches(9), Inches(0.6)).text_frame.text = "Programme health"
    rows = [("Payments Hub", "Ana Lima", RGBColor(0x00, 0xB0, 0x50), 0.35),
            ("Customer Portal", "Raj Patel", MSO_THEME_COLOR.ACCENT_6, 0.6),  # the default theme's orange
            ("Data Migration", "Ola Berg", RGBColor(0xC0, 0x00, 0x00), 0.12)]
    for n, (name, lead, colour, done) in enumerate(rows):
        top = Inches(1.2 + n * 0.9)
        slide.shapes.add_textbox(Inches(0.5), top, Inches(2.2), Inches(0.5)).text_frame.text = name
        slide.shapes.add_textbox(Inches(2.8), top, Inches(1.5), Inches(0.5)).text_frame.text = lead
        dot = slide.shapes.add_shape(MSO_SHAPE.OVAL, Inches(4.5), top + Inches(0.05), Inches(0.4), Inches(0.4))
        dot.fill.solid()
        if isinstance(colour, RGBColor):
            dot.fill.fore_color.rgb = colour
        else:
            dot.fill.fore_color.theme_color = colour
        track = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(5.2), top + Inches(0.1), Inches(3), Inches(0.3))
        track.fill.solid()
        track.fill.fore_color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(5.2), top + Inches(0.1), Inches(3 * done),
                                     Inches(0.3))
        bar.fill.solid()
        bar.fill.fore_color.rgb = RGBColor(0x00, 0xB0, 0x50)  # a green bar is progress, not a RAG
        slide.shapes.add_textbox(Inches(8.4), top, Inches(0.8), Inches(0.5)).text_frame.text = f"{round(done * 100)}%"
    tile = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.5), Inches(4.2), Inches(3), Inches(1))
    tile.fill.solid()
    tile.fill.fore_color.rgb = RGBColor(0xFF, 0xC0, 0x00)
    tile.text_frame.text = "Reporting"
    tile.text_frame.add_paragraph().text = "70% complete"
    tile.text_frame.add_paragraph().text = "Two dashboards waiting on finance sign-off."
    deck.save(str(path))
    return path


def test_pptx_blocks_carry_marker_fill_and_position(tmp_path: Path) -> None:
    parsed = parse_file(_dot_deck(tmp_path / "health-2026-06-04.pptx"))
    by_text = {b.text: b for b in parsed.blocks}
    assert by_text["Ana Lima"].fill_rgb == "00B050"  # the dot sits just right of the lead's box
    assert by_text["Payments Hub"].fill_rgb is None
    assert by_text["Raj Patel"].fill_rgb == "F79646"  # theme accent 6 resolved through the slide master
    assert by_text["Reporting"].fill_rgb == "FFC000" and by_text["70% complete"].fill_rgb is None
    assert by_text["35%"].fill_rgb is None and by_text["35%"].box[1] == by_text["Payments Hub"].box[1]
    assert "Green" not in parsed.text and "Amber" not in parsed.text


def test_deck_rag_from_dot_colour_and_progress_label(tmp_path: Path) -> None:
    result = extract_files([str(_dot_deck(tmp_path / "health-2026-06-04.pptx"))], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Payments Hub": ("green", 35), "Customer Portal": ("amber", 60),
                        "Data Migration": ("red", 12), "Reporting": ("amber", 70)}
    payments = next(s for s in result["statuses"] if s["workstream"] == "Payments Hub")
    assert payments["evidence"]["quote"] == "Payments Hub" and payments["evidence"]["slide"] == 1
    reporting = next(s for s in result["statuses"] if s["workstream"] == "Reporting")
    assert reporting["narrative"].startswith("Two dashboards waiting on finance sign-off")


def test_pptx_table_rag_cells_shown_only_in_colour(tmp_path: Path) -> None:
    import pptx
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Workstream status"
    rows = [("Workstream", "RAG", "% complete"), ("Claims", "", "40%"), ("Billing", "", "75%")]
    table = slide.shapes.add_table(3, 3, Inches(0.5), Inches(1.5), Inches(8), Inches(1.5)).table
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for r, colour in ((1, RGBColor(0xFF, 0x00, 0x00)), (2, RGBColor(0x92, 0xD0, 0x50))):
        table.cell(r, 1).fill.solid()
        table.cell(r, 1).fill.fore_color.rgb = colour
    path = tmp_path / "status-2026-06-04.pptx"
    deck.save(str(path))
    result = extract_files([str(path)], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Claims": ("red", 40), "Billing": ("green", 75)}


def _shade(cell: object, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]


def test_docx_tables_rag_by_cell_shading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Weekly status report - 4 June 2026", 1)
    first = document.add_table(rows=3, cols=3)  # an empty "Health" column shaded
    for r, row in enumerate([("Workstream", "Health", "% Complete"), ("Network", "", "20%"),
                             ("Security", "", "55%")]):
        for c, value in enumerate(row):
            first.cell(r, c).text = value
    _shade(first.cell(0, 0), "1F3864")
    _shade(first.cell(1, 1), "FFC000")
    _shade(first.cell(2, 1), "00B050")
    document.add_paragraph("Second view")
    second = document.add_table(rows=3, cols=2)  # no RAG column: the name's cell is shaded
    for r, row in enumerate([("Workstream", "% Complete"), ("Training", "10%"), ("Cutover", "5%")]):
        for c, value in enumerate(row):
            second.cell(r, c).text = value
    _shade(second.cell(1, 0), "C00000")
    _shade(second.cell(2, 0), "92D050")
    path = tmp_path / "wsr-2026-06-04.docx"
    document.save(str(path))
    result = extract_files([str(path)], engine="rules")[0]
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in result["statuses"]}
    assert statuses == {"Network": ("amber", 20), "Security": ("green", 55), "Training": ("red", 10),
                        "Cutover": ("green", 5)}


def test_placeholder_lines_are_no_items_and_dependencies_are_no_risks(tmp_path: Path) -> None:
    import docx

    minutes = docx.Document()
    minutes.add_heading("Steering Committee Minutes - 21 April 2026", 1)
    minutes.add_heading("Discussion", 2)
    minutes.add_paragraph("1. Testing: the supplier walked through the SIT defects; the committee noted the update.")
    minutes.add_heading("Decisions", 2)
    minutes.add_paragraph("Decisions: None this week.")
    minutes.add_heading("Actions", 2)
    minutes.add_paragraph("Actions carried forward: see log. No new actions raised.")
    minutes.add_heading("Risks", 2)
    minutes.add_paragraph("No new risks this week.")
    minutes_path = tmp_path / "minutes-2026-04-21.docx"
    minutes.save(str(minutes_path))

    report = docx.Document()
    report.add_heading("Weekly Status Report - 20 April 2026", 1)
    report.add_heading("4. Dependencies", 2)
    report.add_paragraph("Acme Networks - firewall change window, committed for 2026/04/24.", style="List Bullet")
    report.add_heading("5. Assumptions", 2)
    report.add_paragraph("Client provides test data by 2026/04/30.", style="List Bullet")
    report.add_heading("6. RAID Log", 2)
    rows = [("ID", "Type", "Description", "Owner", "Mitigation plan", "Status"),
            ("RK-01", "Risk", "Firewall change may slip past the SIT start", "Ana Lima", "Book a fallback window",
             "Open"),
            ("IS-02", "Issue", "SIT environment down twice this week", "Raj Patel", "Daily health check", "Open"),
            ("AS-01", "Assumption", "Client provides test data by 2026/04/30", "Ola Berg", "", "Open"),
            ("DP-01", "Dependency", "Acme Networks firewall change window", "Ana Lima", "", "Open")]
    table = report.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    report_path = tmp_path / "wsr-2026-04-20.docx"
    report.save(str(report_path))

    first, second = extract_files([str(minutes_path), str(report_path)], engine="rules")
    assert (first["actions"], first["decisions"], first["risks"]) == ([], [], [])
    assert sorted(r["text"] for r in second["risks"]) == ["Firewall change may slip past the SIT start",
                                                          "SIT environment down twice this week"]


def test_a_typed_dot_in_a_coloured_font_is_a_marker(tmp_path: Path) -> None:
    """"●" typed in green beside the name (a text box), and in the RAG cells of Word and slide tables."""
    import docx
    import pptx
    from docx.shared import RGBColor as WordRGB
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    slide.shapes.add_textbox(Inches(0.5), Inches(0.2), Inches(9), Inches(0.6)).text_frame.text = "Health check"
    for n, (name, colour, pct) in enumerate((("Payroll", RGBColor(0xFF, 0x00, 0x00), "15%"),
                                             ("Rostering", RGBColor(0x00, 0xB0, 0x50), "65%"))):
        top = Inches(1.2 + n * 0.8)
        slide.shapes.add_textbox(Inches(0.5), top, Inches(2.5), Inches(0.5)).text_frame.text = name
        run = slide.shapes.add_textbox(Inches(3.2), top, Inches(0.5), Inches(0.5)).text_frame.paragraphs[0].add_run()
        run.text, run.font.color.rgb = "●", colour
        slide.shapes.add_textbox(Inches(4), top, Inches(1), Inches(0.5)).text_frame.text = pct
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "Workstream status"
    table = second.shapes.add_table(2, 3, Inches(0.5), Inches(1.5), Inches(8), Inches(1)).table
    for c, value in enumerate(("Workstream", "RAG", "% complete")):
        table.cell(0, c).text = value
    table.cell(1, 0).text, table.cell(1, 2).text = "Pensions", "30%"
    cell_run = table.cell(1, 1).text_frame.paragraphs[0].add_run()
    cell_run.text, cell_run.font.color.rgb = "●", RGBColor(0xFF, 0xC0, 0x00)
    deck_path = tmp_path / "health-2026-06-04.pptx"
    deck.save(str(deck_path))

    report = docx.Document()
    report.add_heading("Weekly status report - 4 June 2026", 1)
    word_table = report.add_table(rows=2, cols=3)
    for c, value in enumerate(("Workstream", "Status", "% Complete")):
        word_table.cell(0, c).text = value
    word_table.cell(1, 0).text, word_table.cell(1, 2).text = "Benefits", "45%"
    word_run = word_table.cell(1, 1).paragraphs[0].add_run("●")
    word_run.font.color.rgb = WordRGB(0xC0, 0x00, 0x00)
    report_path = tmp_path / "wsr-2026-06-04.docx"
    report.save(str(report_path))

    assert parse_file(deck_path).blocks[1].fill_rgb == "FF0000"  # "Payroll" carries its dot's colour
    deck_result, report_result = extract_files([str(deck_path), str(report_path)], engine="rules")
    assert {s["workstream"]: (s["reported"], s["percent_complete"]) for s in deck_result["statuses"]} == {
        "Payroll": ("red", 15), "Rostering": ("green", 65), "Pensions": ("amber", 30)}
    assert [(s["workstream"], s["reported"], s["percent_complete"]) for s in report_result["statuses"]] == [
        ("Benefits", "red", 45)]


def test_a_discussion_line_restating_a_logged_action_is_the_logged_action(tmp_path: Path) -> None:
    import docx

    minutes = docx.Document()
    minutes.add_heading("Steering Committee Minutes - 14 April 2026", 1)
    minutes.add_heading("Discussion", 2)
    minutes.add_paragraph("1. Interfaces: the build is blocked on the sandbox. Ana Lima to escalate to the vendor's "
                          "account director.")
    minutes.add_paragraph("Action: Raj Patel to book the trainers for the May cohort by 24/04/2026.")
    minutes.add_heading("Actions", 2)
    table = minutes.add_table(rows=2, cols=4)
    for r, row in enumerate([("#", "Action", "Owner", "Due"),
                             ("K-05", "Escalate the sandbox delay to the vendor's account director", "Ana Lima",
                              "17/04/2026")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "minutes-2026-04-14.docx"
    minutes.save(str(path))
    result = extract_files([str(path)], engine="rules")[0]
    assert sorted((a["text"], a["owner"]) for a in result["actions"]) == [
        ("Escalate the sandbox delay to the vendor's account director", "Ana Lima"),
        ("book the trainers for the May cohort", "Raj Patel")]
