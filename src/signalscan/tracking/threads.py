"""Thread assembly: link a program's documents in meeting order and finish each draft as a Thread."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from signalscan.extraction.rules.owners import looks_like_person
from signalscan.models import Mention, StoredExtraction, Thread
from signalscan.tracking.linking import CLOSED_STATUSES, _Draft, _Item, _items_of, _Linker
from signalscan.tracking.text import _Weights, content_words, is_vague_owner
from signalscan.tracking.weeks import KIND_ORDER, MeetingWeeks, group_meeting_weeks

if TYPE_CHECKING:
    from signalscan.config import Settings

KIND_PREFIX = {"action": "A", "decision": "D", "risk": "R"}


class Embedder(Protocol):
    """Anything that turns texts into vectors (signalscan.embedding's embedders fit)."""

    def embed(self, texts: list[str]) -> Sequence[Sequence[float]]: ...


def _document_order(weeks: MeetingWeeks) -> Callable[[StoredExtraction], tuple]:
    def key(e: StoredExtraction) -> tuple:
        doc = e.extraction.document
        return (
            weeks.week_of(e) or date.min,
            KIND_ORDER.get(doc.kind, 9),
            doc.meeting_date or date.min,
            e.path,
            e.document_id,
        )

    return key


def build_threads(
    extractions: Sequence[StoredExtraction],
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    as_of: date | None = None,
) -> list[Thread]:
    """Link every item mention of one program into threads, in meeting order, as known on `as_of`."""
    days = settings.meeting_week_days if settings else 3
    known = [
        e
        for e in extractions
        if e.extraction.document.meeting_date
        and (as_of is None or e.extraction.document.meeting_date <= as_of)
    ]
    weeks = group_meeting_weeks(known, days)
    ordered = sorted(known, key=_document_order(weeks))
    per_document = [_items_of(e) for e in ordered]
    if embedder is not None:
        _embed(per_document, embedder)
    linker = _Linker(_Weights(item.words for items in per_document for item in items))
    for stored, items in zip(ordered, per_document, strict=True):
        linker.add_document(items, weeks.week_or_date(stored))
    counters: Counter[str] = Counter()
    threads = []
    for draft in linker.drafts:
        counters[draft.kind] += 1
        threads.append(_finish(draft, f"{KIND_PREFIX[draft.kind]}-{counters[draft.kind]:04d}", weeks, as_of))
    return threads


def _embed(per_document: list[list[_Item]], embedder: Embedder) -> None:
    items = [item for items in per_document for item in items]
    if not items:
        return
    for item, vector in zip(items, embedder.embed([i.mention.text for i in items]), strict=True):
        item.vector = vector


def week_status(kind: str, mentions: Sequence[Mention]) -> str | None:
    """The status a meeting week gives an item: a closing status wins over stale open copies."""
    closed = [m.status for m in mentions if m.status in CLOSED_STATUSES[kind]]
    if closed:
        return closed[0]
    return next((m.status for m in mentions if m.status), None)


def current_owner(mentions: Sequence[Mention]) -> str | None:
    """Who is accountable now: the owner named at the latest mentions, a person ahead of the firm or
    role beside them ("Paul Brandt (Corvel)" in the minutes, "Corvel" in the deck: Paul Brandt)."""
    named = [m for m in mentions if not is_vague_owner(m.owner) and m.meeting_date]
    if not named:
        return None
    last = max(m.meeting_date for m in named if m.meeting_date)
    latest = [m.owner for m in named if m.meeting_date and (last - m.meeting_date).days <= 3]
    return next((o for o in reversed(latest) if o and looks_like_person(o)), latest[-1])


def _finish(draft: _Draft, thread_id: str, weeks: MeetingWeeks, as_of: date | None) -> Thread:
    """Turn a draft into a Thread with its current text, owner, status, due date and age."""
    by_week: dict[date, list[Mention]] = defaultdict(list)
    for week, mention in zip(draft.weeks, draft.mentions, strict=True):
        by_week[week].append(mention)
    first_week, last_week = min(by_week), max(by_week)
    latest = by_week[last_week]
    status = week_status(draft.kind, latest)
    first = by_week[first_week]
    text = max(first, key=lambda m: len(content_words(m.text))).text
    owner = current_owner(draft.mentions)
    due = next((m.due for m in latest if m.due), None)
    if due is None and draft.kind == "action":
        due = next((m.due for m in reversed(draft.mentions) if m.due), None)
    workstream = next((m.workstream for m in reversed(draft.mentions) if m.workstream), None)
    closed = status in CLOSED_STATUSES[draft.kind]
    end = last_week if closed else (weeks.weeks[-1] if weeks.weeks else last_week)
    weeks_open = sum(1 for w in weeks.weeks if first_week <= w <= end)
    return Thread(
        thread_id=thread_id,
        kind=draft.kind,
        text=text,
        owner=owner,
        status=status,
        due=due,
        workstream=workstream,
        first_seen=min(m.meeting_date for m in draft.mentions if m.meeting_date),
        last_seen=max(m.meeting_date for m in draft.mentions if m.meeting_date),
        weeks_open=weeks_open,
        mentions=sorted(draft.mentions, key=lambda m: m.meeting_date or date.min),
    )


def mention_weeks(thread: Thread, weeks: MeetingWeeks) -> dict[date, list[Mention]]:
    """A thread's mentions grouped by meeting week, in week order."""
    by_week: dict[date, list[Mention]] = defaultdict(list)
    for m in thread.mentions:
        week = weeks.week_of_document.get(m.document_id) if m.document_id is not None else None
        day = week or m.meeting_date
        if day is None:
            raise ValueError(f"a mention in {m.document} has no meeting date, so no meeting week")
        by_week[day].append(m)
    return dict(sorted(by_week.items()))
