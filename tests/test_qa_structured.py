"""Structured questions answered from threads: owners, open and overdue actions, pending decisions,
open risks, what changed; each cited with the mentions' evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from signalscan.config import Settings
from signalscan.models import Evidence, Mention, Thread
from signalscan.pipeline import ingest_paths
from signalscan.qa import answer_question
from signalscan.qa.structured import answer_structured, detect_structured

AS_OF = date(2026, 3, 20)


def _mention(day: date, text: str, line: int, **fields: object) -> Mention:
    evidence = Evidence(locator=f"line {line}", quote=text, line_start=line, line_end=line)
    return Mention(document=f"minutes-{day}.md", meeting_date=day, text=text, evidence=evidence, **fields)


def _thread(tid: str, kind: str, text: str, status: str, mentions: list[Mention], **fields: object) -> Thread:
    days = [m.meeting_date for m in mentions]
    return Thread(thread_id=tid, kind=kind, text=text, status=status, mentions=mentions,  # type: ignore[arg-type]
                  first_seen=min(days), last_seen=max(days), weeks_open=len(mentions), **fields)


@pytest.fixture
def threads() -> list[Thread]:
    d1, d2 = date(2026, 3, 6), date(2026, 3, 13)
    return [
        _thread("A-0001", "action", "Confirm the data migration recovery plan", "open",
                [_mention(d1, "Jordan to confirm the data migration recovery plan", 7, status="open",
                          due=date(2026, 3, 13), owner="Jordan Lee"),
                 _mention(d2, "Jordan to confirm the data migration recovery plan", 9, status="open",
                          due=date(2026, 3, 27), owner="Jordan Lee")],
                owner="Jordan Lee", due=date(2026, 3, 10)),
        _thread("A-0002", "action", "Circulate the training plan", "done",
                [_mention(d2, "Priya circulated the training plan", 12, status="done", owner="Priya Nair")],
                owner="Priya Nair"),
        _thread("A-0003", "action", "Book the cutover rehearsal environment", "open",
                [_mention(d2, "Book the cutover rehearsal environment", 14, status="open")],
                due=date(2026, 4, 3)),
        _thread("D-0001", "decision", "Approve the cutover date", "deferred",
                [_mention(d1, "Cutover date decision deferred", 20, status="pending"),
                 _mention(d2, "Cutover date decision deferred again", 21, status="deferred")]),
        _thread("D-0002", "decision", "Adopt the new vendor contract", "made",
                [_mention(d2, "Vendor contract approved", 22, status="made")]),
        _thread("R-0001", "risk", "Data extract vendor may not deliver", "open",
                [_mention(d1, "Data extract vendor may not deliver", 30, status="open")]),
    ]


@pytest.mark.parametrize(("question", "kind"), [
    ("Who owns the data migration recovery plan?", "owner"),
    ("Who is responsible for the cutover rehearsal?", "owner"),
    ("Which actions are overdue?", "overdue"),
    ("What actions are still open?", "open_actions"),
    ("Which decisions are pending, and since when?", "pending"),
    ("What decisions are still waiting?", "pending"),
    ("Which risks have no owner?", "open_risks"),
    ("What changed for data migration?", "changed"),
    ("What did the vendor say about the extract files?", None),
    ("What was decided on the microphone procedures?", None),
])
def test_questions_are_recognised(question: str, kind: str | None) -> None:
    assert detect_structured(question) == kind


def test_owner_answer_names_the_owner_and_cites_the_latest_mention(threads: list[Thread]) -> None:
    result = answer_structured("owner", "Who owns the data migration recovery plan?", threads, AS_OF)
    assert result is not None
    first_line = result.answer.splitlines()[1]
    assert "Jordan Lee" in first_line and "[1]" in first_line
    assert result.citations[0].line_start == 9 and result.citations[0].document == "minutes-2026-03-13.md"


def test_overdue_lists_only_open_actions_past_due(threads: list[Thread]) -> None:
    result = answer_structured("overdue", "Which actions are overdue?", threads, AS_OF)
    assert result is not None
    assert "recovery plan" in result.answer and "10 days late" in result.answer
    assert "training" not in result.answer and "rehearsal" not in result.answer
    assert len(result.citations) == 1


def test_open_actions_and_pending_decisions(threads: list[Thread]) -> None:
    open_actions = answer_structured("open_actions", "What actions are still open?", threads, AS_OF)
    assert open_actions is not None and open_actions.answer.startswith("2 open action(s)")
    pending = answer_structured("pending", "Which decisions are pending?", threads, AS_OF)
    assert pending is not None
    assert "Approve the cutover date — deferred since 2026-03-06" in pending.answer
    assert "vendor contract" not in pending.answer
    assert pending.citations[0].quote == "Cutover date decision deferred again"


def test_open_risks_and_what_changed(threads: list[Thread]) -> None:
    risks = answer_structured("open_risks", "Which risks have no owner?", threads, AS_OF)
    assert risks is not None and "Data extract vendor" in risks.answer
    changed = answer_structured("changed", "What changed for data migration?", threads, AS_OF)
    assert changed is not None
    assert "due 2026-03-13 -> 2026-03-27" in changed.answer
    assert changed.citations[0].line_start == 9


def test_nothing_overdue_is_said_plainly(threads: list[Thread]) -> None:
    result = answer_structured("overdue", "Which actions are overdue?", threads, date(2026, 3, 1))
    assert result is not None and result.answer.startswith("No open action is past its due date")
    assert result.citations == []


def test_structured_mode_end_to_end_from_ingested_minutes(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes-2026-03-06.md"
    minutes.write_text("# Steering Committee Minutes\nDate: 2026-03-06\n\n"
                       "Attendees: Jordan Lee, Sam Ortiz\n\n"
                       "## Decisions\n- The cutover date decision is deferred to the next meeting.\n\n"
                       "## Actions\n- Jordan Lee to confirm the vendor recovery plan by 2026-03-13.\n")
    settings = Settings(home=tmp_path / "home", embeddings="hash")  # type: ignore[call-arg]
    assert not ingest_paths([str(minutes)], program="p", settings=settings)["failed"]
    answer = answer_question("Who owns the vendor recovery plan?", settings, program="p")
    assert answer.mode == "structured" and "Jordan Lee" in answer.answer
    lines = minutes.read_text().splitlines()
    cited = answer.citations[0]
    assert cited.line_start is not None and "recovery plan" in lines[cited.line_start - 1]
    passage = answer_question("What about the vendor recovery plan?", settings, program="p")
    assert passage.mode == "extractive"


@pytest.mark.parametrize(("question", "topic"), [
    ("When did we first hear about the data migration slippage, and who owned the fix?",
     "the data migration slippage"),
    ("When did we first learn of the vendor delay?", "the vendor delay"),
    ("When was the cutover risk first raised?", "the cutover risk"),
    ("When was the extract delay first flagged by Corvel?", "the extract delay"),
    ("Since when is the label printing blocked?", "the label printing blocked"),
    ("Who owns the data migration recovery plan?", None),
    ("When is the next steering committee?", None),
])
def test_first_heard_questions_are_recognised(question: str, topic: str | None) -> None:
    from signalscan.qa.query import first_heard_topic

    assert first_heard_topic(question) == topic


def test_first_heard_topic_splits_problem_from_subject() -> None:
    from signalscan.qa.structured import speaks_of, split_topic

    topic = split_topic("the data migration slippage")
    assert topic.problem and topic.words == ["data", "migr"]
    assert speaks_of("All green; data migration approach agreed.", topic) is None
    assert speaks_of("Training is two weeks late.\nData migration: migration is behind plan.", topic) == \
        "Data migration: migration is behind plan."
