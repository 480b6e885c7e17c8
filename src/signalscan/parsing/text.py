"""Plain text and Markdown: paragraphs, labelled lines, list items, headings and tables, with file lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.sniff import decode_text

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s*(?:[-*+\u2022\u2013]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
# "Jordan Lee: ...", "Action (JK): ...", "Date: ...": one statement per line, never merged
_LABELLED = re.compile(r"^[A-Z][\w&/.'()\- ]{0,40}:\s")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_STRUCK = re.compile(r"^~~(.+)~~\s*$")
_EMPHASIS = re.compile(r"^(\*\*|__|`)(.*)\1$")


@dataclass
class _Para:
    lines: list[str]
    start: int  # 1-based line of the file
    end: int
    kind: str = "paragraph"


def line_locator(start: int, end: int) -> str:
    """'line 7' or 'lines 7-9'."""
    return f"line {start}" if start == end else f"lines {start}-{end}"


def parse_text(text: str, builder: DocumentBuilder, *, markdown: bool, first_line: int = 1,
               locator_prefix: str = "", spans: list[tuple[int, int]] | None = None) -> None:
    """Add a text body's blocks; `first_line` is the file line where `text` starts (e-mail bodies).

    `spans`, when given, maps each line of `text` to the (first, last) file line it came from
    (a quoted-printable line wrapped with soft breaks spans several file lines).
    """
    state = _TextState(builder, markdown, locator_prefix, first_line, spans)
    for offset, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        state.feed(raw.rstrip(), first_line + offset)
    state.flush()


class _TextState:
    """Line-by-line reader: groups wrapped lines into paragraphs, keeps structured lines alone."""

    def __init__(self, builder: DocumentBuilder, markdown: bool, prefix: str, first_line: int = 1,
                 spans: list[tuple[int, int]] | None = None) -> None:
        self.builder, self.markdown, self.prefix = builder, markdown, prefix
        self.first_line, self.spans = first_line, spans
        self.para: _Para | None = None
        self.table_number = 0
        self.table_row = 0
        self.in_fence = False

    def feed(self, line: str, number: int) -> None:
        """Take one line of the file."""
        stripped = line.strip()
        if self.markdown and stripped.startswith("```"):
            self.flush()
            self.in_fence = not self.in_fence
            return
        if not stripped:
            self.flush()
            self.table_row = 0
            return
        if self.in_fence:
            self._emit(stripped, "paragraph", number, number)
            return
        if self.markdown and self._markdown_line(stripped, number):
            return
        if stripped.startswith("|") and stripped.count("|") >= 2:
            self._table_row(stripped, number)
            return
        self._plain_line(line, stripped, number)

    def _markdown_line(self, stripped: str, number: int) -> bool:
        heading = _MD_HEADING.match(stripped)
        if heading:
            self.flush()
            self._emit(heading.group(2), "heading", number, number, heading_level=len(heading.group(1)))
            return True
        single = self.para is not None and len(self.para.lines) == 1 and self.para.kind == "paragraph"
        if _SETEXT.match(stripped) and single and self.para is not None:
            para, self.para = self.para, None
            level = 1 if stripped.startswith("=") else 2
            self._emit(para.lines[0], "heading", para.start, para.start, heading_level=level)
            return True
        if _SETEXT.match(stripped) or stripped in ("***", "___"):
            self.flush()  # a horizontal rule
            return True
        return False

    def _plain_line(self, line: str, stripped: str, number: int) -> None:
        item = _LIST.match(line)
        if item:
            self.flush()
            self.para = _Para([_CHECKBOX.sub("", item.group(1))], number, number, "list_item")
            return
        continues = (self.para is not None and not _LABELLED.match(stripped)
                     and (self.para.kind == "paragraph" or line[:1].isspace()))
        if continues and self.para is not None:
            self.para.lines.append(stripped)
            self.para.end = number
            return
        self.flush()
        self.para = _Para([stripped], number, number)

    def _table_row(self, stripped: str, number: int) -> None:
        self.flush()
        if _TABLE_SEP.match(stripped):
            return
        if self.table_row == 0:
            self.table_number += 1
        self.table_row += 1
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        struck = [bool(_STRUCK.match(c)) for c in cells]
        cells = [_unwrap(c) for c in cells]
        self._emit(stripped, "table_row", number, number, table=self.table_number, row=self.table_row,
                   cells=cells, struck=struck, is_struck=bool(cells) and all(struck))

    def flush(self) -> None:
        """Emit the paragraph being collected."""
        if self.para is None:
            return
        para, self.para = self.para, None
        text = "\n".join(para.lines)
        struck = _STRUCK.match(text)
        self._emit(struck.group(1) if struck else text, para.kind, para.start, para.end,
                   is_struck=bool(struck))

    def _emit(self, text: str, kind: str, start: int, end: int, **fields: object) -> None:
        if self.spans:
            start = self.spans[min(start - self.first_line, len(self.spans) - 1)][0]
            end = self.spans[min(end - self.first_line, len(self.spans) - 1)][1]
        self.builder.add(text, kind, self.prefix + line_locator(start, end),
                         line_start=start, line_end=end, **fields)


def _unwrap(cell: str) -> str:
    cell = _STRUCK.sub(r"\1", cell)
    emphasis = _EMPHASIS.match(cell)
    return emphasis.group(2).strip() if emphasis else cell


def parse_md(data: bytes, builder: DocumentBuilder) -> None:
    """A .md file."""
    parse_text(decode_text(data, builder.warn), builder, markdown=True)


def parse_txt(data: bytes, builder: DocumentBuilder) -> None:
    """A .txt file; an e-mail saved as text (headers first) is read as an e-mail."""
    text = decode_text(data, builder.warn)
    if looks_like_email(text):
        from signalscan.parsing.eml import parse_email_text

        parse_email_text(text, builder)
        return
    parse_text(text, builder, markdown=False)


_HEADER_LINE = re.compile(r"^(From|To|Cc|Subject|Date|Sent):\s", re.IGNORECASE)


def looks_like_email(text: str) -> bool:
    """True when the text opens with e-mail headers (From/To/Subject/Date) before its first blank line."""
    head = text.lstrip("\ufeff").split("\n\n", 1)[0].split("\n")[:20]
    names = {m.group(1).lower() for line in head if (m := _HEADER_LINE.match(line))}
    return "from" in names and ("subject" in names or "date" in names or "sent" in names)
