"""The briefing as Markdown (also the shared wording the other renderers use)."""

from __future__ import annotations

from collections.abc import Sequence

from signalscan.briefing.model import BriefedSignal, Briefing, OwnerActions, RagCell
from signalscan.models import SignalEvidence

SEVERITIES = ("high", "medium", "low")
RAG_LETTER = {"green": "G", "amber": "A", "red": "R", None: "·"}
RAG_WEEKS = 12
ACTION_COLUMNS = ["Action", "Age (weeks)", "Carried over", "Due slips", "Due", "Evidence"]


def action_rows(owner: OwnerActions) -> list[list[object]]:
    """One owner's aging actions as table rows (the same in every format)."""
    return [
        [a.text, a.age_weeks, a.carried_over, a.due_slips,
         f"{a.due}{' (overdue)' if a.overdue else ''}" if a.due else "none",
         cite(a.evidence) if a.evidence else None]
        for a in owner.actions
    ]


DECISION_COLUMNS = ["Decision", "Status", "Since", "Weeks waiting", "Times deferred", "Evidence"]


def decision_rows(briefing: Briefing) -> list[list[object]]:
    """The decisions waiting as table rows (the same in every format)."""
    return [[d.text, d.status, d.since, d.weeks_waiting, d.times_deferred,
             cite(d.evidence) if d.evidence else None]
            for d in briefing.decisions_waiting]


def title(briefing: Briefing) -> str:
    """The briefing's title line."""
    return f"Execution-gap briefing — {briefing.program} — as of {briefing.as_of or 'no meetings yet'}"


def cite(evidence: SignalEvidence) -> str:
    """A citation a person can follow: document, date, locator."""
    when = f", {evidence.meeting_date}" if evidence.meeting_date else ""
    return f"{evidence.document}{when}, {evidence.locator}"


def signal_line(briefed: BriefedSignal) -> str:
    """One signal in a line: type, subject, where and when."""
    s = briefed.signal
    where = ", ".join(x for x in (s.workstream if s.workstream != s.subject else None, s.owner) if x)
    span = f"{s.first_seen} → {s.last_seen}" if s.first_seen else ""
    extra = "; ".join(x for x in (where, span) if x)
    return f"{s.type.replace('_', ' ')} — {s.subject}" + (f" ({extra})" if extra else "")


def rag_cell_text(cell: RagCell) -> str:
    """A grid cell in text: reported letter, then ! when evidence described trouble."""
    return RAG_LETTER[cell.reported] + ("!" if cell.trouble else "")


def changes_lines(briefing: Briefing) -> list[str]:
    """The 'what changed' bullets, shared by every format."""
    changes = briefing.changes
    if changes.since is None:
        lines = ["First briefing for this program: nothing to compare with yet."]
    else:
        lines = [
            f"New signals: {len(changes.new_signals)}"
            + "".join(f"\n  - {signal_line(b)}" for b in changes.new_signals)
        ]
        lines.append(
            f"Resolved signals: {len(changes.resolved_signals)}"
            + "".join(f"\n  - {signal_line(b)}" for b in changes.resolved_signals)
        )
    lines.append(
        f"Decisions made: {len(changes.decisions_made)}"
        + "".join(
            f"\n  - {d.text} ({d.made_on}" + (f"; {cite(d.evidence)})" if d.evidence else ")")
            for d in changes.decisions_made
        )
    )
    return lines


def _cell(text: object) -> str:
    return str(text if text is not None else "—").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def render_md(briefing: Briefing) -> str:
    """The whole briefing as Markdown."""
    out = [f"# {title(briefing)}", "", f"**Headline:** {briefing.headline.text}", ""]
    out += ["## Summary", "", briefing.summary.text, ""]
    if briefing.summary.note:
        out += [f"_{briefing.summary.note}_", ""]
    out += ["## Leadership questions", ""]
    out += [f"- **{q.question}** {q.answer}" for q in briefing.questions] + [""]
    out += ["## What changed" + (f" since {briefing.changes.since}" if briefing.changes.since else ""), ""]
    out += [f"- {line}" for line in changes_lines(briefing)] + [""]
    out += _signals_md(briefing) + _actions_md(briefing) + _decisions_md(briefing)
    out += _risks_md(briefing) + _rag_md(briefing) + _facts_md(briefing)
    return "\n".join(out).rstrip() + "\n"


def _signals_md(briefing: Briefing) -> list[str]:
    out = ["## Signals by severity", ""]
    for severity in SEVERITIES:
        active = briefing.active_signals(severity)
        out += [f"### {severity.title()} ({len(active)})", ""]
        for briefed in active:
            out += [f"- **{signal_line(briefed)}** — {briefed.signal.explanation}"]
            out += [f"  - “{e.quote}” — {cite(e)}" for e in briefed.signal.evidence]
        out += [""] if active else ["None.", ""]
    earlier = [b for b in briefing.signals if not b.active]
    if earlier:
        out += [f"Earlier signals no longer active: {len(earlier)}.", ""]
    return out


def _actions_md(briefing: Briefing) -> list[str]:
    out = ["## Aging actions by owner", ""]
    if not briefing.actions_by_owner:
        return out + ["No open actions.", ""]
    for owner in briefing.actions_by_owner:
        out += [f"### {owner.owner} — {owner.open} open, {owner.overdue} overdue", ""]
        out += _table(
            ACTION_COLUMNS,
            action_rows(owner),
        )
    return out


def _decisions_md(briefing: Briefing) -> list[str]:
    out = ["## Decisions waiting", ""]
    if not briefing.decisions_waiting:
        return out + ["None.", ""]
    return out + _table(DECISION_COLUMNS, decision_rows(briefing))


def _risks_md(briefing: Briefing) -> list[str]:
    h = briefing.risk_health
    out = ["## Risk register health", ""]
    out += _table(
        ["Open", "Without owner", "Without mitigation", "Closed"],
        [[h.open, h.without_owner, h.without_mitigation, h.closed]],
    )
    if h.without_either:
        out += ["Open with neither owner nor mitigation: " + "; ".join(h.without_either) + ".", ""]
    return out


def _rag_md(briefing: Briefing) -> list[str]:
    out = ["## Reported RAG against evidence", ""]
    if not briefing.rag_grid:
        return out + ["No workstream status reported.", ""]
    weeks = briefing.rag_grid[0].cells[-RAG_WEEKS:]
    out += ["G/A/R = reported colour, · = not reported, ! = a document of that week described trouble.", ""]
    return out + _table(
        ["Workstream"] + [c.week.strftime("%d %b") for c in weeks],
        [[row.workstream] + [rag_cell_text(c) for c in row.cells[-RAG_WEEKS:]] for row in briefing.rag_grid],
    )


def _facts_md(briefing: Briefing) -> list[str]:
    out = ["## Facts cited", ""]
    for fact in briefing.facts:
        cites = "; ".join(f"“{c.quote}” ({cite(c)})" for c in fact.citations)
        out.append(f"{fact.n}. {fact.text}" + (f" — {cites}" if cites else ""))
    return out + [""]
