"""Attendees and apologies: "Present: A (Role), B", "Apologies: C (CK), Finance Partner", tables."""

from __future__ import annotations

import re

from signalscan.extraction.rules.owners import (
    LETTER,
    PeopleDirectory,
    clean_person,
    looks_like_person,
    without_brackets,
)

ATTENDANCE_LINE = re.compile(
    r"(?i)^\W*(?P<label>present|attendees|attendance|in attendance|participants|members present|attending|"
    r"apologies(?: received)?|regrets|absent|absentees|not present|sent apologies|excused)"
    r"\s*(?:\([^)]*\))?\s*"
    r"(?:[:\-–—]\s*(?P<names>.*))?$"
)
# apologies minuted as a sentence: "Apologies were received from X (role) and Y.", "X and Y sent apologies."
APOLOGY_SENTENCE = re.compile(
    r"(?i)\bapologies(?:\s+for\s+absence)?\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:received|noted|given|tendered|sent|submitted)\s+(?:from|by|on behalf of)\s+(?P<names>[^.;]+)"
    rf"|(?P<before>(?:[{LETTER}][\w'-]+\s+){{1,3}}(?:\([^)]*\)\s*)?"
    rf"(?:(?:,|and)\s+(?:[{LETTER}][\w'-]+\s+){{1,3}}"
    r"(?:\([^)]*\)\s*)?)*)(?:sent|gave|tendered|offered)\s+(?:their\s+|his\s+|her\s+)?apologies\b"
)
ABSENT = re.compile(r"(?i)^\W*(?:apolog|regrets|absent|not present|sent apolog|excused)")
NOBODY = re.compile(r"(?i)^\W*(?:none|nil|n/a|no apologies|none received|-|—)\W*$")


def split_names(text: str) -> list[str]:
    """Split a list of people on commas/semicolons outside brackets; keep only what reads as a name."""
    return [name for name in map(_name_of, _parts(text)) if name]


def is_name_list(text: str) -> bool:
    """A line that is only people, "Name (Role, Org); Name (Role); …": every part reads as a name."""
    parts = [p for p in _parts(text) if p.strip()]
    return len(parts) >= 2 and all(_name_of(p) for p in parts)


def _parts(text: str) -> list[str]:
    text = re.sub(rf"(?i)\b(?:and|&)\s+(?=[{LETTER}])", ", ", text)
    separator = ";" if ";" in text else ","
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _name_of(part: str) -> str | None:
    # "Dr Helen Marsh (HM), Chief Medical Information Officer" -> the leading name only
    head = re.split(r"\s[-–—]\s|,", without_brackets(part).strip())[0]
    name = clean_person(head)
    return name if looks_like_person(name) else None


def parse_attendance_line(text: str) -> tuple[str, list[str]] | None:
    """("attendees"|"apologies", names) for a "Present: …" / "Apologies: …" line, else None."""
    m = ATTENDANCE_LINE.match(text.strip())
    if not m:
        return None
    which = "apologies" if ABSENT.match(m.group("label")) else "attendees"
    names_text = (m.group("names") or "").strip()
    if not names_text or NOBODY.match(names_text):
        return which, []
    return which, split_names(names_text)


def apologies_in_sentence(text: str) -> list[str]:
    """Names a prose sentence gives apologies for."""
    m = APOLOGY_SENTENCE.search(re.sub(r"\b(Dr|Mr|Mrs|Ms|Prof|Cllr|Rev)\.", r"\1", text))
    if not m:
        return []
    return split_names(m.group("names") or m.group("before") or "")


def register(people: PeopleDirectory, names: list[str], text: str) -> list[str]:
    """Add names to the directory (with initials when the text gives them); return canonical names."""
    out = []
    for name in names:
        m = re.search(re.escape(name) + r"\s*\(([A-Z]{2,3})\)", text)
        canonical = people.add(name, m.group(1) if m else None)
        if canonical and canonical not in out:
            out.append(canonical)
    return out


# an attendance table's mark column: "Present/Apologies", "Attended (Y/N)", "Attendance", "Status"
MARK_HEADER = re.compile(r"(?i)\b(?:present|attend\w*|apolog\w*|absen\w*|in attendance|rsvp)\b")
ABSENT_MARK = re.compile(
    r"(?i)^\W*(?:apolog\w*|regrets|absent|not (?:present|attending|attended)|excused|declined|did not attend|"
    r"sent (?:a |their |his |her )?(?:deputy|delegate|proxy|substitute|representative)\b.*|"
    r"deputi[sz]ed\b.*|represented by\b.*)\W*$"
)
NO_MARK = re.compile(r"(?i)^\W*(?:n|no|x|✗|✘|×)\W*$")


def is_attendance_header(cells: list[str]) -> bool:
    """A table header "Name | Role | Present/Apologies" or "Name | Attended (Y/N)": a register of people."""
    return len(cells) >= 2 and bool(re.match(r"(?i)^\W*(?:name|attendee|member|person|participant)s?\W*$",
                                             cells[0])) and any(MARK_HEADER.search(c) for c in cells[1:])


def row_is_absent(cells: list[str], header: list[str] | None = None) -> bool:
    """Whether an attendance-table row marks its person away: "Apologies", "Absent", "Sent deputy", or
    "N" / "No" under an "Attended" / "Present" column."""
    for i, cell in enumerate(cells[1:], 1):
        if ABSENT_MARK.match(cell):
            return True
        column = header[i] if header and i < len(header) else ""
        if NO_MARK.match(cell) and re.search(r"(?i)\b(?:present|attend\w*)\b", column):
            return True
    return False
