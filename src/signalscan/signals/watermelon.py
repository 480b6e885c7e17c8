"""Watermelons: workstreams reported green while the same week's documents describe material
problems. Holds the `_Topics` reader (which workstreams a passage is about) and the passage scan."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from signalscan.models import Action, Decision, Signal, SignalEvidence, StoredExtraction
from signalscan.signals.context import MAX_EVIDENCE, _Context, _fmt, _runs
from signalscan.signals.phrases import _RECOVERED, _SENTENCES, problem_phrases
from signalscan.signals.progress import _Report, _workstream_reports
from signalscan.tracking import content_words

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
            reported = (ctx.workstreams.canonical(s.workstream) for s in ext.statuses)
            focus = {n for n in reported if n is not None}
        focus = focus if len(focus) == 1 else set()
        passages: list[tuple[str, str, set[str | None]]] = [
            (
                s.evidence.locator,
                f"{s.narrative or ''}\n{s.evidence.quote}",
                {ctx.workstreams.canonical(s.workstream)},
            )
            for s in ext.statuses
        ]
        items: list[Action | Decision] = [*ext.actions, *ext.decisions]
        for item in items:
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
