"""BM25 over a program's chunks (bm25s), persisted in the workspace and rebuilt when the chunks change."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from signalscan.chunking import SPEAKER

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    "a an the and or of to in on for is are was were be been being it its that this with as at by from will "
    "would should shall can could may might must has have had do does did not no yes we our they their he "
    "she his her them us i you your all any each per via into onto than then so if but about after before "
    "up down out over under again further once here there when where why how what which who whom these "
    "those also just only very um uh mm hmm yeah okay ok oh well like gonna wanna kind sort really "
    "actually something thing things lot bit me my mine it's that's i'm we're you're they're don't".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


def stem(word: str) -> str:
    """A light suffix-stripping stem, so 'discussing', 'discussed' and 'discusses' meet."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break
        if suffix == "es" and not word.endswith(("sses", "xes", "zes", "ches", "shes")):
            continue  # "remotes" loses only its "s"
        word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
        break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def tokenize(text: str, extra_stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Lower-case content words, stemmed; speaker labels at line starts are left out."""
    text = "\n".join(SPEAKER.sub(lambda m: m.group(0)[-1], line) for line in text.splitlines())
    words = (w.split("'")[0] for w in WORD.findall(text.lower()))
    return [stem(w) for w in words if w not in STOPWORDS and w not in extra_stopwords and len(w) > 1]


def corpus_signature(parts: Sequence[str]) -> str:
    """A short hash of what the index was built from (document ids and content hashes)."""
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


class LexicalIndex:
    """bm25s scores over a fixed, ordered list of chunk texts."""

    def __init__(self, retriever: Any, size: int) -> None:
        self.retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        """Index chunk texts (an empty corpus gives an index that scores nothing)."""
        import bm25s  # type: ignore[import-untyped]

        retriever = bm25s.BM25(k1=1.2, b=0.75)
        tokens = [tokenize(t) or ["_"] for t in texts]
        if tokens:
            retriever.index(tokens, show_progress=False)
        return cls(retriever, len(tokens))

    def scores(self, query_tokens: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for the query tokens (0 where masked out)."""
        if not self.size:
            return np.zeros(0, dtype=np.float32)
        ids = self.retriever.get_tokens_ids(query_tokens)
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        scores = np.asarray(self.retriever.get_scores_from_ids(ids), dtype=np.float32)
        return scores * mask if mask is not None else scores

    def save(self, folder: Path, signature: str) -> None:
        """Write the index and its signature (written last, so a torn save is rebuilt)."""
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if self.size:
            self.retriever.save(str(folder / "bm25"), show_progress=False)
        (folder / "signature.json").write_text(json.dumps({"signature": signature, "size": self.size}))

    @classmethod
    def load(cls, folder: Path, signature: str) -> LexicalIndex | None:
        """The saved index if it was built from the same chunks, else None."""
        try:
            meta = json.loads((folder / "signature.json").read_text())
        except (OSError, ValueError):
            return None
        if meta.get("signature") != signature:
            return None
        if not meta.get("size"):
            return cls.build([])
        import bm25s  # type: ignore[import-untyped]

        try:
            retriever = bm25s.BM25.load(str(folder / "bm25"), mmap=False, show_progress=False)
        except Exception:  # a damaged index is rebuilt, never fatal
            return None
        return cls(retriever, int(meta["size"]))
