"""What a document says about itself: title, kind and meeting date (with where the date came from)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from signalscan.models import Block
from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.dates import (
    dominant_year,
    find_dates,
    parse_loose_date,
    prefers_month_first,
)

_HEAD_BLOCKS = 40
# A line that states the meeting's own date; "next meeting" and due dates are other dates.
_DATE_LABEL = re.compile(
    r"^\W*(?:meeting\s+)?(?:date|held(?:\s+on)?|minutes of (?:the )?meeting held on"
    r"|status as (?:of|at)|as (?:of|at)"
    r"|week ending|w/e|report(?:ing)? date|report(?:ing)? period|sent|when|meeting)\b\s*[:\-–—]?\s*(.*)$",
    re.IGNORECASE,
)
_NOT_THIS_MEETING = re.compile(r"\bnext\b|\bdue\b|\bprevious\b|\blast\b|\bdeadline\b", re.IGNORECASE)
_SPEAKER = re.compile(r"^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}):\s+\S")
_NOT_SPEAKERS = {
    "date", "subject", "from", "to", "cc", "sent", "action", "actions", "decision", "decisions",
    "risk", "risks",
    "present", "attendees", "apologies", "regrets", "note", "notes", "status", "owner", "due", "agenda",
    "update", "issue", "issues", "next steps", "summary", "overall", "location", "time", "chair",
}
_MINUTES = re.compile(
    r"\bminutes\b|\bmeeting notes\b|steering(?:[ -]committee)? notes|\bnotes\b.*\bsteer|\bsteer\w*.*\bnotes\b"
    r"|^(?:present|attendees|attendance|apologies|regrets|in attendance)\b|matters arising|action log"
    r"|date of next meeting|\bchair(?:ed)?\b", re.IGNORECASE)
_STATUS = re.compile(
    r"status report|weekly status|highlight report|status update|progress report|status as (?:of|at)"
    r"|reporting period|programme report|program report|\bdashboard\b|project status", re.IGNORECASE)


def describe(builder: DocumentBuilder, path: str, fmt: str, override: date | None) -> tuple[
        str, str | None, date | None, str | None]:
    """(kind, title, meeting date, meeting date source) for a parsed document."""
    title = builder.title or _first_heading(builder.blocks)
    kind = guess_kind(builder, path, fmt, title)
    if override is not None:
        return kind, title, override, "override"
    found, source = meeting_date(builder, path, title, kind)
    return kind, title, found, source


def _first_heading(blocks: list[Block]) -> str | None:
    for block in blocks[:_HEAD_BLOCKS]:
        if block.kind in ("title", "heading", "slide_title"):
            return block.text.split("\n")[0]
    return None


def meeting_date(builder: DocumentBuilder, path: str, title: str | None, kind: str) -> tuple[
        date | None, str | None]:
    """The meeting date and where it came from: title, date line, e-mail header, file name, folder."""
    head = "\n".join(b.text for b in builder.blocks[:_HEAD_BLOCKS])
    header_year = builder.header_date.year if builder.header_date else None
    year = dominant_year(head) or dominant_year(path) or header_year
    month_first = prefers_month_first(head)
    candidates = [
        ("title", lambda: _first(title or "", year, month_first)),
        ("email header", lambda: builder.header_date),
        ("date line", lambda: _date_line(builder.blocks, year, month_first)),
        ("file name", lambda: _first(Path(path).stem, year, month_first)),
        ("folder", lambda: _first(Path(path).parent.name, year, month_first)),
    ]
    if kind != "email":  # an e-mail's sending date beats a date quoted in its body, not a document's own date
        candidates.insert(2, candidates.pop(1))
    if builder.kind_hint == "transcript":  # captions are all speech: a date said early is no meeting date
        candidates.sort(key=lambda candidate: candidate[0] == "date line")
    for source, find in candidates:
        value = find()
        if value is not None:
            return value, source
    return None, None


def _first(text: str, year: int | None, month_first: bool) -> date | None:
    dates = find_dates(text, default_year=year, month_first=month_first)
    return dates[0] if dates else None


def _date_line(blocks: list[Block], year: int | None, month_first: bool) -> date | None:
    """A labelled date line ("Date: 13 March 2026"), else a full date in the first lines."""
    head = [b for b in blocks[:_HEAD_BLOCKS] if b.kind not in ("table_row", "email_header", "notes")]
    for block in head:
        for line in block.text.split("\n"):
            label = _DATE_LABEL.match(line)
            if label is None or _NOT_THIS_MEETING.search(line):
                continue
            value = _first(label.group(1), year, month_first) or _first(line, year, month_first)
            if value is None and label.group(1).strip():
                value = parse_loose_date(label.group(1), year)
            if value is not None:
                return value
    for block in head[:8]:
        if not _NOT_THIS_MEETING.search(block.text):
            value = _first(block.text[:300], None, month_first)  # a full date only: no guessed year here
            if value is not None:
                return value
    return None


def guess_kind(builder: DocumentBuilder, path: str, fmt: str, title: str | None) -> str:
    """minutes, deck, status_report, email, transcript or other."""
    if fmt == "pptx" or builder.kind_hint == "deck":
        return "deck"
    if fmt == "eml" or builder.kind_hint == "email":
        return "email"
    if builder.kind_hint == "transcript" or _is_transcript(builder.blocks):
        return "transcript"
    name = f"{Path(path).stem.replace('_', ' ').replace('-', ' ')}\n{title or ''}"
    lines = [line for b in builder.blocks[:_HEAD_BLOCKS] for line in b.text.split("\n")]
    minutes = 3 * len(_MINUTES.findall(name)) + sum(1 for line in lines if _MINUTES.search(line))
    status = 3 * len(_STATUS.findall(name)) + sum(1 for line in lines if _STATUS.search(line))
    if minutes == status == 0:
        return "other"
    return "minutes" if minutes >= status else "status_report"


def _is_transcript(blocks: list[Block]) -> bool:
    """Many 'Speaker: text' turns from a few people who speak again and again."""
    speakers = [m.group(1) for b in blocks if (m := _SPEAKER.match(b.text))
                and m.group(1).lower() not in _NOT_SPEAKERS]
    if len(speakers) < 8 or len(speakers) < 0.5 * len(blocks):
        return False
    return len(set(speakers)) <= len(speakers) / 2
