"""The nine execution-gap signals, computed from a program's extractions and threads (no LLM).

Everything is judged in meeting weeks (see `tracking.group_meeting_weeks`), so a signal means
the same whenever it is computed, and `as_of` hides whatever was written after that date.
Watermelon reads document text too: status narratives and item quotes always, and the raw
passages of each document when the caller passes them (`texts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from signalscan.models import Signal, StoredExtraction, Thread
from signalscan.signals.context import MAX_EVIDENCE, SEVERITY_ORDER, DocumentTexts, _Context
from signalscan.signals.meetings import attendance_declines, meetings_without_outcome, person_key
from signalscan.signals.phrases import problem_phrases
from signalscan.signals.progress import frozen_progress
from signalscan.signals.threads import (
    deferred_decisions,
    due_date_slips,
    stale_actions,
    unmitigated_risks,
    unowned_actions,
)
from signalscan.signals.watermelon import watermelons
from signalscan.tracking import WorkstreamNames, group_meeting_weeks

if TYPE_CHECKING:
    from signalscan.config import Settings

__all__ = [
    "MAX_EVIDENCE",
    "SEVERITY_ORDER",
    "DocumentTexts",
    "attendance_declines",
    "deferred_decisions",
    "detect_signals",
    "due_date_slips",
    "frozen_progress",
    "meetings_without_outcome",
    "person_key",
    "problem_phrases",
    "stale_actions",
    "unmitigated_risks",
    "unowned_actions",
    "watermelons",
]


def _known_threads(threads: Sequence[Thread], as_of: date) -> list[Thread]:
    """Threads as known on `as_of`: later mentions dropped, threads first seen later left out."""
    out = []
    for thread in threads:
        mentions = [m for m in thread.mentions if m.meeting_date and m.meeting_date <= as_of]
        if mentions:
            out.append(
                thread
                if len(mentions) == len(thread.mentions)
                else thread.model_copy(update={"mentions": mentions})
            )
    return out


def detect_signals(
    extractions: Sequence[StoredExtraction],
    threads: Sequence[Thread],
    settings: Settings,
    as_of: date | None = None,
    texts: DocumentTexts | None = None,
) -> list[Signal]:
    """Every execution-gap signal of one program as known on `as_of` (default: its latest meeting)."""
    dated = [(e, day) for e in extractions if (day := e.extraction.document.meeting_date)]
    if not dated:
        return []
    as_of = as_of or max(day for _, day in dated)
    known = [e for e, day in dated if day <= as_of]
    if not known:
        return []
    names = [s.workstream for e in known for s in e.extraction.statuses]
    ctx = _Context(
        settings=settings,
        as_of=as_of,
        extractions=known,
        weeks=group_meeting_weeks(known, settings.meeting_week_days),
        threads=_known_threads(threads, as_of),
        workstreams=WorkstreamNames(names),
        texts=texts or {},
    )
    found: list[Signal] = []
    for detector in (
        stale_actions,
        due_date_slips,
        deferred_decisions,
        unowned_actions,
        unmitigated_risks,
        frozen_progress,
        meetings_without_outcome,
        attendance_declines,
    ):
        found += detector(ctx)
    ctx.related_signals = [
        s for s in found if s.type in ("stale_action", "unmitigated_risk", "frozen_progress")
    ]
    found += watermelons(ctx)
    return sorted(
        found, key=lambda s: (SEVERITY_ORDER[s.severity], s.type, s.first_seen or date.min, s.subject)
    )
