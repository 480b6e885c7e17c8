"""The nine execution-gap signals, computed from a program's extractions and threads (no LLM).

Everything is judged in meeting weeks (see `tracking.group_meeting_weeks`), so a signal means
the same whenever it is computed, and `as_of` hides whatever was written after that date.
Watermelon reads document text too: status narratives and item quotes always, and the raw
passages of each document when the caller passes them (`texts`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from signalscan.models import Mention, Signal, SignalEvidence, StoredExtraction, Thread
from signalscan.tracking import (
    CLOSED_STATUSES,
    KIND_ORDER,
    MeetingWeeks,
    WorkstreamNames,
    content_words,
    current_owner,
    group_meeting_weeks,
    is_vague_owner,
    mention_weeks,
    week_status,
)

if TYPE_CHECKING:
    from signalscan.config import Settings

# document path -> [(locator, text)]: the raw passages of each document, when the caller has them
DocumentTexts = Mapping[str, Sequence[tuple[str, str]]]

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# a mitigation that names no measure: "TBC", "none yet", "to be identified", "no mitigation agreed"
_VAGUE_MITIGATION = re.compile(
    r"(?i)^\W*(?:|none(?: yet| agreed| identified)?|no(?:ne|t)?\b.*|n/?a|tb[acd]|\?|-+|pending|unknown|"
    r"to be (?:identified|confirmed|agreed|determined|defined|discussed)|awaiting\b.*)\W*$"
)
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
        return self.weeks.week_of(stored) or stored.extraction.document.meeting_date

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
    kind: str,
    thread: Thread,
    weeks: Sequence[date],
    mentions: Sequence[Mention],
    severity: str,
    explanation: str,
    workstreams: WorkstreamNames,
) -> Signal:
    return Signal(
        type=kind,
        severity=severity,
        subject=_subject(thread),  # type: ignore[arg-type]
        workstream=workstreams.canonical(thread.workstream),
        owner=_owner(thread.mentions),
        thread_id=thread.thread_id,
        first_seen=min(weeks),
        last_seen=max(weeks),
        explanation=explanation,
        evidence=_evidence(mentions),
    )


# ---------------------------------------------------------------- item signals
def _week_due(mentions: Sequence[Mention]) -> date | None:
    """A week's due date: the latest stated that week (a stale deck keeps the old one)."""
    return max((m.due for m in mentions if m.due), default=None)


def stale_actions(ctx: _Context) -> list[Signal]:
    """Actions not closed in N+ meeting weeks and, at the last, overdue, undated or re-dated."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        if week_status("action", by_week[max(by_week)]) in CLOSED_STATUSES["action"]:
            continue
        open_weeks = [
            w for w, ms in by_week.items() if week_status("action", ms) not in CLOSED_STATUSES["action"]
        ]
        if len(open_weeks) < ctx.settings.stale_action_weeks:
            continue
        last = open_weeks[-1]
        due = _week_due(by_week[last])
        first_due = next((_week_due(by_week[w]) for w in by_week if _week_due(by_week[w])), None)
        if due is None:
            why = "still has no due date"
        elif due < last:
            why = f"was overdue (due {_fmt(due)}) at its last mention"
        elif first_due and due != first_due:
            why = f"has been re-dated from {_fmt(first_due)} to {_fmt(due)}"
        else:
            continue
        severity = "high" if len(open_weeks) >= 2 * ctx.settings.stale_action_weeks - 1 else "medium"
        explanation = (
            f'The action "{_subject(thread)}" has been reported open in {len(open_weeks)} '
            f"meeting weeks and {why}."
        )
        mentions = [m for w in open_weeks for m in by_week[w]]
        out.append(
            _thread_signal(
                "stale_action", thread, open_weeks, mentions, severity, explanation, ctx.workstreams
            )
        )
    return out


def due_date_slips(ctx: _Context) -> list[Signal]:
    """Actions whose due date moved later N+ times."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        dues = [(w, _week_due(ms)) for w, ms in by_week.items() if _week_due(ms)]
        moves, latest, path = [], None, []
        for week, due in dues:
            if latest is not None and due > latest:
                moves.append(week)
            if latest is None or due > latest:
                latest = due
                path.append(due)
        if len(moves) < ctx.settings.due_date_slip_count:
            continue
        severity = "high" if len(moves) > ctx.settings.due_date_slip_count else "medium"
        explanation = (
            f'The due date of "{_subject(thread)}" has moved later {len(moves)} times: '
            f"{' -> '.join(_fmt(d) for d in path)}."
        )
        weeks = [dues[0][0], *moves]
        mentions = [m for w in weeks for m in by_week[w] if m.due]
        out.append(
            _thread_signal(
                "due_date_slip",
                thread,
                [w for w, _ in dues],
                mentions,
                severity,
                explanation,
                ctx.workstreams,
            )
        )
    return out


def deferred_decisions(ctx: _Context) -> list[Signal]:
    """Decisions reported pending or deferred in N+ meeting weeks."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "decision"):
        by_week = mention_weeks(thread, ctx.weeks)
        waiting = [w for w, ms in by_week.items() if week_status("decision", ms) in ("pending", "deferred")]
        if len(waiting) < ctx.settings.deferred_decision_weeks:
            continue
        made = week_status("decision", by_week[max(by_week)]) == "made"
        tail = f", before it was made on {_fmt(max(by_week))}" if made else " and it is still not made"
        severity = (
            "high" if not made and len(waiting) >= ctx.settings.deferred_decision_weeks + 2 else "medium"
        )
        explanation = (
            f'The decision "{_subject(thread)}" was reported pending or deferred in '
            f"{len(waiting)} meeting weeks{tail}."
        )
        mentions = [m for w in waiting for m in by_week[w]]
        out.append(
            _thread_signal(
                "deferred_decision", thread, waiting, mentions, severity, explanation, ctx.workstreams
            )
        )
    return out


def unowned_actions(ctx: _Context) -> list[Signal]:
    """Open actions with no accountable owner (none named, or a vague one)."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "action"):
        by_week = mention_weeks(thread, ctx.weeks)
        if week_status("action", by_week[max(by_week)]) in CLOSED_STATUSES["action"]:
            continue
        if any(not is_vague_owner(m.owner) for m in thread.mentions):
            continue
        named = next((m.owner for m in thread.mentions if m.owner), None)
        who = f'only a vague owner ("{named}")' if named else "no owner"
        explanation = f'The open action "{_subject(thread)}" has {who}, so nobody is accountable for it.'
        out.append(
            _thread_signal(
                "unowned_action",
                thread,
                list(by_week),
                thread.mentions,
                "medium",
                explanation,
                ctx.workstreams,
            )
        )
    return out


def _unmitigated(mentions: Sequence[Mention]) -> bool:
    owned = any(not is_vague_owner(m.owner) for m in mentions)
    mitigated = any(not _VAGUE_MITIGATION.match((m.mitigation or "").strip()) for m in mentions)
    return not owned and not mitigated


def unmitigated_risks(ctx: _Context) -> list[Signal]:
    """Risks recorded with neither owner nor mitigation in N+ meeting weeks (unless since closed)."""
    out = []
    for thread in (t for t in ctx.threads if t.kind == "risk"):
        by_week = mention_weeks(thread, ctx.weeks)
        latest = by_week[max(by_week)]
        bare = [w for w, ms in by_week.items() if _unmitigated(ms)]
        if week_status("risk", latest) == "closed" or len(bare) < ctx.settings.unmitigated_risk_weeks:
            continue
        # like a decision deferred for weeks and then made, weeks of an unmanaged risk stay a signal
        # once it is finally owned; it is just less urgent
        still = _unmitigated(latest)
        tail = "" if still else f", until it was given an owner or mitigation on {_fmt(max(by_week))}"
        high = still and any(m.severity == "high" for m in thread.mentions)
        explanation = (
            f'The risk "{_subject(thread)}" was recorded in {len(bare)} meeting weeks '
            f"with neither an owner nor a mitigation{tail}."
        )
        severity = "high" if high else "medium" if still else "low"
        mentions = [m for w in bare for m in by_week[w]]
        out.append(
            _thread_signal("unmitigated_risk", thread, bare, mentions, severity, explanation, ctx.workstreams)
        )
    return out


# ---------------------------------------------------------------- meeting and people signals
def meetings_without_outcome(ctx: _Context) -> list[Signal]:
    """Minutes that record a meeting but no action and no decision made."""
    out = []
    for _week, docs in ctx.by_week().items():
        minutes = [d for d in docs if d.extraction.document.kind == "minutes"]
        if not minutes or any(
            d.extraction.actions or any(x.status == "made" for x in d.extraction.decisions) for d in minutes
        ):
            continue
        doc = minutes[0]
        ext = doc.extraction
        if not (
            ext.attendees
            or ext.apologies
            or ext.statuses
            or ext.risks
            or ext.decisions
            or len(ctx.texts.get(doc.path, ())) >= 3
        ):
            continue  # nothing recorded at all: an unreadable file, not a meeting without outcome
        day = ext.document.meeting_date
        quotes = _outcome_quotes(ctx, doc)
        out.append(
            Signal(
                type="meeting_without_outcome",
                severity="low",
                subject=f"Steering meeting {day.isoformat()}",
                first_seen=day,
                last_seen=day,
                evidence=quotes,
                explanation=f"The minutes of the {_fmt(day)} meeting record discussion but no action and no "
                "decision made.",
            )
        )
    return out


_OUTCOME_WORDS = re.compile(r"\b(decision|decided|action|agreed|discuss|talked|no new)", re.I)


def _outcome_quotes(ctx: _Context, doc: StoredExtraction) -> list[SignalEvidence]:
    day = doc.extraction.document.meeting_date
    lines = [(loc, text) for loc, text in ctx.texts.get(doc.path, ()) if _OUTCOME_WORDS.search(text)]
    if not lines:
        title = doc.extraction.document.title or doc.path
        lines = [("document", title)]
    return [
        SignalEvidence(document=doc.path, meeting_date=day, locator=loc, quote=text[:300])
        for loc, text in lines[:3]
    ]


_TITLES = re.compile(r"^(dr|mr|mrs|ms|miss|prof|professor|sir|dame)\.?\s+", re.I)


def person_key(name: str) -> str:
    """A key for one person across spellings ("Dr Helen Marsh (HM)" = "H. Marsh" = "Helen Marsh")."""
    plain = _TITLES.sub("", re.sub(r"\(.*?\)", "", name).strip()).lower()
    words = re.findall(r"[a-z][a-z'-]*", plain)
    return f"{words[0][0]} {words[-1]}" if len(words) >= 2 else " ".join(words)


def attendance_declines(ctx: _Context) -> list[Signal]:
    """Members sending apologies to N+ consecutive meetings; one signal per unbroken run."""
    records = [
        (w, [d for d in docs if d.extraction.attendees or d.extraction.apologies])
        for w, docs in ctx.by_week().items()
    ]
    records = [(w, docs) for w, docs in records if docs]
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    absent: dict[str, set[date]] = defaultdict(set)
    sources: dict[tuple[str, date], StoredExtraction] = {}
    for week, docs in records:
        for doc in docs:
            for name in doc.extraction.apologies:
                key = person_key(name)
                if key:
                    spelling[key][_TITLES.sub("", re.sub(r"\(.*?\)", "", name).strip())] += 1
                    absent[key].add(week)
                    sources.setdefault((key, week), doc)
    out = []
    for key, away in absent.items():
        for run in _runs([w in away for w, _ in records], [w for w, _ in records]):
            if len(run) < ctx.settings.attendance_decline_meetings:
                continue
            name = spelling[key].most_common(1)[0][0]
            evidence = [_apology_evidence(ctx, sources[(key, w)], name) for w in run]
            out.append(
                Signal(
                    type="attendance_decline",
                    severity="medium" if len(run) > 3 else "low",
                    subject=name,
                    owner=name,
                    first_seen=run[0],
                    last_seen=run[-1],
                    evidence=evidence,
                    explanation=f"{name} sent apologies to {len(run)} consecutive steering meetings "
                    f"({_fmt(run[0])} to {_fmt(run[-1])}).",
                )
            )
    return out


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


def _apology_evidence(ctx: _Context, doc: StoredExtraction, name: str) -> SignalEvidence:
    day = doc.extraction.document.meeting_date
    surname = name.split()[-1].lower()
    line = next(
        (
            (loc, text)
            for loc, text in ctx.texts.get(doc.path, ())
            if surname in text.lower() and re.search(r"apolog|regret|absent|sent", text, re.I)
        ),
        None,
    )
    loc, quote = line or ("apologies", f"Apologies: {name}")
    return SignalEvidence(document=doc.path, meeting_date=day, locator=loc, quote=quote[:300])


# ---------------------------------------------------------------- workstream signals
@dataclass
class _Report:
    """What one meeting week's documents report for one workstream."""

    rags: list[str] = field(default_factory=list)
    percents: list[int] = field(default_factory=list)
    claims: list[SignalEvidence] = field(default_factory=list)  # the status rows, as evidence
    owner: str | None = None


def _workstream_reports(ctx: _Context) -> dict[str, dict[date, _Report]]:
    """Per canonical workstream, per meeting week: reported RAGs, % complete and the status rows."""
    out: dict[str, dict[date, _Report]] = defaultdict(dict)
    for week, docs in ctx.by_week().items():
        for doc in docs:
            for status in doc.extraction.statuses:
                name = ctx.workstreams.canonical(status.workstream)
                if not name:
                    continue
                report = out[name].setdefault(week, _Report())
                if status.reported:
                    report.rags.append(status.reported)
                if status.percent_complete is not None:
                    report.percents.append(status.percent_complete)
                report.owner = report.owner or (status.owner if not is_vague_owner(status.owner) else None)
                report.claims.append(
                    SignalEvidence(
                        document=doc.path,
                        meeting_date=doc.extraction.document.meeting_date,
                        locator=status.evidence.locator,
                        quote=status.evidence.quote,
                    )
                )
    return out


def _equal_runs(values: Sequence[tuple[date, int]]) -> list[list[tuple[date, int]]]:
    """Split (week, value) pairs into runs of the same value."""
    runs: list[list[tuple[date, int]]] = []
    for week, value in values:
        if runs and runs[-1][-1][1] == value:
            runs[-1].append((week, value))
        else:
            runs.append([(week, value)])
    return runs


def frozen_progress(ctx: _Context) -> list[Signal]:
    """A workstream's % complete identical (below 100) in N+ consecutive meeting weeks."""
    out = []
    for name, weekly in _workstream_reports(ctx).items():
        # weeks without a figure neither extend nor break a run: decks skip a week now and then
        values = [(w, Counter(r.percents).most_common(1)[0][0]) for w, r in weekly.items() if r.percents]
        for run in _equal_runs(values):
            value, weeks = run[0][1], [w for w, _ in run]
            if len(run) < ctx.settings.frozen_progress_weeks or value >= 100:
                continue
            long = len(run) >= ctx.settings.frozen_progress_weeks + 2
            owner = next((weekly[w].owner for w in reversed(weeks) if weekly[w].owner), None)
            explanation = (
                f"{name} has reported {value}% complete in {len(run)} consecutive meeting weeks "
                f"({_fmt(weeks[0])} to {_fmt(weeks[-1])})."
            )
            out.append(
                Signal(
                    type="frozen_progress",
                    severity="high" if long else "medium",
                    subject=name,
                    workstream=name,
                    owner=owner,
                    first_seen=weeks[0],
                    last_seen=weeks[-1],
                    explanation=explanation,
                    evidence=[c for w in weeks for c in weekly[w].claims[:1]][-MAX_EVIDENCE:],
                )
            )
    return out


_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
# problem language: (pattern, needs-no-negation). Negation, hedging and recovery are checked per clause.
_PROBLEMS = re.compile(
    r"\b(slip(?:s|ped|ping|page)?|behind(?: plan| schedule)?|delay(?:s|ed)?|block(?:ed|er|ers|ing)?|"
    r"stuck|stall(?:ed|ing)?|standstill|fail(?:ed|s|ure|ing)?|missed|overdue|off[- ]track|"
    r"awaiting|waiting (?:on|for)|escalat\w*|unresolved|not (?:yet )?(?:delivered|received|provided|loaded)|"
    r"(?:hasn't|has not|haven't|have not|yet to|did not|didn't) (?:yet )?(?:deliver|provide|send|load)\w*|"
    r"(?:weeks?|days?|running|still|is|are|was|were) late|late (?:deliver\w*|specifications?)|"
    r"still outstanding|no recovery plan)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(no|not|never|without|nor|none|nothing|nobody|zero|no longer|n't)\W+(?:\w+\W+){0,2}$", re.I
)
_HEDGE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,1}(may|might|could|would|possible|risk)\b", re.I)
_HEDGE = re.compile(
    r"\b(may|might|could|would|if|risk of|potential(?:ly)?|possible|avoid|prevent)\W+"
    r"(?:\w+\W+){0,3}$",
    re.I,
)
_RECOVERY = re.compile(
    r"\b(recovered|resolved|back on (?:track|plan|schedule)|caught up|closed|cleared|unblocked|mitigated|"
    r"fixed|no longer|now complete|completed|done|delivered (?:on|last|this))\b",
    re.I,
)
_CLAUSES = re.compile(r"[.;!?\n]+|\s[-–—]\s|\bbut\b|\bhowever\b|\balthough\b|\bthough\b", re.I)
# a sentence that states its problem and, in the same breath, that it does not matter:
# "finished a day late, but no delay is expected to the build", "slipped a week, since recovered"
_NEUTRALISED = re.compile(
    r"\b(?:no|nil|zero|without(?: any)?)\s+(?:\w+\s+){0,2}(?:delay|impact|slippage|knock-on(?: effect)?)s?\s+"
    r"(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?(?:expected|anticipated|forecast|foreseen|predicted|on|to)\b|"
    r"\b(?:will|does|do|should|is|are)\s*(?:not|n't)\s+(?:expected\s+to\s+)?(?:affect|impact|delay|move)\s+"
    r"(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:plan|date|go-?live|milestone|schedule|timeline|critical path|build)\b|"
    r"\b(?:date|go-?live|milestone|plan|critical path|schedule)\s+(?:is|are|remains?)\s+"
    r"(?:not|un)\s*affected\b|"
    r"(?<!not )(?<!n't )(?<!yet )(?<!partially )(?<!partly )(?<!to be )"
    r"\brecovered\b(?! (?:one|two|some|part|half))",
    re.I,
)


# a statement that the problem is over: it clears the problems stated before it in the same cell or
# narrative ("Sandbox delayed two weeks. Recovered – delivered 27/04; back on plan.")
_RECOVERED = re.compile(
    r"(?<!not )(?<!n't )(?<!yet )(?<!partially )(?<!partly )(?<!to be )(?<!being )"
    r"\b(?:recovered|resolved|back on (?:track|plan|schedule)|caught up|unblocked|no longer (?:blocked|late|"
    r"delayed|behind|at risk))\b(?! (?:one|two|some|part|half))",
    re.I,
)
# a table row closed in its own status cell ("… | Closed - risk closed, sandbox delivered",
# "… | Delivered 27-Apr-2026"): what its other cells describe is over
_CLOSED_CELL = re.compile(r"^\W*(?:closed|resolved|recovered|complete|completed|done|delivered|mitigated|cl"
                          r"eared|fixed)\b", re.I)


def problem_phrases(text: str) -> list[str]:
    """The material-problem phrases of a text, skipping negated, hedged and recovered ones."""
    cells = [c for c in (text or "").split("|") if c.strip()]
    if len(cells) > 1 and any(_CLOSED_CELL.match(c) and not _cell_problems(c) for c in cells):
        return []
    return [p for cell in cells for p in _cell_problems(cell)]


def _cell_problems(text: str) -> list[str]:
    found: list[str] = []
    for sentence in _SENTENCES.split(text or ""):
        if _RECOVERED.search(sentence):
            found = []  # stated, then recovered
        if not _NEUTRALISED.search(sentence):
            found += _clause_problems(sentence)
    return found


def _clause_problems(sentence: str) -> list[str]:
    found = []
    for clause in _CLAUSES.split(sentence):
        if not clause or _RECOVERY.search(clause):
            continue
        for match in _PROBLEMS.finditer(clause):
            before = clause[: match.start()]
            after = clause[match.end() :]
            hedged = _NEGATION.search(before) or _HEDGE.search(before) or _HEDGE_AFTER.search(after)
            if match.group(0).lower().startswith("no ") or not hedged:
                found.append(match.group(0))
    return found


_ROLL_UP_WORDS = {"overall", "program", "programm", "project", "status", "rag", "summary", "total"}
_GENERIC_WORKSTREAM_WORDS = {
    "data",
    "build",
    "program",
    "programme",
    "project",
    "management",
    "change",
    "technical",
    "business",
    "system",
    "service",
    "team",
    "workstream",
    "process",
    "operation",
    "plan",
    "delivery",
    "support",
    "and",
    "wave",
    "phase",
    "general",
    "other",
}


class _Topics:
    """Tells which workstreams a passage of text is about, from the names the program uses."""

    def __init__(self, names: Sequence[str]) -> None:
        words = {n: content_words(n) for n in names}
        counts = Counter(w for ws in words.values() for w in ws)
        self._full = words
        self.names = set(names)
        self._distinctive = {
            n: {w for w in ws if counts[w] == 1 and len(w) >= 5 and w not in _GENERIC_WORKSTREAM_WORDS}
            for n, ws in words.items()
        }
        # a short acronym only one name carries ("Warehouse Management (EWM)") names it in a sentence
        acronyms = {n: set(_ACRONYM.findall(n)) for n in names}
        shared = Counter(a for found in acronyms.values() for a in found)
        self._acronyms = {n: {a for a in found if shared[a] == 1} for n, found in acronyms.items()}

    def about(self, text: str) -> set[str]:
        """The workstreams a passage names (in full, by a word only that workstream's name has, or by
        its acronym written in capitals)."""
        words = content_words(text)
        capitals = set(_ACRONYM.findall(text)) if any(self._acronyms.values()) else set()
        return {
            n
            for n, full in self._full.items()
            if full and (full <= words or self._distinctive[n] & words or self._acronyms[n] & capitals)
        }

    def lead(self, text: str) -> str | None:
        """The workstream a passage is headed by: "2.2 Supply Chain (BO) — RAG: Amber. …",
        "Supply Chain | Amber | …", "## Supply Chain"; None when its lead is not a workstream's name."""
        head = _LEAD.split(_LEAD_MARKS.sub("", text, count=1), maxsplit=1)[0]
        words = content_words(head) - _LEAD_FILLER
        if not words or len(head.split()) > 6:
            return None
        found = [
            n
            for n, full in self._full.items()
            if words <= full and (words == full or words & self._distinctive[n])
        ]
        return found[0] if len(found) == 1 else None


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
# a lead is what comes before the first separator, after any numbering or bullet
_LEAD_MARKS = re.compile(r"^[\s#*>•·\-–—\d.)]+")
_LEAD = re.compile(r"\s[-–—]\s|[:|(.;,]")
_LEAD_FILLER = frozenset(content_words("workstream stream ws team status update report lead rag"))


def _problem_topics(text: str, own: set[str], fallback: set[str], topics: _Topics) -> set[str]:
    """Workstreams a passage describes problems for. A passage that belongs to a workstream (its
    status row, its section, its "2.x Workstream — RAG:" lead) speaks for that one only, whatever
    names appear as ordinary words in it ("label printer integration is late" in Supply Chain's
    paragraph); otherwise a sentence naming workstreams speaks for them, one naming none for the
    passage's focus."""
    own = own & topics.names or ({lead} if (lead := topics.lead(text)) else set())
    if own:
        return set(own) if problem_phrases(text) else set()
    named_in_passage = topics.about(text)
    context = fallback | named_in_passage if len(named_in_passage) == 1 else fallback
    found: set[str] = set()
    for sentence in _SENTENCES.split(text):
        if _RECOVERED.search(sentence):  # "… recovered": the problems stated before it are over
            found -= topics.about(sentence) or context
        if problem_phrases(sentence):
            found |= topics.about(sentence) or context
    return found


def _sectioned(lines: Sequence[tuple[str, str]], topics: _Topics) -> list[tuple[str, str, set[str | None]]]:
    """A document's raw lines with the workstream whose section each sits in (set by a short
    heading that is a workstream's name, ended by any other heading or a new slide)."""
    out: list[tuple[str, str, set[str | None]]] = []
    section: str | None = None
    slide: list[str] | None = None
    for loc, text in lines:
        if loc.startswith("slide") and loc.split()[:2] != slide:
            section, slide = None, loc.split()[:2]
        if _is_heading(text):
            section = topics.lead(text)
            out.append((loc, text, set()))
            continue
        out.append((loc, text, {section} if section else set()))
    return out


def _is_heading(text: str) -> bool:
    return "|" not in text and len(text.split()) <= 6 and not text.rstrip().endswith((".", ";", ","))


def _week_problems(
    ctx: _Context, docs: Sequence[StoredExtraction], topics: _Topics
) -> list[tuple[set[str], SignalEvidence]]:
    """Passages of a week's documents (status narratives, items, raw text) that describe material
    problems, with the workstreams they describe them for."""
    out = []
    for doc in docs:
        ext = doc.extraction
        # a document about one workstream (an e-mail titled "Data conversion - weekly status") speaks
        # for it in every line, even where the name is not repeated
        focus = topics.about(ext.document.title or "")
        if not focus and ext.document.kind == "email":
            focus = {ctx.workstreams.canonical(s.workstream) for s in ext.statuses} - {None}
        focus = focus if len(focus) == 1 else set()
        passages: list[tuple[str, str, set[str | None]]] = [
            (
                s.evidence.locator,
                f"{s.narrative or ''}\n{s.evidence.quote}",
                {ctx.workstreams.canonical(s.workstream)},
            )
            for s in ext.statuses
        ]
        for item in [*ext.actions, *ext.decisions]:
            named = {ctx.workstreams.canonical(item.workstream)} if item.workstream else set()
            passages.append((item.evidence.locator, f"{item.text}.\n{item.evidence.quote}", named))
        passages += _sectioned(ctx.texts.get(doc.path, ()), topics)
        for loc, text, own in passages:
            about = _problem_topics(text, {n for n in own if n}, focus, topics)
            if about:
                quote = " ".join(text.split())[:400]
                out.append(
                    (
                        about,
                        SignalEvidence(
                            document=doc.path,
                            meeting_date=ext.document.meeting_date,
                            locator=loc,
                            quote=quote,
                        ),
                    )
                )
    return out


def watermelons(ctx: _Context) -> list[Signal]:
    """Workstreams reported green while the same week's documents describe material problems."""
    # the programme's overall RAG is a roll-up, not a workstream that can hide its own problems
    reports = {n: r for n, r in _workstream_reports(ctx).items() if not content_words(n) <= _ROLL_UP_WORDS}
    topics = _Topics(list(reports))
    flagged: dict[str, dict[date, list[SignalEvidence]]] = defaultdict(dict)
    for week, docs in ctx.by_week().items():
        passages = _week_problems(ctx, docs, topics)
        for name, weekly in reports.items():
            report = weekly.get(week)
            # an honest amber or red anywhere that week means the concern is being reported
            if not report or "green" not in report.rags or set(report.rags) - {"green"}:
                continue
            problems = [ev for about, ev in passages if name in about]
            if problems:
                flagged[name][week] = problems
    out = []
    for name, weeks_flagged in flagged.items():
        for run in _runs([w in weeks_flagged for w in ctx.weeks.weeks], ctx.weeks.weeks):
            out.append(_watermelon_signal(ctx, name, run, reports[name], weeks_flagged))
    return out


def _watermelon_signal(
    ctx: _Context,
    name: str,
    run: list[date],
    weekly: dict[date, _Report],
    flagged: dict[date, list[SignalEvidence]],
) -> Signal:
    claims = [weekly[w].claims[0] for w in run if weekly[w].claims]
    # one problem quote from each week first, so the evidence spans the whole run
    firsts = [flagged[w][0] for w in run]
    problems = _dedupe(firsts + [ev for w in run for ev in flagged[w][1:]])
    phrases = Counter(p.lower() for ev in problems for p in problem_phrases(ev.quote))
    owner = next((weekly[w].owner for w in reversed(run) if weekly[w].owner), None)
    related = [s for s in ctx.related_signals if s.workstream == name or name.lower() in s.subject.lower()]
    evidence = claims[-2:] + problems[: MAX_EVIDENCE - 2] + [e for s in related for e in s.evidence[-1:]]
    said = ", ".join(p for p, _ in phrases.most_common(3))
    explanation = (
        f"{name} was reported green in {len(run)} meeting week{'s' if len(run) > 1 else ''} "
        f"({_fmt(run[0])} to {_fmt(run[-1])}) while the same weeks' documents say: {said}."
    )
    if related:
        explanation = (
            explanation[:-1] + f"; it also has {len(related)} related warning sign(s) "
            f"({', '.join(sorted({s.type.replace('_', ' ') for s in related}))})."
        )
    return Signal(
        type="watermelon",
        severity="high",
        subject=name,
        workstream=name,
        owner=owner,
        first_seen=run[0],
        last_seen=run[-1],
        explanation=explanation,
        evidence=evidence,
    )


def _dedupe(evidence: Sequence[SignalEvidence]) -> list[SignalEvidence]:
    seen: set[tuple[str, str]] = set()
    out = []
    for ev in evidence:
        if (ev.document, ev.quote) not in seen:
            seen.add((ev.document, ev.quote))
            out.append(ev)
    return out


# ---------------------------------------------------------------- entry point
def _known_threads(threads: Sequence[Thread], as_of: date) -> list[Thread]:
    """Threads as known on `as_of`: later mentions dropped, threads first seen later left out."""
    out = []
    for thread in threads:
        mentions = [m for m in thread.mentions if m.meeting_date and m.meeting_date <= as_of]
        if mentions:
            out.append(
                thread
                if len(mentions) == len(thread.mentions)
                else thread.model_copy(update={"mentions": mentions})
            )
    return out


def detect_signals(
    extractions: Sequence[StoredExtraction],
    threads: Sequence[Thread],
    settings: Settings,
    as_of: date | None = None,
    texts: DocumentTexts | None = None,
) -> list[Signal]:
    """Every execution-gap signal of one program as known on `as_of` (default: its latest meeting)."""
    dated = [e for e in extractions if e.extraction.document.meeting_date]
    if not dated:
        return []
    as_of = as_of or max(e.extraction.document.meeting_date for e in dated)
    known = [e for e in dated if e.extraction.document.meeting_date <= as_of]
    if not known:
        return []
    names = [s.workstream for e in known for s in e.extraction.statuses]
    ctx = _Context(
        settings=settings,
        as_of=as_of,
        extractions=known,
        weeks=group_meeting_weeks(known, settings.meeting_week_days),
        threads=_known_threads(threads, as_of),
        workstreams=WorkstreamNames(names),
        texts=texts or {},
    )
    found: list[Signal] = []
    for detector in (
        stale_actions,
        due_date_slips,
        deferred_decisions,
        unowned_actions,
        unmitigated_risks,
        frozen_progress,
        meetings_without_outcome,
        attendance_declines,
    ):
        found += detector(ctx)
    ctx.related_signals = [
        s for s in found if s.type in ("stale_action", "unmitigated_risk", "frozen_progress")
    ]
    found += watermelons(ctx)
    return sorted(
        found, key=lambda s: (SEVERITY_ORDER[s.severity], s.type, s.first_seen or date.min, s.subject)
    )
