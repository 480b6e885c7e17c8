"""Ingest benchmark: signalscan vs a plain LangChain pipeline, same corpus, same embedder, one run.

    .venv/bin/python bench/ingest.py [--docs 100] [--keep DIR]

Generates a synthetic program (steering minutes as .md and .docx, status e-mails as .txt, status
reports as .md), then ingests it twice, each in its own process so peak memory is per pipeline:
  - signalscan: parse -> chunk -> rules extraction -> ledger -> MiniLM ONNX -> Chroma
  - baseline:   read text -> RecursiveCharacterTextSplitter -> the same MiniLM (as LangChain
                Embeddings) -> Chroma (chromadb directly)
Both load the model and Chroma before the clock starts, so the figures are steady-state ingest.
Target (SPEC.md): everything but embedding under 20% of signalscan's ingest time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

WORKSTREAMS = ["Data Migration", "Finance", "Supply Chain", "HR and Payroll", "Integration", "Testing",
               "Training", "Cutover", "Reporting", "Infrastructure"]
PEOPLE = ["Jordan Lee", "Sam Ortiz", "Priya Nair", "Alex Chen", "Maria Gomez", "Tom Baker", "Lina Park",
          "Omar Haddad", "Grace Kim", "Ravi Patel"]
VERBS = ["confirm", "circulate", "review", "escalate", "book", "draft", "sign off", "re-plan", "chase",
         "validate"]
THINGS = ["the vendor recovery plan", "the revised cutover schedule", "the data reconciliation report",
          "the training materials", "the integration test results", "the payroll parallel run",
          "the interface specification", "the hypercare staffing plan", "the budget variance",
          "the risk register"]
PROBLEMS = ["is behind plan by two weeks", "is blocked awaiting a decision on scope",
            "is waiting on the vendor's extract scripts", "slipped again after the environment outage",
            "is on track", "has no open issues", "needs more testers", "is at risk from late data"]


# --- corpus ---------------------------------------------------------------------------------------

def _minutes_lines(rng: random.Random, meeting: date, n: int) -> list[str]:
    attendees = rng.sample(PEOPLE, 6)
    lines = [f"# Steering Committee Minutes {n}", f"Date: {meeting.isoformat()}", "",
             f"Attendees: {', '.join(attendees[:5])}", f"Apologies: {attendees[5]}", "", "## Status"]
    for ws in rng.sample(WORKSTREAMS, 4):
        rag = rng.choice(["GREEN", "AMBER", "RED"])
        lines.append(f"- {ws}: {rag}, {rng.randrange(10, 95, 5)}% complete. {ws} {rng.choice(PROBLEMS)}.")
    lines += ["", "## Decisions"]
    for _ in range(2):
        verdict = rng.choice(["approved", "deferred to the next meeting", "pending the vendor plan"])
        lines.append(f"- The {rng.choice(WORKSTREAMS).lower()} scope change was {verdict}.")
    lines += ["", "## Actions"]
    for _ in range(rng.randint(3, 6)):
        due = meeting + timedelta(days=rng.choice([4, 7, 14]))
        who, verb, thing = rng.choice(PEOPLE), rng.choice(VERBS), rng.choice(THINGS)
        lines.append(f"- {who} to {verb} {thing} by {due.isoformat()}.")
    lines += ["", "## Risks"]
    for _ in range(rng.randint(1, 3)):
        lines.append(f"- {rng.choice(WORKSTREAMS)}: {rng.choice(THINGS).capitalize()} may be late. "
                     f"Owner: {rng.choice(PEOPLE)}. Mitigation: weekly checkpoint with the vendor.")
    return lines


def _email(rng: random.Random, meeting: date) -> str:
    ws = rng.choice(WORKSTREAMS)
    body = [f"Hi all, the {ws} workstream {rng.choice(PROBLEMS)}."] + [
        f"{rng.choice(PEOPLE)} will {rng.choice(VERBS)} {rng.choice(THINGS)} this week." for _ in range(4)]
    return (f"From: {rng.choice(PEOPLE)} <pmo@example.com>\nTo: Steering Committee <sc@example.com>\n"
            f"Subject: {ws} status\nDate: {meeting.strftime('%a, %d %b %Y')} 09:00:00 +0000\n\n"
            + "\n\n".join(body) + "\n")


def _write_docx(path: Path, lines: list[str]) -> None:
    from docx import Document

    doc = Document()
    for line in lines:
        if line.startswith("# "):
            doc.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        elif line:
            doc.add_paragraph(line.lstrip("- "))
    doc.save(str(path))


def generate_corpus(folder: Path, n_docs: int, seed: int = 7) -> list[Path]:
    """Write `n_docs` documents of one program (minutes .md/.docx, e-mails .txt, reports .md)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start, files = date(2025, 1, 6), []
    for i in range(n_docs):
        meeting = start + timedelta(weeks=i // 4)
        kind = i % 4
        if kind == 0 and i % 20 == 0:
            path = folder / f"minutes-{meeting.isoformat()}.docx"
            _write_docx(path, _minutes_lines(rng, meeting, i))
        elif kind in (0, 1):
            path = folder / f"{'minutes' if kind == 0 else 'report'}-{meeting.isoformat()}-{i}.md"
            path.write_text("\n".join(_minutes_lines(rng, meeting, i)) + "\n")
        else:
            path = folder / f"status-{meeting.isoformat()}-{i}.txt"
            path.write_text(_email(rng, meeting))
        files.append(path)
    return files


# --- the two pipelines (each runs in a child process) ---------------------------------------------

def run_signalscan(corpus: Path, home: Path) -> dict:
    """Ingest with signalscan; returns seconds per stage, documents and chunks."""
    from signalscan.config import Settings
    from signalscan.pipeline import ingest_paths
    from signalscan.workspace import Workspace

    ws = Workspace(Settings(home=home, embeddings="minilm-onnx"))
    ws.embedder.embed(["warm up"])  # model load and Chroma start-up are not ingest
    _ = ws.vectors
    timings: dict[str, float] = {}
    started = time.perf_counter()
    summary = ingest_paths([str(corpus)], program="bench", settings=ws.settings, workspace=ws,
                           timings=timings)
    total = time.perf_counter() - started
    chunks = ws.vectors.count()
    assert not summary["failed"], summary["failed"][:3]
    return {"total": total, "stages": timings, "documents": len(summary["ingested"]), "chunks": chunks}


def run_baseline(corpus: Path, home: Path) -> dict:
    """Ingest with a plain LangChain pipeline over the same embedder; returns the same figures."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from signalscan.embedding import MiniLMOnnxEmbedder

    class MiniLM(Embeddings):
        def __init__(self) -> None:
            self.model = MiniLMOnnxEmbedder()

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return self.model.embed(texts)

        def embed_query(self, text: str) -> list[float]:
            return self.model.embed_query(text)

    embeddings = MiniLM()
    embeddings.embed_query("warm up")
    client = chromadb.PersistentClient(path=str(home / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("baseline", embedding_function=None,
                                                 configuration={"hnsw": {"space": "cosine"}})
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    stages = {"parse": 0.0, "chunk": 0.0, "embed": 0.0, "chroma": 0.0}
    started = time.perf_counter()
    texts, metas = [], []
    for path in sorted(corpus.rglob("*")):
        t0 = time.perf_counter()
        text = _plain_text(path)
        t1 = time.perf_counter()
        pieces = splitter.split_text(text)
        stages["parse"] += t1 - t0
        stages["chunk"] += time.perf_counter() - t1
        texts += pieces
        metas += [{"source": str(path)}] * len(pieces)
    for i in range(0, len(texts), 256):
        t0 = time.perf_counter()
        vectors = embeddings.embed_documents(texts[i:i + 256])
        t1 = time.perf_counter()
        collection.add(ids=[str(j) for j in range(i, i + len(vectors))], embeddings=vectors,
                       documents=texts[i:i + 256], metadatas=metas[i:i + 256])
        stages["embed"] += t1 - t0
        stages["chroma"] += time.perf_counter() - t1
    total = time.perf_counter() - started
    documents = len(list(corpus.rglob("*.*")))
    return {"total": total, "stages": stages, "documents": documents, "chunks": len(texts)}


def _plain_text(path: Path) -> str:
    if path.suffix == ".docx":
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8", errors="replace")


# --- driver ----------------------------------------------------------------------------------------

def _child(which: str, corpus: Path, home: Path) -> None:
    figures = (run_signalscan if which == "signalscan" else run_baseline)(corpus, home)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def _run_child(which: str, corpus: Path, home: Path) -> dict:
    command = [sys.executable, __file__, "--child", which, "--corpus", str(corpus), "--home", str(home)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{which} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _report(name: str, f: dict) -> None:
    total, stages = f["total"], f["stages"]
    embed = stages.get("embed", 0.0)
    ranked = sorted(stages.items(), key=lambda x: -x[1])
    split = "  ".join(f"{k} {v:.2f}s ({v / total:.0%})" for k, v in ranked)
    other = total - sum(stages.values())
    print(f"{name:10s} {f['documents']:5d} docs {f['chunks']:6d} chunks  {total:7.2f}s  "
          f"{f['documents'] / total:6.1f} docs/s  {f['chunks'] / total:7.1f} chunks/s  "
          f"peak RSS {f['peak_rss_mb']:.0f} MB")
    print(f"{'':10s} {split}  unaccounted {other:.2f}s")
    print(f"{'':10s} non-embedding share of ingest time: {(total - embed) / total:.1%}")


def main() -> None:
    """Generate the corpus, run both pipelines, print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100,
                        help="documents to generate (default 100: about 3 minutes on 2 busy cores)")
    parser.add_argument("--keep", type=Path, help="write the corpus and workspaces here and keep them")
    parser.add_argument("--child", choices=["signalscan", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.home)
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="signalscan-bench-"))
    corpus = root / "corpus"
    generate_corpus(corpus, args.docs)
    print(f"corpus: {args.docs} documents in {corpus}")
    results = {name: _run_child(name, corpus, root / f"home-{name}") for name in ("signalscan", "baseline")}
    for name, figures in results.items():
        _report(name, figures)
    s, b = results["signalscan"], results["baseline"]
    print(f"signalscan/baseline ingest time: {s['total'] / b['total']:.2f}x "
          f"(chunks {s['chunks']} vs {b['chunks']}; signalscan also extracts and writes the ledger)")


if __name__ == "__main__":
    main()
