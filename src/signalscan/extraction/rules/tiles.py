"""Status tiles on dashboard slides: one shape per workstream holding its name, a RAG word
("On Track", "At Risk", "RAG: A", "GREEN") and often "48% complete" and a line of commentary.
The parser gives each line of a shape as its own block, in reading order, so a tile is a run of
short lines: name, rating, then optional percentage and narrative."""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.context import Unit

RATING_LINE = re.compile(r"(?i)^\W*(?:(?:rag|status|rating|health|overall)\s*(?:status\s*)?[:=—–-]?\s*)?"
                         r"(?P<rag>[^:]{1,12}?)\W*$")
PERCENT_LINE = re.compile(r"(?i)^\W*(?:(?:%\s*)?(?:complete|done|progress)\s*[:=—–-]?\s*)?"
                          r"(?P<pct>\d{1,3})\s*%(?:\s*(?:complete|completed|done))?\W*$")
NAME_LINE = re.compile(r"^[A-Z][\w&/,()' .+-]{1,50}$")
TILE_BLOCK_KINDS = ("paragraph", "list_item")


def tile_rating(text: str) -> str | None:
    """The RAG of a line that is nothing but a rating ("On Track", "RAG: G", "Status: Amber")."""
    m = RATING_LINE.match(text.strip())
    return P.rag_of(m.group("rag")) if m else None


def _name_like(unit: Unit) -> bool:
    text = P.MARKDOWN.sub("", unit.text).strip()
    if unit.block.kind not in TILE_BLOCK_KINDS or not NAME_LINE.match(text) or len(text.split()) > 6:
        return False
    return tile_rating(text) is None and not text.endswith(".") and P.section_kind(text) in (None, "none")


def read_tile(units: list[Unit], i: int) -> tuple[Unit, I.Found, int] | None:
    """A tile whose rating is units[i]: (name unit, status, index of the tile's last unit), else None."""
    unit = units[i]
    if unit.block.slide is None or unit.block.kind not in TILE_BLOCK_KINDS or i == 0:
        return None
    rag = tile_rating(unit.text)
    name = units[i - 1]
    if rag is None or name.block.slide != unit.block.slide or not _name_like(name):
        return None
    last, pct, narrative = i, None, None
    following = [u for u in units[i + 1:i + 3] if u.block.slide == unit.block.slide]
    for nxt in following:
        m = PERCENT_LINE.match(nxt.text)
        if m and pct is None and narrative is None:
            pct, last = int(m.group("pct")), last + 1
        elif narrative is None and not _name_like(nxt) and tile_rating(nxt.text) is None:
            narrative, last = I.tidy(nxt.text), last + 1
        else:
            break
    workstream = I.tidy(P.MARKDOWN.sub("", name.text))
    fields = {"workstream": workstream, "reported": rag, "percent_complete": pct, "narrative": narrative,
              "owner": None}
    return name, I.Found("status", fields, name.text.strip()), last
