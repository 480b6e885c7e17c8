"""Workstream reports (RAGs, % complete and status rows per meeting week) and the frozen-progress
signal read from them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from signalscan.models import Signal, SignalEvidence
from signalscan.signals.context import MAX_EVIDENCE, _Context, _fmt
from signalscan.tracking import is_vague_owner


@dataclass
class _Report:
    """What one meeting week's documents report for one workstream."""

    rags: list[str] = field(default_factory=list)
    percents: list[int] = field(default_factory=list)
    claims: list[SignalEvidence] = field(default_factory=list)  # the status rows, as evidence
    owner: str | None = None


def _workstream_reports(ctx: _Context) -> dict[str, dict[date, _Report]]:
    """Per canonical workstream, per meeting week: reported RAGs, % complete and the status rows."""
    out: dict[str, dict[date, _Report]] = defaultdict(dict)
    for week, docs in ctx.by_week().items():
        for doc in docs:
            for status in doc.extraction.statuses:
                name = ctx.workstreams.canonical(status.workstream)
                if not name:
                    continue
                report = out[name].setdefault(week, _Report())
                if status.reported:
                    report.rags.append(status.reported)
                if status.percent_complete is not None:
                    report.percents.append(status.percent_complete)
                report.owner = report.owner or (status.owner if not is_vague_owner(status.owner) else None)
                report.claims.append(
                    SignalEvidence(
                        document=doc.path,
                        meeting_date=doc.extraction.document.meeting_date,
                        locator=status.evidence.locator,
                        quote=status.evidence.quote,
                    )
                )
    return out


def _equal_runs(values: Sequence[tuple[date, int]]) -> list[list[tuple[date, int]]]:
    """Split (week, value) pairs into runs of the same value."""
    runs: list[list[tuple[date, int]]] = []
    for week, value in values:
        if runs and runs[-1][-1][1] == value:
            runs[-1].append((week, value))
        else:
            runs.append([(week, value)])
    return runs


def frozen_progress(ctx: _Context) -> list[Signal]:
    """A workstream's % complete identical (below 100) in N+ consecutive meeting weeks."""
    out = []
    for name, weekly in _workstream_reports(ctx).items():
        # weeks without a figure neither extend nor break a run: decks skip a week now and then
        values = [(w, Counter(r.percents).most_common(1)[0][0]) for w, r in weekly.items() if r.percents]
        for run in _equal_runs(values):
            value, weeks = run[0][1], [w for w, _ in run]
            if len(run) < ctx.settings.frozen_progress_weeks or value >= 100:
                continue
            long = len(run) >= ctx.settings.frozen_progress_weeks + 2
            owner = next((weekly[w].owner for w in reversed(weeks) if weekly[w].owner), None)
            explanation = (
                f"{name} has reported {value}% complete in {len(run)} consecutive meeting weeks "
                f"({_fmt(weeks[0])} to {_fmt(weeks[-1])})."
            )
            out.append(
                Signal(
                    type="frozen_progress",
                    severity="high" if long else "medium",
                    subject=name,
                    workstream=name,
                    owner=owner,
                    first_seen=weeks[0],
                    last_seen=weeks[-1],
                    explanation=explanation,
                    evidence=[c for w in weeks for c in weekly[w].claims[:1]][-MAX_EVIDENCE:],
                )
            )
    return out
