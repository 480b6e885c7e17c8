"""Meeting weeks: one steering meeting and the documents filed within a few days of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from signalscan.models import StoredExtraction

# documents that record the meeting itself; decks, reports and e-mails attach to them
_MEETING_KINDS = ("minutes", "transcript")


@dataclass(frozen=True)
class MeetingWeek:
    """A meeting (anchor date) and the span of documents filed for it."""

    anchor: date
    start: date
    end: date

    def holds(self, day: date | None) -> bool:
        """Whether a date falls within this week's documents."""
        return day is not None and self.start <= day <= self.end


def meeting_weeks(extractions: Iterable[StoredExtraction], window_days: int = 3) -> list[MeetingWeek]:
    """Group the documents' dates into meeting weeks, oldest first."""
    dated = [(s.extraction.document.meeting_date, s.extraction.document.kind) for s in extractions]
    dates = sorted({d for d, _ in dated if d is not None})
    anchors = sorted({d for d, kind in dated if d is not None and kind in _MEETING_KINDS})
    for day in dates:  # dates far from any minutes start a meeting week of their own
        if not any(abs((day - a).days) <= window_days for a in anchors):
            anchors = sorted([*anchors, day])
    members: dict[date, list[date]] = {a: [a] for a in anchors}
    for day in dates:
        nearest = min(anchors, key=lambda a: (abs((day - a).days), a))
        members[nearest].append(day)
    return [MeetingWeek(a, min(members[a]), max(members[a])) for a in anchors]


def week_of(weeks: list[MeetingWeek], day: date | None) -> MeetingWeek | None:
    """The meeting week a date belongs to (the latest week starting on or before it)."""
    if day is None:
        return None
    found = None
    for week in weeks:
        if week.start <= day:
            found = week
    return found
