"""The briefing's facts: computed from extractions, threads and signals, compared with last week."""

from datetime import date

import pytest

from signalscan.briefing import generate_briefing, sample
from signalscan.briefing.build import build_briefing
from signalscan.briefing.sources import SampleSource
from signalscan.errors import NotFoundError

AS_OF = date(2026, 3, 27)
PREVIOUS = date(2026, 3, 20)


@pytest.fixture(scope="module")
def data():
    return sample.harbor_erp()


@pytest.fixture(scope="module")
def briefing(data):
    return generate_briefing(SampleSource(data, lambda a: sample.harbor_signals(data, a)))


def test_defaults_to_latest_meeting_and_compares_with_previous_week(briefing):
    assert briefing.as_of == AS_OF
    assert briefing.previous_as_of == PREVIOUS
    assert briefing.weeks == [date(2026, 3, 6), date(2026, 3, 13), PREVIOUS, AS_OF]
    counts = briefing.headline.counts
    assert (counts.watermelon_workstreams, counts.stale_actions, counts.deferred_decisions) == (1, 1, 1)
    assert briefing.headline.trend == "unchanged"
    assert "the same as the previous meeting week" in briefing.headline.text


def test_changes_new_resolved_and_decisions_made(briefing):
    changes = briefing.changes
    assert changes.since == PREVIOUS
    assert [b.signal.type for b in changes.new_signals] == ["frozen_progress"]
    assert [b.signal.subject for b in changes.resolved_signals] == ["Sam Ortiz"]
    assert [d.text for d in changes.decisions_made] == ["Freeze scope for release 1"]
    assert changes.decisions_made[0].evidence.document == "minutes/2026-03-27.docx"


def test_aging_actions_grouped_by_owner(briefing):
    owners = {o.owner: o for o in briefing.actions_by_owner}
    assert list(owners) == ["Priya Shah", "Jordan Lee", "(no owner)"]  # overdue first
    cutover = owners["Jordan Lee"].actions[0]
    assert (cutover.age_weeks, cutover.carried_over, cutover.due_slips) == (3, 3, 2)
    assert owners["Priya Shah"].overdue == 1
    assert all(a.text != "Circulate the finance sign-off pack" for o in owners.values() for a in o.actions)


def test_decisions_waiting_and_risk_health(briefing):
    [waiting] = briefing.decisions_waiting
    assert waiting.text == "Approve the data archiving approach"
    assert (waiting.since, waiting.weeks_waiting, waiting.times_deferred) == (date(2026, 3, 6), 3, 3)
    health = briefing.risk_health
    assert (health.open, health.without_owner, health.without_mitigation, health.closed) == (2, 1, 1, 1)
    assert health.without_either == ["Vendor resource shortfall"]


def test_rag_grid_marks_green_weeks_with_evidence_of_trouble(briefing):
    rows = {row.workstream: row for row in briefing.rag_grid}
    migration = rows["Data Migration"].cells
    assert [c.reported for c in migration] == ["green"] * 4
    assert [c.trouble for c in migration] == [False, True, True, True]
    assert migration[-1].evidence and all(e.meeting_date >= date(2026, 3, 24) for e in migration[-1].evidence)
    assert [c.reported for c in rows["Finance"].cells][:2] == ["amber", "green"]
    assert not any(c.trouble for c in rows["Finance"].cells)


def test_leadership_questions_cite_facts_with_evidence(briefing):
    assert [q.question for q in briefing.questions] == [
        "Are decisions being made?",
        "Are risks mitigated or only documented?",
        "Does reported progress reflect reality?",
        "Who is carrying overdue commitments?",
    ]
    for question in briefing.questions:
        assert question.facts and all(f"[{n}]" in question.answer for n in question.facts)
        assert question.citations, question.question
    assert question.answer.startswith("Priya Shah (1 overdue")
    assert "Data Migration" in briefing.questions[2].answer


def test_worse_than_last_week_when_more_signals(data):
    previous = build_briefing(
        sample.extractions(data, PREVIOUS), sample.threads(data, PREVIOUS), [], as_of=PREVIOUS
    )
    current = build_briefing(
        sample.extractions(data, AS_OF),
        sample.threads(data, AS_OF),
        sample.harbor_signals(data, AS_OF),
        previous=previous,
        as_of=AS_OF,
    )
    assert current.headline.trend == "worse"
    assert len(current.changes.new_signals) == len(current.active_signals())


def test_as_of_only_looks_at_what_was_known(data):
    early = generate_briefing(SampleSource(data, lambda a: sample.harbor_signals(data, a)), as_of=PREVIOUS)
    assert early.weeks[-1] == PREVIOUS
    assert early.risk_health.closed == 1 and early.decisions_waiting[0].weeks_waiting == 2
    assert [d.text for d in early.changes.decisions_made] == ["Go with a phased rollout"]


def test_program_without_documents_says_what_to_do(data):
    source = SampleSource(data, lambda a: [])
    with pytest.raises(NotFoundError, match="signalscan ingest"):
        generate_briefing(source, as_of=date(2020, 1, 1))
