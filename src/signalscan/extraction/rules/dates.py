"""Due dates as minutes write them, resolved against the meeting date (SPEC.md's date rules).

Cheap precompiled regexes first; `dateparser` is only a last resort for odd spellings, because
it is slow and rules extraction must stay a small share of ingest time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:"
    r"urday)?|sun(?:day)?)\.?"
)
_WD_PREFIX = rf"(?:{_WEEKDAY.replace('(?P<wd>', '(?:')},?\s+)?"
_NUM_WD = rf"(?:{_WEEKDAY.replace('wd>', 'numwd>')},?\s+)?"

# One alternation, tried left to right at each position; named groups tell the forms apart.
DATE_EXPR = re.compile(
    r"(?i)(?<![\w/.])(?:"
    r"(?P<iso>(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2}))(?![\d/.]\d)"
    rf"|(?P<num>{_NUM_WD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?)(?![\d/%])"
    rf"|(?P<dotted>(?P<da>\d{{1,2}})\.(?P<db>\d{{1,2}})\.(?P<dy>\d{{2,4}}))(?![\d.])"
    rf"|(?P<dm>{_WD_PREFIX}(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-"
    rf"){_MONTH.replace('mon>', 'dmm>')}"
    r"(?:,?\s+(?P<dmy>\d{4})|-(?P<dmy2>\d{2,4}))?)(?![\w])"
    rf"|(?P<md>{_WD_PREFIX}{_MONTH.replace('mon>', 'mdm>')}\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    r"(?:,?\s+(?P<mdy>\d{4}))?)(?![\w/])"
    r"|(?P<isoweek>(?:KW|CW|calendar\s+week)\s*(?P<wkn>\d{1,2})(?:\s*[/']\s*(?P<wky>\d{2,4}))?)(?![\d/])"
    r"|(?P<eonw>end\s+of\s+next\s+week)"
    r"|(?P<eow>end\s+of\s+(?:the\s+)?(?:this\s+)?week|eow|close\s+of\s+(?:the\s+)?week)"
    rf"|(?P<eoxm>end\s+of\s+{_MONTH.replace('mon>', 'xmon>')})"
    r"|(?P<eonm>end\s+of\s+next\s+month)"
    r"|(?P<eom>end\s+of\s+(?:the\s+)?(?:this\s+)?month|eom|month[- ]end(?!\s+(?:close|closing|process|report"
    r"|reporting|run|journals?|activities|procedures?|simulation|balances?|accruals?)\b))"
    r"|(?P<nextmeeting>next\s+(?:steer(?:ing|co)?\s+)?(?:meeting|steerco|committee|board|session|sync))"
    r"|(?P<nextweek>next\s+week)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<today>today|tonight|close\s+of\s+play|cop|eod)"
    rf"|(?P<nextwd>next\s+{_WEEKDAY.replace('wd>', 'nwd>')})"
    rf"|(?P<weekday>{_WEEKDAY.replace('wd>', 'owd>')})"
    r")(?![\w])"
)
NO_DATE = re.compile(r"(?i)^\W*(?:tbc|tbd|tba|asap|ongoing|n/?a|none|-|—|–|on ?going|continuous|as required"
    r"|rolling)\W*$")
NO_DATE_WORD = re.compile(r"(?i)\b(?:tbc|tbd|tba|asap|ongoing)\b")
_NUM_DATE = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/])")
_DOTTED_DATE = re.compile(r"(?<![\w.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])")
_DAY_MONTH_WORDS = re.compile(rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}")
_MONTH_DAY_WORDS = re.compile(rf"(?i)\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b")


def detect_dayfirst(text: str) -> bool:
    """Decide day/month order for a document from its unambiguous dates (13/03 vs 3/13)."""
    day_first = month_first = 0
    for a, b in _NUM_DATE.findall(text):
        a, b = int(a), int(b)
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    if _DOTTED_DATE.search(text):  # "12.05.2026" is written where dates run day first
        return True
    # Only ambiguous numeric dates: follow how the document spells dates out.
    return len(_DAY_MONTH_WORDS.findall(text)) >= len(_MONTH_DAY_WORDS.findall(text))


@dataclass
class DateHit:
    """A date expression found in text: where, as written, and what it resolves to."""

    start: int
    end: int
    raw: str
    value: date | None


class DateResolver:
    """Resolves due-date expressions against one document's meeting date and conventions."""

    def __init__(self, meeting_date: date | None, dayfirst: bool = True, next_meeting: date | None = None):
        self.meeting_date = meeting_date
        self.dayfirst = dayfirst
        self.next_meeting = next_meeting

    @property
    def _anchor(self) -> date:
        return self.meeting_date or date.today()

    def find_all(self, text: str) -> list[DateHit]:
        """Every date expression in `text`, resolved (value None when it cannot be placed)."""
        hits = []
        for m in DATE_EXPR.finditer(text):
            hits.append(DateHit(m.start(), m.end(), m.group(0), self._resolve_match(m)))
        return hits

    def parse(self, text: str) -> date | None:
        """Resolve a cell or phrase holding one due date; None for TBC/ASAP/ongoing or no date."""
        text = (text or "").strip()
        if not text or NO_DATE.match(text):
            return None
        for hit in self.find_all(text):
            if hit.value:
                return hit.value
        return self._fallback(text)

    def _fallback(self, text: str) -> date | None:
        """dateparser for what the regexes miss, only when the text looks date-like and short."""
        if len(text) > 40 or not re.search(r"\d", text) or not re.search(r"[a-zA-Z]{3}", text):
            return None
        if NO_DATE_WORD.search(text):
            return None
        import dateparser

        settings = {
            "RELATIVE_BASE": _midnight(self._anchor), "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY" if self.dayfirst else "MDY", "REQUIRE_PARTS": ["day", "month"],
        }
        found = dateparser.parse(text, languages=["en"], settings=settings)
        return found.date() if found else None

    def _resolve_match(self, m: re.Match) -> date | None:
        g = m.groupdict()
        try:
            if g["iso"]:
                return date(int(g["iy"]), int(g["im"]), int(g["id"]))
            if g["num"]:
                return self._numeric(int(g["a"]), int(g["b"]), g["y"], g["numwd"])
            if g["dotted"]:  # 12.05.2026: day first wherever dots are written
                return self._numeric(int(g["da"]), int(g["db"]), g["dy"], dayfirst=True)
            if g["isoweek"]:
                return self._week_friday(int(g["wkn"]), g["wky"])
            if g["dm"]:
                return self._dated(int(g["dmd"]), _month(g["dmm"]), g["dmy"] or g["dmy2"])
            if g["md"]:
                return self._dated(int(g["mdd"]), _month(g["mdm"]), g["mdy"])
        except ValueError:
            return None
        return self._relative(g)

    def _relative(self, g: dict) -> date | None:
        anchor = self._anchor
        friday = anchor + timedelta(days=4 - anchor.weekday())
        if g["eonw"]:
            return friday + timedelta(days=7)
        if g["eow"]:
            return friday
        if g["eoxm"]:
            month = _month(g["xmon"])
            year = anchor.year + (1 if month < anchor.month - 6 else 0)
            return date(year, month, calendar.monthrange(year, month)[1])
        if g["eonm"]:
            nxt = (anchor.replace(day=1) + timedelta(days=32)).replace(day=1)
            return nxt.replace(day=calendar.monthrange(nxt.year, nxt.month)[1])
        if g["eom"]:
            return anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
        if g["nextmeeting"]:
            return self.next_meeting or anchor + timedelta(days=7)
        if g["nextweek"]:
            return friday + timedelta(days=7)
        if g["tomorrow"]:
            return anchor + timedelta(days=1)
        if g["today"]:
            return anchor
        if g["nextwd"]:
            return self._weekday(_weekday(g["nwd"])) + timedelta(days=7)
        if g["weekday"]:
            return self._weekday(_weekday(g["owd"]))
        return None

    def _weekday(self, wd: int) -> date:
        """A bare weekday: that day of the meeting week, or the next week's if already past."""
        anchor = self._anchor
        day = anchor + timedelta(days=wd - anchor.weekday())
        if day < anchor or (day == anchor and wd != 4):
            day += timedelta(days=7)
        return day

    def _week_friday(self, week: int, year: str | None) -> date:
        """"KW 21" / "CW 21": the Friday of that ISO week, in the year around the meeting."""
        if year:
            return date.fromisocalendar(int(year) + (2000 if len(year) == 2 else 0), week, 5)
        anchor = self._anchor
        this_week = anchor.isocalendar()[1]
        shift = 1 if week < this_week - 26 else -1 if week > this_week + 26 else 0
        return date.fromisocalendar(anchor.year + shift, week, 5)

    def _numeric(self, a: int, b: int, year: str | None, weekday: str | None = None,
                 dayfirst: bool | None = None) -> date:
        day, month = (a, b) if (self.dayfirst if dayfirst is None else dayfirst) else (b, a)
        if month > 12 >= day:  # the document's order is contradicted by this date: swap
            day, month = month, day
        if weekday and day <= 12:  # "Mon 06/04": the weekday tells the order
            swapped = self._dated(month, day, year)
            if swapped.weekday() == _weekday(weekday) != self._dated(day, month, year).weekday():
                return swapped
        return self._dated(day, month, year)

    def _dated(self, day: int, month: int, year: str | None) -> date:
        if year:
            y = int(year)
            return date(y + 2000 if y < 100 else y, month, day)
        return date(self._anchor.year, month, day)  # no year: the meeting's year (SPEC.md)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _weekday(name: str) -> int:
    return WEEKDAYS[name.lower()[:3]]


def _midnight(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
