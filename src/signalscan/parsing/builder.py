"""Collects a document's blocks in reading order, then fills offsets and sections."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from signalscan.models import Block

HEADING_KINDS = ("title", "heading", "slide_title")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_text(text: str) -> str:
    """Normalise a block's text: unify line breaks, drop NULs, trim each line's outer spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\x00", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class DocumentBuilder:
    """What a format parser produces: blocks plus what the file says about itself."""

    def __init__(self, name: str = "", depth: int = 0) -> None:
        self.name = name  # the file name, for messages and date guessing
        self.depth = depth  # 0 for a file, 1 for an e-mail attachment, ...
        self.format = ""  # the format actually parsed (after sniffing the bytes)
        self.blocks: list[Block] = []
        self.headers: dict[str, str] = {}
        self.warnings: list[str] = []
        self.title: str | None = None
        self.kind_hint: str | None = None
        self.header_date: date | None = None  # e.g. the e-mail Date header
        self.section: str | None = None

    def add(self, text: str, kind: str = "paragraph", locator: str = "", **fields: Any) -> Block | None:
        """Append a block (empty text is skipped); headings become the section of what follows."""
        text = clean_text(text)
        if not text:
            return None
        if kind in HEADING_KINDS:
            self.section = text.split("\n")[0][:200]
        block = Block(text=text, kind=kind, locator=locator, section=self.section, **fields)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block

    def extend(self, blocks: list[Block]) -> None:
        """Append blocks produced elsewhere (e-mail attachments)."""
        self.blocks.extend(blocks)

    def warn(self, message: str) -> None:
        """Record a problem that did not stop the parse."""
        if message not in self.warnings:
            self.warnings.append(message)


def assign_offsets(blocks: list[Block]) -> None:
    """Set char_start/char_end so they index into the blocks joined by newlines."""
    position = 0
    for block in blocks:
        block.char_start = position
        block.char_end = position + len(block.text)
        position = block.char_end + 1
