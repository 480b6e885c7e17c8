"""The briefing as a Word document (python-docx): headings, tables and the two charts."""

from __future__ import annotations

import io

from signalscan.briefing import charts
from signalscan.briefing.model import Briefing
from signalscan.briefing.render_md import (
    RAG_WEEKS,
    SEVERITIES,
    changes_lines,
    cite,
    rag_cell_text,
    signal_line,
    title,
)

_RAG_FILL = {"green": "C9ECD0", "amber": "FDE6B0", "red": "F6C4C2", None: "EEEEEE"}


def render_docx(briefing: Briefing) -> bytes:
    """The whole briefing as .docx bytes."""
    from docx import Document

    document = Document()
    document.add_heading(title(briefing), level=0)
    paragraph = document.add_paragraph()
    paragraph.add_run("Headline: ").bold = True
    paragraph.add_run(briefing.headline.text)
    document.add_heading("Summary", level=1)
    document.add_paragraph(briefing.summary.text)
    if briefing.summary.note:
        document.add_paragraph().add_run(briefing.summary.note).italic = True
    document.add_heading("Leadership questions", level=1)
    for question in briefing.questions:
        item = document.add_paragraph(style="List Bullet")
        item.add_run(question.question + " ").bold = True
        item.add_run(question.answer)
    document.add_heading(
        "What changed" + (f" since {briefing.changes.since}" if briefing.changes.since else ""), level=1
    )
    for line in changes_lines(briefing):
        document.add_paragraph(line, style="List Bullet")
    _signals(document, briefing)
    _actions(document, briefing)
    _decisions_and_risks(document, briefing)
    _rag(document, briefing)
    document.add_heading("Facts cited", level=1)
    for fact in briefing.facts:
        cites = "; ".join(f"“{c.quote}” ({cite(c)})" for c in fact.citations)
        document.add_paragraph(f"[{fact.n}] {fact.text}" + (f" — {cites}" if cites else ""))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, header: list[str], rows: list[list[object]]):
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    # one grid read for the whole table: python-docx recomputes the grid on every row.cells
    cells = table._cells
    width = len(header)
    for i, text in enumerate(header):
        cells[i].paragraphs[0].add_run(text).bold = True
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            cells[r * width + c].paragraphs[0].add_run("—" if value is None else str(value))
    return table


def _picture(document, png: bytes | None, width_inches: float) -> None:
    from docx.shared import Inches

    if png:
        document.add_picture(io.BytesIO(png), width=Inches(width_inches))


def _signals(document, briefing: Briefing) -> None:
    document.add_heading("Signals by severity", level=1)
    for severity in SEVERITIES:
        active = briefing.active_signals(severity)
        document.add_heading(f"{severity.title()} ({len(active)})", level=2)
        if not active:
            document.add_paragraph("None.")
        for briefed in active:
            paragraph = document.add_paragraph()
            paragraph.add_run(signal_line(briefed)).bold = True
            paragraph.add_run(" — " + briefed.signal.explanation)
            for evidence in briefed.signal.evidence:
                document.add_paragraph(f"“{evidence.quote}” — {cite(evidence)}", style="Quote")


def _actions(document, briefing: Briefing) -> None:
    document.add_heading("Aging actions by owner", level=1)
    _picture(document, charts.aging_chart(briefing), 6.0)
    if not briefing.actions_by_owner:
        document.add_paragraph("No open actions.")
    for owner in briefing.actions_by_owner:
        document.add_heading(f"{owner.owner} — {owner.open} open, {owner.overdue} overdue", level=2)
        _table(
            document,
            ["Action", "Age (weeks)", "Carried over", "Due slips", "Due", "Evidence"],
            [
                [
                    a.text,
                    a.age_weeks,
                    a.carried_over,
                    a.due_slips,
                    f"{a.due}{' (overdue)' if a.overdue else ''}" if a.due else "none",
                    cite(a.evidence) if a.evidence else None,
                ]
                for a in owner.actions
            ],
        )


def _decisions_and_risks(document, briefing: Briefing) -> None:
    document.add_heading("Decisions waiting", level=1)
    if briefing.decisions_waiting:
        _table(
            document,
            ["Decision", "Status", "Since", "Weeks waiting", "Times deferred", "Evidence"],
            [
                [
                    d.text,
                    d.status,
                    d.since,
                    d.weeks_waiting,
                    d.times_deferred,
                    cite(d.evidence) if d.evidence else None,
                ]
                for d in briefing.decisions_waiting
            ],
        )
    else:
        document.add_paragraph("None.")
    health = briefing.risk_health
    document.add_heading("Risk register health", level=1)
    _table(
        document,
        ["Open", "Without owner", "Without mitigation", "Closed"],
        [[health.open, health.without_owner, health.without_mitigation, health.closed]],
    )
    if health.without_either:
        document.add_paragraph(
            "Open with neither owner nor mitigation: " + "; ".join(health.without_either) + "."
        )


def _rag(document, briefing: Briefing) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document.add_heading("Reported RAG against evidence", level=1)
    _picture(document, charts.rag_chart(briefing), 6.5)
    if not briefing.rag_grid:
        document.add_paragraph("No workstream status reported.")
        return
    weeks = briefing.rag_grid[0].cells[-RAG_WEEKS:]
    table = _table(
        document,
        ["Workstream"] + [c.week.strftime("%d %b") for c in weeks],
        [[row.workstream] + [rag_cell_text(c) for c in row.cells[-RAG_WEEKS:]] for row in briefing.rag_grid],
    )
    for row, data in zip(table.rows[1:], briefing.rag_grid, strict=True):
        for cell, rag in zip(row.cells[1:], data.cells[-RAG_WEEKS:], strict=True):
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), _RAG_FILL[rag.reported])
            cell._tc.get_or_add_tcPr().append(shading)
    document.add_paragraph(
        "G/A/R = reported colour, · = not reported, ! = a document of that week described trouble."
    )
