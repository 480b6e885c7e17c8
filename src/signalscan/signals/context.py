"""What every signal detector shares: the `_Context` a program is judged in, the evidence, owner and
subject helpers that turn a thread into a `Signal`, runs of consecutive weeks, SEVERITY_ORDER and
MAX_EVIDENCE."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from signalscan.models import Mention, Severity, Signal, SignalEvidence, SignalType, StoredExtraction, Thread
from signalscan.tracking import KIND_ORDER, MeetingWeeks, WorkstreamNames, current_owner

if TYPE_CHECKING:
    from signalscan.config import Settings

# document path -> [(locator, text)]: the raw passages of each document, when the caller has them
DocumentTexts = Mapping[str, Sequence[tuple[str, str]]]

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
MAX_EVIDENCE = 6


def _fmt(day: date | None) -> str:
    return day.strftime("%d %b %Y").lstrip("0") if day else "an unknown date"


@dataclass
class _Context:
    """What every detector needs: the known documents, their weeks and the threads as of a date."""

    settings: Settings
    as_of: date
    extractions: list[StoredExtraction]
    weeks: MeetingWeeks
    threads: list[Thread]
    workstreams: WorkstreamNames
    texts: DocumentTexts = field(default_factory=dict)
    related_signals: list[Signal] = field(default_factory=list)  # watermelon cites these

    def week_of(self, stored: StoredExtraction) -> date:
        """The meeting week of a stored extraction."""
        return self.weeks.week_or_date(stored)

    def by_week(self) -> dict[date, list[StoredExtraction]]:
        """Documents grouped by meeting week, minutes first within a week."""
        out: dict[date, list[StoredExtraction]] = defaultdict(list)
        for stored in sorted(self.extractions, key=lambda e: KIND_ORDER.get(e.extraction.document.kind, 9)):
            out[self.week_of(stored)].append(stored)
        return dict(sorted(out.items()))


def _evidence(mentions: Sequence[Mention]) -> list[SignalEvidence]:
    seen: set[tuple[str, str]] = set()
    out = []
    for m in mentions:
        key = (m.document, m.evidence.quote)
        if key not in seen:
            seen.add(key)
            out.append(
                SignalEvidence(
                    document=m.document,
                    meeting_date=m.meeting_date,
                    locator=m.evidence.locator,
                    quote=m.evidence.quote,
                )
            )
    return out[-MAX_EVIDENCE:]


def _owner(mentions: Sequence[Mention]) -> str | None:
    return current_owner(mentions)


def _subject(thread: Thread) -> str:
    return thread.text.strip().rstrip(".")


def _thread_signal(
    kind: SignalType,
    thread: Thread,
    weeks: Sequence[date],
    mentions: Sequence[Mention],
    severity: Severity,
    explanation: str,
    workstreams: WorkstreamNames,
) -> Signal:
    return Signal(
        type=kind,
        severity=severity,
        subject=_subject(thread),
        workstream=workstreams.canonical(thread.workstream),
        owner=_owner(thread.mentions),
        thread_id=thread.thread_id,
        first_seen=min(weeks),
        last_seen=max(weeks),
        explanation=explanation,
        evidence=_evidence(mentions),
    )


def _runs(flags: Sequence[bool], weeks: Sequence[date]) -> list[list[date]]:
    runs: list[list[date]] = []
    current: list[date] = []
    for flag, week in zip(flags, weeks, strict=True):
        if flag:
            current.append(week)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
