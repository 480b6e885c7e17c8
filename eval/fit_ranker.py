"""Fit the weights of signalscan.qa.rerank on QMSum meetings, and measure them by cross-validation.

    python eval/fit_ranker.py --data ../shared/eval/qmsum/val.jsonl [--home DIR] [--folds 5]

The meetings are written out and ingested the way `score.py qmsum` does (into --home, reused when it
already holds them). For every "specific" question the ranker's features are computed by the same code
`signalscan ask` runs; a linear model is fitted listwise (softmax over the meeting's passages, the
passages overlapping the gold turns as target, Adam, L2). Cross-validation holds out whole meetings:
each fold's weights rank only meetings they never saw, and the retrieval figures of score.py are
computed from those out-of-fold rankings. Then the weights fitted on every meeting are printed, to paste
into signalscan/qa/rerank.py. The QMSum data is read where it lies; nothing of it is copied.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from signalscan.config import Settings
from signalscan.qa import Asker, match_scores, prepare, retrieve
from signalscan.qa.rerank import FEATURES, features

MARK = re.compile(r"\{\s*\w+\s*\}")  # score.py's markup filter, so lines match its files


def write_meetings(data: Path, work: Path) -> tuple[list[Path], list[dict]]:
    work.mkdir(parents=True, exist_ok=True)
    paths, questions = [], []
    for raw in data.read_text(encoding="utf-8").splitlines():
        meeting = json.loads(raw)
        path = work / f"{meeting['meeting_id']}.txt"
        lines = [f"{t['speaker']}: {MARK.sub('', t['text']).strip()}".replace("\n", " ")
                 for t in meeting["turns"]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
        for number, query in enumerate(meeting["queries"]):
            if query.get("type") != "specific" or not query.get("gold_turn_spans"):
                continue
            gold = {turn for start, end in query["gold_turn_spans"] for turn in range(start, end + 1)}
            questions.append({"id": f"{meeting['meeting_id']}#{number}", "meeting": meeting["meeting_id"],
                              "question": query["query"], "document": str(path), "gold": gold})
    return paths, questions


def question_features(asker: Asker, question: dict) -> tuple[np.ndarray, np.ndarray]:
    """The ranker's features of every passage of the question's meeting (computed as `ask` computes
    them), and which passages overlap the gold turns."""
    index = asker.index("qmsum")
    ids = asker._document_ids("qmsum", question["document"])
    prepared = prepare(index, question["question"], asker.embedder, asker.store, ids, asker.weights)
    assert prepared is not None, question["id"]
    match = match_scores(index, prepared, question["question"], asker.embedder, asker.store, asker.weights)
    rows = np.flatnonzero(prepared.mask)
    matrix = features(index, prepared.plan, match, rows)
    spans = [range(index.chunks[r].line_start - 1, index.chunks[r].line_end) for r in rows]
    gold = np.array([bool(set(span) & question["gold"]) for span in spans])
    return matrix, gold


def fit(data: list[tuple[np.ndarray, np.ndarray]], l2: float = 0.01, steps: int = 300,
        rate: float = 0.05) -> np.ndarray:
    """Listwise softmax regression: maximise the probability mass the model puts on gold passages."""
    data = [(x, y) for x, y in data if y.any()]
    w = np.zeros(data[0][0].shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        grad = l2 * w
        for x, y in data:
            s = x @ w
            e = np.exp(s - s.max())
            p = e / e.sum()
            q = e * y / (e * y).sum()
            grad += x.T @ (p - q) / len(data)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--home", type=Path, default=Path("/tmp/signalscan-fit-ranker"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=3, help="fold assignments to average over")
    args = ap.parse_args()
    sys.path.insert(0, str(args.data.resolve().parent.parent))  # score.py's retrieval figures
    from score import retrieval_figures  # type: ignore[import-not-found]

    paths, questions = write_meetings(args.data, args.home / "meetings")
    subprocess.run([sys.executable, "-m", "signalscan", "--home", str(args.home / "home"), "ingest",
                    *map(str, paths), "--program", "qmsum"], check=True, stdout=subprocess.DEVNULL)
    asker = Asker(Settings(home=args.home / "home"))
    data = [question_features(asker, q) for q in questions]
    meetings = sorted({q["meeting"] for q in questions})
    figures = []
    for seed in range(args.seeds):
        order = meetings[:]
        random.Random(seed).shuffle(order)
        fold_of = {m: i % args.folds for i, m in enumerate(order)}
        results = []
        for fold in range(args.folds):
            weights = fit([d for d, q in zip(data, questions, strict=True) if fold_of[q["meeting"]] != fold])
            asker.weights = replace(asker.weights, ranker=weights)
            for q in questions:
                if fold_of[q["meeting"]] != fold:
                    continue
                ids = asker._document_ids("qmsum", q["document"])
                found = retrieve(asker.index("qmsum"), q["question"], asker.embedder, asker.store, 20, ids,
                                 asker.weights)
                cited = [set(range(c.line_start - 1, c.line_end)) for c in found.citations]
                results.append((q["gold"], cited))
        figures.append(retrieval_figures(results, [1, 5, 10]))
        shown = ("hit@5", "turn_recall@5", "mrr")
        print(f"seed {seed}: " + " ".join(f"{k} {figures[-1][k]:.3f}" for k in shown))
    for key in ("hit@1", "hit@5", "turn_recall@5", "turn_recall@10", "mrr"):
        values = [f[key] for f in figures]
        print(f"out-of-fold {key:15s} {np.mean(values):.3f} (min {min(values):.3f}, max {max(values):.3f})")
    weights = fit(data)
    print("WEIGHTS = np.array([")
    for name, value in zip(FEATURES, weights, strict=True):
        print(f"    {value:+.4f},  # {name}")
    print("])")


if __name__ == "__main__":
    main()
