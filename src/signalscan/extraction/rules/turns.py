"""Speaker turns in any transcript style: who said what, and the unit it was said in.

"Name: text" and "[10:32] Name: text" on one line; or a speaker line of its own with the words on the
lines below it, as Teams and Zoom export them ("Name   10:32", "Name (10:32)", "[10:32] Name").
"""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules.context import Context, Unit
from signalscan.extraction.rules.owners import LETTER, PARTICLE, UPPER

NAME = rf"[{UPPER}][{LETTER}'.-]*(?:\s+(?:{PARTICLE}\s+){{0,2}}[{UPPER}][{LETTER}'.-]*){{0,3}}"
_STAMP = r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?)"
SPEAKER = re.compile(rf"^\s*(?:{_STAMP}\s+)?(?P<speaker>{NAME})\s*(?:{_STAMP}\s*)?:\s+(?P<speech>\S.*)$",
                     re.S)
# a speaker line of its own, the words on the next line(s): Teams "Name   10:32", "Name  10:32 AM",
# "Name (10:32)", "[10:32] Name", "00:01:23 Name"
_CLOCK = (r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+)?"  # "5/7/2026, 10:32 AM"
          r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?")
_TIMED = rf"(?:\[{_CLOCK}\]|\({_CLOCK}\)|{_CLOCK})"
SPEAKER_LINE = re.compile(rf"^\s*(?:(?P<a>{NAME})(?:\s*[-–—|,]\s*|\s+){_TIMED}"
                          rf"|{_TIMED}\s+(?:[-–—|]\s*)?(?P<b>{NAME}))\s*:?\s*$")
HEADINGS = ("heading", "title", "slide_title")


def turns(units: list[Unit], ctx: Context) -> list[tuple[Unit, str, str]]:
    """Every spoken turn as (unit said, speaker, speech): "Name: text" on one line, or a speaker line
    ("Name   10:32", "[10:32] Name") with the words on the lines below it, up to the next speaker."""
    out: list[tuple[Unit, str, str]] = []
    speaker: str | None = None
    growing = False  # the last turn goes on with the next line of its block
    for unit in units:
        if unit.block.kind in ("table_row", "list_item", *HEADINGS):
            speaker, growing = None, False
            continue
        line = SPEAKER_LINE.match(unit.text)
        name = line and (line.group("a") or line.group("b"))
        if name and is_speaker(name, ctx):
            speaker, growing = name, False
            continue
        m = SPEAKER.match(unit.text)
        if m and is_speaker(m.group("speaker"), ctx):
            speaker, growing = None, False
            out.append((unit, m.group("speaker"), m.group("speech")))
        elif speaker is not None and growing and out[-1][0].block is unit.block:
            last = out[-1][0]
            joined = Unit(unit.block, unit.block.text[last.start:unit.start + len(unit.text)], last.start)
            out[-1] = (joined, speaker, joined.text)
        elif speaker is not None:
            out.append((unit, speaker, unit.text))
            growing = True
    return out


def speakers(units: list[Unit], ctx: Context) -> list[str]:
    """The people heard in a transcript, in the order they first speak (they attended)."""
    out: list[str] = []
    for _, name, _ in turns(units, ctx):
        person = ctx.people.resolve(name)
        if person and person not in out:
            out.append(person)
    return out


def is_speaker(name: str, ctx: Context) -> bool:
    """Someone the document knows, or a name that looks like a person's."""
    return ctx.people.is_known(name) or I.looks_like_person(name)
