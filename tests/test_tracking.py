"""Linking item mentions across meetings into threads, on small in-memory programs."""

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
    StoredExtraction,
)
from signalscan.tracking import build_threads, group_meeting_weeks, is_vague_owner

WEEK1 = date(2026, 3, 5)


def week(n: int) -> date:
    return WEEK1 + timedelta(days=7 * (n - 1))


def action(
    text: str,
    owner: str | None = "Priya Shah",
    due: date | None = None,
    status: str = "open",
    ref: str | None = None,
) -> Action:
    return Action(
        text=text,
        owner=owner,
        due=due,
        status=status,
        ref=ref,
        evidence=Evidence(locator="table 1 row 2", quote=text),
    )


def doc(n: int, day: date, kind: str = "minutes", **items) -> StoredExtraction:
    path = f"docs/{kind}-{day}-{n}.docx"
    return StoredExtraction(
        document_id=n,
        program="p",
        path=path,
        extraction=Extraction(document=DocumentInfo(path=path, kind=kind, meeting_date=day), **items),
    )


def test_a_reworded_action_is_one_thread_across_weeks() -> None:
    docs = [
        doc(
            1,
            week(1),
            actions=[
                action("Finalise the data migration strategy"),
                action("Book the training rooms", owner="Grace Okafor"),
            ],
        ),
        doc(2, week(4), actions=[action("Data migration strategy still not signed off")]),
    ]
    threads = build_threads(docs, Settings())
    migration = next(t for t in threads if "migration" in t.text)
    assert migration.thread_id == "A-0001"
    assert [m.meeting_date for m in migration.mentions] == [week(1), week(4)]
    assert migration.mentions[1].link_reason.startswith("text similarity")
    assert migration.mentions[1].document == "docs/minutes-2026-03-26-2.docx"
    assert len(threads) == 2


def test_different_owners_keep_similar_wordings_apart() -> None:
    docs = [
        doc(1, week(1), actions=[action("Deliver the interface specifications", owner="MedCore")]),
        doc(
            2,
            week(2),
            actions=[
                action("Escalate the interface specifications to MedCore", owner="Tom Reed"),
                action("Interface specifications", owner="MedCore"),
            ],
        ),
    ]
    threads = build_threads(docs, Settings())
    assert len(threads) == 2
    assert {len(t.mentions) for t in threads} == {2, 1}
    assert next(t for t in threads if len(t.mentions) == 2).owner == "MedCore"


def test_minutes_and_deck_of_one_meeting_week_share_a_thread() -> None:
    docs = [
        doc(1, week(1), actions=[action("Run mock load 2 of patient demographics")]),
        doc(2, week(1) + timedelta(days=1), kind="deck", actions=[action("Mock load 2")]),
    ]
    weeks = group_meeting_weeks(docs)
    assert weeks.weeks == [week(1)]
    threads = build_threads(docs, Settings())
    assert len(threads) == 1 and len(threads[0].mentions) == 2
    assert threads[0].weeks_open == 1


def test_two_items_of_one_document_never_merge() -> None:
    docs = [doc(1, week(1), actions=[action("Load the formulary"), action("Load the formulary again")])]
    assert len(build_threads(docs, Settings())) == 2


def test_a_closed_item_closes_its_thread_and_reopening_reopens_it() -> None:
    done = [
        doc(1, week(1), actions=[action("Sign off the test strategy", due=week(2))]),
        doc(2, week(2), actions=[action("Test strategy signed off", status="done")]),
    ]
    [thread] = build_threads(done, Settings())
    assert thread.status == "done" and thread.weeks_open == 2
    reopened = [*done, doc(3, week(3), actions=[action("Test strategy sign-off reopened after audit")])]
    [thread] = build_threads(reopened, Settings())
    assert thread.status == "open"
    assert thread.weeks_open == 3


def test_explicit_refs_link_reworded_items() -> None:
    docs = [
        doc(1, week(1), actions=[action("Confirm the archive approach", ref="A-07")]),
        doc(
            2,
            week(2),
            actions=[
                action("Archive viewer decision paper", ref="A-07"),
                action("Confirm the archive budget", ref="A-09"),
            ],
        ),
    ]
    threads = build_threads(docs, Settings())
    first = threads[0]
    assert len(first.mentions) == 2 and first.mentions[1].link_reason.startswith("same ref A-7")


def test_as_of_hides_later_mentions() -> None:
    docs = [
        doc(
            1,
            week(1),
            decisions=[
                Decision(
                    text="Cutover approach: big-bang or phased",
                    status="pending",
                    evidence=Evidence(locator="para 5", quote="Cutover approach"),
                )
            ],
        ),
        doc(
            2,
            week(2),
            decisions=[
                Decision(
                    text="Cutover approach agreed: phased",
                    status="made",
                    evidence=Evidence(locator="para 5", quote="Cutover approach"),
                )
            ],
        ),
    ]
    [now] = build_threads(docs, Settings())
    [then] = build_threads(docs, Settings(), as_of=week(1))
    assert (now.status, len(now.mentions)) == ("made", 2)
    assert (then.status, len(then.mentions), then.thread_id) == ("pending", 1, "D-0001")


def test_risks_keep_mitigation_and_kinds_never_mix() -> None:
    docs = [
        doc(
            1,
            week(1),
            actions=[action("Vendor resourcing shortfall")],
            risks=[
                Risk(
                    text="Vendor resourcing shortfall",
                    mitigation="weekly vendor call",
                    evidence=Evidence(locator="para 9", quote="Vendor resourcing shortfall"),
                )
            ],
        )
    ]
    threads = build_threads(docs, Settings())
    assert sorted(t.thread_id for t in threads) == ["A-0001", "R-0001"]
    assert next(t for t in threads if t.kind == "risk").mentions[0].mitigation == "weekly vendor call"


def test_an_embedder_can_be_passed() -> None:
    from signalscan.embedding import HashEmbedder

    docs = [
        doc(1, week(1), actions=[action("Order the handheld scanners")]),
        doc(2, week(2), actions=[action("Handheld scanners order")]),
    ]
    assert len(build_threads(docs, Settings(), embedder=HashEmbedder())) == 1


def test_vague_owners() -> None:
    for vague in (None, "", "team", "All", "TBD", "Someone from Pharmacy", "everyone"):
        assert is_vague_owner(vague)
    assert not is_vague_owner("Kestrel") and not is_vague_owner("Clinical Safety Officer")


def test_reports_are_filed_against_the_nearest_meeting() -> None:
    docs = [  # a fortnightly committee
        doc(1, week(1), actions=[action("Order the handheld scanners")]),
        doc(2, week(1) - timedelta(days=1), kind="deck"),
        doc(3, week(1) + timedelta(days=5), kind="status_report"),  # written late, still that meeting's
        doc(4, week(3), actions=[action("Handheld scanners order")]),
        doc(5, week(6), kind="deck"),  # a deck with no minutes is a meeting of its own
    ]
    weeks = group_meeting_weeks(docs)
    assert weeks.weeks == [week(1) - timedelta(days=1), week(3), week(6)]
    assert weeks.week_of(docs[2]) == week(1) - timedelta(days=1)
    assert build_threads(docs, Settings())[0].weeks_open == 3


def test_the_thread_owner_is_the_person_named_beside_their_firm() -> None:
    text = "Deliver the signed data sharing agreement"
    docs = [
        doc(1, week(1), actions=[action(text, owner="Nadia Okafor", ref="B-14")]),
        doc(2, week(2), kind="deck", actions=[action(text, owner="Nadia Okafor", ref="B-14")]),
        doc(
            3,
            week(2) + timedelta(days=1),
            kind="deck",
            actions=[action(text, owner="Brightwell", ref="B-14")],
        ),
    ]
    [thread] = build_threads(docs, Settings())
    assert thread.owner == "Nadia Okafor"
    # a real handover to another firm's person still moves the thread
    docs.append(doc(4, week(3), actions=[action(text, owner="Brightwell", ref="B-14")]))
    docs.append(doc(5, week(3), kind="deck", actions=[action(text, owner="Sam Reyes", ref="B-14")]))
    [thread] = build_threads(docs, Settings())
    assert thread.owner == "Sam Reyes"


def test_a_decision_deferred_for_new_reasons_each_week_stays_one_thread() -> None:
    def decision(text: str, status: str) -> Decision:
        return Decision(text=text, status=status, evidence=Evidence(locator="paragraph 9", quote=text))

    docs = [
        doc(1, week(1), decisions=[decision(
            "the decision on the cutover approach (big bang or phased by plant) was deferred", "deferred")]),
        doc(2, week(2), decisions=[decision(
            "the cutover approach decision was deferred again because the sponsor was absent", "deferred")]),
        doc(3, week(3), decisions=[decision(
            "Cutover approach still pending awaiting the options paper from finance", "pending")]),
    ]
    [thread] = [t for t in build_threads(docs, Settings()) if t.kind == "decision"]
    assert len(thread.mentions) == 3
