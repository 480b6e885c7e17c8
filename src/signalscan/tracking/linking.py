"""Candidate matching and linking: scoring a mention against the threads so far, and attaching it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from signalscan.models import Action, Decision, ItemKind, Mention, Risk, StoredExtraction
from signalscan.tracking.text import (
    _cosine,
    _Weights,
    is_vague_owner,
    item_words,
    same_person,
    text_similarity,
)
from signalscan.tracking.workstreams import workstream_key

CLOSED_STATUSES = {"action": {"done", "cancelled"}, "decision": {"made"}, "risk": {"closed"}}
LINK_THRESHOLD = 0.4
REOPEN_PENALTY = {"action": 0.15, "risk": 0.15, "decision": 0.35}
MIN_COVER = 0.35  # share of a mention's word weight a thread must hold to be worth scoring
CLOSED_LOOKBACK_WEEKS = 8  # closed threads older than this are not reopened by a look-alike
MAX_WORDINGS = 5  # distinct wordings kept per thread for comparison
_REF = re.compile(r"^[A-Za-z]{1,8}[-_ ]?\d{1,4}(?:[/.]\d{1,4})?$")  # "A-07", "AP3", "Action 01/02"


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
    groups: tuple[tuple[ItemKind, Sequence[Action | Decision | Risk]], ...] = (
        ("action", ext.actions), ("decision", ext.decisions), ("risk", ext.risks)
    )
    for kind, items in groups:
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
