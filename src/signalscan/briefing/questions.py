"""Numbered facts and the leadership questions, each answered in one line that cites facts."""

from __future__ import annotations

from collections.abc import Sequence

from signalscan.briefing.model import Briefing, Fact, LeadershipAnswer
from signalscan.models import SignalEvidence

MAX_SIGNAL_FACTS = 15
QUESTIONS = (
    "Are decisions being made?",
    "Are risks mitigated or only documented?",
    "Does reported progress reflect reality?",
    "Who is carrying overdue commitments?",
)


class FactBook:
    """Collects facts and hands out their numbers."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []

    def add(self, text: str, citations: Sequence[SignalEvidence | None] | None = None) -> int:
        """Record a fact; returns its number for [n] citations."""
        cited = [c for c in citations or [] if c is not None]
        self.facts.append(Fact(n=len(self.facts) + 1, text=text, citations=cited))
        return len(self.facts)


def add_facts_and_questions(briefing: Briefing) -> None:
    """Fill `briefing.facts` and `briefing.questions` from its computed sections."""
    book = FactBook()
    _headline_fact(book, briefing)
    for briefed in briefing.active_signals()[:MAX_SIGNAL_FACTS]:
        book.add(briefed.signal.explanation, briefed.signal.evidence[:2])
    briefing.questions = [
        _decisions_answer(book, briefing),
        _risks_answer(book, briefing),
        _progress_answer(book, briefing),
        _overdue_answer(book, briefing),
    ]
    briefing.facts = book.facts


def _refs(*numbers: int) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _headline_fact(book: FactBook, briefing: Briefing) -> None:
    firsts: dict[str, SignalEvidence] = {}
    for briefed in briefing.active_signals():
        if (
            briefed.signal.type in ("watermelon", "stale_action", "deferred_decision")
            and briefed.signal.evidence
        ):
            firsts.setdefault(briefed.signal.type, briefed.signal.evidence[0])
    book.add(f"This meeting week: {briefing.headline.text}", list(firsts.values()))


def _decisions_answer(book: FactBook, briefing: Briefing) -> LeadershipAnswer:
    made, waiting = briefing.changes.decisions_made, briefing.decisions_waiting
    since = f"since {briefing.changes.since}" if briefing.changes.since else "this meeting week"
    quoted = "; ".join(f"“{d.text}”" for d in made[:3])
    n_made = book.add(
        f"{len(made)} decision(s) recorded as made {since}" + (f": {quoted}." if made else "."),
        [d.evidence for d in made[:3]],
    )
    facts = [n_made]
    if waiting:
        oldest = waiting[0]
        facts.append(
            book.add(
                f"{len(waiting)} decision(s) waiting; the oldest, “{oldest.text}”, "
                f"undecided since {oldest.since} and put off {oldest.times_deferred} time(s).",
                [oldest.evidence],
            )
        )
    verdict = (
        "Yes"
        if made and not waiting
        else "Partly"
        if made
        else "No"
        if waiting
        else "No decision is on record"
    )
    line = f"{verdict}: {len(made)} made {since}, {len(waiting)} still waiting. {_refs(*facts)}"
    return _answer(QUESTIONS[0], line, facts, book)


def _risks_answer(book: FactBook, briefing: Briefing) -> LeadershipAnswer:
    health = briefing.risk_health
    unmitigated = [b.signal for b in briefing.active_signals() if b.signal.type == "unmitigated_risk"]
    n = book.add(
        f"Risk register: {health.open} open ({health.without_owner} without owner, "
        f"{health.without_mitigation} without mitigation), {health.closed} closed; "
        f"{len(unmitigated)} risk(s) flagged unmitigated.",
        [s.evidence[0] for s in unmitigated[:2] if s.evidence],
    )
    if health.open == 0:
        verdict = "No open risks are recorded"
    elif health.without_mitigation == 0:
        verdict = "Mitigated: every open risk has a mitigation on record"
    else:
        verdict = (
            f"Only documented for {health.without_mitigation} of {health.open} open risks (no mitigation)"
        )
    return _answer(QUESTIONS[1], f"{verdict}. {_refs(n)}", [n], book)


def _progress_answer(book: FactBook, briefing: Briefing) -> LeadershipAnswer:
    mismatched = [
        row
        for row in briefing.rag_grid
        if row.cells and row.cells[-1].trouble and row.cells[-1].reported == "green"
    ]
    frozen = [b.signal for b in briefing.active_signals() if b.signal.type == "frozen_progress"]
    names = ", ".join(row.workstream for row in mismatched)
    text = (
        f"{len(mismatched)} workstream(s) reported green this week while documents of the same week "
        f"describe trouble" + (f": {names}" if names else "") + f"; {len(frozen)} with frozen % complete."
    )
    n = book.add(
        text,
        [row.cells[-1].evidence[0] for row in mismatched if row.cells[-1].evidence][:3]
        + [s.evidence[0] for s in frozen[:1] if s.evidence],
    )
    verdict = f"No, not for {names}" if mismatched else "Yes, as far as this week's documents show"
    if frozen and not mismatched:
        verdict = f"Partly: progress looks frozen for {', '.join(s.subject for s in frozen[:3])}"
    return _answer(QUESTIONS[2], f"{verdict}. {_refs(n)}", [n], book)


def _overdue_answer(book: FactBook, briefing: Briefing) -> LeadershipAnswer:
    carrying = [o for o in briefing.actions_by_owner if o.overdue][:3]
    if not carrying:
        n = book.add("No open action is past its due date.")
        return _answer(QUESTIONS[3], f"Nobody: no open action is past its due date. {_refs(n)}", [n], book)
    parts = [
        f"{o.owner} ({o.overdue} overdue of {o.open} open, oldest {o.oldest_weeks} week(s))" for o in carrying
    ]
    cited = [next((a.evidence for a in o.actions if a.overdue), None) for o in carrying]
    n = book.add("Overdue commitments: " + "; ".join(parts) + ".", cited)
    return _answer(QUESTIONS[3], f"{'; '.join(parts)}. {_refs(n)}", [n], book)


def _answer(question: str, line: str, facts: list[int], book: FactBook) -> LeadershipAnswer:
    citations = [c for n in facts for c in book.facts[n - 1].citations]
    return LeadershipAnswer(question=question, answer=line, facts=facts, citations=citations)
