"""Field clean-up for LLM items: due dates and owners, resolved the way the rules engine resolves them.

The LLM reports a due date as written ("Friday", "end of month", "TBC") and an owner as written
("JL", "the team"); both are worked out here with the rules engine's own resolvers, so the two
engines agree on what a date or an owner is.
"""

from __future__ import annotations

from datetime import date

from signalscan.extraction.rules.dates import DateResolver
from signalscan.extraction.rules.owners import PeopleDirectory
from signalscan.models import ParsedDocument


def resolve_due(due_raw: str | None, meeting_date: date | None, dayfirst: bool = True) -> date | None:
    """The due date of an expression as written, against the meeting date; None for TBC, ASAP, ongoing."""
    if not due_raw:
        return None
    return DateResolver(meeting_date, dayfirst=dayfirst).parse(due_raw)


def people_directory(parsed: ParsedDocument, people: list[str]) -> PeopleDirectory:
    """The people of a document: the attendance lists, "Name (XX)" pairs and e-mail headers."""
    directory = PeopleDirectory()
    for header in ("From", "To", "Cc"):
        if parsed.headers.get(header):
            directory.add_email_header(parsed.headers[header], sender=header == "From")
    for name in people:
        directory.add(name)
    directory.learn_from_text(parsed.text)
    return directory
