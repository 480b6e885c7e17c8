"""A program's retrieval index: its chunks in memory (for filters and citations) and BM25 over them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from signalscan.chunking import speaker_of
from signalscan.ledger import ChunkRecord, Ledger
from signalscan.qa.lexical import LexicalIndex, corpus_signature, tokenize


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
    transcript: np.ndarray  # bool per row: its document is a transcript
    speakers: list[frozenset[str]]  # speaker labels of each row's turns
    vectors: np.ndarray | None = None  # unit embeddings per row (a snapshot of Chroma), for exact scoring
    _speaker_rows: dict[str, np.ndarray] | None = None
    _document_speakers: dict[int, set[str]] | None = None
    _all_speakers: set[str] = field(default_factory=set)
    terms_path: Path | None = None  # where term_counts() is saved for these chunks
    _term_counts: tuple[dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray] | None = None
    _neighbour_dots: tuple[np.ndarray, np.ndarray] | None = None

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

    def speakers_of(self, document_ids: set[int] | None = None) -> set[str]:
        """Every speaker label in the given documents (default: the whole program)."""
        if self._document_speakers is None:
            self._document_speakers = {}
            for row, labels in enumerate(self.speakers):
                self._document_speakers.setdefault(int(self.document[row]), set()).update(labels)
            self._all_speakers = set().union(*self._document_speakers.values())
        if document_ids is None:
            return set(self._all_speakers)
        return set().union(*(self._document_speakers.get(d, set()) for d in document_ids))

    def speaker_rows(self, speaker: str) -> np.ndarray:
        """Rows in which this speaker has a turn."""
        if self._speaker_rows is None:
            rows: dict[str, list[int]] = {}
            for row, labels in enumerate(self.speakers):
                for label in labels:
                    rows.setdefault(label, []).append(row)
            self._speaker_rows = {label: np.array(r, dtype=np.int64) for label, r in rows.items()}
        return self._speaker_rows.get(speaker, np.zeros(0, dtype=np.int64))


    def term_counts(self) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Per token the rows it occurs in and how often, and each row's length in tokens: read from
        `terms_path` when saved for these chunks, else counted once (and saved there)."""
        if self._term_counts is None:
            self._term_counts = _load_terms(self.terms_path, len(self.chunks))
        if self._term_counts is None:
            postings: dict[str, tuple[list[int], list[int]]] = {}
            lengths = np.zeros(len(self.chunks), dtype=np.float32)
            for row, chunk in enumerate(self.chunks):
                tokens = tokenize(chunk.text)
                lengths[row] = len(tokens)
                for token, count in Counter(tokens).items():
                    entry = postings.setdefault(token, ([], []))
                    entry[0].append(row)
                    entry[1].append(count)
            self._term_counts = ({t: (np.array(r, dtype=np.int64), np.array(c, dtype=np.float64))
                                  for t, (r, c) in postings.items()}, lengths)
            _save_terms(self.terms_path, self._term_counts)
        return self._term_counts

    def neighbour_dots(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Dot products of each row's vector with the next row's and the one after (None without vectors)."""
        if self.vectors is None:
            return None
        if self._neighbour_dots is None:
            v = self.vectors
            next1, next2 = np.zeros(len(v)), np.zeros(len(v))
            if len(v) > 1:
                next1[:-1] = np.einsum("ij,ij->i", v[:-1], v[1:])
            if len(v) > 2:
                next2[:-2] = np.einsum("ij,ij->i", v[:-2], v[2:])
            self._neighbour_dots = (next1, next2)
        return self._neighbour_dots


TermCounts = tuple[dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]


def _save_terms(path: Path | None, counts: TermCounts) -> None:
    """Postings as flat arrays (tokens, offsets, rows, counts) and row lengths; a failed save is harmless."""
    if path is None:
        return
    postings, lengths = counts
    tokens = sorted(postings)
    sizes = [len(postings[t][0]) for t in tokens]
    try:
        for old in path.parent.glob("terms-*.npz"):
            old.unlink()
        np.savez(path, tokens=np.array(tokens, dtype=str), offsets=np.cumsum([0, *sizes]),
                 rows=np.concatenate([postings[t][0] for t in tokens]) if tokens else np.zeros(0, np.int64),
                 counts=np.concatenate([postings[t][1] for t in tokens]) if tokens else np.zeros(0),
                 lengths=lengths)
    except OSError:
        pass


def _load_terms(path: Path | None, rows: int) -> TermCounts | None:
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as saved:
            tokens, offsets = saved["tokens"].tolist(), saved["offsets"]
            flat_rows, flat_counts, lengths = saved["rows"], saved["counts"], saved["lengths"]
    except (OSError, ValueError, KeyError):
        return None
    if lengths.shape[0] != rows:
        return None
    postings = {t: (flat_rows[offsets[i]:offsets[i + 1]], flat_counts[offsets[i]:offsets[i + 1]])
                for i, t in enumerate(tokens)}
    return postings, lengths


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
                       signature: str | None = None, store: Any = None) -> ProgramIndex:
    """The program's index: `cached` if still current, else read chunks and load or rebuild BM25
    (and, given the Chroma store, a snapshot of the program's vectors for exact dense scoring)."""
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
    index = build_program_index(program, signature, chunks, lexical)
    index.terms_path = folder / f"terms-{signature}.npz"
    if store is not None and chunks:
        index.vectors = load_vectors(folder, signature, store, program, index)
    return index


def load_vectors(folder: Path, signature: str, store: Any, program: str,
                 index: ProgramIndex) -> np.ndarray | None:
    """Rows' vectors from the saved snapshot if current, else fetched from Chroma (rows it lacks are zero)."""
    path = folder / f"vectors-{signature}.npy"
    if path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(index.chunks):
                return vectors
        except (OSError, ValueError):
            pass
    vectors = fetch_vectors(store, program, index.position, len(index.chunks))
    if vectors is not None:
        try:
            for old in folder.glob("vectors-*.npy"):
                old.unlink()
            np.save(path, vectors)
        except OSError:
            pass
    return vectors


def fetch_vectors(store: Any, program: str, position: dict[str, int], rows: int) -> np.ndarray | None:
    """Every vector of the program from the Chroma collection, in row order (None when unavailable)."""
    collection = getattr(store, "collection", None)
    if collection is None:
        return None
    vectors: np.ndarray | None = None
    ids = list(position)
    for start in range(0, len(ids), 5000):  # by id: primary-key lookups, no metadata scan
        page = collection.get(ids=ids[start:start + 5000], include=["embeddings"])
        if len(page["ids"]) == 0:
            continue
        block = np.asarray(page["embeddings"], dtype=np.float32)
        if vectors is None:
            vectors = np.zeros((rows, block.shape[1]), dtype=np.float32)
        for vector_id, vector in zip(page["ids"], block, strict=True):
            vectors[position[vector_id]] = vector
    return vectors


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
        kind=kinds, transcript=kinds == "transcript", speakers=[_row_speakers(c.text) for c in chunks],
    )
