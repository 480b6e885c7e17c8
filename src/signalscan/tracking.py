"""Link every mention of an action, decision or risk across meetings into threads.

A mention joins the thread of the same underlying item when its explicit reference, owner,
workstream, due date and wording (content words weighted by rarity, so "MedCore" counts less
than "formulary") agree well enough; otherwise it starts a new thread. Documents are judged in
*meeting weeks*: one steering meeting and the documents dated within `meeting_week_days` of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from signalscan.extraction.rules.owners import looks_like_person
from signalscan.models import ItemKind, Mention, StoredExtraction, Thread

if TYPE_CHECKING:
    from signalscan.config import Settings

CLOSED_STATUSES = {"action": {"done", "cancelled"}, "decision": {"made"}, "risk": {"closed"}}
KIND_PREFIX = {"action": "A", "decision": "D", "risk": "R"}
# documents written *at* the meeting anchor a meeting week; reports and e-mails are filed against one
MEETING_KINDS = ("minutes", "deck", "transcript")
# within a week, the minutes are the record of what was agreed; decks and reports are often stale copies
KIND_ORDER = {"minutes": 0, "transcript": 1, "deck": 2, "status_report": 3, "email": 4, "other": 5}
VAGUE_OWNERS = {
    "",
    "none",
    "null",
    "tbd",
    "tbc",
    "tba",
    "team",
    "the team",
    "all",
    "everyone",
    "everybody",
    "n/a",
    "na",
    "unassigned",
    "unowned",
    "?",
    "-",
    "various",
    "whoever",
    "owner tbc",
    "owner tbd",
}
STOPWORDS = set(
    "a an the and or of to in on for is are was were be been being it its that this with as at by from "
    "will would should shall can could may might must has have had do does did not no we our they their "
    "he she his her them us i you your all any each per via into onto than then so if but about after "
    "before up out over under again once here there when where why how what which who these those also "
    "just only very s re new still now".split()
)
LINK_THRESHOLD = 0.4
# a date word read into the owner column ("March") names nobody
_NOT_A_PERSON = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|asap|ongoing)$"
)
REOPEN_PENALTY = {"action": 0.15, "risk": 0.15, "decision": 0.35}
MIN_COVER = 0.35  # share of a mention's word weight a thread must hold to be worth scoring
CLOSED_LOOKBACK_WEEKS = 8  # closed threads older than this are not reopened by a look-alike
MAX_WORDINGS = 5  # distinct wordings kept per thread for comparison
_WORD = re.compile(r"[a-z0-9]+")
_REF = re.compile(r"^[A-Za-z]{1,8}[-_ ]?\d{1,4}(?:[/.]\d{1,4})?$")  # "A-07", "AP3", "Action 01/02"


class Embedder(Protocol):
    """Anything that turns texts into vectors (signalscan.embedding's embedders fit)."""

    def embed(self, texts: list[str]) -> Sequence[Sequence[float]]: ...


def is_vague_owner(owner: str | None) -> bool:
    """True when an owner names no accountable person ("team", "All", "TBD", "someone from …")."""
    name = re.sub(r"[^a-z0-9/?&' -]", "", (owner or "").strip().lower()).strip()
    return (
        name in VAGUE_OWNERS
        or name.startswith(("someone", "somebody", "anyone", "tbc", "tbd"))
        or bool(_NOT_A_PERSON.match(name))
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough that "signed off" meets "sign-off" and "interfaces" "interface"."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def content_words(text: str | None) -> frozenset[str]:
    """The stemmed content words of a text (stopwords and single letters dropped)."""
    words = _WORD.findall((text or "").lower().replace("&", " and "))
    return frozenset(stem(w) for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


def same_person(a: str | None, b: str | None) -> bool:
    """Two owner names denote the same person: equal, or same first and last word."""
    x, y = (a or "").strip().lower().split(), (b or "").strip().lower().split()
    return bool(x and y) and (x == y or (x[0] == y[0] and x[-1] == y[-1]))


# words that say where an item stands, not what it is: "deferred", "no decision was reached", "chased"
_STATUS_WORDS = (
    "decision decided decide agreed agree approved approve approval pending deferred defer parked open "
    "closed item remains remain stays stay reached chased chase outstanding overdue revised update "
    "updated progress complete completed done recommend recommends yes again carried forward selection "
    "choice whether steerco meeting committee board week next"
)
_STATUS_STEMS = content_words(_STATUS_WORDS)


# why a decision waits is news of the week, not the decision: "deferred again because the sponsor was
# absent", "still pending — Henrik asked for a recommendation before he will decide"
_DECISION_REASON = re.compile(r"(?i)\s(?:because|pending|awaiting)\s.*$")


@lru_cache(maxsize=65536)
def item_words(text: str, kind: str = "action") -> frozenset[str]:
    """The words an item is known by across meetings: content words less the status talk around them."""
    if kind == "decision":
        subject = _DECISION_REASON.sub("", text)
        if len(content_words(subject) - _STATUS_STEMS) >= 2:
            text = subject
    words = content_words(text)
    return (words - _STATUS_STEMS) or words


# ---------------------------------------------------------------- meeting weeks
@dataclass
class MeetingWeeks:
    """Which meeting week each document belongs to (a week is named by its meeting date)."""

    weeks: list[date]
    week_of_document: dict[int, date]

    def index(self, week: date) -> int:
        """Position of a week in the program's sequence of meeting weeks."""
        return self.weeks.index(week)

    def week_of(self, extraction: StoredExtraction) -> date | None:
        """The meeting week of one stored extraction."""
        return self.week_of_document.get(extraction.document_id)


def _cluster(days_seen: Iterable[date], days: int) -> list[date]:
    """Dates within `days` of the cluster's first date form one week, named by that first date."""
    weeks: list[date] = []
    for day in sorted(set(days_seen)):
        if not weeks or (day - weeks[-1]).days > days:
            weeks.append(day)
    return weeks


def group_meeting_weeks(extractions: Iterable[StoredExtraction], days: int = 3) -> MeetingWeeks:
    """Group documents into meeting weeks: each meeting and the documents dated within `days` of it."""
    dated = [e for e in extractions if e.extraction.document.meeting_date]
    meetings = [e for e in dated if e.extraction.document.kind in MEETING_KINDS] or dated
    weeks = _cluster((e.extraction.document.meeting_date for e in meetings), days)
    week_of: dict[int, date] = {}
    strays: list[StoredExtraction] = []
    for e in dated:
        day = e.extraction.document.meeting_date
        nearest = min(weeks, key=lambda w: (abs((day - w).days), w))
        # a report or e-mail is filed against the nearest meeting even a little outside the window;
        # minutes or a deck that far from any meeting are a meeting of their own
        reach = days if e.extraction.document.kind in MEETING_KINDS else 2 * days
        if abs((day - nearest).days) <= reach:
            week_of[e.document_id] = nearest
        else:
            strays.append(e)
    stray_weeks = _cluster((e.extraction.document.meeting_date for e in strays), days)
    for e in strays:
        day = e.extraction.document.meeting_date
        week_of[e.document_id] = max(w for w in stray_weeks if w <= day)
    return MeetingWeeks(weeks=sorted({*weeks, *stray_weeks}), week_of_document=week_of)


# ---------------------------------------------------------------- workstream names
def workstream_key(name: str | None) -> str:
    """A comparison key for a workstream name ("Interfaces & Integration" = "interfaces and integration")."""
    return " ".join(sorted(content_words(name)))


class WorkstreamNames:
    """Canonical workstream names: "Warehouse (WMS)" and "Warehouse" are one workstream."""

    def __init__(self, names: Iterable[str]) -> None:
        counts = Counter(n.strip() for n in names if n and n.strip())
        self._canonical: dict[str, str] = {}
        self._words: list[tuple[frozenset[str], str]] = []
        for name, _ in counts.most_common():
            words = content_words(name)
            if not words:
                continue
            match = next((c for w, c in self._words if words <= w or w <= words), None)
            self._canonical[workstream_key(name)] = match or name
            if match is None:
                self._words.append((words, name))

    def canonical(self, name: str | None) -> str | None:
        """The canonical spelling of a workstream name (unknown names come back as given)."""
        if not name or not name.strip():
            return None
        key = workstream_key(name)
        if key in self._canonical:
            return self._canonical[key]
        words = content_words(name)
        return next((c for w, c in self._words if words and (words <= w or w <= words)), name.strip())

    @property
    def names(self) -> list[str]:
        """Every canonical workstream name."""
        return [c for _, c in self._words]


# ---------------------------------------------------------------- linking
@dataclass
class _Draft:
    """A thread being built: its mentions and what linking needs to compare against."""

    kind: ItemKind
    mentions: list[Mention] = field(default_factory=list)
    weeks: list[date] = field(default_factory=list)
    texts: dict[frozenset[str], str] = field(default_factory=dict)  # distinct wordings seen
    refs: set[str] = field(default_factory=set)
    vectors: list[Sequence[float]] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)  # accountable owners named so far
    dues: set[date] = field(default_factory=set)
    workstreams: set[str] = field(default_factory=set)  # workstream keys
    last_week: date = date.min
    closed: bool = False


@dataclass
class _Item:
    """One extracted item about to become a mention."""

    kind: ItemKind
    mention: Mention
    words: frozenset[str]
    ref: str | None
    vector: Sequence[float] | None = None
    owner: str | None = None  # the accountable owner, if one is named
    workstream: str | None = None  # workstream key


def _ref_key(ref: str | None) -> str | None:
    # "3.2" section numbers restart every meeting; only ids with letters ("A-07", "R12") are stable
    if not ref or not _REF.match(ref.strip()):
        return None
    letters = re.sub(r"[^A-Za-z]", "", ref).upper()
    return f"{letters}-{int(re.sub(r'[^0-9]', '', ref))}"


def _items_of(stored: StoredExtraction) -> list[_Item]:
    ext = stored.extraction
    day = ext.document.meeting_date
    out: list[_Item] = []
    for kind, items in (("action", ext.actions), ("decision", ext.decisions), ("risk", ext.risks)):
        for item in items:
            mention = Mention(
                document=stored.path,
                document_id=stored.document_id,
                meeting_date=day,
                text=item.text,
                status=item.status,
                owner=item.owner,
                evidence=item.evidence,
                workstream=item.workstream,
                due=getattr(item, "due", None),
                due_raw=getattr(item, "due_raw", None),
                mitigation=getattr(item, "mitigation", None),
                severity=getattr(item, "severity", None),
            )
            out.append(
                _Item(
                    kind,
                    mention,
                    item_words(item.text, kind),
                    _ref_key(item.ref),
                    owner=None if is_vague_owner(item.owner) else item.owner,
                    workstream=workstream_key(item.workstream) if item.workstream else None,
                )
            )
    return out


class _Weights:
    """Inverse document frequency of content words over every mention of the program."""

    def __init__(self, word_sets: Iterable[frozenset[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for words in word_sets:
            df.update(words)
            n += 1
        # words seen once or twice weigh the same: a one-off filler word should not outweigh the
        # topic words an item is known by
        self._w = {w: math.log(1 + n / max(c, 3)) for w, c in df.items()}
        self._default = math.log(1 + max(n, 1))
        self._totals: dict[frozenset[str], float] = {}

    def weight(self, word: str) -> float:
        """How telling one word is (rare words tell more)."""
        return self._w.get(word, self._default)

    def total(self, words: frozenset[str]) -> float:
        """Summed weight of a set of words."""
        found = self._totals.get(words)
        if found is None:
            found = self._totals[words] = sum(self._w.get(w, self._default) for w in words)
        return found


def text_similarity(a: frozenset[str], b: frozenset[str], weights: _Weights) -> float:
    """Weighted word overlap: mostly containment (a short deck line inside a long minute), some Dice."""
    common = a & b
    if not common:
        return 0.0
    shared = sum(map(weights.weight, common))
    wa, wb = weights.total(a), weights.total(b)
    containment = shared / min(wa, wb)
    dice = 2 * shared / (wa + wb)
    if min(len(a), len(b)) == 1:  # one shared word is weak evidence on its own
        containment *= 0.7
    return 0.6 * containment + 0.4 * dice


def _cosine(u: Sequence[float], v: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(u, v, strict=False))
    nu, nv = math.sqrt(sum(x * x for x in u)), math.sqrt(sum(y * y for y in v))
    return dot / (nu * nv) if nu and nv else 0.0


def _score(item: _Item, draft: _Draft, weights: _Weights) -> tuple[float, str]:
    """How well a mention fits a thread, and the reason in words."""
    sim = max((text_similarity(item.words, words, weights) for words in draft.texts), default=0.0)
    reasons = [f"text similarity {sim:.2f}"]
    if item.vector is not None and draft.vectors:
        cos = max(_cosine(item.vector, v) for v in draft.vectors)
        if cos > sim:
            sim = (sim + cos) / 2
            reasons = [f"text similarity {sim:.2f} (embedding {cos:.2f})"]
    score = sim
    if item.ref and item.ref in draft.refs and sim >= 0.15:
        score += 0.5
        reasons.insert(0, f"same ref {item.ref}")
    if item.owner and draft.owners:
        if any(same_person(item.owner, o) for o in draft.owners):
            score += 0.1
            reasons.append("same owner")
        else:  # reassignments happen, but a different owner usually means a different item
            score -= 0.25
    if item.mention.due and item.mention.due in draft.dues:
        score += 0.1
        reasons.append("same due date")
    if item.workstream and draft.workstreams:
        score += 0.05 if item.workstream in draft.workstreams else -0.15
    if draft.closed:  # actions and risks reopen now and then; a decision made is rarely unmade
        score -= REOPEN_PENALTY[draft.kind]
    return score, ", ".join(reasons)


class _Linker:
    """Assigns mentions to threads document by document, in meeting order."""

    def __init__(self, weights: _Weights) -> None:
        self.weights = weights
        self.drafts: list[_Draft] = []
        self.index: dict[tuple[str, str], set[int]] = defaultdict(set)  # (kind, word or ref) -> drafts

    def _candidates(self, item: _Item, week: date) -> set[int]:
        # only threads holding a fair share of the mention's (weighted) words are scored; rare words
        # first, and once the words left could not lift a new thread over the floor, none is admitted
        floor = MIN_COVER * self.weights.total(item.words)
        left = self.weights.total(item.words)
        cover: dict[int, float] = {}
        for word in sorted(item.words, key=self.weights.weight, reverse=True):
            weight = self.weights.weight(word)
            posting = self.index.get((item.kind, word), set())
            if left >= floor:
                for d in posting:
                    cover[d] = cover.get(d, 0.0) + weight
            else:
                for d in cover:
                    if d in posting:
                        cover[d] += weight
            left -= weight
        found = {d for d, c in cover.items() if c >= floor}
        if item.ref:
            found |= self.index.get((item.kind, "ref:" + item.ref), set())
        horizon = week - timedelta(days=7 * CLOSED_LOOKBACK_WEEKS)
        return {d for d in found if not self.drafts[d].closed or self.drafts[d].last_week >= horizon}

    def add_document(self, items: list[_Item], week: date) -> None:
        """Link one document's items: best pairs first, one mention per thread per document."""
        pairs: list[tuple[float, int, int, str]] = []
        for i, item in enumerate(items):
            for d in self._candidates(item, week):
                score, reason = _score(item, self.drafts[d], self.weights)
                if score >= LINK_THRESHOLD:
                    pairs.append((score, i, d, reason))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        taken_items: set[int] = set()
        taken_drafts: set[int] = set()
        for _, i, d, reason in pairs:
            if i in taken_items or d in taken_drafts:
                continue
            taken_items.add(i)
            taken_drafts.add(d)
            self._attach(items[i], d, week, reason)
        for i, item in enumerate(items):
            if i not in taken_items:
                self.drafts.append(_Draft(kind=item.kind))
                self._attach(item, len(self.drafts) - 1, week, "first mention")

    def _attach(self, item: _Item, d: int, week: date, reason: str) -> None:
        draft = self.drafts[d]
        item.mention.link_reason = reason
        draft.mentions.append(item.mention)
        draft.weeks.append(week)
        draft.texts.setdefault(item.words, item.mention.text)
        if len(draft.texts) > MAX_WORDINGS:  # keep the first wording and the latest ones
            del draft.texts[list(draft.texts)[1]]
        if item.owner and not any(same_person(item.owner, o) for o in draft.owners):
            draft.owners.append(item.owner)
        if item.mention.due:
            draft.dues.add(item.mention.due)
        if item.workstream:
            draft.workstreams.add(item.workstream)
        if week >= draft.last_week:
            closed = item.mention.status in CLOSED_STATUSES[draft.kind]
            draft.closed = closed if week > draft.last_week else (draft.closed or closed)
            draft.last_week = week
        if item.vector is not None:
            draft.vectors.append(item.vector)
        for word in item.words:
            self.index[(item.kind, word)].add(d)
        if item.ref:
            draft.refs.add(item.ref)
            self.index[(item.kind, "ref:" + item.ref)].add(d)


def _document_order(weeks: MeetingWeeks) -> Callable[[StoredExtraction], tuple]:
    def key(e: StoredExtraction) -> tuple:
        doc = e.extraction.document
        return (
            weeks.week_of(e) or date.min,
            KIND_ORDER.get(doc.kind, 9),
            doc.meeting_date or date.min,
            e.path,
            e.document_id,
        )

    return key


def build_threads(
    extractions: Sequence[StoredExtraction],
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    as_of: date | None = None,
) -> list[Thread]:
    """Link every item mention of one program into threads, in meeting order, as known on `as_of`."""
    days = settings.meeting_week_days if settings else 3
    known = [
        e
        for e in extractions
        if e.extraction.document.meeting_date
        and (as_of is None or e.extraction.document.meeting_date <= as_of)
    ]
    weeks = group_meeting_weeks(known, days)
    ordered = sorted(known, key=_document_order(weeks))
    per_document = [_items_of(e) for e in ordered]
    if embedder is not None:
        _embed(per_document, embedder)
    linker = _Linker(_Weights(item.words for items in per_document for item in items))
    for stored, items in zip(ordered, per_document, strict=True):
        linker.add_document(items, weeks.week_of(stored) or stored.extraction.document.meeting_date)
    counters: Counter[str] = Counter()
    threads = []
    for draft in linker.drafts:
        counters[draft.kind] += 1
        threads.append(_finish(draft, f"{KIND_PREFIX[draft.kind]}-{counters[draft.kind]:04d}", weeks, as_of))
    return threads


def _embed(per_document: list[list[_Item]], embedder: Embedder) -> None:
    items = [item for items in per_document for item in items]
    if not items:
        return
    for item, vector in zip(items, embedder.embed([i.mention.text for i in items]), strict=True):
        item.vector = vector


def week_status(kind: str, mentions: Sequence[Mention]) -> str | None:
    """The status a meeting week gives an item: a closing status wins over stale open copies."""
    closed = [m.status for m in mentions if m.status in CLOSED_STATUSES[kind]]
    if closed:
        return closed[0]
    return next((m.status for m in mentions if m.status), None)


def current_owner(mentions: Sequence[Mention]) -> str | None:
    """Who is accountable now: the owner named at the latest mentions, a person ahead of the firm or
    role beside them ("Paul Brandt (Corvel)" in the minutes, "Corvel" in the deck: Paul Brandt)."""
    named = [m for m in mentions if not is_vague_owner(m.owner) and m.meeting_date]
    if not named:
        return None
    last = max(m.meeting_date for m in named if m.meeting_date)
    latest = [m.owner for m in named if m.meeting_date and (last - m.meeting_date).days <= 3]
    return next((o for o in reversed(latest) if o and looks_like_person(o)), latest[-1])


def _finish(draft: _Draft, thread_id: str, weeks: MeetingWeeks, as_of: date | None) -> Thread:
    """Turn a draft into a Thread with its current text, owner, status, due date and age."""
    by_week: dict[date, list[Mention]] = defaultdict(list)
    for week, mention in zip(draft.weeks, draft.mentions, strict=True):
        by_week[week].append(mention)
    first_week, last_week = min(by_week), max(by_week)
    latest = by_week[last_week]
    status = week_status(draft.kind, latest)
    first = by_week[first_week]
    text = max(first, key=lambda m: len(content_words(m.text))).text
    owner = current_owner(draft.mentions)
    due = next((m.due for m in latest if m.due), None)
    if due is None and draft.kind == "action":
        due = next((m.due for m in reversed(draft.mentions) if m.due), None)
    workstream = next((m.workstream for m in reversed(draft.mentions) if m.workstream), None)
    closed = status in CLOSED_STATUSES[draft.kind]
    end = last_week if closed else (weeks.weeks[-1] if weeks.weeks else last_week)
    weeks_open = sum(1 for w in weeks.weeks if first_week <= w <= end)
    return Thread(
        thread_id=thread_id,
        kind=draft.kind,
        text=text,
        owner=owner,
        status=status,
        due=due,
        workstream=workstream,
        first_seen=min(m.meeting_date for m in draft.mentions if m.meeting_date),
        last_seen=max(m.meeting_date for m in draft.mentions if m.meeting_date),
        weeks_open=weeks_open,
        mentions=sorted(draft.mentions, key=lambda m: m.meeting_date or date.min),
    )


def mention_weeks(thread: Thread, weeks: MeetingWeeks) -> dict[date, list[Mention]]:
    """A thread's mentions grouped by meeting week, in week order."""
    by_week: dict[date, list[Mention]] = defaultdict(list)
    for m in thread.mentions:
        week = weeks.week_of_document.get(m.document_id) if m.document_id is not None else None
        by_week[week or m.meeting_date].append(m)
    return dict(sorted(by_week.items()))
