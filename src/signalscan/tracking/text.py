"""The words an item is known by: stemming, content words, owners, and weighted text similarity."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

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
# a date word read into the owner column ("March") names nobody
_NOT_A_PERSON = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|asap|ongoing)$"
)
_WORD = re.compile(r"[a-z0-9]+")


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
