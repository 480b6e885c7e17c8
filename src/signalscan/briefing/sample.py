"""Made-up programs for tests, the benchmark and demos: extractions, threads and signals that agree."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from signalscan.models import (
    Action,
    Decision,
    DocumentInfo,
    Evidence,
    Extraction,
    ItemKind,
    Mention,
    Risk,
    Signal,
    SignalEvidence,
    SignalType,
    Status,
    StoredExtraction,
    Thread,
)

FIRST_MEETING = date(2026, 3, 6)
# the signal an item stuck open for three or more weeks raises
_STUCK_SIGNAL: dict[ItemKind, SignalType] = {
    "action": "stale_action", "decision": "deferred_decision", "risk": "unmitigated_risk",
}


@dataclass
class Item:
    """An action, decision or risk and its state at each meeting week (index -> fields)."""

    kind: ItemKind
    thread_id: str
    text: str
    owner: str | None
    weeks: dict[int, dict] = field(default_factory=dict)


@dataclass
class ProgramData:
    """A made-up program: its meeting dates, items and workstream reports."""

    program: str
    meetings: list[date]
    items: list[Item]
    # workstream -> week index -> (reported colour, % complete, narrative)
    statuses: dict[str, dict[int, tuple]] = field(default_factory=dict)

    def minutes_path(self, week: int) -> str:
        """The minutes file of a meeting week."""
        return f"minutes/{self.meetings[week]}.docx"

    def deck_path(self, week: int) -> str:
        """The status deck of a meeting week (filed the day before)."""
        return f"decks/{self.meetings[week]}.pptx"

    def evidence(self, week: int, document: str, line: int, quote: str) -> SignalEvidence:
        """A signal's evidence pointing at one of this program's documents."""
        return SignalEvidence(
            document=document,
            meeting_date=self._doc_date(week, document),
            locator=f"table 1 row {line}",
            quote=quote,
        )

    def _doc_date(self, week: int, document: str) -> date:
        return self.meetings[week] - timedelta(days=1 if document.startswith("decks/") else 0)


def extractions(data: ProgramData, as_of: date | None = None) -> list[StoredExtraction]:
    """The stored extractions of the program's minutes and decks known on `as_of`."""
    stored = []
    for week, meeting in enumerate(data.meetings):
        minutes = Extraction(
            document=DocumentInfo(
                path=data.minutes_path(week),
                kind="minutes",
                title=f"Steering committee {meeting}",
                meeting_date=meeting,
            )
        )
        for row, item in enumerate(data.items, start=1):
            if week in item.weeks:
                _add_item(minutes, item, item.weeks[week], _evidence(item, row))
        deck_day = meeting - timedelta(days=1)
        deck = Extraction(
            document=DocumentInfo(
                path=data.deck_path(week),
                kind="deck",
                title="Status deck",
                meeting_date=deck_day,
            )
        )
        for slide, (workstream, by_week) in enumerate(sorted(data.statuses.items()), start=1):
            if week in by_week:
                rag, pct, narrative = by_week[week]
                deck.statuses.append(
                    Status(
                        workstream=workstream,
                        reported=rag,
                        percent_complete=pct,
                        narrative=narrative,
                        evidence=Evidence(locator=f"slide {slide}", quote=narrative, slide=slide),
                    )
                )
        for n, (ext, day) in enumerate(((deck, deck_day), (minutes, meeting))):
            if as_of is None or day <= as_of:
                stored.append(
                    StoredExtraction(
                        document_id=2 * week + n + 1, program=data.program, path=ext.document.path,
                        extraction=ext,
                    )
                )
    return stored


def _evidence(item: Item, row: int) -> Evidence:
    return Evidence(locator=f"table 1 row {row}", quote=item.text)


def _add_item(minutes: Extraction, item: Item, state: dict, evidence: Evidence) -> None:
    if item.kind == "action":
        minutes.actions.append(
            Action(
                text=item.text,
                owner=item.owner,
                due=state.get("due"),
                status=state.get("status", "open"),
                evidence=evidence,
            )
        )
    elif item.kind == "decision":
        minutes.decisions.append(Decision(text=item.text, status=state["status"], evidence=evidence))
    else:
        minutes.risks.append(
            Risk(
                text=item.text,
                owner=item.owner,
                mitigation=state.get("mitigation"),
                status=state.get("status", "open"),
                evidence=evidence,
            )
        )


def threads(data: ProgramData, as_of: date | None = None) -> list[Thread]:
    """The items as threads, each as known on `as_of` (latest mention wins)."""
    found = []
    for row, item in enumerate(data.items, start=1):
        mentions = [
            Mention(
                document=data.minutes_path(w),
                meeting_date=data.meetings[w],
                text=item.text,
                status=state.get("status", "open"),
                due=state.get("due"),
                owner=item.owner,
                mitigation=state.get("mitigation"),
                evidence=_evidence(item, row),
            )
            for w, state in sorted(item.weeks.items())
            if as_of is None or data.meetings[w] <= as_of
        ]
        if not mentions:
            continue
        found.append(
            Thread(
                thread_id=item.thread_id,
                kind=item.kind,
                text=item.text,
                owner=item.owner,
                status=mentions[-1].status,
                due=mentions[-1].due,
                first_seen=mentions[0].meeting_date,
                last_seen=mentions[-1].meeting_date,
                weeks_open=len(mentions),
                mentions=mentions,
            )
        )
    return found


def harbor_erp() -> ProgramData:
    """A four-week ERP program with one of each common execution gap."""
    meetings = [FIRST_MEETING + timedelta(weeks=w) for w in range(4)]
    d = meetings
    items = [
        Item(
            "action",
            "A-1",
            "Deliver the migration cutover plan",
            "Jordan Lee",
            {w: {"status": "open", "due": d[min(w + 1, 3)] if w else d[1]} for w in range(4)},
        ),
        Item(
            "action",
            "A-2",
            "Confirm the vendor test environment",
            None,
            {w: {"status": "open"} for w in (1, 2, 3)},
        ),
        Item(
            "action",
            "A-3",
            "Circulate the finance sign-off pack",
            "Priya Shah",
            {0: {"status": "open", "due": d[1]}, 1: {"status": "done", "due": d[1]}},
        ),
        Item(
            "action",
            "A-4",
            "Update the training plan",
            "Priya Shah",
            {
                2: {"status": "open", "due": d[2] + timedelta(days=3)},
                3: {"status": "open", "due": d[2] + timedelta(days=3)},
            },
        ),
        Item(
            "decision",
            "D-1",
            "Approve the data archiving approach",
            None,
            {
                0: {"status": "pending"},
                1: {"status": "deferred"},
                2: {"status": "deferred"},
                3: {"status": "pending"},
            },
        ),
        Item(
            "decision",
            "D-2",
            "Go with a phased rollout",
            None,
            {1: {"status": "pending"}, 2: {"status": "made"}},
        ),
        Item("decision", "D-3", "Freeze scope for release 1", None, {3: {"status": "made"}}),
        Item("risk", "R-1", "Vendor resource shortfall", None, {w: {"status": "open"} for w in range(4)}),
        Item(
            "risk",
            "R-2",
            "Key user availability",
            "Sam Ortiz",
            {w: {"status": "open", "mitigation": "Backfill from finance"} for w in range(4)},
        ),
        Item(
            "risk",
            "R-3",
            "Licence cost overrun",
            "Priya Shah",
            {0: {"status": "open", "mitigation": "Renegotiate"}, 2: {"status": "closed"}},
        ),
    ]
    statuses = {
        "Data Migration": {w: ("green", 50 + 10 * w, "On track") for w in range(4)},
        "Finance": {
            0: ("amber", 30, "Awaiting sign-off"),
            1: ("green", 45, "Signed off"),
            2: ("green", 60, "On plan"),
            3: ("green", 75, "On plan"),
        },
        "Testing": {w: ("green", 20 if w == 0 else 40, "Progressing") for w in range(4)},
    }
    return ProgramData("harbor-erp", meetings, items, statuses)


def harbor_signals(data: ProgramData, as_of: date) -> list[Signal]:
    """The signals the engine reports for `harbor_erp()` on `as_of` (weeks 2 to 4)."""
    week = max(i for i, m in enumerate(data.meetings) if m <= as_of)
    last = data.meetings[week]
    minutes = data.minutes_path
    found = [
        Signal(
            type="watermelon",
            severity="high",
            subject="Data Migration",
            workstream="Data Migration",
            first_seen=data.meetings[1] - timedelta(days=1),
            last_seen=last,
            explanation="Data Migration was reported green while the minutes said migration is behind plan.",
            evidence=[data.evidence(w, data.deck_path(w), 1, "Data Migration: On track") for w in (1, week)]
            + [
                data.evidence(w, minutes(w), 9, "Migration runs are two weeks behind plan") for w in (1, week)
            ],
        ),
        Signal(
            type="stale_action",
            severity="high",
            subject="Deliver the migration cutover plan",
            owner="Jordan Lee",
            thread_id="A-1",
            first_seen=data.meetings[0],
            last_seen=last,
            explanation=f"“Deliver the migration cutover plan” has been open for {week + 1} meeting weeks.",
            evidence=[data.evidence(week, minutes(week), 1, "Deliver the migration cutover plan")],
        ),
        Signal(
            type="deferred_decision",
            severity="medium",
            subject="Approve the data archiving approach",
            thread_id="D-1",
            first_seen=data.meetings[0],
            last_seen=last,
            explanation="The data archiving decision has been pending or deferred at every meeting.",
            evidence=[data.evidence(week, minutes(week), 5, "Approve the data archiving approach")],
        ),
        Signal(
            type="unmitigated_risk",
            severity="medium",
            subject="Vendor resource shortfall",
            thread_id="R-1",
            first_seen=data.meetings[0],
            last_seen=last,
            explanation="“Vendor resource shortfall” has no owner and no mitigation after several meetings.",
            evidence=[data.evidence(week, minutes(week), 8, "Vendor resource shortfall")],
        ),
        Signal(
            type="attendance_decline",
            severity="low",
            subject="Sam Ortiz",
            owner="Sam Ortiz",
            first_seen=data.meetings[0],
            last_seen=data.meetings[min(week, 2)],
            explanation="Sam Ortiz sent apologies to three meetings in a row.",
            evidence=[data.evidence(min(week, 2), minutes(min(week, 2)), 2, "Apologies: Sam Ortiz")],
        ),
    ]
    if week >= 2:
        found.append(
            Signal(
                type="due_date_slip",
                severity="medium",
                subject="Deliver the migration cutover plan",
                owner="Jordan Lee",
                thread_id="A-1",
                first_seen=data.meetings[1],
                last_seen=last,
                explanation="The cutover plan's due date moved later twice.",
                evidence=[data.evidence(week, minutes(week), 1, "Deliver the migration cutover plan")],
            )
        )
    if week >= 3:
        found.append(
            Signal(
                type="frozen_progress",
                severity="medium",
                subject="Testing",
                workstream="Testing",
                first_seen=data.meetings[1] - timedelta(days=1),
                last_seen=last - timedelta(days=1),
                explanation="Testing has been reported 40% complete for three meetings in a row.",
                evidence=[data.evidence(w, data.deck_path(w), 3, "Testing: 40%") for w in (1, 3)],
            )
        )
    return found


def synthetic_year(weeks: int = 52, seed: int = 7) -> tuple[ProgramData, list[Signal]]:
    """A year of weekly meetings with dozens of items and the signals such a program would raise."""
    rng = random.Random(seed)
    meetings = [FIRST_MEETING + timedelta(weeks=w) for w in range(weeks)]
    owners = ["Jordan Lee", "Priya Shah", "Sam Ortiz", "Alex Kim", None]
    items = []
    for n in range(weeks * 3):
        kind: ItemKind = rng.choice(["action", "action", "decision", "risk"])
        start, length = rng.randrange(weeks), rng.randint(1, 8)
        span = range(start, min(weeks, start + length))
        closing = {"action": "done", "decision": "made", "risk": "closed"}[kind]
        pending = {"action": "open", "decision": "pending", "risk": "open"}[kind]
        states = {
            w: {
                "status": closing if w == span[-1] and rng.random() < 0.6 else pending,
                "due": meetings[w] + timedelta(days=7 * rng.randint(0, 2)) if kind == "action" else None,
                "mitigation": "Plan B" if kind == "risk" and rng.random() < 0.5 else None,
            }
            for w in span
        }
        items.append(
            Item(
                kind,
                f"T-{n}",
                f"{kind.title()} number {n} about workstream {n % 6}",
                rng.choice(owners),
                states,
            )
        )
    statuses = {
        f"Workstream {k}": {
            w: (rng.choice(["green", "green", "amber", "red"]), min(100, w * 2), "Reported progress")
            for w in range(weeks)
        }
        for k in range(6)
    }
    data = ProgramData("synthetic-year", meetings, items, statuses)
    return data, _synthetic_signals(data, rng)


def _synthetic_signals(data: ProgramData, rng: random.Random) -> list[Signal]:
    found = []
    for item in data.items:
        if len(item.weeks) >= 3:
            week = max(item.weeks)
            kind = _STUCK_SIGNAL[item.kind]
            found.append(
                Signal(
                    type=kind,
                    severity=rng.choice(["high", "medium", "low"]),
                    subject=item.text,
                    thread_id=item.thread_id,
                    owner=item.owner,
                    first_seen=data.meetings[min(item.weeks)],
                    last_seen=data.meetings[week],
                    explanation=f"{item.text} keeps coming back.",
                    evidence=[data.evidence(week, data.minutes_path(week), 1, item.text)],
                )
            )
    for k in range(6):
        start = rng.randrange(len(data.meetings) - 4)
        found.append(
            Signal(
                type="watermelon",
                severity="high",
                subject=f"Workstream {k}",
                workstream=f"Workstream {k}",
                first_seen=data.meetings[start],
                last_seen=data.meetings[start + 3],
                explanation=f"Workstream {k} reported green over trouble.",
                evidence=[data.evidence(start, data.minutes_path(start), 2, "behind plan")],
            )
        )
    return found
