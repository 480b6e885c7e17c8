"""RAG shown only as a colour: a status dot beside the workstream name on a slide (with the % complete
as a progress-bar label), a tile whose fill is the RAG, and table cells shaded green/amber/red with no
RAG word, in decks and in Word reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalscan.parsing import parse_file
from signalscan.parsing.colours import rag_of_rgb, shade


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
