"""Field clean-up for LLM items: due dates and owners, resolved the way the rules engine resolves them.

The LLM reports a due date as written ("Friday", "end of month", "TBC"); the date itself is worked
out here against the meeting date, by the rules engine's resolver, so both engines agree.
"""

from __future__ import annotations

import re
from datetime import date

from signalscan.extraction.rules.dates import DateResolver

VAGUE_OWNERS = re.compile(
    r"(?i)^\W*(?:the\s+)?(?:team|all|everyone|everybody|tbd|tbc|tba|n/?a|none|someone(?:\s+from\b.*)?|"
    r"various|whole team|project team|group)\W*$"
)


def resolve_due(due_raw: str | None, meeting_date: date | None, dayfirst: bool = True) -> date | None:
    """The due date of an expression as written, against the meeting date; None for TBC, ASAP, ongoing."""
    if not due_raw:
        return None
    return DateResolver(meeting_date, dayfirst=dayfirst).parse(due_raw)


def normalise_owner(name: str, people: list[str]) -> str | None:
    """One canonical name: vague owners are none; initials or a first name map to a listed person."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:()[]")
    if not name or VAGUE_OWNERS.match(name):
        return None
    if people:
        match = _person_for(name, people)
        if match:
            return match
    return name


def _person_for(name: str, people: list[str]) -> str | None:
    """The listed person `name` abbreviates: initials ("JL"), a first name, or a full name in any case."""
    lowered = name.lower()
    for person in people:
        parts = person.split()
        initials = "".join(p[0] for p in parts if p).lower()
        if lowered == person.lower() or (len(name) >= 2 and name.isupper() and lowered == initials):
            return person
    first_names = [p for p in people if p.split() and p.split()[0].lower() == lowered]
    return first_names[0] if len(first_names) == 1 else None
