"""What the rules know about one document while reading it: dates, people, the current section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from signalscan.extraction.rules.dates import DateResolver
from signalscan.extraction.rules.owners import PeopleDirectory
from signalscan.models import Block, Evidence


@dataclass
class Unit:
    """One readable line of a block: its text and where it sits inside the block's text."""

    block: Block
    text: str
    start: int = 0

    def evidence(self, quote: str | None = None) -> Evidence:
        """Evidence for an item found in this unit; `quote` must be a substring of the unit text."""
        quote = (quote or self.text).strip()
        offset = self.block.text.find(quote, self.start)
        if offset < 0 or not quote:
            quote, offset = self.text.strip(), self.block.text.find(self.text.strip(), self.start)
        line_start, line_end = self.block.line_start, self.block.line_end
        if line_start is not None and offset >= 0 and "\n" in self.block.text:  # one line: the block's span
            line_start += self.block.text.count("\n", 0, offset)
            line_end = line_start + quote.count("\n")
        locator = self.block.locator
        if line_start is not None and line_start != self.block.line_start or (
            line_end is not None and line_end != self.block.line_end
        ):
            locator = f"line {line_start}" if line_start == line_end else f"lines {line_start}-{line_end}"
        return Evidence(
            locator=locator, quote=quote, page=self.block.page, slide=self.block.slide,
            line_start=line_start, line_end=line_end,
        )


@dataclass
class Section:
    """The section a unit falls under: its kind (actions, decisions, …) and its label as written."""

    kind: str | None = None
    label: str = ""
    workstream: str | None = None
    topic: str | None = None  # what the item under discussion is, for "The decision was DEFERRED."
    referent: str | None = None  # what a paragraph's "it" stands for ("the pallet-label format")


@dataclass
class Context:
    """Per-document state shared by the rule modules."""

    dates: DateResolver
    people: PeopleDirectory
    is_email: bool = False
    text: str = ""  # the whole document, for questions like "is this word a proper name here?"
    section: Section = field(default_factory=Section)


SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|$)|[^.!?]*\n")


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a paragraph with their offsets (a dot inside "2.1%" or "w/c" does not split)."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n\s*\n", text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(i, s) for i, s in out if s.strip()]
