"""Hybrid retrieval: BM25 and embeddings (Chroma) fused, smoothed along the conversation, merged into
citations of contiguous passages and trimmed to the lines that matter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from signalscan.ledger import ChunkRecord
from signalscan.models import Citation
from signalscan.qa.index import ProgramIndex
from signalscan.qa.lexical import tokenize
from signalscan.qa.query import QueryPlan


class DenseSearch(Protocol):
    """What retrieval needs of a vector store (signalscan.vectors.VectorStore fits)."""

    def query(self, embedding: Sequence[float], k: int = 10,
              where: dict[str, Any] | None = None) -> list[Any]:
        """The k nearest chunks, best first, each with `.id` and `.score`."""


@dataclass
class RetrievalWeights:
    """How retrieval ranks and cuts; defaults measured on QMSum validation meetings (val split only)."""

    dense: float = 1.0
    lexical: float = 1.0
    neighbours: float = 0.5  # a passage whose neighbours also match is part of a longer discussion
    speaker: float = 0.15  # boost for passages where a speaker named in the question talks
    lead: bool = True  # the first citation is the best passage before smoothing
    lead_window: int = 9  # ... judged also by the mean score of the passages around it (same document)
    lead_window_weight: float = 2.0
    adjacency: float = 0.3  # bonus for extending a chosen passage rather than jumping elsewhere
    merge_backward: bool = False  # merging a weaker lead-in would push the better passage later
    trim: bool = True  # drop filler lines ("Yeah.", "Okay.") at a citation's edges
    broad_neighbours: float = 0.8  # for questions about a whole discussion
    broad_adjacency: float = 0.5
    dense_candidates: int = 200
    weak_dense: float = 0.28  # below this best cosine, with few query words found, nothing answers
    rerank: bool = True  # rank with the fitted model of signalscan.qa.rerank instead of the plain fusion
    ranker: np.ndarray | None = None  # weights of the model (default: signalscan.qa.rerank.WEIGHTS)
    rerank_scale: float = 3.0  # its scores are spread to 0..scale, the range the constants above expect
    pool: int = 20  # passages ranked before citations are cut, whatever k is
    # conversations (transcript passages with their own line numbers): the lead cut to its best lines,
    # short probes of the next passages, then the lead's discussion read on; see conversation_citations
    core_lines: int = 6
    probe_lines: int = 3
    probes_first: int = 3
    extend_back: int = 6
    extend_forward: int = 20


@dataclass
class Retrieved:
    """Citations best first, and whether the best evidence is too weak to answer from."""

    citations: list[Citation]
    weak: bool


def chroma_where(index: ProgramIndex, plan: QueryPlan, document_ids: set[int] | None) -> dict[str, Any]:
    """The Chroma filter equal to the in-memory mask: program, documents, dates, kinds."""
    clauses: list[dict[str, Any]] = [{"program": index.program}]
    if document_ids is not None:
        ids = sorted(document_ids)
        clauses.append({"document_id": ids[0]} if len(ids) == 1 else {"document_id": {"$in": ids}})
    if plan.date_from:
        clauses.append({"meeting_date_int": {"$gte": int(plan.date_from.strftime("%Y%m%d"))}})
    if plan.date_to:
        clauses.append({"meeting_date_int": {"$lte": int(plan.date_to.strftime("%Y%m%d"))}})
    if plan.kinds:
        clauses.append({"kind": {"$in": list(plan.kinds)}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def dense_scores(index: ProgramIndex, store: DenseSearch, vector: Sequence[float], where: dict[str, Any],
                 mask: np.ndarray, k: int) -> np.ndarray:
    """Cosine similarity per row: exact from the index's vector snapshot, else Chroma's k nearest
    (rows Chroma does not return get the lowest score it returned)."""
    if index.vectors is not None:
        query = np.asarray(vector, dtype=np.float32)
        rows = np.flatnonzero(mask)
        if rows.size > len(index.chunks) // 8:  # most rows: one matrix-vector product, no gathered copy
            return (index.vectors @ query) * mask
        scores = np.zeros(len(index.chunks), dtype=np.float32)
        scores[rows] = index.vectors[rows] @ query
        return scores
    scores = np.full(len(index.chunks), np.nan, dtype=np.float32)
    for hit in store.query(vector, k=min(k, max(int(mask.sum()), 1)), where=where):
        row = index.position.get(hit.id)
        if row is not None:
            scores[row] = hit.score
    seen = scores[~np.isnan(scores)]
    floor = float(seen.min()) if seen.size else 0.0
    return np.where(np.isnan(scores), floor, scores) * mask


def fuse(index: ProgramIndex, plan: QueryPlan, dense: np.ndarray, lexical: np.ndarray, mask: np.ndarray,
         weights: RetrievalWeights) -> tuple[np.ndarray, np.ndarray]:
    """Scores per row (-inf where filtered out): (sharp, smoothed). Sharp is normalised dense + lexical
    plus the speaker boost; smoothed adds a share of the better neighbour's score along each document."""
    live = mask > 0
    sharp = np.zeros(len(index.chunks), dtype=np.float32)
    if not live.any():
        return sharp, sharp
    sharp += weights.dense * _spread(dense, live)
    sharp += weights.lexical * _spread(lexical, live)
    for speaker in plan.speakers:
        sharp[index.speaker_rows(speaker)] += weights.speaker / len(plan.speakers)
    smoothed = _smooth(sharp, index.document, weights.neighbours)
    return np.where(live, sharp, -np.inf), np.where(live, smoothed, -np.inf)


def smooth_ranked(scores: np.ndarray, document: np.ndarray,
                  weights: RetrievalWeights) -> tuple[np.ndarray, np.ndarray]:
    """(sharp, smoothed) from a ranker's scores (-inf where filtered out), on the scale fuse() gives."""
    live = np.isfinite(scores)
    if not live.any():
        return scores, scores
    sharp = (weights.rerank_scale * _spread(np.where(live, scores, 0.0), live)).astype(np.float32)
    smoothed = _smooth(sharp, document, weights.neighbours)
    return np.where(live, sharp, -np.inf), np.where(live, smoothed, -np.inf)


def _spread(scores: np.ndarray, live: np.ndarray) -> np.ndarray:
    """Scale scores of live rows to 0..1 between their median and their maximum."""
    values = scores[live]
    sample = values[:: max(1, values.size // 20000)]  # a strided sample's median is as good, and cheaper
    top, mid = float(values.max()), float(np.median(sample))
    if top <= mid:  # one candidate, or all alike: those with any score count fully
        return np.where(live & (scores >= top) & (top > 0), 1.0, 0.0).astype(np.float32)
    return np.clip((scores - mid) / (top - mid), 0.0, 1.0)


def _smooth(scores: np.ndarray, document: np.ndarray, weight: float) -> np.ndarray:
    """Add a share of the better neighbour's score (same document only)."""
    if weight <= 0 or len(scores) < 2:
        return scores
    prev = np.concatenate([[0.0], scores[:-1]])
    nxt = np.concatenate([scores[1:], [0.0]])
    prev[1:][document[1:] != document[:-1]] = 0.0
    nxt[:-1][document[:-1] != document[1:]] = 0.0
    return scores + weight * np.maximum(prev, nxt)


def lead_row(sharp: np.ndarray, document: np.ndarray, window: int = 1, weight: float = 0.0) -> int:
    """The passage to cite first: its own score plus `weight` times the mean score of the `window`
    passages centred on it (same document), so a strong passage inside a discussion that matches
    throughout beats an equally strong one standing alone."""
    live = np.isfinite(sharp)
    base = np.where(live, sharp, 0.0).astype(np.float64)
    score = base.copy()
    half = window // 2
    if weight > 0 and half > 0:
        total = base.copy()
        for off in range(1, half + 1):
            if off >= len(base):
                break
            same = document[off:] == document[:-off]
            total[:-off] += np.where(same, base[off:], 0.0)  # the passage `off` after
            total[off:] += np.where(same, base[:-off], 0.0)  # the passage `off` before
        score += weight * total / (2 * half + 1)
    return int(np.argmax(np.where(live, score, -np.inf)))


def select_rows(fused: np.ndarray, k: int, document: np.ndarray | None = None, adjacency: float = 0.0,
                pool: int = 60) -> list[int]:
    """The k best rows, greedily: a row next to one already chosen (same document) gains `adjacency`,
    so a discussion found is covered before far, weaker passages."""
    finite = np.flatnonzero(np.isfinite(fused))
    if finite.size == 0:
        return []
    take = min(max(k, pool) if adjacency > 0 else k, finite.size)
    best = finite[np.argpartition(-fused[finite], take - 1)[:take]]
    ranked = sorted(best.tolist(), key=lambda i: -fused[i])
    if adjacency <= 0 or document is None:
        return ranked[:k]
    chosen: list[int] = []
    picked: set[int] = set()
    candidates = dict.fromkeys(ranked)
    while candidates and len(chosen) < k:
        def gain(row: int) -> float:
            near = any(n in picked and document[n] == document[row] for n in (row - 1, row + 1))
            return float(fused[row]) + (adjacency if near else 0.0)
        row = max(candidates, key=gain)
        del candidates[row]
        chosen.append(row)
        picked.add(row)
        for n in (row - 1, row + 1):  # neighbours of a chosen row become candidates even if weaker
            if 0 <= n < len(fused) and n not in picked and n not in candidates and np.isfinite(fused[n]):
                candidates[n] = None
    return chosen


def group_contiguous(rows: list[int], index: ProgramIndex, backward: bool = True) -> list[list[int]]:
    """Rows in rank order, a row next to an already chosen one (same document) merged into its citation.

    With `backward` False a row just before a chosen one is not merged into it: the better passage
    is then read first instead of after its weaker lead-in."""
    groups: list[list[int]] = []
    owner: dict[int, list[int]] = {}
    for row in rows:
        near = (row - 1, row + 1) if backward else (row - 1,)
        same = [n for n in near if n in owner and index.document[n] == index.document[row]]
        group = owner[same[0]] if same else None
        if group is None:
            group = []
            groups.append(group)
        group.append(row)
        group.sort()
        owner[row] = group
    return groups


def make_citation(chunks: Sequence[ChunkRecord], score: float, plan: QueryPlan,
                  trim: bool = True) -> Citation:
    """One citation for contiguous chunks; transcript lines trimmed at the edges to those that matter."""
    first, last = chunks[0], chunks[-1]
    lines = [line for c in chunks for line in c.text.split("\n")]
    line_start, line_end = first.line_start, last.line_end
    whole_lines = line_start is not None and line_end is not None and line_end - line_start + 1 == len(lines)
    if trim and whole_lines and line_start is not None:
        lo, hi = _trim(lines, plan)
        lines, line_start, line_end = lines[lo:hi], line_start + lo, line_start + hi - 1
    locator = first.locator if len(chunks) == 1 and len(lines) == len(first.text.split("\n")) else None
    if locator is None:
        locator = _locator(first, last, line_start, line_end)
    return Citation(document=first.document, meeting_date=first.meeting_date, locator=locator,
                    quote="\n".join(lines), page=first.page, slide=first.slide, line_start=line_start,
                    line_end=line_end, score=round(float(score), 4))


def conversation_citations(index: ProgramIndex, groups: list[list[int]], fused: np.ndarray, plan: QueryPlan,
                           weights: RetrievalWeights) -> list[Citation] | None:
    """Citations for a lead passage in a conversation (None when it is not one: the caller cites as usual).

    Citations are read as one stream of lines, so they spend a budget. The lead is cut to its best
    `core_lines`; the next passages to their best `probe_lines` each, so several places of the meeting
    are shown early; then the lead's discussion is read on from `extend_back` lines before it to
    `extend_forward` after (a discussion mostly goes on after the line that matched best). No line is
    cited twice: a later citation keeps only lines not shown yet."""
    lead = _numbered_lines(index, groups[0])
    if lead is None or not all(index.speakers[r] for r in groups[0]):
        return None
    lo, hi = _trim([t for _, t in lead], plan)
    lead = lead[lo:hi]
    first = index.chunks[groups[0][0]]
    lead_score = max(fused[i] for i in groups[0])
    parts: list[tuple[ChunkRecord, list[tuple[int, str]], float] | Citation] = [
        (first, _best_lines(lead, weights.core_lines, plan), lead_score)]
    probes: list[tuple[ChunkRecord, list[tuple[int, str]], float] | Citation] = []
    for group in groups[1:]:
        lines = _numbered_lines(index, group)
        score = max(fused[i] for i in group)
        if lines is None:
            probes.append(make_citation([index.chunks[i] for i in group], score, plan, weights.trim))
            continue
        lo, hi = _trim([t for _, t in lines], plan)
        probes.append((index.chunks[group[0]], _best_lines(lines[lo:hi], weights.probe_lines, plan), score))
    around = _document_lines(index, groups[0], lead[0][0] - weights.extend_back,
                             lead[-1][0] + weights.extend_forward)
    lo, hi = _trim([t for _, t in around], plan)
    parts += probes[: weights.probes_first] + [(first, around[lo:hi], lead_score)]
    parts += probes[weights.probes_first:]
    return _unrepeated(parts)


def _unrepeated(parts: list[tuple[ChunkRecord, list[tuple[int, str]], float] | Citation]) -> list[Citation]:
    """Citations in order, each numbered-lines part cut to the lines no earlier citation showed."""
    shown: set[tuple[str, int]] = set()
    out: list[Citation] = []
    for part in parts:
        if isinstance(part, Citation):
            out.append(part)
            continue
        chunk, lines, score = part
        fresh = [line for line in lines if (chunk.document, line[0]) not in shown]
        for run in _runs(fresh):
            out.append(_lines_citation(chunk, run, score))
            shown.update((chunk.document, n) for n, _ in run)
    return out


def _runs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Numbered lines split where the numbering jumps."""
    runs: list[list[tuple[int, str]]] = []
    for line in lines:
        if runs and line[0] == runs[-1][-1][0] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _numbered_lines(index: ProgramIndex, rows: list[int]) -> list[tuple[int, str]] | None:
    """(line number, text) of consecutive chunks whose text is exactly their file lines, else None."""
    out: list[tuple[int, str]] = []
    for row in rows:
        chunk = index.chunks[row]
        texts = chunk.text.split("\n")
        start, end = chunk.line_start, chunk.line_end
        if start is None or end is None or end - start + 1 != len(texts):
            return None
        out.extend(zip(range(start, end + 1), texts, strict=True))
    return out


def _document_lines(index: ProgramIndex, rows: list[int], first: int, last: int) -> list[tuple[int, str]]:
    """The numbered lines first..last of the document of `rows`, read from its neighbouring chunks."""
    document = index.document[rows[0]]
    lo, hi = rows[0], rows[-1]
    while lo > 0 and index.document[lo - 1] == document and (index.chunks[lo].line_start or 0) > first:
        lo -= 1
    while (hi + 1 < len(index.chunks) and index.document[hi + 1] == document
           and (index.chunks[hi].line_end or last) < last):
        hi += 1
    lines: list[tuple[int, str]] = []
    for row in range(lo, hi + 1):
        numbered = _numbered_lines(index, [row])
        if numbered is not None:
            lines.extend(numbered)
    return [(n, t) for n, t in lines if first <= n <= last] or (_numbered_lines(index, rows) or [])


def _best_lines(lines: list[tuple[int, str]], size: int, plan: QueryPlan) -> list[tuple[int, str]]:
    """The `size` consecutive lines with the most query words (the earliest such run; longer lines win
    ties), or all of them when there are no more."""
    if len(lines) <= size:
        return lines
    wanted = set(plan.tokens)
    value = [len(set(tokenize(t)) & wanted) + 0.01 * min(len(t), 200) / 200 for _, t in lines]
    sums = np.convolve(np.asarray(value), np.ones(size), mode="valid")
    start = int(np.argmax(sums))
    return lines[start:start + size]


def _lines_citation(chunk: ChunkRecord, lines: list[tuple[int, str]], score: float) -> Citation:
    first, last = lines[0][0], lines[-1][0]
    prefix = chunk.locator.split("line")[0] if "line" in chunk.locator else ""
    locator = f"{prefix}line {first}" if first == last else f"{prefix}lines {first}-{last}"
    return Citation(document=chunk.document, meeting_date=chunk.meeting_date, locator=locator,
                    quote="\n".join(t for _, t in lines), page=chunk.page, slide=chunk.slide,
                    line_start=first, line_end=last, score=round(float(score), 4))


def _trim(lines: list[str], plan: QueryPlan) -> tuple[int, int]:
    """Drop edge lines that share no query word and say little ("Yeah.", "Okay."): budget for others."""
    wanted = set(plan.tokens)
    def useful(line: str) -> bool:
        words = set(tokenize(line))
        return bool(words & wanted) or len(words) >= 4
    lo, hi = 0, len(lines)
    while hi - lo > 1 and not useful(lines[lo]):
        lo += 1
    while hi - lo > 1 and not useful(lines[hi - 1]):
        hi -= 1
    return lo, hi


def _locator(first: ChunkRecord, last: ChunkRecord, line_start: int | None, line_end: int | None) -> str:
    if line_start is not None and line_end is not None:
        prefix = first.locator.split("line")[0] if "line" in first.locator else ""
        if line_start == line_end:
            return f"{prefix}line {line_start}"
        return f"{prefix}lines {line_start}-{line_end}"
    if first.slide is not None and first.slide == last.slide:
        return f"slide {first.slide}"
    if first.page is not None and first.page == last.page:
        return f"page {first.page}"
    return first.locator if first.locator == last.locator else f"{first.locator} to {last.locator}"


def is_weak(dense: np.ndarray, lexical_tokens: list[str], chunks: Sequence[ChunkRecord], best: int,
            weights: RetrievalWeights) -> bool:
    """Whether the best passage is too far from the question to answer it."""
    found = set(tokenize(chunks[best].text)) & set(lexical_tokens)
    coverage = len(found) / max(len(set(lexical_tokens)), 1)
    return float(dense.max(initial=0.0)) < weights.weak_dense and coverage < 0.5
