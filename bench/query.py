"""Benchmark: `ask` retrieval latency at 10k and 100k chunks, beside a plain LangChain retriever.

Synthetic program documents are written to a throwaway workspace (ledger + embedded Chroma); their
vectors come from the hash embedder so the store builds quickly, while every query is embedded with
the real MiniLM ONNX model, as `ask` does. Timed per query, excluding any LLM:
  - signalscan: question -> query plan -> BM25 (bm25s) + Chroma -> the fitted re-ranker (the documents are
    transcripts) -> citations
  - baseline:   a LangChain `VectorStoreRetriever` (similarity search) over the same Chroma collection
Run: .venv/bin/python bench/query.py [--sizes 10000 100000] [--queries 60]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TARGET_P95_MS = 150.0
CHUNKS_PER_DOCUMENT = 100
WORDS = ("data migration vendor extract cutover rehearsal payroll interface finance ledger training plan "
         "recovery budget slippage risk owner decision deferred approval security testing defects blocked "
         "steering committee workstream amber green red milestone go-live environment licence contract "
         "integration reporting sign-off archive supplier resource backlog scope change request design build "
         "user acceptance readiness communications stakeholder sponsor escalation dependency").split()
SPEAKERS = ("Project Manager", "Marketing", "Finance Lead", "Data Lead", "PMO")


def synthetic_text(rng: random.Random) -> str:
    """A few 'Speaker: sentence' turns of program vocabulary."""
    return "\n".join(f"{rng.choice(SPEAKERS)}: " + " ".join(rng.choices(WORDS, k=rng.randint(8, 25))) + " ."
                     for _ in range(rng.randint(2, 6)))


def build_workspace(home: Path, n_chunks: int, seed: int = 7) -> dict[str, Any]:
    """Write documents and chunks to the ledger and hash vectors to Chroma; returns the build times."""
    from signalscan.embedding import HashEmbedder
    from signalscan.ledger import Ledger
    from signalscan.models import Chunk, DocumentInfo, Extraction, ParsedDocument
    from signalscan.vectors import DocumentMeta, VectorStore, chunk_metadata

    rng = random.Random(seed)
    ledger = Ledger(f"sqlite:///{home / 'ledger.db'}")
    store = VectorStore.open(home, "minilm-onnx")
    hasher = HashEmbedder()
    started, paths = time.perf_counter(), []
    for d in range(n_chunks // CHUNKS_PER_DOCUMENT):
        day = date(2024, 1, 5) + timedelta(days=7 * (d % 104))
        path, sha = f"minutes/doc-{d:05d}.txt", f"{d:064x}"
        chunks, line = [], 1
        for i in range(CHUNKS_PER_DOCUMENT):
            text = synthetic_text(rng)
            height = text.count("\n") + 1
            chunks.append(Chunk(chunk_id=f"{sha[:16]}:{i}", document_sha256=sha, index=i, text=text,
                                locator=f"lines {line}-{line + height - 1}", line_start=line,
                                line_end=line + height - 1))
            line += height
        parsed = ParsedDocument(path=path, sha256=sha, size_bytes=1, format="txt", kind="transcript",
                                meeting_date=day)
        extraction = Extraction(document=DocumentInfo(path=path, kind="transcript", meeting_date=day))
        doc_id = ledger.add_pending(program="bench", parsed=parsed, abspath=path, chunks=chunks,
                                    extraction=extraction, claimed_by="bench")
        ledger.activate([(doc_id, [])])
        meta = DocumentMeta(program="bench", document_id=doc_id, path=path, sha256=sha, kind="transcript",
                            meeting_date=day)
        store.add(chunks, hasher.embed_array([c.text for c in chunks]),
                  [chunk_metadata(c, meta) for c in chunks])
        paths.append(path)
    return {"ledger": ledger, "store": store, "paths": paths, "build_seconds": time.perf_counter() - started}


class _LangChainStore:
    """Factory for a minimal LangChain VectorStore over the same Chroma collection (no langchain-chroma)."""

    @staticmethod
    def retriever(collection: Any, embedder: Any, k: int) -> Any:
        from langchain_core.documents import Document
        from langchain_core.embeddings import Embeddings
        from langchain_core.vectorstores import VectorStore

        class MiniLM(Embeddings):
            def embed_documents(self, texts: list[str]) -> list[list[float]]:
                return embedder.embed(texts)

            def embed_query(self, text: str) -> list[float]:
                return embedder.embed_query(text)

        class ChromaCollection(VectorStore):
            def __init__(self) -> None:
                self._embeddings = MiniLM()

            @property
            def embeddings(self) -> Embeddings:
                return self._embeddings

            def add_texts(self, texts: Any, metadatas: Any = None, **kwargs: Any) -> list[str]:
                raise NotImplementedError("read-only in this benchmark")

            @classmethod
            def from_texts(cls, texts: Any, embedding: Any, metadatas: Any = None, **kwargs: Any) -> Any:
                raise NotImplementedError

            def similarity_search(self, query: str, k: int = 4, **kwargs: Any) -> list[Document]:
                result = collection.query(query_embeddings=[self._embeddings.embed_query(query)], n_results=k,
                                          where=kwargs.get("filter"), include=["documents", "metadatas"])
                return [Document(page_content=t, metadata=m or {})
                        for t, m in zip(result["documents"][0], result["metadatas"][0], strict=True)]

        return ChromaCollection().as_retriever(search_kwargs={"k": k, "filter": {"program": "bench"}})


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


def measure(n_chunks: int, n_queries: int) -> dict[str, Any]:
    """Build a store of n_chunks and time both retrievers on the same questions."""
    from signalscan.embedding import MiniLMOnnxEmbedder
    from signalscan.qa import retrieve
    from signalscan.qa.index import load_program_index

    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        home = Path(tmp)
        built = build_workspace(home, n_chunks)
        embedder = MiniLMOnnxEmbedder()
        embedder.embed_query("warm up")
        t0 = time.perf_counter()
        index = load_program_index(built["ledger"], home, "bench", store=built["store"])
        first_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        load_program_index(built["ledger"], home, "bench", store=built["store"])  # persisted BM25 + vectors
        reload = time.perf_counter() - t0
        questions = [f"What did the {rng.choice(SPEAKERS)} say about the {rng.choice(WORDS)} "
                     f"{rng.choice(WORDS)}?" for _ in range(n_queries)]
        ours, scoped, cpu = [], [], []
        for i, question in enumerate(questions):
            t0, c0 = time.perf_counter(), time.process_time()
            retrieve(index, question, embedder, built["store"], k=5)
            ours.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            doc_id = int(index.document[(i * 7919) % len(index.chunks)])
            t0 = time.perf_counter()
            retrieve(index, question, embedder, built["store"], k=5, document_ids={doc_id})
            scoped.append(time.perf_counter() - t0)
        retriever = _LangChainStore.retriever(built["store"].collection, embedder, k=5)
        base = []
        for question in questions:
            t0 = time.perf_counter()
            retriever.invoke(question)
            base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for question in questions:
            embedder.embed_query(question)
        embed_only = (time.perf_counter() - t0) / len(questions)
        built["ledger"].close()
    return {"chunks": n_chunks, "build_seconds": round(built["build_seconds"], 1),
            "index_first_load_s": round(first_load, 2), "index_reload_s": round(reload, 2),
            "query_embed_ms": round(embed_only * 1000, 1),
            "signalscan": percentiles(ours), "signalscan_cpu": percentiles(cpu),
            "signalscan_one_document": percentiles(scoped),
            "langchain_retriever": percentiles(base)}


def main() -> None:
    """Print a table, then one JSON line of all figures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(measure(size, args.queries))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"{'chunks':>8} {'retriever':26} {'p50 ms':>8} {'p95 ms':>8}")
    for row in rows:
        for name in ("signalscan", "signalscan_cpu", "signalscan_one_document", "langchain_retriever"):
            fig = row[name]
            print(f"{row['chunks']:>8} {name:26} {fig['p50_ms']:>8} {fig['p95_ms']:>8}")
    ok = all(r["signalscan"]["p95_ms"] < TARGET_P95_MS for r in rows)
    print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if ok else 'NOT met'} (shared machine: see CPU load)")
    print(json.dumps({"query_bench": rows}))


if __name__ == "__main__":
    main()
