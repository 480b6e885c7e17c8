"""PowerPoint (.pptx) with python-pptx: per slide its title, text in reading order, tables, notes."""

from __future__ import annotations

import io
from typing import Any

from signalscan.parsing.builder import DocumentBuilder

_MAX_TITLE = 100


def parse_pptx(data: bytes, builder: DocumentBuilder) -> None:
    """A .pptx file."""
    import pptx

    presentation = pptx.Presentation(io.BytesIO(data))
    builder.kind_hint = "deck"
    builder.title = (presentation.core_properties.title or "").strip() or None
    for number, slide in enumerate(presentation.slides, start=1):
        _slide(slide, number, builder)


def _slide(slide: Any, number: int, builder: DocumentBuilder) -> None:
    builder.section = None
    shapes = sorted(_flatten(slide.shapes), key=lambda s: (s.top or 0, s.left or 0))
    title_shape = _title_shape(slide, shapes)
    locator = f"slide {number}"
    if title_shape is not None:
        title = title_shape.text_frame.text
        builder.add(title, "slide_title", locator, slide=number)
        if builder.title is None and title.strip():
            builder.title = " ".join(title.split())
    tables = 0
    for shape in shapes:
        if shape is title_shape:
            continue
        if getattr(shape, "has_table", False) and shape.has_table:
            tables += 1
            _table(shape.table, number, tables, builder)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            _text_frame(shape.text_frame, locator, number, builder)
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        builder.add(slide.notes_slide.notes_text_frame.text, "notes", f"slide {number} notes", slide=number)


def _flatten(shapes: Any) -> list[Any]:
    """Shapes with groups opened up (a group's children are read like top-level shapes)."""
    flat: list[Any] = []
    for shape in shapes:
        if hasattr(shape, "shapes") and shape.shape_type is not None and shape.shape_type == 6:  # GROUP
            flat.extend(_flatten(shape.shapes))
        else:
            flat.append(shape)
    return flat


def _title_shape(slide: Any, shapes: list[Any]) -> Any | None:
    """The title placeholder, else the topmost one-line text box (decks built from blank layouts)."""
    title = slide.shapes.title
    if title is not None and title.has_text_frame and title.text_frame.text.strip():
        return title
    for shape in shapes:
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame and shape.text_frame.text.strip():
            text = shape.text_frame.text.strip()
            return shape if "\n" not in text and "\v" not in text and len(text) <= _MAX_TITLE else None
        if getattr(shape, "has_table", False) and shape.has_table:
            return None
    return None


def _text_frame(frame: Any, locator: str, number: int, builder: DocumentBuilder) -> None:
    for paragraph in frame.paragraphs:
        text = "".join(run.text for run in paragraph.runs) or paragraph.text
        if not text.strip():
            continue
        bulleted = paragraph.level > 0 or text.lstrip().startswith(("•", "-", "–", "▪"))
        kind = "list_item" if bulleted else "paragraph"
        if bulleted:
            text = text.lstrip().lstrip("•-–▪").strip()
        struck = bool(paragraph.runs) and all(_run_struck(r) for r in paragraph.runs if r.text.strip())
        builder.add(text, kind, locator, slide=number, is_struck=struck)


def _run_struck(run: Any) -> bool:
    r_pr = run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")
    return r_pr is not None and r_pr.get("strike") in ("sngStrike", "dblStrike")


def _table(table: Any, number: int, table_number: int, builder: DocumentBuilder) -> None:
    for row_number, row in enumerate(table.rows, start=1):
        cells = [" ".join(cell.text.split()) for cell in row.cells if not cell.is_spanned]
        if not any(cells):
            continue
        struck = [all(_run_struck(r) for p in cell.text_frame.paragraphs for r in p.runs if r.text.strip())
                  and bool(cell.text.strip()) for cell in row.cells if not cell.is_spanned]
        builder.add(" | ".join(cells), "table_row", f"slide {number} table {table_number} row {row_number}",
                    slide=number, table=table_number, row=row_number, cells=cells, struck=struck,
                    is_struck=bool(struck) and all(struck))
