"""Page furniture and notes about the log itself: never actions, decisions or risks.

Furniture is what a template prints around the content: classification markings ("OFFICIAL:
Sensitive", "Commercial-in-confidence. Prepared by …"), page numbers, and lines repeated at the top
or bottom of several pages. A note about the log ("Completed actions are archived on the team site")
describes how items are kept, not an item."""

from __future__ import annotations

import re
from collections import defaultdict

from signalscan.models import Block

MARKING = re.compile(
    r"(?i)^\W*(?:official(?:\s*[:\-–—]\s*sensitive)?|unofficial|protected|restricted|secret|top secret|"
    r"(?:strictly\s+)?(?:private\s+(?:and|&)\s+)?confidential|commercial[- ]in[- ]confidence|"
    r"company confidential|internal(?: use)?(?: only)?|for internal use only|not for distribution|"
    r"sensitive|draft(?: for discussion)?|classification\s*:\s*[\w -]{2,30})\W*"
    r"(?:$|[.|·—–-]\s+(?P<rest>.*)$)")
PREPARED_BY = re.compile(r"(?i)^\W*(?:prepared|produced|compiled|issued)\s+(?:by|for)\b.{0,150}$")
COPYRIGHT = re.compile(r"(?i)^\W*(?:©|\(c\)|copyright)\s.{0,150}$")
PAGE_NUMBER = re.compile(r"(?i)^[\s|·—–-]*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s|·—–-]*$")
LOG_NOTE = re.compile(
    r"(?i)^\W*(?:all\s+|the\s+)?(?:[a-z-]+\s+(?:and|or|&)\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:actions|action items|items|decisions|risks|issues|entries|rows)\s+(?:are|will be|get)\s+"
    r"(?:\w+ly\s+)?(?:archived|removed|moved|listed|shown|kept|recorded|tracked|maintained|held|"
    r"carried forward|closed off|highlighted|marked|greyed out|struck through)\b")
EDGE = 2  # blocks at each end of a page that may be its header or footer


def is_furniture(text: str) -> bool:
    """A classification marking, page number, "Prepared by …" or copyright line."""
    text = " ".join(text.split())
    if len(text) > 200:
        return False
    m = MARKING.match(text)
    if m and (not m.group("rest") or PREPARED_BY.match(m.group("rest")) or COPYRIGHT.match(m.group("rest"))):
        return True
    return bool(PAGE_NUMBER.match(text) or PREPARED_BY.match(text) or COPYRIGHT.match(text))


def is_log_note(text: str) -> bool:
    """A sentence about how the log is kept ("Completed and superseded actions are archived …")."""
    return bool(LOG_NOTE.match(" ".join(text.split())))


def repeated_page_lines(blocks: list[Block]) -> set[str]:
    """Lines printed at the top or bottom of several pages (running headers and footers), page numbers
    ignored; only for paged documents of two or more pages."""
    pages: dict[int, list[Block]] = defaultdict(list)
    for block in blocks:
        if block.page is not None and block.slide is None and block.kind != "table_row":
            pages[block.page].append(block)
    if len(pages) < 2:
        return set()
    seen: dict[str, set[int]] = defaultdict(set)
    for page, page_blocks in pages.items():
        for block in page_blocks[:EDGE] + page_blocks[-EDGE:]:
            seen[_shape(block.text)].add(page)
    return {shape for shape, on in seen.items() if len(on) >= max(2, len(pages) // 2) and shape}


def is_repeated(text: str, repeated: set[str]) -> bool:
    """Whether a line is one of a document's running headers or footers."""
    return bool(repeated) and _shape(text) in repeated


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def is_skipped(block: Block, repeated: set[str]) -> bool:
    """Whether a block is furniture or a note about the log (table rows never are)."""
    if block.kind == "table_row":
        return False
    return is_furniture(block.text) or is_repeated(block.text, repeated) or is_log_note(block.text)


# a line that stands in for items ("None this week", "see action log", "Actions carried forward",
# "No new actions raised"): once these words and the section's own nouns are gone, nothing is left
PLACEHOLDER_MARK = re.compile(r"(?i)\b(?:none|nil|nothing|n/a|no|see|carried (?:forward|over)|brought forwa"
                              r"rd|tbd|tbc|tba)\b")
PLACEHOLDER_WORDS = re.compile(
    r"(?i)\b(?:none|nil|nothing|n/?a|no|not|any|see|(?:carried|brought) (?:forward|over)|tbd|tbc|tba|new|f"
    r"urther|other|open|outstanding|the|this|that|week|meeting|period|time|today|at|for|from|in|on|of|to|as|"
    r"per|above|below|attached|report|raised|recorded|made|taken|logged|noted|identified|required|needed|"
    r"log|register|tracker|list|actions?|decisions?|risks?|issues?|items?|points?|and|or|yet|so far|"
    r"previous|last|all|were|was|is|are|been|be)\b|[^\w\s]")


def has_content(text: str | None) -> bool:
    """Whether an item's text says something: not empty, a checkbox, or a placeholder ("TBD", "N/A",
    "None this week", "see log", "Actions carried forward")."""
    words = re.sub(r"(?i)\[[ x]?\]|\b(?:tbd|tbc|tba|n/?a|nil|none|n\.n\.|-+)\b", " ", text or "")
    if PLACEHOLDER_MARK.search(text or "") and not PLACEHOLDER_WORDS.sub(" ", text or "").strip():
        return False
    return bool(re.search(r"[^\W\d_]{2,}", words))


# a report's dateline: "Week ending 17 Apr 2026 | Prepared by …", "Reporting period: 1-14 May",
# "As at 30/04/2026", "Status as of 3 March" — when the report speaks, never an item
DATELINE = re.compile(
    r"(?i)^\W*(?:(?:for\s+(?:the\s+)?)?(?:week|fortnight|month|period|quarter|sprint)\s+(?:ending|ended|end"
    r"|to|of|commencing|beginning|starting)|w/?[ce]|reporting\s+(?:date|period|week)|report(?:ing)?\s+date|"
    r"as\s+(?:at|of)|status\s+(?:as\s+)?(?:at|of)|period)\b\s*[:\-–—]?\s*(?P<rest>.{1,160})$")


def is_dateline(text: str) -> bool:
    """A header line that only says when the report speaks (and who prepared it)."""
    m = DATELINE.match(" ".join(text.split()))
    if not m:
        return False
    first, *others = re.split(r"\s*[|·•]\s*|\s+[—–]\s+|\s+-\s+(?=[A-Z])", m.group("rest"))
    if not re.search(r"\d", first) or len(first.split()) > 6:
        return False
    return all(PREPARED_BY.match(o) or MARKING.match(o) or PAGE_NUMBER.match(o)
               or (re.search(r"\d", o) and len(o.split()) <= 4) for o in others if o.strip())
