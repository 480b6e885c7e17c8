"""Signals about single tracked items (threads): stale actions, due-date slips, deferred decisions,
unowned actions and unmitigated risks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from signalscan.models import Mention, Severity, Signal
from signalscan.signals.context import _Context, _fmt, _subject, _thread_signal
from signalscan.tracking import CLOSED_STATUSES, is_vague_owner, mention_weeks, week_status

# a mitigation that names no measure: "TBC", "none yet", "to be identified", "no mitigation agreed"
_VAGUE_MITIGATION = re.compile(
    r"(?i)^\W*(?:|none(?: yet| agreed| identified)?|no(?:ne|t)?\b.*|n/?a|tb[acd]|\?|-+|pending|unknown|"
    r"to be (?:identified|confirmed|agreed|determined|defined|discussed)|awaiting\b.*)\W*$"
)


def _week_due(mentions: Sequence[Mention]) -> date | None:
    """A week's due date: the latest stated that week (a stale deck keeps the old one)."""
    return max((m.due for m in mentions if m.due), default=None)


def stale_actions(ctx: _Context) -> list[Signal]:
    """Actions not closed in N+ meeting weeks and, at the last, overdue, undated or re-dated."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        if week_status("action", by_week[max(by_week)]) in CLOSED_STATUSES["action"]:
            continue
        open_weeks = [
            w for w, ms in by_week.items() if week_status("action", ms) not in CLOSED_STATUSES["action"]
        ]
        if len(open_weeks) < ctx.settings.stale_action_weeks:
            continue
        last = open_weeks[-1]
        due = _week_due(by_week[last])
        first_due = next((_week_due(by_week[w]) for w in by_week if _week_due(by_week[w])), None)
        if due is None:
            why = "still has no due date"
        elif due < last:
            why = f"was overdue (due {_fmt(due)}) at its last mention"
        elif first_due and due != first_due:
            why = f"has been re-dated from {_fmt(first_due)} to {_fmt(due)}"
        else:
            continue
        severity: Severity = (
            "high" if len(open_weeks) >= 2 * ctx.settings.stale_action_weeks - 1 else "medium"
        )
        explanation = (
            f'The action "{_subject(thread)}" has been reported open in {len(open_weeks)} '
            f"meeting weeks and {why}."
        )
        mentions = [m for w in open_weeks for m in by_week[w]]
        out.append(
            _thread_signal(
                "stale_action", thread, open_weeks, mentions, severity, explanation, ctx.workstreams
            )
        )
    return out


def due_date_slips(ctx: _Context) -> list[Signal]:
    """Actions whose due date moved later N+ times."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        week_dues = ((w, _week_due(ms)) for w, ms in by_week.items())
        dues = [(w, due) for w, due in week_dues if due]
        moves, latest, path = [], None, []
        for week, due in dues:
            if latest is not None and due > latest:
                moves.append(week)
            if latest is None or due > latest:
                latest = due
                path.append(due)
        if len(moves) < ctx.settings.due_date_slip_count:
            continue
        severity: Severity = "high" if len(moves) > ctx.settings.due_date_slip_count else "medium"
        explanation = (
            f'The due date of "{_subject(thread)}" has moved later {len(moves)} times: '
            f"{' -> '.join(_fmt(d) for d in path)}."
        )
        weeks = [dues[0][0], *moves]
        mentions = [m for w in weeks for m in by_week[w] if m.due]
        out.append(
            _thread_signal(
                "due_date_slip",
                thread,
                [w for w, _ in dues],
                mentions,
                severity,
                explanation,
                ctx.workstreams,
            )
        )
    return out


def deferred_decisions(ctx: _Context) -> list[Signal]:
    """Decisions reported pending or deferred in N+ meeting weeks."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "decision"):
        by_week = mention_weeks(thread, ctx.weeks)
        waiting = [w for w, ms in by_week.items() if week_status("decision", ms) in ("pending", "deferred")]
        if len(waiting) < ctx.settings.deferred_decision_weeks:
            continue
        made = week_status("decision", by_week[max(by_week)]) == "made"
        tail = f", before it was made on {_fmt(max(by_week))}" if made else " and it is still not made"
        severity: Severity = (
            "high" if not made and len(waiting) >= ctx.settings.deferred_decision_weeks + 2 else "medium"
        )
        explanation = (
            f'The decision "{_subject(thread)}" was reported pending or deferred in '
            f"{len(waiting)} meeting weeks{tail}."
        )
        mentions = [m for w in waiting for m in by_week[w]]
        out.append(
            _thread_signal(
                "deferred_decision", thread, waiting, mentions, severity, explanation, ctx.workstreams
            )
        )
    return out


def unowned_actions(ctx: _Context) -> list[Signal]:
    """Open actions with no accountable owner (none named, or a vague one)."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        if week_status("action", by_week[max(by_week)]) in CLOSED_STATUSES["action"]:
            continue
        if any(not is_vague_owner(m.owner) for m in thread.mentions):
            continue
        named = next((m.owner for m in thread.mentions if m.owner), None)
        who = f'only a vague owner ("{named}")' if named else "no owner"
        explanation = f'The open action "{_subject(thread)}" has {who}, so nobody is accountable for it.'
        out.append(
            _thread_signal(
                "unowned_action",
                thread,
                list(by_week),
                thread.mentions,
                "medium",
                explanation,
                ctx.workstreams,
            )
        )
    return out


def _unmitigated(mentions: Sequence[Mention]) -> bool:
    owned = any(not is_vague_owner(m.owner) for m in mentions)
    mitigated = any(not _VAGUE_MITIGATION.match((m.mitigation or "").strip()) for m in mentions)
    return not owned and not mitigated


def unmitigated_risks(ctx: _Context) -> list[Signal]:
    """Risks recorded with neither owner nor mitigation in N+ meeting weeks (unless since closed)."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "risk"):
        by_week = mention_weeks(thread, ctx.weeks)
        latest = by_week[max(by_week)]
        bare = [w for w, ms in by_week.items() if _unmitigated(ms)]
        if week_status("risk", latest) == "closed" or len(bare) < ctx.settings.unmitigated_risk_weeks:
            continue
        # like a decision deferred for weeks and then made, weeks of an unmanaged risk stay a signal
        # once it is finally owned; it is just less urgent
        still = _unmitigated(latest)
        tail = "" if still else f", until it was given an owner or mitigation on {_fmt(max(by_week))}"
        high = still and any(m.severity == "high" for m in thread.mentions)
        explanation = (
            f'The risk "{_subject(thread)}" was recorded in {len(bare)} meeting weeks '
            f"with neither an owner nor a mitigation{tail}."
        )
        severity: Severity = "high" if high else "medium" if still else "low"
        mentions = [m for w in bare for m in by_week[w]]
        out.append(
            _thread_signal("unmitigated_risk", thread, bare, mentions, severity, explanation, ctx.workstreams)
        )
    return out
