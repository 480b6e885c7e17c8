"""HTML (files and e-mail bodies) with the standard library parser: headings, paragraphs, lists, tables."""

from __future__ import annotations

from html.parser import HTMLParser

from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.sniff import decode_text

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "blockquote", "pre",
               "section", "article", "header", "footer", "br", "dt", "dd", "caption"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}
_STRIKE_TAGS = {"s", "strike", "del"}


def parse_html(data: bytes, builder: DocumentBuilder) -> None:
    """A .html file."""
    parse_html_text(decode_text(data, builder.warn), builder)


def parse_html_text(text: str, builder: DocumentBuilder, *, first_line: int = 1,
                    spans: list[tuple[int, int]] | None = None) -> None:
    """Add the blocks of an HTML text; `first_line` is where it starts in the file (`spans`: parse_text)."""
    reader = _BlockReader(builder, first_line, spans)
    reader.feed(text)
    reader.close()
    reader.flush()


class _BlockReader(HTMLParser):
    """Turns the tag stream into blocks, flushing text at every block boundary."""

    def __init__(self, builder: DocumentBuilder, first_line: int,
                 spans: list[tuple[int, int]] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.builder, self.first_line, self.spans = builder, first_line, spans
        self.parts: list[str] = []
        self.struck_chars = 0
        self.kind = "paragraph"
        self.level: int | None = None
        self.start_line: int | None = None
        self.skip_depth = 0
        self.strike_depth = 0
        self.paragraphs = 0
        self.tables = 0
        self.row: list[str] | None = None
        self.row_struck: list[bool] = []
        self.rows = 0
        self.cell: list[str] | None = None
        self.cell_struck = False
        self.task_lists: list[bool] = []  # for each open <ul>/<ol>: is it a task list?
        self.task: bool | None = None  # the current <li> is a task: ticked or not

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.task_lists.append("task-list" in (dict(attrs).get("class") or ""))
        elif tag == "input" and (dict(attrs).get("type") or "").lower() == "checkbox":
            self.task = "checked" in dict(attrs)  # <li><input type="checkbox" checked> …
        if tag in _SKIP_TAGS and tag != "head":
            self.skip_depth += 1
        elif tag in _STRIKE_TAGS:
            self.strike_depth += 1
        elif tag == "table":
            self.flush()
            self.tables += 1
            self.rows = 0
        elif tag == "tr":
            self.flush()
            self.row, self.row_struck = [], []
            self.start_line = self._line()
        elif tag in ("td", "th") and self.row is not None:
            self.cell, self.cell_struck = [], False
        elif tag in _BLOCK_TAGS and self.cell is None:
            self.flush()
            if tag == "title" or (tag[0] == "h" and tag[1:].isdigit()):
                self.kind = "title" if tag == "title" else "heading"
                self.level = None if tag == "title" else int(tag[1])
            elif tag == "li":
                self.kind = "list_item"
                self.task = _task_state(dict(attrs), bool(self.task_lists and self.task_lists[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.task_lists:
            self.task_lists.pop()
        if tag in _SKIP_TAGS and tag != "head":
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _STRIKE_TAGS:
            self.strike_depth = max(0, self.strike_depth - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.row_struck.append(self.cell_struck)
            self.cell = None
        elif tag == "tr":
            self._flush_row()
        elif tag in _BLOCK_TAGS and self.cell is None:
            self.flush()
            if tag == "li":
                self.task = None

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
            self.cell_struck = self.cell_struck or (self.strike_depth > 0 and bool(data.strip()))
            return
        if data.strip() and self.start_line is None:
            self.start_line = self._line()
        self.parts.append(data)
        if self.strike_depth:
            self.struck_chars += len(data.strip())

    def flush(self) -> None:
        """Emit the text collected since the last block boundary."""
        text = " ".join("".join(self.parts).split())
        if text:
            self.paragraphs += 1
            line = self.start_line or self._line()
            is_struck = self.struck_chars >= len(text.replace(" ", "")) > 0
            if self.kind == "title" and self.builder.title is None:
                self.builder.title = text
            self.builder.add(text, self.kind, f"paragraph {self.paragraphs}", heading_level=self.level,
                             line_start=line, line_end=self._line(end=True), is_struck=is_struck,
                             checked=self.task)
            self.task = None
        self.parts, self.struck_chars, self.kind, self.level, self.start_line = [], 0, "paragraph", None, None

    def _flush_row(self) -> None:
        row, self.row = self.row, None
        if not row or not any(row):
            return
        self.rows += 1
        self.builder.add(" | ".join(row), "table_row", f"table {self.tables} row {self.rows}",
                         table=self.tables, row=self.rows, cells=row, struck=self.row_struck,
                         is_struck=all(self.row_struck), line_start=self.start_line,
                         line_end=self._line(end=True))
        self.start_line = None

    def _line(self, end: bool = False) -> int:
        index = self.getpos()[0] - 1
        if self.spans:
            return self.spans[min(index, len(self.spans) - 1)][1 if end else 0]
        return index + self.first_line


def _task_state(attrs: dict[str, str | None], in_task_list: bool) -> bool | None:
    """A wiki task's tick (Confluence `<li class="checked">`, `data-task-status="complete"`), else None."""
    classes = (attrs.get("class") or "").split()
    status = (attrs.get("data-task-status") or attrs.get("data-inline-task-status") or "").lower()
    if "checked" in classes or status in ("complete", "completed", "checked", "done"):
        return True
    is_task = in_task_list or status or "task-list-item" in classes or "data-inline-task-id" in attrs
    return False if is_task else None
