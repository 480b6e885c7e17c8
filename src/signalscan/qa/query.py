"""Reading a question: the words worth searching, the speakers it names, the dates and kinds it asks for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from signalscan.qa.lexical import tokenize

# Framing that says how to answer, not what to find: "What did X say about", "Summarize the discussion on".
_FRAMING = re.compile(
    r"\b(summari[sz]e|describe|tell me|explain|what (?:did|does|do|was|were|is|are|has|have)|why did|how did|"
    r"what's|the (?:discussion|conversation|presentation)s? (?:about|on|of|regarding)|discuss(?:ed|ion)?|"
    r"talk(?:ed)? about|say|said|think|thought|mention(?:ed)?|opinion|views?|comment(?:ed|s)?|"
    r"when (?:presenting|discussing|talking)|the group|the team|the meeting)\b",
    re.I,
)
# Words that frame a question but carry no topic; left out of the lexical query.
QUESTION_STOPWORDS = frozenset(
    "summarize summarise discuss discussion discussed say said think thought talk talked mention mentioned "
    "meeting group team describe tell explain opinion view views comment commented question questioned "
    "ask asked answer answered agree agreed disagree presentation present presenting whole general "
    "main mainly point points idea ideas why how".split()
)
_KINDS = {
    "deck": re.compile(r"\b(deck|slides?|presentation deck)\b", re.I),
    "minutes": re.compile(r"\bminutes\b", re.I),
    "email": re.compile(r"\be-?mails?\b", re.I),
    "status_report": re.compile(r"\bstatus reports?\b", re.I),
}
_ISO = r"(\d{4}-\d{2}-\d{2})"
_SINCE = re.compile(rf"\b(?:since|after|from)\s+{_ISO}", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|before|by|to)\s+{_ISO}", re.I)
_ON = re.compile(rf"\bon\s+{_ISO}", re.I)


@dataclass
class QueryPlan:
    """What retrieval does with a question."""

    question: str
    tokens: list[str]  # lexical query: stemmed content words, framing and speaker names left out
    semantic_text: str  # what the embedder sees
    speakers: list[str] = field(default_factory=list)  # speaker labels the question names
    date_from: date | None = None
    date_to: date | None = None
    kinds: list[str] = field(default_factory=list)
    broad: bool = False  # asks for a whole discussion ("Summarize ..."), not one statement


# Questions about a whole discussion: their answers span many turns, so coverage beats precision.
_BROAD = re.compile(r"^\s*(summari[sz]e|describe|give an overview|overview|"
                    r"what (?:was|were) the (?:general |main )?discussions?|"
                    r"what did the (?:group|team|meeting|committee) (?:discuss|talk about))\b", re.I)


def plan_query(question: str, speakers: Iterable[str] = ()) -> QueryPlan:
    """Turn a question into search tokens, speaker hints and filters."""
    named = match_speakers(question, speakers)
    speaker_words = frozenset(w for s in named for w in tokenize(s))
    tokens = tokenize(question, QUESTION_STOPWORDS | speaker_words) or tokenize(question)
    date_from, date_to = _date_range(question)
    kinds = [kind for kind, pattern in _KINDS.items() if pattern.search(question)]
    return QueryPlan(question=question, tokens=tokens, semantic_text=question.strip(), speakers=named,
                     date_from=date_from, date_to=date_to, kinds=kinds, broad=bool(_BROAD.search(question)))


def topic_text(question: str) -> str:
    """The question without its framing ("What did Marketing say about the price?" -> "Marketing price?")."""
    return " ".join(_FRAMING.sub(" ", question).split())


def match_speakers(question: str, speakers: Iterable[str]) -> list[str]:
    """Speaker labels named in the question: the whole label, or a role word unique to one speaker."""
    text = " " + re.sub(r"[^a-z0-9]+", " ", question.lower()) + " "
    labels = sorted({s for s in speakers if s}, key=len, reverse=True)
    found = [s for s in labels if f" {_norm(s)} " in text]
    by_first: dict[str, list[str]] = {}
    for label in labels:
        words = _norm(label).split()
        if len(words) >= 2 and len(words[0]) > 3:  # "Professor C" is named as "the professor"
            by_first.setdefault(words[0], []).append(label)
    for first, group in by_first.items():
        if len(group) == 1 and f" {first} " in text and group[0] not in found:
            found.append(group[0])
    return found


def _norm(label: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", label.lower()).split())


def _date_range(question: str) -> tuple[date | None, date | None]:
    on = _ON.search(question)
    if on:
        day = date.fromisoformat(on.group(1))
        return day, day
    since, until = _SINCE.search(question), _UNTIL.search(question)
    return (date.fromisoformat(since.group(1)) if since else None,
            date.fromisoformat(until.group(1)) if until else None)


# "When did we first hear about X", "when was X first raised", "since when is X late": the earliest mention.
_FIRST_HEARD = re.compile(
    r"\bwhen (?:did|do|have) (?:we|you|i|they|the (?:team|programme|program|board)|anyone|anybody) first "
    r"(?:hear|learn|see|notice|spot|find out|get wind|know|become aware)\w*\s+(?:about\s+|of\s+|that\s+)?"
    r"(?P<a>.+?)(?=,|;|\?|\s+and\s+who\b|$)"
    r"|\bwhen (?:was|were|did|had) (?P<b>.+?) first (?:raised|reported|flagged|mentioned|noticed|spotted|"
    r"discussed|escalated|come up|came up|surface|surfaced|appear|appeared|seen|heard)\b"
    r"|\bsince when (?:(?:is|are|was|were|has|have|had|did|do|does) )?(?P<c>.+?)(?=,|;|\?|\s+and\s+who\b|$)",
    re.I,
)
_WHO_OWNS = re.compile(r"\bwho\b[^?]*?\b(own\w*|responsib\w*|accountab\w*|fix\w*|lead\w*|led|in charge|"
                       r"on the hook)\b", re.I)


def first_heard_topic(question: str) -> str | None:
    """What a 'when did we first hear about …' question asks the earliest mention of, or None."""
    match = _FIRST_HEARD.search(question or "")
    if match is None:
        return None
    topic = next((g for g in match.groups() if g), "").strip(" .")
    return topic or None


def asks_owner(question: str) -> bool:
    """Whether the question also asks who owns or owned something ('… and who owned the fix?')."""
    return bool(_WHO_OWNS.search(question or ""))
