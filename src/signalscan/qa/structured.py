"""Questions the ledger answers better than passages: owners, open and overdue actions, pending
decisions, what changed for a workstream. Each answer cites the mentions' own evidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from signalscan.models import Citation, Mention, Thread
from signalscan.qa.lexical import tokenize

OPEN = {"action": {"open", "in_progress"}, "decision": {"pending", "deferred"}, "risk": {"open"}}
_OWNER_Q = re.compile(r"\b(who (?:owns|is responsible for|is accountable for|is on the hook for|has)|"
                      r"who'?s (?:responsible|accountable)|owner of|owners of|who owns what)\b", re.I)
_OVERDUE_Q = re.compile(r"\b(overdue|late actions?|past (?:their )?due|missed (?:their )?due)\b", re.I)
_NOT_DONE = r"(open|outstanding|unresolved|still to do|not (?:yet )?(?:done|closed))"
_OPEN_Q = re.compile(rf"\b{_NOT_DONE}\b.*\bactions?\b|\bactions?\b.*\b{_NOT_DONE}\b", re.I)
_PENDING_Q = re.compile(r"\bdecisions?\b.*\b(pending|deferred|waiting|outstanding|open|not (?:yet )?made)\b|"
                        r"\b(pending|deferred|outstanding|open) decisions?\b", re.I)
_CHANGED_Q = re.compile(r"\bwhat(?:'s| has| have)? changed\b|\bchanges? (?:for|in|to)\b|"
                        r"\bwhat(?:'s| is) new (?:for|in)\b", re.I)
_OPEN_RISKS_Q = re.compile(r"\b(open|unmitigated|unowned) risks?\b|\brisks?\b.*\b(open|no owner|unmitigated|"
                           r"without (?:an )?(?:owner|mitigation))\b", re.I)


@dataclass
class StructuredResult:
    """An answer computed from threads: prose and the mentions that back it."""

    answer: str
    citations: list[Citation]


def detect_structured(question: str) -> str | None:
    """The kind of structured question asked, or None for a passage question."""
    for kind, pattern in (("owner", _OWNER_Q), ("overdue", _OVERDUE_Q), ("pending", _PENDING_Q),
                          ("open_actions", _OPEN_Q), ("open_risks", _OPEN_RISKS_Q), ("changed", _CHANGED_Q)):
        if pattern.search(question):
            return kind
    return None


def answer_structured(kind: str, question: str, threads: Sequence[Thread], as_of: date,
                      k: int = 5) -> StructuredResult | None:
    """Answer a structured question from the program's threads; None when nothing in them fits."""
    handler: Callable[..., StructuredResult | None] = _HANDLERS[kind]
    return handler(question, list(threads), as_of, k)


def _topic_threads(question: str, threads: list[Thread], strip: re.Pattern[str]) -> list[Thread]:
    """Threads sharing content words with the question's topic, best first (all when it names none)."""
    words = set(tokenize(strip.sub(" ", question), _GENERIC))
    if not words:
        return threads
    scored = []
    for thread in threads:
        own = set(tokenize(" ".join([thread.text, thread.workstream or ""])))
        overlap = len(words & own)
        if overlap:
            scored.append((overlap / len(words), thread))
    # best match first; among equals, what is still open matters more than what is closed
    scored.sort(key=lambda pair: (-pair[0], pair[1].status not in OPEN[pair[1].kind]))
    return [t for _, t in scored]


_GENERIC = frozenset("action actions decision decisions risk risks item items open pending overdue deferred "
                     "owner owners own owns responsible accountable program programme project workstream "
                     "changed change changes new still outstanding since week weeks status".split())


def _cite(mention: Mention, score: float = 1.0) -> Citation:
    ev = mention.evidence
    return Citation(document=mention.document, meeting_date=mention.meeting_date, locator=ev.locator,
                    quote=ev.quote, page=ev.page, slide=ev.slide, line_start=ev.line_start,
                    line_end=ev.line_end, score=score)


def _latest(thread: Thread) -> Mention | None:
    return thread.mentions[-1] if thread.mentions else None


def _listing(threads: list[Thread], k: int, line: Callable[[Thread], str]) -> StructuredResult:
    lines: list[str] = []
    citations: list[Citation] = []
    for thread in threads[:k]:
        mention = _latest(thread)
        if mention is not None:
            citations.append(_cite(mention, score=1.0 - len(citations) / (2 * max(k, 1))))
        lines.append(f"- {line(thread)} [{len(citations)}]" if mention else f"- {line(thread)}")
    more = f"\n({len(threads) - k} more not shown.)" if len(threads) > k else ""
    return StructuredResult("\n".join(lines) + more, citations)


def _owners(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult | None:
    found = _topic_threads(question, threads, _OWNER_Q)
    if not found:
        return None
    head = "Owners, as last recorded:\n"
    result = _listing(found, k, lambda t: f"{t.text} — {t.owner or 'no owner named'} ({t.kind}, {t.status})")
    return StructuredResult(head + result.answer, result.citations)


def _overdue(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult:
    late = [t for t in threads
            if t.kind == "action" and t.status in OPEN["action"] and t.due and t.due < as_of]
    late.sort(key=lambda t: t.due or as_of)
    if not late:
        return StructuredResult(f"No open action is past its due date as of {as_of}.", [])
    head = f"{len(late)} open action(s) past their due date as of {as_of}:\n"
    result = _listing(late, k, lambda t: f"{t.text} — {t.owner or 'no owner'}, due {t.due} "
                                         f"({(as_of - t.due).days} days late)" if t.due else t.text)
    return StructuredResult(head + result.answer, result.citations)


def _open_actions(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult:
    pool = [t for t in threads if t.kind == "action" and t.status in OPEN["action"]]
    found = _topic_threads(question, pool, _OPEN_Q) or pool
    found.sort(key=lambda t: (t.due is None, t.due or as_of))
    if not found:
        return StructuredResult("No open actions are recorded.", [])
    head = f"{len(found)} open action(s):\n"
    result = _listing(found, k, lambda t: f"{t.text} — {t.owner or 'no owner'}, due {t.due or 'not set'}, "
                                          f"open {t.weeks_open} week(s)")
    return StructuredResult(head + result.answer, result.citations)


def _pending(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult:
    pool = [t for t in threads if t.kind == "decision" and t.status in OPEN["decision"]]
    found = _topic_threads(question, pool, _PENDING_Q) or pool
    found.sort(key=lambda t: t.first_seen or as_of)
    if not found:
        return StructuredResult("No decision is recorded as pending or deferred.", [])
    head = f"{len(found)} decision(s) pending or deferred:\n"
    result = _listing(found, k, lambda t: f"{t.text} — {t.status} since {t.first_seen or 'unknown'} "
                                          f"({t.weeks_open} meeting week(s))")
    return StructuredResult(head + result.answer, result.citations)


def _open_risks(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult:
    pool = [t for t in threads if t.kind == "risk" and t.status in OPEN["risk"]]
    if re.search(r"no owner|unowned|without (?:an )?owner", question, re.I):
        pool = [t for t in pool if not t.owner]
    if re.search(r"unmitigated|without (?:a )?mitigation|no mitigation", question, re.I):
        pool = [t for t in pool if not any(m.mitigation for m in t.mentions)]
    if not pool:
        return StructuredResult("No open risk matches.", [])
    result = _listing(pool, k, lambda t: f"{t.text} — owner {t.owner or 'none'}, since {t.first_seen}")
    return StructuredResult(f"{len(pool)} open risk(s):\n" + result.answer, result.citations)


def _changed(question: str, threads: list[Thread], as_of: date, k: int) -> StructuredResult | None:
    found = _topic_threads(question, threads, _CHANGED_Q)
    if not found or len(found) == len(threads) and len(threads) > k:
        found = threads  # no topic named: the whole program, latest first
    # threads whose latest mention changed something come first, then the most recently seen
    recent = sorted(found, key=lambda t: (_changed_last(t), t.last_seen or date.min), reverse=True)
    if not recent:
        return None
    lines: list[str] = []
    citations: list[Citation] = []
    for thread in recent[:k]:
        mentions = thread.mentions
        last = mentions[-1]
        before = mentions[-2] if len(mentions) > 1 else None
        citations.append(_cite(last, score=1.0 - len(citations) / (2 * k)))
        lines.append(f"- {thread.text}: {_change(before, last)} [{len(citations)}]")
    return StructuredResult("What changed, most recent first:\n" + "\n".join(lines), citations)


def _changed_last(thread: Thread) -> bool:
    if len(thread.mentions) < 2:
        return False
    before, last = thread.mentions[-2], thread.mentions[-1]
    return any(getattr(before, name) != getattr(last, name) for name in ("status", "due", "owner"))


def _change(before: Mention | None, last: Mention) -> str:
    if before is None:
        return f"first recorded {last.meeting_date} ({last.status or 'no status'})"
    parts = []
    for name in ("status", "due", "owner"):
        old, new = getattr(before, name), getattr(last, name)
        if old != new:
            parts.append(f"{name} {old or 'none'} -> {new or 'none'}")
    return (", ".join(parts) or "no change") + f" (as of {last.meeting_date})"


_HANDLERS: dict[str, Callable[..., StructuredResult | None]] = {
    "owner": _owners, "overdue": _overdue, "pending": _pending, "open_actions": _open_actions,
    "open_risks": _open_risks, "changed": _changed,
}


# --- "When did we first hear about X?": the earliest passage speaking of X and of the problem asked about

# problem words a question names that the signals' problem language does not cover on its own
_PROBLEM_WORDS = re.compile(r"\b(slip\w*|delay\w*|late(?:ness)?|behind|block\w*|stuck|stall\w*|overrun\w*|"
                            r"issues?|problems?|trouble|concerns?|fail\w*|missed|overdue|escalat\w*)\b", re.I)
_FIRST_GENERIC = frozenset("first hear heard learn learned learnt see saw notice noticed raised raise "
                           "reported flagged mentioned since".split())


def _words(text: str) -> list[str]:
    """Content words of prose: a 'Data migration:' line opening is a subject here, not a speaker label."""
    return tokenize(text.replace(":", " "))


@dataclass
class FirstTopic:
    """A first-heard question's subject: the content words, and whether it asks about a problem."""

    words: list[str]
    problem: bool


def split_topic(topic: str) -> FirstTopic:
    """'the data migration slippage' -> words [data, migr], problem True."""
    from signalscan.signals import problem_phrases

    problems = problem_phrases(topic) + [m.group(0) for m in _PROBLEM_WORDS.finditer(topic)]
    problem_tokens = set(_words(" ".join(problems)))
    words = [w for w in tokenize(topic, _FIRST_GENERIC) if w not in problem_tokens]
    return FirstTopic(words=list(dict.fromkeys(words)), problem=bool(problems))


def _covered(wanted: set[str], have: set[str]) -> int:
    """How many wanted words the text has, a stem meeting its longer form ('print' in 'printer')."""
    return sum(1 for w in wanted
               if w in have or len(w) >= 4 and any(h.startswith(w) or len(h) >= 4 and w.startswith(h)
                                                   for h in have))


def speaks_of(text: str, topic: FirstTopic, context: str = "") -> str | None:
    """The line of `text` that speaks of the topic (its words here, all of them in `context` or the
    text) and, when the question asks about a problem, states one; None when no line does."""
    from signalscan.signals import problem_phrases

    wanted = set(topic.words)
    if _covered(wanted, set(_words(context or text))) < len(wanted):
        return None
    need = (len(wanted) + 1) // 2
    for line in (raw.strip() for raw in text.split("\n")):
        if not line or _covered(wanted, set(_words(line))) < need:
            continue
        if topic.problem and not problem_phrases(line):
            continue
        return line
    return None


def problem_sentence(line: str, topic: FirstTopic) -> str:
    """The sentence of a line that states the problem (or names the topic), for quoting in the answer."""
    from signalscan.signals import problem_phrases

    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    for sentence in sentences:
        if topic.problem and problem_phrases(sentence):
            return sentence
    wanted = set(topic.words)
    for sentence in sentences:
        if wanted & set(_words(sentence)):
            return sentence
    return line


@dataclass
class OwnerFound:
    """Who owns a topic, how we know, and the evidence to cite."""

    owner: str
    role: str
    citation: Citation


def topic_owner(topic: FirstTopic, statuses: Sequence[tuple[str, date | None, object]],
                threads: Sequence[Thread], since: date | None) -> OwnerFound | None:
    """The owner of the topic from the ledger: the owner its workstream is reported with (the report
    nearest after `since`, else the latest), else the owner of the action thread that addresses it.

    `statuses` are (document, meeting date, signalscan.models.Status) triples."""
    wanted = set(topic.words)
    named = []
    for document, day, status in statuses:
        owner = getattr(status, "owner", None)
        stream = set(_words(getattr(status, "workstream", "") or ""))
        if owner and stream and stream <= wanted | {"workstream", "stream"} and stream & wanted:
            named.append((document, day, status))
    if named:
        after = [s for s in named if since is None or (s[1] is not None and s[1] >= since)]
        def says_owner(item: tuple[str, date | None, object]) -> bool:  # the quote itself names them
            status = item[2]
            surname = (status.owner or "").split()[-1:]  # type: ignore[attr-defined]
            return bool(surname) and surname[0].lower() in status.evidence.quote.lower()  # type: ignore[attr-defined]
        if after:
            document, day, status = min(after, key=lambda s: (not says_owner(s), s[1] or date.max))
        else:
            document, day, status = max(named, key=lambda s: (says_owner(s), s[1] or date.min))
        ev = status.evidence  # type: ignore[attr-defined]
        cite = Citation(document=document, meeting_date=day, locator=ev.locator, quote=ev.quote, page=ev.page,
                        slide=ev.slide, line_start=ev.line_start, line_end=ev.line_end, score=1.0)
        return OwnerFound(status.owner, f"{status.workstream} workstream owner", cite)  # type: ignore[attr-defined]
    actions = []
    for thread in threads:
        if thread.kind != "action" or not thread.owner:
            continue
        own = set(_words(" ".join([thread.text, thread.workstream or ""])))
        overlap = len(wanted & own) / max(len(wanted), 1)
        if overlap >= 0.5:
            late = since is not None and thread.last_seen is not None and thread.last_seen < since
            actions.append((overlap, not late, thread.status in OPEN["action"], thread.last_seen or date.min,
                            thread))
    if not actions:
        return None
    thread = max(actions, key=lambda a: a[:4])[4]
    mention = next((m for m in reversed(thread.mentions) if m.owner), _latest(thread))
    if mention is None:
        return None
    role = f"owner of action {thread.thread_id} '{thread.text}'"
    return OwnerFound(thread.owner or "", role, _cite(mention))
