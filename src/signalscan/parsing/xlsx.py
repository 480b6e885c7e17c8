"""Excel (.xlsx) with openpyxl: each visible sheet a section, each row below its header a table row.

RAID logs and action trackers live in workbooks: a sheet per log ("Actions", "Risks"), a title or a
"last updated" line on top, then a header row ("Ref | Action | Owner | Due | Status") and one row per
item. So:
- the workbook is opened read-only with data_only=True: a cell gives the value Excel cached when it last
  saved the file, never its formula (a formula cell of a workbook Excel never recalculated reads empty);
- hidden and very hidden sheets are skipped, with a warning: in PMO workbooks they hold drop-down lists
  and lookups, not the log (hidden rows and columns of a visible sheet are read);
- a non-empty sheet starts with a heading block, its name, which is the section of its rows;
- rows above the sheet's header row are "header" blocks (a title, a date line: read for the title and
  the meeting date, not as items); from the header row on, every non-empty row is a table row with
  its cells, strike-through and solid fills, like a .docx table row. `row` counts rows within that
  table (1 is the header); the locator gives Excel's own row: "sheet Actions row 7";
- one table per sheet (a second header further down is read as a row of the first table); a sheet
  with no row of two or more cells is read as paragraphs;
- dates read YYYY-MM-DD, times HH:MM, percentages "70%", whole numbers without ".0";
- at most MAX_ROWS non-empty rows and MAX_CELLS cells are read from a workbook; past that the rest is
  skipped with a warning, so a huge sheet cannot exhaust memory.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from signalscan.parsing.builder import DocumentBuilder

MAX_ROWS = 20_000  # non-empty rows per workbook
MAX_CELLS = 2_000_000  # cells looked at per workbook, empty ones included
_HEADER_SCAN = 15  # the header row is among a sheet's first non-empty rows
_MAX_HEADER_CELL = 60  # a header names a column; a longer cell is data

# openpyxl warns about the parts of a workbook it does not read (data validation, slicers, conditional
# formats): nothing a user can act on, and not something to print on stderr for every file.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")


@dataclass
class _Row:
    """One non-empty sheet row: Excel's row number and, per column, text, strike and fill."""

    number: int
    cells: list[str]
    labels: list[bool]  # the cell holds text (a header is made of text, not dates or numbers)
    struck: list[bool]
    fills: list[str | None]

    def filled(self) -> list[str]:
        return [c for c in self.cells if c]


@dataclass
class _Budget:
    """What is left of MAX_ROWS and MAX_CELLS for the workbook."""

    rows: int
    cells: int
    exhausted: bool = False
    tables: int = 0
    skipped: list[str] = field(default_factory=list)


def parse_xlsx(data: bytes, builder: DocumentBuilder) -> None:
    """A .xlsx file."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        builder.title = (workbook.properties.title or "").strip() or None
        budget = _Budget(rows=MAX_ROWS, cells=MAX_CELLS)
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                budget.skipped.append(sheet.title)
                continue
            _read_sheet(sheet, builder, budget)
            if budget.exhausted:
                builder.warn(f"workbook truncated at {MAX_ROWS:,} rows or {MAX_CELLS:,} cells: the rest of "
                             f"sheet {sheet.title!r} and the sheets after it were not read; split it into "
                             "smaller workbooks to read them")
                break
    finally:
        workbook.close()
    if budget.skipped:
        names = ", ".join(repr(n) for n in budget.skipped)
        builder.warn(f"hidden sheets skipped: {names}; unhide them in Excel to have them read")


def _read_sheet(sheet: Any, builder: DocumentBuilder, budget: _Budget) -> None:
    sheet.reset_dimensions()  # a stale <dimension> would pad every row to its width; read what is there
    rows = _sheet_rows(sheet, budget)
    if not rows:
        return
    name = " ".join(str(sheet.title).split())
    builder.add(name, "heading", f"sheet {name}", heading_level=1)
    start = _table_start(rows)
    for row in rows[:start]:
        _title_row(row, name, builder, "header" if start < len(rows) else "paragraph")
    if start < len(rows):
        budget.tables += 1
        _table(rows[start:], name, budget.tables, builder)


def _sheet_rows(sheet: Any, budget: _Budget) -> list[_Row]:
    """The sheet's non-empty rows, within the workbook's budget."""
    rows: list[_Row] = []
    for cells in sheet.iter_rows():
        budget.cells -= len(cells)
        if budget.cells < 0 or budget.rows <= 0:
            budget.exhausted = True
            break
        row = _read_row(cells)
        if row is not None:
            rows.append(row)
            budget.rows -= 1
    return rows


def _read_row(cells: tuple[Any, ...]) -> _Row | None:
    texts = [_cell_text(c) for c in cells]
    number = next((c.row for c, text in zip(cells, texts, strict=True) if text), None)
    if number is None:  # nothing written in it (a row that is only formatted is not content)
        return None
    struck = [bool(text and c.font and c.font.strike) for c, text in zip(cells, texts, strict=True)]
    return _Row(number, texts, [isinstance(c.value, str) for c in cells], struck, [_fill(c) for c in cells])


def _cell_text(cell: Any) -> str:
    """What Excel shows in a cell, near enough: ISO dates, percentages, no trailing '.0'."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return _number_text(value, str(cell.number_format or ""))
    return " ".join(str(value).split())


def _number_text(value: float, number_format: str) -> str:
    if not math.isfinite(value):
        return str(value)
    if "%" in number_format:
        return f"{round(value * 100, 6):g}%"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.12g}"


def _fill(cell: Any) -> str | None:
    """A cell's solid fill colour as RRGGBB ("00B050"); None for no fill, theme or automatic colours."""
    fill = getattr(cell, "fill", None)
    if fill is None or fill.fill_type != "solid" or fill.fgColor is None:
        return None
    colour = fill.fgColor
    rgb = colour.rgb if colour.type == "rgb" else None
    if colour.type == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

        rgb = COLOR_INDEX[colour.indexed] if 0 <= colour.indexed < len(COLOR_INDEX) else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return None
    return rgb[-6:].upper()


def _table_start(rows: list[_Row]) -> int:
    """Where the sheet's table starts: its header row, else its first row of several cells."""
    window = rows[:_HEADER_SCAN]
    widest = max(len(r.filled()) for r in window)
    for i, row in enumerate(window):
        filled = row.filled()
        labels = all(is_text for cell, is_text in zip(row.cells, row.labels, strict=True) if cell)
        below = rows[i + 1].filled() if i + 1 < len(rows) else []
        if (len(filled) >= max(2, math.ceil(0.6 * widest)) and labels and len(below) >= 2
                and all(len(c) <= _MAX_HEADER_CELL for c in filled)):
            return i
    return next((i for i, r in enumerate(rows) if len(r.filled()) >= 2), len(rows))


def _title_row(row: _Row, sheet: str, builder: DocumentBuilder, kind: str) -> None:
    """A row that is not in a table: above one, a title or a "Last updated: 2026-03-13" line (kind
    "header": it dates and names the sheet, it is not an item of the log); on a sheet without a table,
    a paragraph."""
    text = " ".join(row.filled())
    if builder.title is None and len(row.filled()) == 1 and kind == "header":
        builder.title = text[:200]
    builder.add(text, kind, f"sheet {sheet} row {row.number}")


def _table(rows: list[_Row], sheet: str, number: int, builder: DocumentBuilder) -> None:
    # the columns something is written in (a RAG column shown only in colour still has its header)
    first = min(next(i for i, c in enumerate(r.cells) if c) for r in rows)
    last = max(max(i for i, c in enumerate(r.cells) if c) for r in rows) + 1
    for position, row in enumerate(rows, start=1):
        cells = _pad(row.cells[first:last], last - first, "")
        struck = _pad(row.struck[first:last], last - first, False)
        fills = _pad(row.fills[first:last], last - first, None)
        builder.add(" | ".join(cells), "table_row", f"sheet {sheet} row {row.number}", table=number,
                    row=position, cells=cells, struck=struck,
                    is_struck=any(struck) and all(s for s, c in zip(struck, cells, strict=True) if c),
                    fills=fills if any(fills) else None)


def _pad(values: list[Any], width: int, filler: Any) -> list[Any]:
    return values + [filler] * (width - len(values))
