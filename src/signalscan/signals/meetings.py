"""Meeting and people signals: minutes without an outcome and members' runs of apologies
(with `person_key`, one key for a person across spellings)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from signalscan.models import Signal, SignalEvidence, StoredExtraction
from signalscan.signals.context import _Context, _fmt, _runs


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
        if day is None:  # by_week() holds dated documents only
            continue
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
