"""The Chroma vector store: embedded `PersistentClient` in the workspace, or a Chroma server by URL.

chromadb is imported here only, and lazily. We always pass our own embeddings, so collections are
created without an embedding function (Chroma never downloads its default model) and with cosine
distance. One collection per embedder name: vectors of different models never mix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel

from signalscan.errors import ConfigurationError
from signalscan.models import Chunk


class DocumentMeta(BaseModel):
    """What every chunk of one document carries into the vector store for filtering and citing."""

    program: str
    document_id: int
    path: str
    sha256: str
    kind: str = "other"
    meeting_date: date | None = None


class VectorHit(BaseModel):
    """One query result: the chunk id, its text, its metadata and a similarity (1 - cosine distance)."""

    id: str
    text: str
    score: float
    metadata: dict[str, Any]


def vector_id(document_id: int, index: int) -> str:
    """The Chroma id of chunk `index` of ledger document `document_id` (unique across programs)."""
    return f"{document_id}:{index}"


def chunk_metadata(chunk: Chunk, doc: DocumentMeta) -> dict[str, Any]:
    """Chroma metadata for one chunk: document identity, meeting date (int and str) and locator."""
    meta: dict[str, Any] = {
        "program": doc.program, "document_id": doc.document_id, "path": doc.path, "sha256": doc.sha256,
        "kind": doc.kind, "locator": chunk.locator, "index": chunk.index,
        "char_start": chunk.char_start, "char_end": chunk.char_end,
    }
    if doc.meeting_date is not None:
        meta["meeting_date"] = doc.meeting_date.isoformat()
        meta["meeting_date_int"] = int(doc.meeting_date.strftime("%Y%m%d"))
    # Chroma metadata values cannot be None: absent means unknown.
    for key in ("page", "slide", "line_start", "line_end", "speaker", "section"):
        value = getattr(chunk, key)
        if value is not None:
            meta[key] = value
    return meta


def _collection_name(embedder_name: str) -> str:
    # Chroma names: 3-63 chars of [a-zA-Z0-9._-], starting and ending alphanumeric.
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", embedder_name).strip("-._")
    return f"chunks-{slug}"[:63].rstrip("-._")


class VectorStore:
    """Chunks' vectors in one Chroma collection per embedder, filtered by program and document."""

    def __init__(self, client: Any, embedder_name: str) -> None:
        self.client = client
        self.collection = client.get_or_create_collection(
            _collection_name(embedder_name), embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )

    @classmethod
    def open(cls, home: Path, embedder_name: str, chroma_url: str | None = None) -> VectorStore:
        """The store of a workspace: embedded in `home/chroma`, or the Chroma server at `chroma_url`."""
        return cls(_make_client(home, chroma_url), embedder_name)

    def add(self, chunks: Sequence[Chunk], embeddings: Any, metadata: Sequence[dict[str, Any]]) -> None:
        """Add (or overwrite) chunks with their embeddings and per-chunk metadata."""
        if not chunks:
            return
        ids = [vector_id(m["document_id"], c.index) for c, m in zip(chunks, metadata, strict=True)]
        step = 4000  # below Chroma's max batch size on every backend
        for start in range(0, len(ids), step):
            end = start + step
            self.collection.upsert(
                ids=ids[start:end], embeddings=embeddings[start:end],
                documents=[c.text for c in chunks[start:end]], metadatas=list(metadata[start:end]),
            )

    def delete_document(self, document: int | str) -> None:
        """Remove every vector of one document, by ledger document id or by sha256."""
        key = "document_id" if isinstance(document, int) else "sha256"
        self.collection.delete(where={key: document})

    def delete_documents(self, document_ids: Iterable[int]) -> None:
        """Remove every vector of several ledger documents."""
        ids = sorted(set(document_ids))
        for start in range(0, len(ids), 500):
            self.collection.delete(where={"document_id": {"$in": ids[start:start + 500]}})

    def ids_for_document(self, document: int | str) -> list[str]:
        """The vector ids of one document (ledger id or sha256)."""
        key = "document_id" if isinstance(document, int) else "sha256"
        return list(self.collection.get(where={key: document}, include=[])["ids"])

    def document_ids(self) -> set[int]:
        """Every ledger document id that has vectors here (a full scan: for repair, not queries)."""
        found: set[int] = set()
        total, step = self.collection.count(), 5000
        for offset in range(0, total, step):
            page = self.collection.get(include=["metadatas"], limit=step, offset=offset)
            found.update(int(m["document_id"]) for m in page["metadatas"] if m and "document_id" in m)
        return found

    def query(self, embedding: Sequence[float], k: int = 10,
              where: dict[str, Any] | None = None) -> list[VectorHit]:
        """The k nearest chunks to `embedding`, best first, optionally filtered by a Chroma `where`."""
        if self.collection.count() == 0:
            return []
        result = self.collection.query(
            query_embeddings=[list(embedding)], n_results=k, where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            VectorHit(id=i, text=t or "", score=1.0 - float(d), metadata=dict(m or {}))
            for i, t, m, d in zip(result["ids"][0], result["documents"][0], result["metadatas"][0],
                                  result["distances"][0], strict=True)
        ]

    def count(self) -> int:
        """How many vectors the collection holds (every program)."""
        return self.collection.count()


def program_filter(program: str, document_path: str | None = None) -> dict[str, Any]:
    """A Chroma `where` for one program, optionally one document path."""
    if document_path is None:
        return {"program": program}
    return {"$and": [{"program": program}, {"path": document_path}]}


def _make_client(home: Path, chroma_url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not chroma_url:
        (home / "chroma").mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(home / "chroma"), settings=chroma_settings)
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigurationError(f"SIGNALSCAN_CHROMA_URL={chroma_url!r} is not http(s)://host:port; "
                                 "unset it to use the embedded store")
    try:
        return chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 80),
                                   ssl=url.scheme == "https", settings=chroma_settings)
    except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
        raise ConfigurationError(f"cannot reach the Chroma server at {chroma_url}: {exc}; start it "
                                 "(chroma run) or unset SIGNALSCAN_CHROMA_URL") from None
