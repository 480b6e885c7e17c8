"""PDF with pypdf: text per page, wrapped lines joined back into paragraphs; scanned pages by OCR."""

from __future__ import annotations

import io
import re

from signalscan.errors import ParseError
from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.ocr import ScannedPages

_ENDS_SENTENCE = (".", ":", ";", "!", "?")
_BULLETS = "-*\u2022\u25aa\u25cf\u25e6\u2013\x7f\uf0b7"  # reportlab draws a missing bullet glyph as DEL
_COLUMN_GAP = re.compile(r"\s{3,}")
# "2. Workstream status", "4.1 Risks": short numbered lines with no sentence or label in them
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+[A-Z][^.:;]{2,60}$")
_STARTS_ITEM = re.compile(
    r"^(?:[-*\u2022\u25aa\u25cf\u25e6\u2013\x7f\uf0b7]|\d{1,3}[.)]|\d+\.\d+\b|[A-Z][\w &/()'-]{0,40}:\s)")


def parse_pdf(data: bytes, builder: DocumentBuilder) -> None:
    """A .pdf file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, builder)
        builder.title = _metadata_title(reader)
        pages = list(reader.pages)
    except ParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ParseError(f"broken PDF ({exc.__class__.__name__}): re-export or print it to PDF again, "
                         "then ingest again") from None
    with ScannedPages(data, builder) as scans:
        for number, page in enumerate(pages, start=1):
            try:
                text = _page_text(page)
            except Exception as exc:  # pypdf raises many types on damaged content streams
                builder.warn(f"page {number} could not be read ({exc.__class__.__name__}); it was skipped")
                continue
            if not text.strip() and _has_images(page):
                text = scans.read(number)
            _page_blocks(text, number, builder)
        scans.finish()
    if not builder.blocks and scans.attempted:
        raise ParseError("no text in this PDF: OCR found no words on its page images; check the scan is "
                         "legible and upright, or export the minutes with OCR, and ingest again")
    if not builder.blocks and pages:
        raise ParseError("no text in this PDF (probably scanned images): run OCR on it and ingest again")


def _unlock(reader: object, builder: DocumentBuilder) -> None:
    if not getattr(reader, "is_encrypted", False):
        return
    try:
        # Many PDFs carry only an owner password (restricting printing); they open with an empty one.
        opened = reader.decrypt("")  # type: ignore[attr-defined]
    except Exception:  # pypdf raises DependencyError without a crypto library, among others
        opened = 0
    if not opened:
        raise ParseError("encrypted PDF: remove the password and ingest again")
    builder.warn("the PDF is encrypted with an empty password; it was read anyway")


def _metadata_title(reader: object) -> str | None:
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
        title = meta.title if meta is not None else None
    except Exception:  # damaged info dictionaries are common and harmless
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


def _has_images(page: object) -> bool:
    """True when the page draws an image (a scan, a photo): worth OCR when it has no text."""
    try:
        return len(page.images) > 0  # type: ignore[attr-defined]
    except Exception:  # damaged resources: pypdf raises many types; treat as no images
        return False


def _page_text(page: object) -> str:
    """Page text in layout mode, which keeps a table row on one line; plain mode as the fallback."""
    try:
        return page.extract_text(extraction_mode="layout") or ""  # type: ignore[attr-defined]
    except Exception:  # layout mode fails on some fonts; plain extraction still works there
        return page.extract_text() or ""  # type: ignore[attr-defined]


def _page_blocks(text: str, page: int, builder: DocumentBuilder) -> None:
    raw = text.replace("\r", "\n").split("\n")
    lines = [line.strip() for line in raw]
    columns = [_COLUMN_GAP.split(line) if line else [] for line in lines]
    paragraph: list[str] = []
    table, row = 0, 0
    pending: list[str] = []  # the table row being read: its wrapped cell lines still join it
    starts: list[int] = []
    for index, line in enumerate(lines):
        if not line:
            _flush(paragraph, page, builder)
            continue
        if pending and len(columns[index]) == 1 and lines[index - 1]:
            cell = _wrapped_cell(raw[index], starts)
            if cell is not None:
                pending[cell] = f"{pending[cell]} {line}"
                continue
        if len(columns[index]) >= 2 and (row or _next_is_row(columns, index)):
            _flush(paragraph, page, builder)
            _add_row(pending, page, table, row, builder)
            if row == 0:
                table += 1
            row += 1
            pending, starts = list(columns[index]), _cell_starts(raw[index])
            continue
        _add_row(pending, page, table, row, builder)
        pending, row = [], 0
        line = " ".join(line.split())
        if paragraph and _continues(paragraph[-1], line):
            paragraph.append(line)
        else:
            _flush(paragraph, page, builder)
            paragraph.append(line)
    _add_row(pending, page, table, row, builder)
    _flush(paragraph, page, builder)


def _add_row(cells: list[str], page: int, table: int, row: int, builder: DocumentBuilder) -> None:
    if cells:
        builder.add(" | ".join(cells), "table_row", f"page {page} table {table} row {row}", page=page,
                    table=table, row=row, cells=cells, struck=[False] * len(cells))


def _cell_starts(raw_line: str) -> list[int]:
    """Where each column of a layout-mode table line starts."""
    return [m.start(1) for m in re.finditer(r"(?:^\s*|\s{3,})(\S)", raw_line)]


def _wrapped_cell(raw_line: str, starts: list[int]) -> int | None:
    """The column a lone line indented under a later column of the row above continues (a wrapped cell)."""
    indent = len(raw_line) - len(raw_line.lstrip())
    if len(starts) < 2 or indent < starts[1] - 2:
        return None
    return max(i for i, start in enumerate(starts) if start <= indent + 2)


def _next_is_row(columns: list[list[str]], index: int) -> bool:
    """A table starts where two rows of columns follow each other (blank lines between are allowed)."""
    following = next((c for c in columns[index + 1:] if c), [])
    return len(following) >= 2


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one did not end a sentence and this one starts mid-sentence."""
    if previous.endswith(_ENDS_SENTENCE) or _STARTS_ITEM.match(line):
        return False
    return line[:1].islower() or (len(previous) > 60 and not line[:1].isupper())


def _flush(paragraph: list[str], page: int, builder: DocumentBuilder) -> None:
    if not paragraph:
        return
    text = "\n".join(paragraph)
    kind, level = "paragraph", None
    if paragraph[0][:1] in _BULLETS:
        kind, text = "list_item", text[1:].strip()
    elif len(paragraph) == 1 and (heading := _NUMBERED_HEADING.match(text)):
        kind, level = "heading", heading.group(1).count(".") + 1
    builder.add(text, kind, f"page {page}", page=page, heading_level=level)
    paragraph.clear()
