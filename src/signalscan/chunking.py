"""Blocks -> chunks that keep locators, offsets and line ranges (placeholder: one chunk per block).

Owned by the retrieval work; the contract is `chunk_document(parsed) -> list[Chunk]`.
"""

from __future__ import annotations

from signalscan.models import Chunk, ParsedDocument


def chunk_document(parsed: ParsedDocument, max_chars: int = 1200) -> list[Chunk]:
    """Split a parsed document into chunks, one per block for now."""
    chunks: list[Chunk] = []
    for block in parsed.blocks:
        if not block.text.strip():
            continue
        index = len(chunks)
        chunks.append(Chunk(
            chunk_id=f"{parsed.sha256[:16]}:{index}", document_sha256=parsed.sha256, index=index,
            text=block.text[:max_chars], locator=block.locator, page=block.page, slide=block.slide,
            line_start=block.line_start, line_end=block.line_end,
            char_start=block.char_start, char_end=block.char_end, section=block.section,
        ))
    return chunks
