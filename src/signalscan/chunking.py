"""Blocks -> chunks that keep locators, offsets and line ranges.

Contract: `chunk_document(parsed) -> list[Chunk]`. Two strategies:

- documents: consecutive blocks of one heading section, one slide or one page are grouped up to
  `max_chars`; a block (a table row, a bullet, a speaker line) is never cut unless it alone is
  longer than `max_chars`.
- transcripts (most lines "Speaker: text"): windows of consecutive turns, sized for retrieval
  (a few turns, a few hundred characters), so a citation points at a short run of lines.

Every chunk's text is `parsed.text[char_start:char_end]` (blocks are joined by newlines there too).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from signalscan.models import Block, Chunk, ParsedDocument

# "Project Manager: ...", "Grad E: ...", "Kirsty Williams AM: ..." -- a speaker label opens the line
SPEAKER = re.compile(r"^([A-Z][\w.'\-]*(?: [\w.'\-]+){0,4}):\s+\S")
NOT_SPEAKERS = {"action", "actions", "decision", "decisions", "risk", "risks", "date", "subject", "from",
                "to", "cc", "note", "notes", "status", "owner", "due", "attendees", "apologies", "re"}
TURN_WINDOW_CHARS = 450  # a window of turns closes once it holds this many characters...
TURN_WINDOW_MAX = 6  # ...or this many turns (short "yeah"/"okay" turns keep a window short in text)
_UNIT = re.compile(
    r"^(?P<prefix>.*?)(?P<unit>line|lines|row|paragraph|page|slide) (?P<a>\d+)(?:-(?P<b>\d+))?$"
)


def chunk_document(parsed: ParsedDocument, max_chars: int = 1200) -> list[Chunk]:
    """Split a parsed document into retrieval chunks that keep locators, offsets and line ranges."""
    blocks = [b for b in parsed.blocks if b.text.strip()]
    if is_transcript(blocks):
        groups = _turn_windows(_line_units(blocks))
    else:
        groups = _structural_groups(blocks, max_chars)
    chunks: list[Chunk] = []
    for group in groups:
        for piece in _split_oversized(group, max_chars):
            chunks.append(_make_chunk(parsed.sha256, len(chunks), piece))
    return chunks


def speaker_of(text: str) -> str | None:
    """The speaker label opening a transcript line ("Marketing: ..." -> "Marketing"), if any."""
    match = SPEAKER.match(text)
    if not match or match.group(1).lower() in NOT_SPEAKERS:
        return None
    return match.group(1)


def is_transcript(blocks: Sequence[Block]) -> bool:
    """Whether the blocks read as a conversation: most are one-line turns of recurring speakers."""
    if len(blocks) < 6:
        return False
    speakers = [speaker_of(b.text) for b in blocks]
    labelled = [s for s in speakers if s]
    if len(labelled) < 0.6 * len(blocks):
        return False
    counts = Counter(labelled)
    # minutes have many "Label: value" lines with distinct labels; a conversation repeats its speakers
    return len(counts) <= max(2, len(labelled) // 3) and counts.most_common(1)[0][1] >= 2


def _line_units(blocks: Sequence[Block]) -> list[Block]:
    """Transcript blocks split into their file lines: a parser may join a turn with the empty-label
    lines after it ("Marketing:"), and a window's size is counted in lines, the unit cited."""
    units: list[Block] = []
    for block in blocks:
        lines = block.text.split("\n")
        if len(lines) == 1 or block.line_start is None or block.line_end != block.line_start + len(lines) - 1:
            units.append(block)
            continue
        offset = block.char_start
        for number, line in enumerate(lines, start=block.line_start):
            units.append(block.model_copy(update={
                "text": line, "line_start": number, "line_end": number, "locator": f"line {number}",
                "char_start": offset, "char_end": offset + len(line)}))
            offset += len(line) + 1
    return units


def _turn_windows(blocks: Sequence[Block]) -> list[list[Block]]:
    """Consecutive turns grouped into windows of a few turns or a few hundred characters."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    size = 0
    for block in blocks:
        current.append(block)
        size += len(block.text)
        if size >= TURN_WINDOW_CHARS or len(current) >= TURN_WINDOW_MAX:
            groups.append(current)
            current, size = [], 0
    if current:
        # a short tail joins the window before it rather than standing alone
        if groups and size < TURN_WINDOW_CHARS // 3 and len(groups[-1]) + len(current) <= TURN_WINDOW_MAX + 2:
            groups[-1].extend(current)
        else:
            groups.append(current)
    return groups


def _unit_key(block: Block) -> tuple[object, ...]:
    """Blocks with different keys never share a chunk: a slide, a page, a section, an attachment."""
    return (block.source, block.slide, block.page, block.section, block.table is not None)


def _structural_groups(blocks: Sequence[Block], max_chars: int) -> list[list[Block]]:
    groups: list[list[Block]] = []
    current: list[Block] = []
    size = 0
    for block in blocks:
        starts_section = block.kind in ("title", "heading", "slide_title")
        if current and (starts_section or _unit_key(block) != _unit_key(current[-1])
                        or size + len(block.text) + 1 > max_chars):
            groups.append(current)
            current, size = [], 0
        current.append(block)
        size += len(block.text) + 1
    if current:
        groups.append(current)
    return groups


def _split_oversized(group: list[Block], max_chars: int) -> list[list[Block]]:
    """A single block longer than `max_chars` is cut into pieces at sentence or word boundaries."""
    if len(group) > 1 or len(group[0].text) <= max_chars:
        return [group]
    block, pieces = group[0], []
    text, start = block.text, 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = max(text.rfind(". ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start + max_chars // 2 else max(text.rfind(" ", start, end), start + 1)
        piece = block.model_copy(update={
            "text": text[start:end], "char_start": block.char_start + start,
            "char_end": block.char_start + end,
        })
        if block.line_start is not None and "\n" in text:
            first = block.line_start + text.count("\n", 0, start)
            piece.line_start, piece.line_end = first, first + text.count("\n", start, end)
        pieces.append([piece])
        start = end
        while start < len(text) and text[start] in " \n":
            start += 1
    return pieces


def _make_chunk(sha256: str, index: int, blocks: list[Block]) -> Chunk:
    lines = [(b.line_start, b.line_end or b.line_start) for b in blocks if b.line_start is not None]
    speakers = {speaker_of(b.text) for b in blocks} - {None}
    return Chunk(
        chunk_id=f"{sha256[:16]}:{index}", document_sha256=sha256, index=index,
        text="\n".join(b.text for b in blocks), locator=span_locator(blocks),
        page=blocks[0].page, slide=blocks[0].slide,
        line_start=min(a for a, _ in lines) if lines else None,
        line_end=max(b for _, b in lines) if lines else None,
        char_start=blocks[0].char_start, char_end=blocks[-1].char_end,
        speaker=", ".join(sorted(speakers)) if speakers else None,  # type: ignore[arg-type]
        section=blocks[0].section,
    )


def span_locator(blocks: Sequence[Block]) -> str:
    """One locator for consecutive blocks: 'lines 3-9', 'table 2 rows 1-4', 'slide 4', 'page 2'."""
    first, last = blocks[0], blocks[-1]
    if first.locator == last.locator:
        return first.locator
    if first.slide is not None and first.slide == last.slide:
        return f"slide {first.slide}"
    a, b = _UNIT.match(first.locator), _UNIT.match(last.locator)
    if a and b and a["prefix"] == b["prefix"] and a["unit"].rstrip("s") == b["unit"].rstrip("s"):
        unit = a["unit"].rstrip("s")
        return f"{a['prefix']}{unit}s {a['a']}-{b['b'] or b['a']}"
    if first.page is not None and first.page == last.page:
        return f"page {first.page}"
    return f"{first.locator} to {last.locator}"
