"""Date resolution and owner normalisation rules of the `rules` engine (SPEC.md's rules)."""

from __future__ import annotations

from datetime import date

import pytest

from signalscan.extraction.rules.dates import DateResolver, detect_dayfirst
from signalscan.extraction.rules.owners import PeopleDirectory

THURSDAY = date(2026, 3, 12)


@pytest.mark.parametrize("text, expected", [
    ("Friday", date(2026, 3, 13)),
    ("end of week", date(2026, 3, 13)),
    ("end of month", date(2026, 3, 31)),
    ("Tue 17 March", date(2026, 3, 17)),
    ("Tuesday", date(2026, 3, 17)),  # already past in the meeting week: the next one
    ("13/03", date(2026, 3, 13)),
    ("2026-04-01", date(2026, 4, 1)),
    ("2026/04/01", date(2026, 4, 1)),  # year first, slashes
    ("2026.04.01", date(2026, 4, 1)),
    ("27 March 2026", date(2026, 3, 27)),
    ("w/c 16 March", date(2026, 3, 16)),
    ("next meeting", date(2026, 3, 19)),  # no next meeting stated: a week on
    ("TBC", None), ("ASAP", None), ("ongoing", None), ("—", None),
])
def test_relative_and_absolute_dates(text: str, expected: date | None) -> None:
    assert DateResolver(THURSDAY, dayfirst=True).parse(text) == expected


def test_next_meeting_uses_the_stated_date() -> None:
    resolver = DateResolver(THURSDAY, dayfirst=True, next_meeting=date(2026, 3, 26))
    assert resolver.parse("Next meeting") == date(2026, 3, 26)


def test_day_month_order_is_decided_per_document() -> None:
    assert detect_dayfirst("due 20/03, then 03/04") is True
    assert detect_dayfirst("due 4/17, then 5/6") is False
    assert detect_dayfirst("Mon April 13, 2026: 5/6") is False
    assert DateResolver(THURSDAY, dayfirst=False).parse("4/6") == date(2026, 4, 6)
    assert DateResolver(THURSDAY, dayfirst=True).parse("4/6") == date(2026, 6, 4)


def test_weekday_settles_an_ambiguous_numeric_date() -> None:
    assert DateResolver(date(2026, 4, 2), dayfirst=False).parse("Mon 06/04") == date(2026, 4, 6)


def test_owners_normalise_to_one_name_per_person() -> None:
    people = PeopleDirectory()
    people.learn_from_text("Present: Jordan Lee (JL), Dr Sam Ortiz (SO)")
    assert people.resolve("JL") == "Jordan Lee"
    assert people.resolve("Jordan") == "Jordan Lee"
    assert people.resolve("Dr Sam Ortiz") == "Sam Ortiz"
    assert people.resolve("MedCore") == "MedCore"
    assert people.resolve("PMO") == "PMO"
    for vague in ("team", "All", "everyone", "TBD", "TBC", "someone from Finance", "not assigned"):
        assert people.resolve(vague) is None, vague


def test_workstream_with_lead_initials_is_not_a_person() -> None:
    people = PeopleDirectory()
    people.learn_from_text("Priya Shah (PS) leads. 3.2 Data Migration (PS) — RAG: Amber")
    assert people.resolve("PS") == "Priya Shah"
    assert people.resolve("Data") == "Data"


def test_owner_spelled_as_a_mailbox_or_first_name_and_initial() -> None:
    people = PeopleDirectory()
    people.learn_from_text("Present: Priya Raghunathan (PR), Gareth Pryce (GP), Owen Caddick (OC)")
    assert people.resolve("Priya R.") == "Priya Raghunathan"
    assert people.resolve("Gareth P") == "Gareth Pryce"
    assert people.resolve("owen.caddick@corp.co.uk") == "Owen Caddick"
    assert people.resolve("nia.pryce@corp.co.uk") == "Nia Pryce"  # nobody known: the name it spells
    assert people.resolve("Confirming Nuvola") == "Nuvola"  # an opening verb is no part of a name
