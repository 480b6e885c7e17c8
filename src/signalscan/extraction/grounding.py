"""Grounding: an LLM item counts only when its quote is found in the source document.

Quotes are compared after normalising case, whitespace, quote marks and dashes; an exact match of
the normalised quote wins, else the best block with a fuzzy partial match of at least `min_ratio`.
The evidence then points at the block where the quote was found and quotes the source's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from signalscan.models import Block, Evidence, ParsedDocument

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
})
MIN_EXACT_CHARS = 3  # shorter quotes ("R", "5") prove nothing
MIN_FUZZY_CHARS = 12  # fuzzy matching of short strings finds them everywhere


def normalise(text: str) -> str:
    """Lower case, straight quotes and dashes, single spaces: the form quotes are compared in."""
    return _normalise_with_map(text)[0]


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of its source character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        piece = ch.translate(_TRANSLATE).lower()
        for part in piece:
            if part.isspace():
                if not out or out[-1] == " ":
                    continue  # collapse runs of whitespace; drop leading whitespace
                part = " "
            out.append(part)
            index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


@dataclass(frozen=True)
class Grounded:
    """Where a quote was found: the block, the source's own text for it, and the match score."""

    block: Block
    quote: str
    score: float


class Grounder:
    """Finds quotes in one parsed document (normalised exact match, then fuzzy partial match)."""

    def __init__(self, parsed: ParsedDocument, min_ratio: float = 90.0) -> None:
        self.parsed = parsed
        self.min_ratio = min_ratio
        self._blocks = [b for b in parsed.blocks if b.text.strip()]
        self._normalised = [_normalise_with_map(b.text) for b in self._blocks]
        self._doc_text, self._doc_owner = self._document_text()

    def _document_text(self) -> tuple[str, list[tuple[int, int]]]:
        """All blocks joined by a space, with (block number, source index) for each character."""
        chars: list[str] = []
        owner: list[tuple[int, int]] = []
        for number, (text, index) in enumerate(self._normalised):
            if chars:
                chars.append(" ")
                owner.append((number, -1))
            chars.extend(text)
            owner.extend((number, i) for i in index)
        return "".join(chars), owner

    def locate(self, quote: str) -> Grounded | None:
        """The block holding `quote` and the source text matched, or None when it is not in the document."""
        wanted = normalise(quote).strip(" .\"'")
        if len(wanted) < MIN_EXACT_CHARS:
            return None
        for number, (text, index) in enumerate(self._normalised):
            at = text.find(wanted)
            if at >= 0:
                return self._grounded(number, index[at], index[at + len(wanted) - 1] + 1, 100.0)
        across = self._locate_across_blocks(wanted)
        if across is not None or len(wanted) < MIN_FUZZY_CHARS:
            return across
        return self._locate_fuzzy(wanted)

    def _locate_across_blocks(self, wanted: str) -> Grounded | None:
        """A quote that runs over the end of one block into the next (a wrapped line, a split cell)."""
        at = self._doc_text.find(wanted)
        if at < 0:
            return None
        number, _ = self._doc_owner[at]
        block = self._blocks[number]
        return Grounded(block=block, quote=block.text.strip(), score=100.0)

    def _locate_fuzzy(self, wanted: str) -> Grounded | None:
        """The best block whose text contains something at least `min_ratio` similar to the quote."""
        choices = [text for text, _ in self._normalised]
        best = process.extractOne(wanted, choices, scorer=fuzz.partial_ratio, score_cutoff=self.min_ratio)
        if best is None:
            return None
        _, score, number = best
        text, index = self._normalised[number]
        span = fuzz.partial_ratio_alignment(wanted, text)
        if span is None or span.dest_end <= span.dest_start:
            return Grounded(block=self._blocks[number], quote=self._blocks[number].text.strip(), score=score)
        return self._grounded(number, index[span.dest_start], index[span.dest_end - 1] + 1, score)

    def _grounded(self, number: int, start: int, end: int, score: float) -> Grounded:
        block = self._blocks[number]
        return Grounded(block=block, quote=block.text[start:end].strip(), score=score)

    def context(self, block: Block) -> str:
        """The normalised text that can back an item's fields: its block, section heading and slide title."""
        parts = [block.text, block.section or ""]
        if block.slide is not None:
            titles = ("slide_title", "title")
            parts += [b.text for b in self._blocks if b.slide == block.slide and b.kind in titles]
        if block.table is not None and block.row not in (None, 1):
            # a table row's header row names what its cells mean ("RAG", "Owner", "Due")
            parts += [
                b.text for b in self._blocks
                if b.table == block.table and b.row == 1 and b.slide == block.slide and b.page == block.page
            ]
        return normalise(" \n ".join(p for p in parts if p))

    def in_document(self, text: str, min_ratio: float | None = None) -> bool:
        """Whether `text` (a name, a due date as written) appears in the document, allowing near misses."""
        wanted = normalise(text)
        if not wanted:
            return False
        if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", self._doc_text):
            return True
        if len(wanted) < MIN_FUZZY_CHARS:
            return False
        return fuzz.partial_ratio(wanted, self._doc_text) >= (min_ratio or self.min_ratio)


def mentioned(text: str, context: str, min_ratio: float = 85.0) -> bool:
    """Whether `text` appears in an already normalised context (whole words, or a near miss for long text)."""
    wanted = normalise(text)
    if not wanted:
        return False
    if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", context):
        return True
    return len(wanted) >= 6 and fuzz.partial_ratio(wanted, context) >= min_ratio


def evidence_for(grounded: Grounded) -> Evidence:
    """Evidence for a grounded quote: the block's locator, page, slide and lines, and the source text."""
    block = grounded.block
    return Evidence(
        locator=block.locator, quote=grounded.quote, page=block.page, slide=block.slide,
        line_start=block.line_start, line_end=block.line_end,
    )
