"""The briefing's data: every number and quote a renderer shows, computed before any prose is written."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr

from signalscan.models import Rag, Signal, SignalEvidence

Trend = Literal["better", "worse", "unchanged", "first"]


class Fact(BaseModel):
    """One numbered, cited statement; prose (template or LLM) may only cite these by [n]."""

    n: int
    text: str
    citations: list[SignalEvidence] = Field(default_factory=list)


class HeadlineCounts(BaseModel):
    """The three numbers leadership reads first."""

    watermelon_workstreams: int = 0
    stale_actions: int = 0
    deferred_decisions: int = 0
    active_signals: int = 0

    @property
    def burden(self) -> int:
        """One number to compare weeks: the sum of the headline counts."""
        return self.watermelon_workstreams + self.stale_actions + self.deferred_decisions


class Headline(BaseModel):
    """This week's counts, last week's, and which way things moved."""

    counts: HeadlineCounts
    previous: HeadlineCounts | None = None
    trend: Trend = "first"
    text: str


class BriefedSignal(BaseModel):
    """A signal as the briefing shows it: active this week or only seen before."""

    key: str
    active: bool
    signal: Signal


class DecisionMade(BaseModel):
    """A decision recorded as made since the previous briefing."""

    thread_id: str | None = None
    text: str
    made_on: date | None = None
    evidence: SignalEvidence | None = None


class Changes(BaseModel):
    """What moved since the previous briefing."""

    since: date | None = None
    new_signals: list[BriefedSignal] = Field(default_factory=list)
    resolved_signals: list[BriefedSignal] = Field(default_factory=list)
    decisions_made: list[DecisionMade] = Field(default_factory=list)


class AgingAction(BaseModel):
    """An open action with its age and how often it slipped."""

    thread_id: str
    text: str
    owner: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    due: date | None = None
    overdue: bool = False
    age_weeks: int = 0
    carried_over: int = 0  # meeting weeks it reappeared in after the first
    due_slips: int = 0
    evidence: SignalEvidence | None = None


class OwnerActions(BaseModel):
    """One owner's open actions, oldest first."""

    owner: str  # "(no owner)" when none is accountable
    open: int
    overdue: int
    oldest_weeks: int
    actions: list[AgingAction] = Field(default_factory=list)


class WaitingDecision(BaseModel):
    """A decision still pending or deferred."""

    thread_id: str
    text: str
    owner: str | None = None
    status: str | None = None
    since: date | None = None
    weeks_waiting: int = 0
    times_deferred: int = 0
    evidence: SignalEvidence | None = None


class RiskHealth(BaseModel):
    """How the risk register is looked after."""

    open: int = 0
    closed: int = 0
    without_owner: int = 0
    without_mitigation: int = 0
    without_either: list[str] = Field(default_factory=list)


class RagCell(BaseModel):
    """One workstream in one meeting week: what was reported, and whether evidence said trouble."""

    week: date
    reported: Rag | None = None
    percent_complete: int | None = None
    trouble: bool = False
    evidence: list[SignalEvidence] = Field(default_factory=list)


class RagRow(BaseModel):
    """A workstream's reported colour against evidence, week by week."""

    workstream: str
    cells: list[RagCell] = Field(default_factory=list)


class LeadershipAnswer(BaseModel):
    """A leadership question with a one-line answer citing facts."""

    question: str
    answer: str
    facts: list[int] = Field(default_factory=list)
    citations: list[SignalEvidence] = Field(default_factory=list)


class Summary(BaseModel):
    """The executive summary: written by an LLM from the facts, or from templates."""

    mode: Literal["llm", "template"] = "template"
    text: str = ""
    note: str | None = None  # e.g. why the LLM summary was not used


class Briefing(BaseModel):
    """The weekly execution-gap briefing for one program."""

    program: str
    as_of: date | None = None
    previous_as_of: date | None = None
    weeks: list[date] = Field(default_factory=list)
    documents: int = 0
    headline: Headline
    changes: Changes
    signals: list[BriefedSignal] = Field(default_factory=list)
    actions_by_owner: list[OwnerActions] = Field(default_factory=list)
    decisions_waiting: list[WaitingDecision] = Field(default_factory=list)
    risk_health: RiskHealth = Field(default_factory=RiskHealth)
    rag_grid: list[RagRow] = Field(default_factory=list)
    questions: list[LeadershipAnswer] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    # rendered chart PNGs, so html, docx and e-mail draw each chart once
    _charts: dict[str, bytes | None] = PrivateAttr(default_factory=dict)

    def active_signals(self, severity: str | None = None) -> list[BriefedSignal]:
        """Signals still active this week, optionally of one severity."""
        return [s for s in self.signals if s.active and (severity is None or s.signal.severity == severity)]
