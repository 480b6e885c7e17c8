"""The nine execution-gap signals and their hard negatives, on small in-memory programs."""

from __future__ import annotations

from datetime import date, timedelta

from signalscan.config import Settings
from signalscan.models import (
    Action,
    Decision,
    DocumentInfo,
    Evidence,
    Extraction,
    Risk,
    Status,
    StoredExtraction,
)
from signalscan.signals import detect_signals, problem_phrases
from signalscan.tracking import build_threads

WEEK1 = date(2026, 3, 5)
SETTINGS = Settings()


def week(n: int) -> date:
    return WEEK1 + timedelta(days=7 * (n - 1))


def ev(text: str) -> Evidence:
    return Evidence(locator="paragraph 3", quote=text)


def action(
    text: str, owner: str | None = "Priya Shah", due: date | None = None, status: str = "open"
) -> Action:
    return Action(text=text, owner=owner, due=due, status=status, evidence=ev(text))


def status(workstream: str, rag: str | None, pct: int | None = None, narrative: str = "") -> Status:
    return Status(
        workstream=workstream,
        reported=rag,
        percent_complete=pct,
        narrative=narrative,
        owner="Tom Reed",
        evidence=ev(f"{workstream}: {rag} {narrative}"),
    )


def doc(n: int, day: date, kind: str = "minutes", **items) -> StoredExtraction:
    path = f"docs/{kind}-{day}.docx"
    items.setdefault(
        "actions", [action("Circulate the RAID log", owner="Lucy Hale")] if kind == "minutes" else []
    )
    return StoredExtraction(
        document_id=n,
        program="p",
        path=path,
        extraction=Extraction(document=DocumentInfo(path=path, kind=kind, meeting_date=day), **items),
    )


def signals(docs, as_of=None, texts=None, kind=None):
    found = detect_signals(
        docs, build_threads(docs, SETTINGS, as_of=as_of), SETTINGS, as_of=as_of, texts=texts
    )
    return [s for s in found if kind is None or s.type == kind]


def weekly(n_weeks: int, make) -> list[StoredExtraction]:
    return [doc(n, week(n), **make(n)) for n in range(1, n_weeks + 1)]


# ---------------------------------------------------------------- stale actions and slips
def test_stale_action_open_three_weeks_and_overdue() -> None:
    docs = weekly(
        3,
        lambda n: {
            "actions": [
                action(
                    "Deliver the interface specifications", owner="MedCore", due=week(1) + timedelta(days=3)
                )
            ]
        },
    )
    [signal] = signals(docs, kind="stale_action")
    assert signal.thread_id == "A-0001" and signal.owner == "MedCore"
    assert (signal.first_seen, signal.last_seen) == (week(1), week(3))
    assert "overdue" in signal.explanation and signal.evidence[0].document.startswith("docs/minutes")


def test_stale_action_undated_counts_and_closed_or_on_time_does_not() -> None:
    undated = weekly(3, lambda n: {"actions": [action("Confirm the IG sign-off route")]})
    assert len(signals(undated, kind="stale_action")) == 1
    on_time = weekly(3, lambda n: {"actions": [action("Deliver wave 1 training", due=week(10))]})
    assert signals(on_time, kind="stale_action") == []
    closed = weekly(
        3,
        lambda n: {"actions": [action("Confirm the IG sign-off route", status="done" if n == 3 else "open")]},
    )
    assert signals(closed, kind="stale_action") == []


def test_due_date_slip_fires_after_two_moves_later() -> None:
    dues = {1: week(2), 2: week(3), 3: week(5)}
    docs = weekly(3, lambda n: {"actions": [action("Mock load 2 sign-off", due=dues[n])]})
    [signal] = signals(docs, kind="due_date_slip")
    assert "2 times" in signal.explanation
    once = {1: week(4), 2: week(5), 3: week(5)}
    docs = weekly(3, lambda n: {"actions": [action("Mock load 2 sign-off", due=once[n])]})
    assert signals(docs, kind="due_date_slip") == []


# ---------------------------------------------------------------- decisions, owners, risks
def decision(text: str, state: str) -> Decision:
    return Decision(text=text, status=state, evidence=ev(text))


def test_deferred_decision_counts_weeks_pending_even_when_made_later() -> None:
    states = {1: "pending", 2: "deferred", 3: "made"}
    docs = weekly(3, lambda n: {"decisions": [decision("Cutover approach: big-bang or phased", states[n])]})
    [signal] = signals(docs, kind="deferred_decision")
    assert (signal.first_seen, signal.last_seen) == (week(1), week(2))
    made = weekly(2, lambda n: {"decisions": [decision("Cutover approach: phased by site", "made")]})
    assert signals(made, kind="deferred_decision") == []


def test_unowned_action_with_vague_or_missing_owner() -> None:
    docs = [
        doc(
            1,
            week(1),
            actions=[
                action("Review the cutover runbook", owner="All"),
                action("Validate the formulary build", owner="Someone from Pharmacy"),
                action("Confirm the label printer model", owner=None),
                action("Book the go/no-go rehearsal", owner="James Whitford"),
            ],
        )
    ]
    found = signals(docs, kind="unowned_action")
    assert sorted(s.subject for s in found) == [
        "Confirm the label printer model",
        "Review the cutover runbook",
        "Validate the formulary build",
    ]
    assert all(s.owner is None for s in found)


def risk(text: str, owner: str | None = None, mitigation: str | None = None, state: str = "open") -> Risk:
    return Risk(text=text, owner=owner, mitigation=mitigation, status=state, evidence=ev(text))


def test_unmitigated_risk_needs_two_weeks_without_owner_and_mitigation() -> None:
    docs = weekly(2, lambda n: {"risks": [risk("Vendor interface resourcing shortfall")]})
    [signal] = signals(docs, kind="unmitigated_risk")
    assert signal.thread_id == "R-0001"
    mitigated = weekly(
        2,
        lambda n: {"risks": [risk("Vendor interface resourcing shortfall", mitigation="weekly vendor call")]},
    )
    assert signals(mitigated, kind="unmitigated_risk") == []
    closed = weekly(
        2,
        lambda n: {
            "risks": [risk("Vendor interface resourcing shortfall", state="closed" if n == 2 else "open")]
        },
    )
    assert signals(closed, kind="unmitigated_risk") == []
    owned_later = weekly(
        3,
        lambda n: {
            "risks": [risk("Vendor interface resourcing shortfall", owner="Tom Reed" if n == 3 else None)]
        },
    )
    [late] = signals(owned_later, kind="unmitigated_risk")
    assert (late.last_seen, late.severity) == (week(2), "low")
    once = weekly(
        2,
        lambda n: {
            "risks": [risk("Vendor interface resourcing shortfall", owner="Tom Reed" if n == 2 else None)]
        },
    )
    assert signals(once, kind="unmitigated_risk") == []


# ---------------------------------------------------------------- workstreams, meetings, people
def test_frozen_progress_three_weeks_below_100() -> None:
    docs = weekly(
        4,
        lambda n: {
            "statuses": [
                status("Clinical Build", "amber", 48 if n == 1 else 62),
                status("Infrastructure", "green", 100),
            ]
        },
    )
    [signal] = signals(docs, kind="frozen_progress")
    assert signal.subject == "Clinical Build" and (signal.first_seen, signal.last_seen) == (week(2), week(4))
    moving = weekly(4, lambda n: {"statuses": [status("Clinical Build", "amber", 40 + n)]})
    assert signals(moving, kind="frozen_progress") == []


def test_meeting_without_outcome() -> None:
    docs = [
        doc(1, week(1)),
        doc(2, week(2), actions=[], decisions=[decision("Go-live date", "pending")]),
        doc(3, week(3), actions=[], decisions=[decision("Go-live on 6 July", "made")]),
    ]
    texts = {docs[1].path: [("paragraph 4", "Views aired, nothing landed. No decisions taken.")]}
    [signal] = signals(docs, texts=texts, kind="meeting_without_outcome")
    assert signal.first_seen == week(2) and signal.evidence[0].quote.startswith("Views aired")


def test_attendance_decline_three_consecutive_apologies() -> None:
    away = {2, 3, 4}
    docs = weekly(
        5,
        lambda n: {"attendees": ["Sarah Linton"], "apologies": ["Dr Helen Marsh (HM)"] if n in away else []},
    )
    [signal] = signals(docs, kind="attendance_decline")
    assert signal.subject == "Helen Marsh" and (signal.first_seen, signal.last_seen) == (week(2), week(4))
    broken = weekly(
        5,
        lambda n: {"attendees": ["Sarah Linton"], "apologies": ["Helen Marsh"] if n in {1, 2, 4, 5} else []},
    )
    assert signals(broken, kind="attendance_decline") == []


# ---------------------------------------------------------------- watermelon and its hard negatives
def melon_program(narrative: str, rag: str = "green", minutes_rag: str = "green") -> list[StoredExtraction]:
    docs = []
    for n in (1, 2):
        docs.append(
            doc(2 * n, week(n), kind="deck", statuses=[status("Interfaces & Integration", rag, 20 + n)])
        )
        docs.append(
            doc(
                2 * n + 1,
                week(n),
                statuses=[status("Interfaces & Integration", minutes_rag, narrative=narrative)],
            )
        )
    return docs


def test_watermelon_green_while_the_same_week_says_behind_plan() -> None:
    docs = melon_program("Specifications still outstanding; the test build is two weeks behind plan.")
    [signal] = signals(docs, kind="watermelon")
    assert signal.workstream == "Interfaces & Integration" and signal.severity == "high"
    assert (signal.first_seen, signal.last_seen) == (week(1), week(2))  # one signal per unbroken run
    assert any("behind plan" in e.quote for e in signal.evidence)
    assert "reported green" in signal.explanation


def test_watermelon_reads_raw_text_of_other_documents() -> None:
    docs = melon_program("On track.")
    email = StoredExtraction(
        document_id=99,
        program="p",
        path="mail/status.eml",
        extraction=Extraction(
            document=DocumentInfo(
                path="mail/status.eml", kind="email", meeting_date=week(2) + timedelta(days=1)
            )
        ),
    )
    texts = {
        "mail/status.eml": [
            (
                "lines 12-12",
                "Integration testing is blocked: the vendor has not delivered the specifications.",
            )
        ]
    }
    assert signals([*docs, email], kind="watermelon") == []
    [signal] = signals([*docs, email], texts=texts, kind="watermelon")
    assert (signal.first_seen, signal.last_seen) == (week(2), week(2))
    assert any(e.document == "mail/status.eml" and e.locator == "lines 12-12" for e in signal.evidence)


def test_watermelon_hard_negatives_do_not_fire() -> None:
    for narrative in (
        "No delay expected.",
        "The interface risk is closed.",
        "Slippage recovered this week.",
        "Back on track after last month's slip.",
        "Nothing is blocked.",
        "A delay could hit integration testing if specs are late.",
    ):
        assert signals(melon_program(narrative), kind="watermelon") == [], narrative
    honest = melon_program("Test build two weeks behind plan.", rag="amber", minutes_rag="amber")
    assert signals(honest, kind="watermelon") == []


def test_problem_phrases_handle_negation() -> None:
    assert problem_phrases("The load failed and has slipped behind plan") == [
        "failed",
        "slipped",
        "behind plan",
    ]
    assert problem_phrases("no delay expected; not blocked") == []
    assert problem_phrases("awaiting a decision on the go-live date") == ["awaiting"]


# ---------------------------------------------------------------- as of
def test_as_of_sees_only_what_was_known_then() -> None:
    docs = weekly(4, lambda n: {"actions": [action("Confirm the IG sign-off route")]})
    assert len(signals(docs, kind="stale_action")) == 1
    assert signals(docs, as_of=week(2), kind="stale_action") == []
    [signal] = signals(docs, as_of=week(3), kind="stale_action")
    assert signal.last_seen == week(3)


def test_reopened_action_is_stale_again() -> None:
    states = {1: "open", 2: "done", 3: "open", 4: "open", 5: "open"}
    docs = weekly(5, lambda n: {"actions": [action("Confirm the IG sign-off route", status=states[n])]})
    assert signals(docs, as_of=week(2), kind="stale_action") == []
    [signal] = signals(docs, kind="stale_action")
    assert len(build_threads(docs, SETTINGS)) == 1 and signal.last_seen == week(5)


def test_signals_json_has_the_spec_shape() -> None:
    docs = weekly(3, lambda n: {"actions": [action("Confirm the IG sign-off route")]})
    data = signals(docs)[0].model_dump(mode="json")
    assert set(data) == {
        "type",
        "severity",
        "subject",
        "workstream",
        "owner",
        "thread_id",
        "first_seen",
        "last_seen",
        "explanation",
        "evidence",
    }
    assert set(data["evidence"][0]) == {"document", "meeting_date", "locator", "quote"}


def test_apologies_match_across_spellings_and_empty_minutes_are_not_meetings() -> None:
    names = {2: "Dr Helen Marsh (HM)", 3: "H. Marsh", 4: "Helen Marsh"}
    docs = weekly(4, lambda n: {"attendees": ["Sarah Linton"], "apologies": [names[n]] if n in names else []})
    [signal] = signals(docs, kind="attendance_decline")
    assert signal.subject == "Helen Marsh"
    unreadable = [doc(1, week(1), actions=[])]
    assert signals(unreadable, kind="meeting_without_outcome") == []


def test_placeholder_mitigations_and_date_owners_do_not_count() -> None:
    docs = weekly(
        2,
        lambda n: {
            "risks": [
                risk(
                    "Revenues SMEs unavailable during billing",
                    owner="March" if n == 1 else None,
                    mitigation="To be identified" if n == 2 else None,
                )
            ]
        },
    )
    [signal] = signals(docs, kind="unmitigated_risk")
    assert (signal.first_seen, signal.last_seen) == (week(1), week(2))
