"""A program's retrieval index: its chunks in memory (for filters and citations) and BM25 over them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from signalscan.chunking import speaker_of
from signalscan.ledger import ChunkRecord, Ledger
from signalscan.qa.lexical import LexicalIndex, corpus_signature


@dataclass
class ProgramIndex:
    """Chunks of one program in ledger order, with per-chunk arrays for fast filtering."""

    program: str
    signature: str
    chunks: list[ChunkRecord]
    lexical: LexicalIndex
    position: dict[str, int]  # vector id -> row
    document: np.ndarray  # ledger document id per row
    day: np.ndarray  # meeting date as yyyymmdd (0: undated)
    kind: np.ndarray  # document kind per row
    speakers: list[frozenset[str]]  # speaker labels of each row's turns

    def mask(self, document_ids: set[int] | None = None, date_from: date | None = None,
             date_to: date | None = None, kinds: list[str] | None = None) -> np.ndarray:
        """1.0 for rows that pass every filter, 0.0 for the rest."""
        keep = np.ones(len(self.chunks), dtype=bool)
        if document_ids is not None:
            keep &= np.isin(self.document, list(document_ids))
        if date_from is not None:
            keep &= self.day >= _day(date_from)
        if date_to is not None:
            keep &= (self.day <= _day(date_to)) & (self.day > 0)
        if kinds:
            keep &= np.isin(self.kind, kinds)
        return keep.astype(np.float32)

    def all_speakers(self, rows: np.ndarray | None = None) -> set[str]:
        """Every speaker label in the given rows (default: all)."""
        picked = range(len(self.chunks)) if rows is None else np.flatnonzero(rows)
        return set().union(*(self.speakers[i] for i in picked)) if len(self.chunks) else set()


def _day(value: date | None) -> int:
    return int(value.strftime("%Y%m%d")) if value else 0


def _row_speakers(text: str) -> frozenset[str]:
    return frozenset(s for line in text.splitlines() if (s := speaker_of(line)))


def index_folder(home: Path, program: str) -> Path:
    """Where a program's BM25 index lives in the workspace."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", program)[:80] or "_"
    return home / "bm25" / slug


def program_signature(ledger: Ledger, program: str) -> str:
    """Changes whenever the program's active documents (and so its chunks) change."""
    return corpus_signature([f"{d.id}:{d.sha256}" for d in ledger.documents(program)])


def load_program_index(ledger: Ledger, home: Path, program: str, cached: ProgramIndex | None = None,
                       signature: str | None = None) -> ProgramIndex:
    """The program's index: `cached` if still current, else read chunks and load or rebuild BM25."""
    signature = signature or program_signature(ledger, program)
    if cached is not None and cached.signature == signature:
        return cached
    chunks = ledger.chunks(program)
    folder = index_folder(home, program)
    lexical = LexicalIndex.load(folder, signature)
    if lexical is None or lexical.size != len(chunks):
        lexical = LexicalIndex.build([c.text for c in chunks])
        try:
            lexical.save(folder, signature)
        except OSError:  # a read-only workspace still answers, it just rebuilds next time
            pass
    return build_program_index(program, signature, chunks, lexical)


def build_program_index(program: str, signature: str, chunks: list[ChunkRecord],
                        lexical: LexicalIndex | None = None) -> ProgramIndex:
    """Assemble the in-memory arrays for a list of chunks (BM25 built here when not given)."""
    lexical = lexical or LexicalIndex.build([c.text for c in chunks])
    kinds: Any = np.array([c.kind for c in chunks], dtype=object)
    return ProgramIndex(
        program=program, signature=signature, chunks=chunks, lexical=lexical,
        position={c.chunk_id: i for i, c in enumerate(chunks)},
        document=np.array([c.document_id for c in chunks], dtype=np.int64),
        day=np.array([_day(c.meeting_date) for c in chunks], dtype=np.int64),
        kind=kinds, speakers=[_row_speakers(c.text) for c in chunks],
    )
