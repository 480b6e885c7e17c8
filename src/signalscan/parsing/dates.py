"""Cheap date finding for meeting dates: regexes first, dateparser only for a labelled line they miss."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-/._]?(\d{2})[-/._]?(\d{2})(?!\d)")),
    ("dmy", re.compile(rf"(?<![A-Za-z0-9]){_DAY}(?:\s+of)?[\s\-_.]*{_MON}\.?(?![a-z])"
                       rf"[\s\-_.,]*((?:19|20)\d{{2}})?(?!\d)", re.IGNORECASE)),
    ("mdy", re.compile(rf"(?<![a-z]){_MON}\.?[\s\-_.]*{_DAY}(?![\d:])"
                       rf"(?:(?:st|nd|rd|th)?,?[\s\-_.]*((?:19|20)\d{{2}}))?", re.IGNORECASE)),
    ("numeric", re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d{2})(?![\d/.])")),
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def _make(year: int | None, month: int, day: int) -> date | None:
    if year is None or not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, *, default_year: int | None = None, month_first: bool = False) -> list[date]:
    """Every full date in `text`, in order of appearance; a missing year takes `default_year`."""
    found: list[tuple[int, date]] = []
    taken: list[range] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            value = _from_match(name, match.groups(), default_year, month_first)
            if value is not None:
                found.append((match.start(), value))
                taken.append(range(match.start(), match.end()))
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def _from_match(name: str, groups: tuple[str | None, ...], default_year: int | None,
                month_first: bool) -> date | None:
    if name == "ymd":
        return _make(int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0))
    if name in ("dmy", "mdy"):
        day_text, month_text = (groups[0], groups[1]) if name == "dmy" else (groups[1], groups[0])
        month = MONTHS.get((month_text or "")[:3].lower())
        year = int(groups[2]) if groups[2] else default_year
        return _make(year, month or 0, int(day_text or 0))
    first, second, year_text = int(groups[0] or 0), int(groups[1] or 0), groups[2] or ""
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if first > 12 or (not month_first and second <= 12):
        return _make(year, second, first)
    return _make(year, first, second)


def dominant_year(text: str) -> int | None:
    """The year most often written in the text (to complete dates like 'apr06')."""
    years = Counter(int(y) for y in _YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


def prefers_month_first(text: str) -> bool:
    """True when the document writes 'April 6, 2026' rather than '6 April 2026' (US style)."""
    mdy = len(_PATTERNS[2][1].findall(text))
    dmy = len(_PATTERNS[1][1].findall(text))
    return mdy > dmy


def parse_loose_date(text: str, default_year: int | None) -> date | None:
    """dateparser for a short labelled value the regexes could not read (slow: call rarely)."""
    import dateparser  # type: ignore[import-untyped]

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"],
                                   "RETURN_AS_TIMEZONE_AWARE": False}
    if default_year:
        settings["RELATIVE_BASE"] = __import__("datetime").datetime(default_year, 1, 1)
    try:
        parsed = dateparser.parse(text[:80], languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError):  # odd strings can trip dateparser's internals
        return None
    return parsed.date() if parsed is not None else None
