"""The briefing as a Word document: headings, tables and the two charts.

python-docx builds the package (styles, picture parts, saving); the body is written as
WordprocessingML text and parsed once, because python-docx's per-run and per-style-name calls
cost more than the rest of the briefing together.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from signalscan.briefing import charts
from signalscan.briefing.model import Briefing
from signalscan.briefing.render_md import (
    ACTION_COLUMNS,
    DECISION_COLUMNS,
    RAG_WEEKS,
    SEVERITIES,
    action_rows,
    changes_lines,
    cite,
    decision_rows,
    rag_cell_text,
    signal_line,
    title,
)

_RAG_FILL = {"green": "C9ECD0", "amber": "FDE6B0", "red": "F6C4C2", None: "EEEEEE"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold
_BREAKS = re.compile(r"(\r\n|\r|\n|\t)")


def run(text: str, bold: bool = False, italic: bool = False) -> str:
    """One run of text (`w:r`); newlines become line breaks and tabs tabs, as python-docx does."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    parts = []
    for piece in _BREAKS.split(_NOT_XML.sub("", text)):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r\n", "\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


class DocxWriter:
    """A Word document written top to bottom: paragraphs, headings, tables and pictures."""

    def __init__(self) -> None:
        from docx import Document

        self.document = Document()
        self.body: list[str] = []
        self._style_ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        """The id of a style of the default template, looked up by name once."""
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def paragraph(self, *runs: str, style: str | None = None) -> None:
        """A paragraph of runs (see `run`), in a named style."""
        props = f'<w:pPr><w:pStyle w:val="{self.style_id(style)}"/></w:pPr>' if style else ""
        self.body.append(f"<w:p>{props}{''.join(runs)}</w:p>")

    def text(self, text: str, style: str | None = None) -> None:
        """A paragraph of plain text."""
        self.paragraph(run(text), style=style)

    def heading(self, text: str, level: int) -> None:
        """A heading; level 0 is the document title."""
        self.text(text, style="Title" if level == 0 else f"Heading {level}")

    def table(
        self, header: list[str], rows: Sequence[Sequence[object]], fills: list[list[str | None]] | None = None
    ) -> None:
        """A bordered table with a bold header row; `fills` shades body cells (hex colours)."""
        section = self.document.sections[-1]
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        twips = (width // len(header)) // 635  # EMU to twentieths of a point
        cell_width = f'<w:tcW w:type="dxa" w:w="{twips}"/>'

        def cell(value: object, bold: bool = False, fill: str | None = None) -> str:
            shade = f'<w:shd w:val="clear" w:fill="{fill}"/>' if fill else ""
            text = "—" if value is None else str(value)
            return f"<w:tc><w:tcPr>{cell_width}{shade}</w:tcPr><w:p>{run(text, bold)}</w:p></w:tc>"

        lines = ["<w:tr>" + "".join(cell(h, bold=True) for h in header) + "</w:tr>"]
        for r, row in enumerate(rows):
            shades = fills[r] if fills else [None] * len(row)
            cells = "".join(cell(value, fill=fill) for value, fill in zip(row, shades, strict=True))
            lines.append(f"<w:tr>{cells}</w:tr>")
        grid = f'<w:gridCol w:w="{twips}"/>' * len(header)
        self.body.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
            'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(lines)}</w:tbl>"
        )

    def picture(self, png: bytes | None, width_inches: float) -> None:
        """A PNG in a paragraph of its own, scaled to a width (the chart's bytes, drawn once)."""
        if not png:
            return
        from docx.shared import Inches
        from lxml import etree  # type: ignore[import-untyped]

        inline = self.document.part.new_pic_inline(io.BytesIO(png), Inches(width_inches), None)
        drawing = etree.tostring(inline, encoding="unicode")
        self.body.append(f"<w:p><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>")

    def save(self) -> bytes:
        """Parse the written body once, put it before the section properties, return the .docx bytes."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        fragment = parse_xml(f"<w:body {nsdecls('w', 'r', 'wp', 'a', 'pic')}>{''.join(self.body)}</w:body>")
        end = self.document.element.body.sectPr
        for element in list(fragment):
            end.addprevious(element)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def render_docx(briefing: Briefing) -> bytes:
    """The whole briefing as .docx bytes."""
    doc = DocxWriter()
    doc.heading(title(briefing), 0)
    doc.paragraph(run("Headline: ", bold=True), run(briefing.headline.text))
    doc.heading("Summary", 1)
    doc.text(briefing.summary.text)
    if briefing.summary.note:
        doc.paragraph(run(briefing.summary.note, italic=True))
    doc.heading("Leadership questions", 1)
    for question in briefing.questions:
        doc.paragraph(run(question.question + " ", bold=True), run(question.answer), style="List Bullet")
    doc.heading("What changed" + (f" since {briefing.changes.since}" if briefing.changes.since else ""), 1)
    for line in changes_lines(briefing):
        doc.text(line, style="List Bullet")
    _signals(doc, briefing)
    _actions(doc, briefing)
    _decisions_and_risks(doc, briefing)
    _rag(doc, briefing)
    doc.heading("Facts cited", 1)
    for fact in briefing.facts:
        cites = "; ".join(f"“{c.quote}” ({cite(c)})" for c in fact.citations)
        doc.text(f"[{fact.n}] {fact.text}" + (f" — {cites}" if cites else ""))
    return doc.save()


def _signals(doc: DocxWriter, briefing: Briefing) -> None:
    doc.heading("Signals by severity", 1)
    for severity in SEVERITIES:
        active = briefing.active_signals(severity)
        doc.heading(f"{severity.title()} ({len(active)})", 2)
        if not active:
            doc.text("None.")
        for briefed in active:
            doc.paragraph(run(signal_line(briefed), bold=True), run(" — " + briefed.signal.explanation))
            for evidence in briefed.signal.evidence:
                doc.text(f"“{evidence.quote}” — {cite(evidence)}", style="Quote")


def _actions(doc: DocxWriter, briefing: Briefing) -> None:
    doc.heading("Aging actions by owner", 1)
    doc.picture(charts.aging_chart(briefing), 6.0)
    if not briefing.actions_by_owner:
        doc.text("No open actions.")
    for owner in briefing.actions_by_owner:
        doc.heading(f"{owner.owner} — {owner.open} open, {owner.overdue} overdue", 2)
        doc.table(
            ACTION_COLUMNS,
            action_rows(owner),
        )


def _decisions_and_risks(doc: DocxWriter, briefing: Briefing) -> None:
    doc.heading("Decisions waiting", 1)
    if briefing.decisions_waiting:
        doc.table(DECISION_COLUMNS, decision_rows(briefing))
    else:
        doc.text("None.")
    health = briefing.risk_health
    doc.heading("Risk register health", 1)
    doc.table(
        ["Open", "Without owner", "Without mitigation", "Closed"],
        [[health.open, health.without_owner, health.without_mitigation, health.closed]],
    )
    if health.without_either:
        doc.text("Open with neither owner nor mitigation: " + "; ".join(health.without_either) + ".")


def _rag(doc: DocxWriter, briefing: Briefing) -> None:
    doc.heading("Reported RAG against evidence", 1)
    doc.picture(charts.rag_chart(briefing), 6.5)
    if not briefing.rag_grid:
        doc.text("No workstream status reported.")
        return
    weeks = briefing.rag_grid[0].cells[-RAG_WEEKS:]
    doc.table(
        ["Workstream"] + [c.week.strftime("%d %b") for c in weeks],
        [[row.workstream] + [rag_cell_text(c) for c in row.cells[-RAG_WEEKS:]] for row in briefing.rag_grid],
        fills=[[None] + [_RAG_FILL[c.reported] for c in row.cells[-RAG_WEEKS:]] for row in briefing.rag_grid],
    )
    doc.text("G/A/R = reported colour, · = not reported, ! = a document of that week described trouble.")
