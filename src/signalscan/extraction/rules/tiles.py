"""Status tiles on dashboard slides: one shape per workstream holding its name, a RAG word
("On Track", "At Risk", "RAG: A", "GREEN") and often "48% complete" and a line of commentary.
The parser gives each line of a shape as its own block, in reading order, so a tile is a run of
short lines: name, rating, then optional percentage and narrative."""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.context import Unit
from signalscan.parsing.colours import rag_of_rgb

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


def _row_band(block: object) -> tuple[float, float, float] | None:
    box = getattr(block, "box", None)
    return (box[1], box[1] + box[3], box[1] + box[3] / 2) if box else None


def _same_row(a: Unit, b: Unit) -> bool:
    """Two slide texts side by side: the middle of each lies within the other's height."""
    ra, rb = _row_band(a.block), _row_band(b.block)
    return bool(ra and rb) and a.block.slide == b.block.slide and (
        ra[0] <= rb[2] <= ra[1] or rb[0] <= ra[2] <= rb[1])  # type: ignore[index]


def read_marked(units: list[Unit], i: int) -> tuple[Unit, I.Found, set[int]] | None:
    """A workstream whose RAG is only a colour: a status dot beside its name, or its shape's fill (the
    parser gives the colour as the block's fill). The % complete is a progress-bar label ("40%") on the
    same row, or a line of the same shape. Returns (name unit, status, indexes of the units it used)."""
    unit = units[i]
    block = unit.block
    rag = rag_of_rgb(block.fill_rgb) if block.slide is not None and unit.start == 0 else None
    if rag is None or block.kind not in TILE_BLOCK_KINDS or not block.box:
        return None
    own = [j for j in range(i, min(len(units), i + 4)) if units[j].block.box == block.box
           and units[j].block.slide == block.slide and (j == i or units[j].block.fill_rgb is None)]
    if any(tile_rating(units[j].text) for j in own) or (i + 1 < len(units) and read_tile(units, i + 1)):
        return None  # the words give the rating
    # the dot may sit after other columns (the lead): the name is the row's first text, back to the
    # previous marked label (tiles side by side)
    left = sorted((j for j, u in enumerate(units) if u.block.box and u.block.kind in TILE_BLOCK_KINDS
                   and u.start == 0 and _same_row(u, unit) and u.block.box[0] < block.box[0]),
                  key=lambda j: -units[j].block.box[0])  # type: ignore[index]
    name_i = i
    for j in left:
        if units[j].block.fill_rgb:
            break
        if _name_like(units[j]):
            name_i = j
    if not _name_like(units[name_i]):
        return None
    name = units[name_i]
    used, pct, narrative = {i, name_i}, None, None
    for j in own[1:]:
        m = PERCENT_LINE.match(units[j].text)
        if m and pct is None:
            pct = int(m.group("pct"))
        elif narrative is None and not _name_like(units[j]):
            narrative = I.tidy(units[j].text)
        else:
            break
        used.add(j)
    if pct is None and name.block.box:
        right = [j for j, u in enumerate(units) if j not in used and u.block.box and _same_row(u, name)
                 and u.block.box[0] > name.block.box[0] and PERCENT_LINE.match(u.text)]
        if right:
            j = min(right, key=lambda k: units[k].block.box[0])  # type: ignore[index]
            m = PERCENT_LINE.match(units[j].text)
            pct = int(m.group("pct")) if m else None
            used.add(j)
    workstream = I.tidy(P.MARKDOWN.sub("", name.text))
    fields = {"workstream": workstream, "reported": rag, "percent_complete": pct, "narrative": narrative,
              "owner": None}
    return name, I.Found("status", fields, name.text.strip()), used
