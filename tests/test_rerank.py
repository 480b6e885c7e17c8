"""The fitted re-ranker's features and the citations cut for conversations."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from signalscan.config import Settings
from signalscan.ledger import ChunkRecord
from signalscan.pipeline import ingest_paths
from signalscan.qa import answer_question
from signalscan.qa.index import build_program_index
from signalscan.qa.lexical import tokenize
from signalscan.qa.query import plan_query
from signalscan.qa.rerank import (
    FEATURES,
    WEIGHTS,
    Windows,
    mostly_conversation,
    window_cosine,
    windowed_bm25,
)
from signalscan.qa.retrieve import RetrievalWeights, conversation_citations


def _chunk(document_id: int, index: int, text: str, line_start: int | None = None) -> ChunkRecord:
    lines = text.count("\n") + 1
    return ChunkRecord(chunk_id=f"{document_id}:{index}", document_id=document_id, document=f"doc{document_id}.txt",
                       index=index, text=text, locator="lines", line_start=line_start,
                       line_end=None if line_start is None else line_start + lines - 1)


def test_windows_never_cross_a_document() -> None:
    chunks = [_chunk(1, i, f"alpha {i}") for i in range(3)] + [_chunk(2, i, f"beta {i}") for i in range(3)]
    index = build_program_index("p", "sig", chunks)
    rows = np.arange(6)
    values = np.array([1.0, 2.0, 3.0, 10.0, 20.0, 30.0])
    windows = Windows(index, rows)
    assert windows.mean(values, 1).tolist() == [1.5, 2.0, 2.5, 15.0, 20.0, 25.0]
    assert windows.after(values, 8).tolist() == [2.5, 3.0, 0.0, 25.0, 30.0, 0.0]
    assert windows.before(values, 8).tolist() == [0.0, 1.0, 1.5, 0.0, 10.0, 15.0]


def test_windowed_bm25_uses_the_statistics_of_the_rows_searched() -> None:
    texts = ["battery docking station", "price euros", "battery price battery", "rubber keys", "unrelated words"]
    chunks = [_chunk(1, i, t) for i, t in enumerate(texts)] + [_chunk(2, 0, "battery battery battery")]
    index = build_program_index("p", "sig", chunks)
    rows = np.arange(5)  # document 2 is filtered out: its battery must not count in the statistics
    [got] = windowed_bm25(index, ["battery"], rows, Windows(index, rows), (0,))
    tokens = [tokenize(t) for t in texts]
    average = sum(map(len, tokens)) / 5
    idf = math.log(1 + (5 - 2 + 0.5) / (2 + 0.5))
    want = [idf * Counter(t)["battery"] * 2.2 / (Counter(t)["battery"] + 1.2 * (0.25 + 0.75 * len(t) / average))
            for t in tokens]
    assert got == pytest.approx(want)


def test_window_cosine_is_the_cosine_with_the_summed_vectors() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(5, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = build_program_index("p", "sig", [_chunk(1, i, f"t{i}") for i in range(5)])
    index.vectors = vectors
    query = rng.normal(size=8)
    query /= np.linalg.norm(query)
    rows = np.arange(5)
    got = window_cosine(index, rows, vectors @ query, Windows(index, rows))
    for at in range(5):
        summed = vectors[max(0, at - 1):at + 2].sum(axis=0)
        assert got[at] == pytest.approx(float(summed @ query / np.linalg.norm(summed)), abs=1e-5)


def test_weights_name_every_feature() -> None:
    assert len(WEIGHTS) == len(FEATURES)
    assert np.isfinite(WEIGHTS).all()


def _transcript(turns: int = 40) -> list[str]:
    lines = []
    for n in range(1, turns + 1):
        speaker = ("Project Manager", "Marketing", "Industrial Designer")[n % 3]
        if 12 <= n <= 24:
            lines.append(f"{speaker}: The battery and the docking station cost point {n} for the remote .")
        elif n % 4 == 0:
            lines.append(f"{speaker}: Yeah .")
        else:
            lines.append(f"{speaker}: We talk about the weather and holidays, item {n} .")
    return lines


def test_conversation_citations_lead_probe_then_read_on() -> None:
    lines = _transcript()
    chunks = [_chunk(1, i, "\n".join(lines[a:a + 4]), line_start=a + 1) for i, a in enumerate(range(0, 40, 4))]
    for chunk in chunks:
        chunk.speaker = "Marketing"
    index = build_program_index("p", "sig", chunks)
    plan = plan_query("What did they say about the battery and the docking station?")
    fused = np.linspace(1.0, 0.1, len(chunks))
    weights = RetrievalWeights()
    citations = conversation_citations(index, [[3], [0], [9], [1], [5]], fused, plan, weights)
    assert citations is not None
    lead = citations[0]
    assert lead.line_end - lead.line_start + 1 <= weights.core_lines
    assert lead.quote.split("\n") == lines[lead.line_start - 1:lead.line_end]
    for probe in citations[1:1 + weights.probes_first]:
        assert probe.line_end - probe.line_start + 1 <= weights.probe_lines
    read_on = citations[1 + weights.probes_first:]
    assert read_on[0].line_end < lead.line_start  # what led to the lead, then the discussion read on
    assert read_on[1].line_start > lead.line_end
    assert read_on[1].line_end >= lead.line_end + weights.extend_forward - 4  # edge filler may be trimmed
    cited = [n for c in citations for n in range(c.line_start, c.line_end + 1)]
    assert len(cited) == len(set(cited))  # no line twice
    for citation in citations:
        assert citation.quote.split("\n") == lines[citation.line_start - 1:citation.line_end]


def test_documents_that_are_not_conversations_are_cited_whole(tmp_path: Path) -> None:
    chunks = [_chunk(1, 0, "## Actions\n- Jordan to send the plan", line_start=None)]
    index = build_program_index("p", "sig", chunks)
    plan = plan_query("what actions are there")
    assert conversation_citations(index, [[0]], np.ones(1), plan, RetrievalWeights()) is None


def test_a_short_minutes_line_still_beats_a_long_meeting(tmp_path: Path) -> None:
    meeting = tmp_path / "design-meeting.txt"
    meeting.write_text("\n".join(_transcript(80)) + "\n")
    minutes = tmp_path / "minutes-2026-05-01.md"
    minutes.write_text("# Steering minutes\nDate: 2026-05-01\n\nThe payroll interface is blocked by security.\n")
    settings = Settings(home=tmp_path / "home", embeddings="hash")  # type: ignore[call-arg]
    ingest_paths([str(meeting), str(minutes)], program="p", settings=settings)
    answer = answer_question("Why is the payroll interface blocked?", settings, program="p", k=3)
    assert answer.citations[0].document == str(minutes)
    answer = answer_question("What was said about the battery and the docking station?", settings,
                             program="p", k=5, retrieve_only=True)
    top = answer.citations[0]
    assert top.document == str(meeting) and 12 <= top.line_start <= 24


def test_the_model_ranks_only_searches_that_are_mostly_conversation() -> None:
    chunks = [_chunk(1, i, f"Marketing: turn {i}") for i in range(3)] + [_chunk(2, 0, "## Minutes")]
    for chunk in chunks[:3]:
        chunk.kind = "transcript"
    index = build_program_index("p", "sig", chunks)
    assert mostly_conversation(index, np.ones(4, dtype=np.float32))
    assert not mostly_conversation(index, np.array([0, 0, 0, 1], dtype=np.float32))
    assert not mostly_conversation(index, np.zeros(4, dtype=np.float32))


def test_term_counts_are_saved_and_read_back(tmp_path: Path) -> None:
    texts = ["battery docking station battery", "price euros", "rubber keys"]
    index = build_program_index("p", "sig", [_chunk(1, i, t) for i, t in enumerate(texts)])
    index.terms_path = tmp_path / "terms-sig.npz"
    postings, lengths = index.term_counts()
    assert index.terms_path.is_file()
    again = build_program_index("p", "sig", [_chunk(1, i, t) for i, t in enumerate(texts)])
    again.terms_path = index.terms_path
    saved, saved_lengths = again.term_counts()
    assert saved.keys() == postings.keys() and saved_lengths.tolist() == lengths.tolist()
    assert saved["battery"][0].tolist() == [0] and saved["battery"][1].tolist() == [2.0]
    other = build_program_index("p", "sig", [_chunk(1, 0, "only one chunk")])
    other.terms_path = index.terms_path  # saved for other chunks: counted afresh
    assert list(other.term_counts()[0]) == tokenize("only one chunk")
