"""Re-ranking: a linear model over how well a passage, and the stretch of conversation around it, match
the question.

A passage of a meeting is rarely relevant alone: the answer to "what did the group decide about the
buttons?" is a discussion of twenty or fifty turns. So besides the passage's own dense and BM25 scores the
model reads its neighbourhood: mean scores of the passages around it (within the same document only),
BM25 recomputed over windows of neighbouring passages with statistics of the documents searched, and the
cosine of the question with the window's summed vectors. Weights are fitted listwise (softmax over a
meeting's passages, the gold passages as target) by `eval/fit_ranker.py` on QMSum validation meetings
and checked by cross-validation over meetings there; see that script for the figures.

Contract: `rerank_scores(index, plan, match) -> scores per row` (-inf where filtered out), used when
`mostly_conversation(index, mask)`: the model was fitted on meeting transcripts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from signalscan.qa.index import ProgramIndex
from signalscan.qa.query import QueryPlan

FEATURES = (
    "dense", "lexical", "speaker", "topic_z", "bm25_w0", "bm25_w1", "bm25_w2", "window_cosine",
    "dense_z_w2", "dense_z_w8", "dense_z_w16", "lexical_z_w2", "lexical_z_w8", "dense_z_next8",
    "dense_z_prev8",
)
# Fitted by eval/fit_ranker.py (listwise, L2 0.01) on the 237 specific questions of QMSum validation.
WEIGHTS = np.array([
    +0.4619,  # dense
    +0.3205,  # lexical
    +1.1779,  # speaker
    +0.6383,  # topic_z
    +1.1906,  # bm25_w0
    +0.8446,  # bm25_w1
    +1.0570,  # bm25_w2
    +0.5952,  # window_cosine
    +0.4167,  # dense_z_w2
    +0.5480,  # dense_z_w8
    +0.3470,  # dense_z_w16
    -0.6421,  # lexical_z_w2
    +0.2591,  # lexical_z_w8
    +0.1818,  # dense_z_next8
    +0.2294,  # dense_z_prev8
])
BM25_K1, BM25_B = 1.2, 0.75


@dataclass
class MatchScores:
    """Raw per-row scores of one question (all rows; only live ones are read)."""

    dense: np.ndarray  # cosine of the question with each passage
    topic: np.ndarray  # cosine of the question's topic (framing removed) with each passage
    lexical: np.ndarray  # BM25 of the program's index
    live: np.ndarray  # bool: passes the question's filters


def mostly_conversation(index: ProgramIndex, mask: np.ndarray) -> bool:
    """Whether most rows searched are turns of a conversation, the kind of text the model was fitted on
    (minutes, decks and reports keep the plain fusion of dense and BM25 scores)."""
    rows = np.flatnonzero(mask)
    if rows.size == 0:
        return False
    return bool(index.transcript[rows].mean() >= 0.5)


def rerank_scores(index: ProgramIndex, plan: QueryPlan, match: MatchScores,
                  weights: np.ndarray | None = None) -> np.ndarray:
    """The model's score per row, -inf for rows filtered out."""
    weights = WEIGHTS if weights is None else weights
    out = np.full(len(index.chunks), -np.inf, dtype=np.float64)
    rows = np.flatnonzero(match.live)
    if rows.size:
        out[rows] = features(index, plan, match, rows) @ weights
    return out


def features(index: ProgramIndex, plan: QueryPlan, match: MatchScores, rows: np.ndarray) -> np.ndarray:
    """One row of FEATURES per live row (in `rows` order)."""
    windows = Windows(index, rows)
    dense, lexical = match.dense[rows].astype(np.float64), match.lexical[rows].astype(np.float64)
    dense_z, lexical_z = _z(dense), _z(lexical)
    speaker = np.zeros(rows.size)
    for label in plan.speakers:
        speaker[np.isin(rows, index.speaker_rows(label))] += 1.0 / len(plan.speakers)
    bm25 = [spread(scores) for scores in windowed_bm25(index, plan.tokens, rows, windows, (0, 1, 2))]
    columns = [
        spread(dense), spread(lexical), speaker, _z(match.topic[rows].astype(np.float64)), *bm25,
        spread(window_cosine(index, rows, dense, windows)),
        windows.mean(dense_z, 2), windows.mean(dense_z, 8), windows.mean(dense_z, 16),
        windows.mean(lexical_z, 2), windows.mean(lexical_z, 8),
        windows.after(dense_z, 8), windows.before(dense_z, 8),
    ]
    return np.stack(columns, axis=1)


class Windows:
    """Sums over neighbouring live rows that never cross a document (or a gap in the live rows)."""

    def __init__(self, index: ProgramIndex, rows: np.ndarray) -> None:
        n = rows.size
        documents = index.document[rows]
        breaks = np.ones(n, dtype=bool)
        breaks[1:] = (documents[1:] != documents[:-1]) | (rows[1:] != rows[:-1] + 1)
        starts = np.flatnonzero(breaks)
        run = np.cumsum(breaks) - 1
        self.first = starts[run]  # first position of each position's run
        self.end = np.append(starts[1:], n)[run]  # one past its last
        self.at = np.arange(n)

    def sum(self, values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        total = np.concatenate([[0.0], np.cumsum(values, axis=0)])
        return total[np.maximum(hi, lo)] - total[lo]

    def bounds(self, half: int) -> tuple[np.ndarray, np.ndarray]:
        return np.maximum(self.at - half, self.first), np.minimum(self.at + half + 1, self.end)

    def mean(self, values: np.ndarray, half: int) -> np.ndarray:
        """Mean over the window of `half` rows each side."""
        lo, hi = self.bounds(half)
        return self.sum(values, lo, hi) / (hi - lo)

    def after(self, values: np.ndarray, size: int) -> np.ndarray:
        """Mean of the next `size` rows (0 at a document's end)."""
        lo, hi = self.at + 1, np.minimum(self.at + 1 + size, self.end)
        count = np.maximum(hi - lo, 0)
        return np.where(count > 0, self.sum(values, np.minimum(lo, hi), hi) / np.maximum(count, 1), 0.0)

    def before(self, values: np.ndarray, size: int) -> np.ndarray:
        """Mean of the previous `size` rows (0 at a document's start)."""
        lo, hi = np.maximum(self.at - size, self.first), self.at
        count = hi - lo
        return np.where(count > 0, self.sum(values, lo, hi) / np.maximum(count, 1), 0.0)


def windowed_bm25(index: ProgramIndex, tokens: list[str], rows: np.ndarray, windows: Windows,
                  halves: tuple[int, ...]) -> list[np.ndarray]:
    """BM25 of each window of 2*half+1 passages, per half, with term statistics of the live rows' windows."""
    counts, lengths = index.term_counts()
    n = rows.size
    frequencies = []  # per query token: its count in each live row
    for token in dict.fromkeys(tokens):
        posting = counts.get(token)
        if posting is not None:
            tf = np.zeros(len(index.chunks))
            tf[posting[0]] = posting[1]
            frequencies.append(tf[rows])
    out = []
    for half in halves:
        lo, hi = windows.bounds(half)
        length = windows.sum(lengths[rows].astype(np.float64), lo, hi)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / (float(length.mean()) or 1.0))
        scores = np.zeros(n)
        for row_tf in frequencies:
            tf = windows.sum(row_tf, lo, hi)
            df = int(np.count_nonzero(tf))
            if df:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                scores += idf * tf * (BM25_K1 + 1) / (tf + norm)
        out.append(scores)
    return out


def window_cosine(index: ProgramIndex, rows: np.ndarray, dense: np.ndarray, windows: Windows) -> np.ndarray:
    """Cosine of the question with the sum of each passage's and its two neighbours' vectors."""
    lo, hi = windows.bounds(1)
    numerator = windows.sum(dense, lo, hi)
    near = index.neighbour_dots()
    if near is None:  # no vectors: treat neighbours as orthogonal
        return numerator / np.sqrt(hi - lo)
    next1, next2 = near[0][rows], near[1][rows]  # v_r . v_r+1 and v_r . v_r+2, per position
    has_prev, has_next = lo < windows.at, hi > windows.at + 1
    prev = np.maximum(windows.at - 1, 0)
    squared = (hi - lo).astype(np.float64)  # unit vectors
    squared += 2 * np.where(has_prev, next1[prev], 0.0) + 2 * np.where(has_next, next1, 0.0)
    squared += 2 * np.where(has_prev & has_next, next2[prev], 0.0)
    return numerator / np.sqrt(np.maximum(squared, 1e-9))


def spread(values: np.ndarray) -> np.ndarray:
    """Scale to 0..1 between the median and the maximum (below the median: 0)."""
    if values.size == 0:
        return values
    top, mid = float(values.max()), float(np.median(values))
    if top <= mid:
        return np.where((values >= top) & (top > 0), 1.0, 0.0)
    return np.clip((values - mid) / (top - mid), 0.0, 1.0)


def _z(values: np.ndarray) -> np.ndarray:
    deviation = float(values.std())
    return (values - values.mean()) / deviation if deviation > 0 else np.zeros_like(values)
