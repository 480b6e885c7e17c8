"""Build the briefing's facts from extractions, threads and signals. Pure: no I/O, no LLM."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from signalscan.briefing.model import (
    AgingAction,
    BriefedSignal,
    Briefing,
    Changes,
    DecisionMade,
    Headline,
    HeadlineCounts,
    OwnerActions,
    RagCell,
    RagRow,
    RiskHealth,
    Trend,
    WaitingDecision,
)
from signalscan.briefing.questions import add_facts_and_questions
from signalscan.briefing.weeks import MeetingWeek, meeting_weeks, week_of
from signalscan.models import Mention, Signal, SignalEvidence, Status, StoredExtraction, Thread

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
CLOSED_STATUSES = {"done", "cancelled", "closed", "made"}
NO_OWNER = "(no owner)"
_RAG_OPTIMISM = {"green": 0, "amber": 1, "red": 2}
_TREND_WORDS = {"better": "better than", "worse": "worse than", "unchanged": "the same as"}


def build_briefing(
    extractions: list[StoredExtraction],
    threads: list[Thread],
    signals: list[Signal],
    previous: Briefing | None = None,
    as_of: date | None = None,
    program: str | None = None,
    window_days: int = 3,
) -> Briefing:
    """The briefing as known on `as_of` (default: the latest meeting), compared with `previous`."""
    weeks = meeting_weeks(extractions, window_days)
    as_of = as_of or (weeks[-1].end if weeks else None)
    weeks = [w for w in weeks if as_of is None or w.start <= as_of]
    known = [
        s for s in extractions if as_of is None or _on_or_before(s.extraction.document.meeting_date, as_of)
    ]
    current = weeks[-1] if weeks else None
    by_id = {t.thread_id: t for t in threads}
    briefed = _brief_signals(signals, by_id, current)
    counts = _headline_counts(briefed)
    briefing = Briefing(
        program=program or (extractions[0].program if extractions else "default"),
        as_of=as_of,
        previous_as_of=previous.as_of if previous else None,
        weeks=[w.anchor for w in weeks],
        documents=len(known),
        headline=_headline(counts, previous),
        changes=_changes(briefed, threads, previous, current, as_of),
        signals=briefed,
        actions_by_owner=_actions_by_owner(threads, weeks, as_of),
        decisions_waiting=_decisions_waiting(threads, weeks, as_of),
        risk_health=_risk_health(threads),
        rag_grid=_rag_grid(known, signals, weeks),
    )
    add_facts_and_questions(briefing)
    return briefing


def build_counts(
    extractions: list[StoredExtraction],
    threads: list[Thread],
    signals: list[Signal],
    as_of: date,
    program: str,
    window_days: int = 3,
) -> Briefing:
    """The part of a briefing the next one compares with: its signals and headline counts only."""
    weeks = [w for w in meeting_weeks(extractions, window_days) if w.start <= as_of]
    briefed = _brief_signals(signals, {t.thread_id: t for t in threads}, weeks[-1] if weeks else None)
    return Briefing(
        program=program,
        as_of=as_of,
        weeks=[w.anchor for w in weeks],
        headline=_headline(_headline_counts(briefed), None),
        changes=Changes(),
        signals=briefed,
    )


def _on_or_before(day: date | None, as_of: date) -> bool:
    return day is not None and day <= as_of


def signal_key(signal: Signal) -> str:
    """A stable identity for a signal across weeks (thread, else workstream or subject)."""
    subject = signal.thread_id or (signal.workstream or signal.subject).strip().lower()
    return f"{signal.type}|{subject}"


def evidence_of(mention: Mention) -> SignalEvidence:
    """A mention's quote and locator in the shape signals cite."""
    return SignalEvidence(
        document=mention.document,
        meeting_date=mention.meeting_date,
        locator=mention.evidence.locator,
        quote=mention.evidence.quote,
    )


def _is_active(signal: Signal, by_id: dict[str, Thread], current: MeetingWeek | None) -> bool:
    # a thread-backed signal lasts while its item is open; the others while seen this week
    thread = by_id.get(signal.thread_id or "")
    if thread is not None:
        return (thread.status or "open") not in CLOSED_STATUSES
    if current is None or signal.last_seen is None:
        return True
    return signal.last_seen >= current.start


def _brief_signals(signals: list[Signal], by_id: dict[str, Thread], current: MeetingWeek | None):
    briefed = [
        BriefedSignal(key=signal_key(s), active=_is_active(s, by_id, current), signal=s) for s in signals
    ]
    return sorted(
        briefed,
        key=lambda b: (
            not b.active,
            SEVERITY_ORDER[b.signal.severity],
            b.signal.first_seen or date.min,
            b.signal.subject,
        ),
    )


def _headline_counts(briefed: list[BriefedSignal]) -> HeadlineCounts:
    active = [b.signal for b in briefed if b.active]
    return HeadlineCounts(
        watermelon_workstreams=len(
            {(s.workstream or s.subject).lower() for s in active if s.type == "watermelon"}
        ),
        stale_actions=sum(s.type == "stale_action" for s in active),
        deferred_decisions=sum(s.type == "deferred_decision" for s in active),
        active_signals=len(active),
    )


def _headline(counts: HeadlineCounts, previous: Briefing | None) -> Headline:
    before = previous.headline.counts if previous else None
    trend: Trend = "first"
    if before is not None:
        trend = (
            "better"
            if counts.burden < before.burden
            else "worse"
            if counts.burden > before.burden
            else "unchanged"
        )
    text = (
        f"{counts.watermelon_workstreams} watermelon workstream(s), {counts.stale_actions} stale "
        f"action(s), {counts.deferred_decisions} deferred decision(s)"
    )
    if before is not None:
        text += (
            f" — {_TREND_WORDS[trend]} the previous meeting week ({before.watermelon_workstreams}, "
            f"{before.stale_actions}, {before.deferred_decisions})"
        )
    return Headline(counts=counts, previous=before, trend=trend, text=text + ".")


def _changes(briefed, threads, previous, current, as_of) -> Changes:
    before = {b.key for b in previous.signals if b.active} if previous else set()
    now = {b.key for b in briefed if b.active}
    since = previous.as_of if previous else None
    resolved = (
        [b.model_copy(update={"active": False}) for b in previous.signals if b.active and b.key not in now]
        if previous
        else []
    )
    return Changes(
        since=since,
        new_signals=[b for b in briefed if b.active and b.key not in before] if previous else [],
        resolved_signals=resolved,
        decisions_made=_decisions_made(threads, since, current, as_of),
    )


def _decisions_made(threads, since, current, as_of) -> list[DecisionMade]:
    # "since the previous briefing"; on a first briefing, within the current meeting week
    start_after = since if since is not None else (current.start if current else date.min) - timedelta(days=1)
    made = []
    for thread in threads:
        if thread.kind != "decision":
            continue
        ordered = sorted(thread.mentions, key=lambda m: m.meeting_date or date.min)
        earlier = [m for m in ordered if m.status == "made" and (m.meeting_date or date.min) <= start_after]
        fresh = [
            m
            for m in ordered
            if m.status == "made"
            and m.meeting_date
            and start_after < m.meeting_date
            and (as_of is None or m.meeting_date <= as_of)
        ]
        if fresh and not earlier:
            made.append(
                DecisionMade(
                    thread_id=thread.thread_id,
                    text=thread.text,
                    made_on=fresh[0].meeting_date,
                    evidence=evidence_of(fresh[0]),
                )
            )
    return sorted(made, key=lambda d: (d.made_on or date.min, d.text))


def _weeks_between(first: date | None, as_of: date | None) -> int:
    if first is None or as_of is None:
        return 0
    return max(0, (as_of - first).days // 7)


def _mention_weeks(mentions: list[Mention], weeks: list[MeetingWeek]) -> set[date]:
    return {w.anchor for m in mentions if (w := week_of(weeks, m.meeting_date)) is not None}


def _due_slips(mentions: list[Mention]) -> int:
    slips, last_due = 0, None
    for mention in sorted(mentions, key=lambda m: m.meeting_date or date.min):
        if mention.due is None:
            continue
        if last_due is not None and mention.due > last_due:
            slips += 1
        last_due = mention.due
    return slips


def _aging_action(thread: Thread, weeks: list[MeetingWeek], as_of: date | None) -> AgingAction:
    mentions = sorted(thread.mentions, key=lambda m: m.meeting_date or date.min)
    first = thread.first_seen or (mentions[0].meeting_date if mentions else None)
    return AgingAction(
        thread_id=thread.thread_id,
        text=thread.text,
        owner=thread.owner,
        first_seen=first,
        last_seen=thread.last_seen,
        due=thread.due,
        overdue=bool(thread.due and as_of and thread.due < as_of),
        age_weeks=_weeks_between(first, as_of),
        carried_over=max(0, len(_mention_weeks(mentions, weeks)) - 1),
        due_slips=_due_slips(mentions),
        evidence=evidence_of(mentions[-1]) if mentions else None,
    )


def _actions_by_owner(
    threads: list[Thread], weeks: list[MeetingWeek], as_of: date | None
) -> list[OwnerActions]:
    grouped: dict[str, list[AgingAction]] = defaultdict(list)
    for thread in threads:
        if thread.kind == "action" and (thread.status or "open") not in CLOSED_STATUSES:
            grouped[thread.owner or NO_OWNER].append(_aging_action(thread, weeks, as_of))
    owners = []
    for owner, actions in grouped.items():
        actions.sort(key=lambda a: (-a.age_weeks, a.text))
        owners.append(
            OwnerActions(
                owner=owner,
                open=len(actions),
                overdue=sum(a.overdue for a in actions),
                oldest_weeks=actions[0].age_weeks,
                actions=actions,
            )
        )
    return sorted(owners, key=lambda o: (-o.overdue, -o.open, -o.oldest_weeks, o.owner))


def _decisions_waiting(threads: list[Thread], weeks: list[MeetingWeek], as_of: date | None):
    waiting = []
    for thread in threads:
        if thread.kind != "decision" or thread.status not in ("pending", "deferred"):
            continue
        mentions = sorted(thread.mentions, key=lambda m: m.meeting_date or date.min)
        undecided = [m for m in mentions if m.status in ("pending", "deferred")]
        first_week = week_of(weeks, undecided[0].meeting_date) if undecided else None
        # put off again: explicitly deferred, or still pending at a later meeting
        deferred = {
            w.anchor
            for m in undecided
            if (w := week_of(weeks, m.meeting_date)) is not None
            and (m.status == "deferred" or w != first_week)
        }
        since = undecided[0].meeting_date if undecided else thread.first_seen
        waiting.append(
            WaitingDecision(
                thread_id=thread.thread_id,
                text=thread.text,
                owner=thread.owner,
                status=thread.status,
                since=since,
                weeks_waiting=_weeks_between(since, as_of),
                times_deferred=len(deferred),
                evidence=evidence_of(mentions[-1]) if mentions else None,
            )
        )
    return sorted(waiting, key=lambda d: (d.since or date.min, d.text))


def _risk_health(threads: list[Thread]) -> RiskHealth:
    health = RiskHealth()
    for thread in threads:
        if thread.kind != "risk":
            continue
        if thread.status == "closed":
            health.closed += 1
            continue
        health.open += 1
        owned = bool(thread.owner or any(m.owner for m in thread.mentions))
        mitigated = any(m.mitigation for m in thread.mentions)
        health.without_owner += not owned
        health.without_mitigation += not mitigated
        if not owned and not mitigated:
            health.without_either.append(thread.text)
    return health


def _rag_grid(known: list[StoredExtraction], signals: list[Signal], weeks: list[MeetingWeek]) -> list[RagRow]:
    reported: dict[str, dict[date, list[Status]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for stored in known:
        week = week_of(weeks, stored.extraction.document.meeting_date)
        if week is None:
            continue
        for status in stored.extraction.statuses:
            key = status.workstream.strip().lower()
            names.setdefault(key, status.workstream.strip())
            reported[key][week.anchor].append(status)
    trouble = [s for s in signals if s.type == "watermelon"]
    rows = []
    for key in sorted(names):
        cells = [_rag_cell(week, reported[key].get(week.anchor, []), key, trouble) for week in weeks]
        rows.append(RagRow(workstream=names[key], cells=cells))
    return rows


def _rag_cell(week: MeetingWeek, statuses: list[Status], key: str, trouble: list[Signal]) -> RagCell:
    # several documents may report one week; the upward report is the most optimistic one
    colours = [rag for rag in (s.reported for s in statuses) if rag]
    optimistic = min(colours, key=_RAG_OPTIMISM.__getitem__, default=None)
    percents = [s.percent_complete for s in statuses if s.percent_complete is not None]
    mine = [
        s
        for s in trouble
        if (s.workstream or s.subject).strip().lower() == key
        and (s.first_seen is None or s.first_seen <= week.end)
        and (s.last_seen is None or s.last_seen >= week.start)
    ]
    return RagCell(
        week=week.anchor,
        reported=optimistic,
        percent_complete=max(percents) if percents else None,
        trouble=bool(mine),
        evidence=[e for s in mine for e in s.evidence if week.holds(e.meeting_date)],
    )
