"""Meeting weeks: one steering meeting and the documents dated within a few days of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from signalscan.models import StoredExtraction

# documents written *at* the meeting anchor a meeting week; reports and e-mails are filed against one
MEETING_KINDS = ("minutes", "deck", "transcript")
# within a week, the minutes are the record of what was agreed; decks and reports are often stale copies
KIND_ORDER = {"minutes": 0, "transcript": 1, "deck": 2, "status_report": 3, "email": 4, "other": 5}


@dataclass
class MeetingWeeks:
    """Which meeting week each document belongs to (a week is named by its meeting date)."""

    weeks: list[date]
    week_of_document: dict[int, date]

    def index(self, week: date) -> int:
        """Position of a week in the program's sequence of meeting weeks."""
        return self.weeks.index(week)

    def week_of(self, extraction: StoredExtraction) -> date | None:
        """The meeting week of one stored extraction."""
        return self.week_of_document.get(extraction.document_id)

    def week_or_date(self, extraction: StoredExtraction) -> date:
        """The meeting week of a dated extraction, else its own meeting date (undated ones have neither)."""
        day = self.week_of(extraction) or extraction.extraction.document.meeting_date
        if day is None:
            raise ValueError(f"{extraction.path} has no meeting date, so no meeting week")
        return day


def _cluster(days_seen: Iterable[date], days: int) -> list[date]:
    """Dates within `days` of the cluster's first date form one week, named by that first date."""
    weeks: list[date] = []
    for day in sorted(set(days_seen)):
        if not weeks or (day - weeks[-1]).days > days:
            weeks.append(day)
    return weeks


def _dated(extractions: Iterable[StoredExtraction]) -> list[tuple[StoredExtraction, date]]:
    """Each dated extraction with its meeting date (undated ones left out)."""
    return [(e, day) for e in extractions if (day := e.extraction.document.meeting_date)]


def group_meeting_weeks(extractions: Iterable[StoredExtraction], days: int = 3) -> MeetingWeeks:
    """Group documents into meeting weeks: each meeting and the documents dated within `days` of it."""
    dated = _dated(extractions)
    meetings = [(e, day) for e, day in dated if e.extraction.document.kind in MEETING_KINDS] or dated
    weeks = _cluster((day for _, day in meetings), days)
    week_of: dict[int, date] = {}
    strays: list[tuple[StoredExtraction, date]] = []
    for e, day in dated:
        nearest = min(weeks, key=lambda w: (abs((day - w).days), w))
        # a report or e-mail is filed against the nearest meeting even a little outside the window;
        # minutes or a deck that far from any meeting are a meeting of their own
        reach = days if e.extraction.document.kind in MEETING_KINDS else 2 * days
        if abs((day - nearest).days) <= reach:
            week_of[e.document_id] = nearest
        else:
            strays.append((e, day))
    stray_weeks = _cluster((day for _, day in strays), days)
    for e, day in strays:
        week_of[e.document_id] = max(w for w in stray_weeks if w <= day)
    return MeetingWeeks(weeks=sorted({*weeks, *stray_weeks}), week_of_document=week_of)
