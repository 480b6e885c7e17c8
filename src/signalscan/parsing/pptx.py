"""PowerPoint (.pptx) with python-pptx: per slide its title, text in reading order, tables, notes."""

from __future__ import annotations

import io
from typing import Any

from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.colours import solid_fill, theme_colours

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
    theme = _theme(slide)
    fills = _marker_fills([s for s in shapes if s is not title_shape], theme)
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
            _table(shape.table, number, tables, builder, theme)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            _text_frame(shape.text_frame, locator, number, builder, box=_box(shape),
                        fill=fills.get(id(shape)) or (_fill(shape, theme) if _has_text(shape) else None))
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


def _theme(slide: Any) -> dict[str, str]:
    """The slide master's theme colours ("accent6" -> "70AD47"), for fills given as theme colours."""
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        master = slide.slide_layout.slide_master
        return theme_colours(master.part.part_related_by(RT.THEME).blob)
    except (AttributeError, KeyError, ValueError):
        return {}


def _box(shape: Any) -> list[int] | None:
    values = [getattr(shape, name, None) for name in ("left", "top", "width", "height")]
    return [int(v) for v in values if v is not None] if all(v is not None for v in values) else None


def _fill(shape: Any, theme: dict[str, str]) -> str | None:
    """A shape's or table cell's solid fill, else the colour of a lone symbol in it ("●" in green)."""
    try:
        fill = shape.fill
    except (AttributeError, NotImplementedError):
        return None
    return _glyph_colour(shape, theme) or solid_fill(fill, theme)


def _glyph_colour(shape: Any, theme: dict[str, str]) -> str | None:
    """The font colour of a text that is only a symbol or two ("●", "■", "⬤"): a status dot typed in."""
    frame = getattr(shape, "text_frame", None)
    text = frame.text.strip() if frame is not None else ""
    if not text or len(text) > 3 or any(c.isalnum() for c in text):
        return None
    for paragraph in frame.paragraphs:  # type: ignore[union-attr]
        for run in paragraph.runs:
            if run.text.strip():
                return solid_fill(_SolidColour(run.font.color), theme)
    return None


class _SolidColour:
    """A font colour seen as a solid fill, so one resolver reads both."""

    type = 1

    def __init__(self, colour: Any) -> None:
        self.fore_color = colour


def _has_text(shape: Any) -> bool:
    """Whether a shape holds words (a lone "●" is a marker, not text)."""
    framed = getattr(shape, "has_text_frame", False) and shape.has_text_frame
    return bool(framed and any(c.isalnum() for c in shape.text_frame.text))


def _marker_fills(shapes: list[Any], theme: dict[str, str]) -> dict[int, str]:
    """Text-less filled shapes that look like status markers (a dot or small square, not a bar inside a
    progress track) -> the text shape they sit beside on the same row: id(text shape) -> fill."""
    texts = [(s, b) for s in shapes if _has_text(s) and (b := _box(s))]
    filled = [(s, b, rgb) for s in shapes if not _has_text(s) and not getattr(s, "has_table", False)
              and (b := _box(s)) and b[2] > 0 and b[3] > 0 and (rgb := _fill(s, theme))]
    out: dict[int, tuple[int, str]] = {}
    for shape, (left, top, width, height), rgb in filled:
        if max(width, height) > 2.5 * min(width, height):
            continue
        if any(other is not shape and _overlap((left, top, width, height), b) for other, b, _ in filled):
            continue  # the filled part of a progress bar, a shape on a coloured panel
        middle_y, middle_x = top + height / 2, left + width / 2
        row = [(s, b) for s, b in texts if b[1] <= middle_y <= b[1] + b[3]]
        before = [(middle_x - (b[0] + b[2]), s) for s, b in row if b[0] + b[2] <= middle_x]
        after = [(b[0] - middle_x, s) for s, b in row if b[0] >= middle_x]
        near = min(before, key=lambda x: x[0], default=None) or min(after, key=lambda x: x[0], default=None)
        if near is not None and (id(near[1]) not in out or left > out[id(near[1])][0]):
            out[id(near[1])] = (left, rgb)  # two markers for one label: the right one is the latest
    return {key: rgb for key, (_, rgb) in out.items()}


def _overlap(a: tuple[int, ...] | list[int], b: list[int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _text_frame(frame: Any, locator: str, number: int, builder: DocumentBuilder,
                box: list[int] | None = None, fill: str | None = None) -> None:
    for paragraph in frame.paragraphs:
        text = "".join(run.text for run in paragraph.runs) or paragraph.text
        if not text.strip():
            continue
        bulleted = paragraph.level > 0 or text.lstrip().startswith(("•", "-", "–", "▪"))
        kind = "list_item" if bulleted else "paragraph"
        if bulleted:
            text = text.lstrip().lstrip("•-–▪").strip()
        struck = bool(paragraph.runs) and all(_run_struck(r) for r in paragraph.runs if r.text.strip())
        if builder.add(text, kind, locator, slide=number, is_struck=struck, box=box, fill_rgb=fill):
            fill = None  # the fill speaks for the shape's first line (a tile's name)


def _run_struck(run: Any) -> bool:
    r_pr = run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")
    return r_pr is not None and r_pr.get("strike") in ("sngStrike", "dblStrike")


def _table(table: Any, number: int, table_number: int, builder: DocumentBuilder,
           theme: dict[str, str] | None = None) -> None:
    for row_number, row in enumerate(table.rows, start=1):
        cells = [" ".join(cell.text.split()) for cell in row.cells if not cell.is_spanned]
        if not any(cells):
            continue
        struck = [all(_run_struck(r) for p in cell.text_frame.paragraphs for r in p.runs if r.text.strip())
                  and bool(cell.text.strip()) for cell in row.cells if not cell.is_spanned]
        fills = [_fill(cell, theme or {}) for cell in row.cells if not cell.is_spanned]
        builder.add(" | ".join(cells), "table_row", f"slide {number} table {table_number} row {row_number}",
                    slide=number, table=table_number, row=row_number, cells=cells, struck=struck,
                    fills=fills if any(fills) else None,
                    is_struck=bool(struck) and all(struck))
