"""Word (.docx) with python-docx: body in document order (paragraphs and tables), headers, footers."""

from __future__ import annotations

import io
from typing import Any

from signalscan.parsing.builder import DocumentBuilder

_MAX_BOLD_HEADING = 80


def parse_docx(data: bytes, builder: DocumentBuilder) -> None:
    """A .docx file."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    builder.title = (document.core_properties.title or "").strip() or None
    _headers_footers(document, builder, "header")
    counts = {"paragraph": 0, "table": 0}
    styles = _style_names(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            counts["table"] += 1
            _table(item, counts["table"], builder)
        else:
            _paragraph(item, counts, builder, styles)
    _headers_footers(document, builder, "footer")


def _style_names(document: Any) -> dict[str, str]:
    """Style id -> lower-case style name, read once (python-docx's `paragraph.style` re-scans every style)."""
    from docx.oxml.ns import qn

    names: dict[str, str] = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            names[style.get(qn("w:styleId")) or ""] = (name.get(qn("w:val")) or "").lower()
    return names


def _paragraph(
    paragraph: Any, counts: dict[str, int], builder: DocumentBuilder, styles: dict[str, str]
) -> None:
    text = paragraph.text
    if not text.strip():
        return
    counts["paragraph"] += 1
    style_id = paragraph._p.style
    style = styles.get(style_id, style_id or "normal").lower()
    kind, level = _paragraph_kind(paragraph, text, style)
    if kind == "title" and builder.title is None:
        builder.title = text.strip()
    builder.add(text, kind, f"paragraph {counts['paragraph']}", heading_level=level,
                is_struck=_runs_struck(paragraph.runs))


def _paragraph_kind(paragraph: Any, text: str, style: str) -> tuple[str, int | None]:
    if style == "title":
        return "title", None
    if style.startswith("heading"):
        digits = "".join(ch for ch in style if ch.isdigit())
        return "heading", int(digits) if digits else 1
    p_pr = paragraph._p.pPr
    if "list" in style or (p_pr is not None and p_pr.numPr is not None):
        return "list_item", None
    # Many minutes are typed without heading styles: a short, all-bold line is their heading.
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs) and len(text) <= _MAX_BOLD_HEADING and not text.rstrip().endswith(
            (".", ":", ";", ",")):
        return "heading", 3
    return "paragraph", None


def _runs_struck(runs: list[Any]) -> bool:
    visible = [r for r in runs if r.text.strip()]
    return bool(visible) and all(bool(r.font.strike or r.font.double_strike) for r in visible)


def _table(table: Any, number: int, builder: DocumentBuilder) -> None:
    for row_number, row in enumerate(table.rows, start=1):
        cells, struck = _row_cells(row)
        if not any(cells):
            continue
        fills = _row_fills(row)
        builder.add(" | ".join(cells), "table_row", f"table {number} row {row_number}", table=number,
                    row=row_number, cells=cells, struck=struck, is_struck=bool(struck) and all(struck),
                    fills=fills if any(fills) and len(fills) == len(cells) else None)


def _row_fills(row: Any) -> list[str | None]:
    """Each cell's shading colour ("00B050"), or the font colour of a lone symbol in it (a green "●"),
    each merged cell once; None where unshaded or automatic."""
    from docx.oxml.ns import qn

    seen: list[Any] = []
    fills: list[str | None] = []
    for cell in row.cells:
        if any(cell._tc is tc for tc in seen):
            continue
        seen.append(cell._tc)
        shading = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
        value = shading.get(qn("w:fill")) if shading is not None else None
        text = cell.text.strip()
        if text and len(text) <= 3 and not any(c.isalnum() for c in text):
            colour = cell._tc.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:color')}")
            value = colour.get(qn("w:val")) if colour is not None else value
        fills.append(value.upper() if value and len(value) == 6 and value.lower() != "auto" else None)
    return fills


def _row_cells(row: Any) -> tuple[list[str], list[bool]]:
    """Cell texts and strike flags, each merged cell once (python-docx repeats spanned cells)."""
    seen: list[Any] = []
    cells: list[str] = []
    struck: list[bool] = []
    for cell in row.cells:
        if any(cell._tc is tc for tc in seen):
            continue
        seen.append(cell._tc)
        cells.append(" ".join(cell.text.split()))
        runs = [run for p in cell.paragraphs for run in p.runs]
        struck.append(_runs_struck(runs))
    return cells, struck


def _headers_footers(document: Any, builder: DocumentBuilder, which: str) -> None:
    seen: set[str] = set()
    for section in document.sections:
        part = getattr(section, which)
        if part.is_linked_to_previous and seen:
            continue
        text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
        if text.strip() and text not in seen:
            seen.add(text)
            builder.add(text, which, which)
