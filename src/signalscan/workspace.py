"""The workspace: the one place that builds the concrete ledger, embedder and vector store from settings.

Opening a workspace repairs what an interrupted ingest left behind: pending documents (and their
vectors) whose ingest is no longer running, and vectors of documents that are no longer active.
The ledger is opened at once; the embedder and Chroma only when first used (or when a repair
needs them), so read-only commands stay fast.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from signalscan.ledger import DocumentRecord, Ledger

if TYPE_CHECKING:
    from signalscan.config import Settings
    from signalscan.embedding import Embedder
    from signalscan.vectors import VectorStore

# A pending row claimed by another machine is only abandoned after this long (its pid is not checkable).
FOREIGN_CLAIM_TIMEOUT = timedelta(hours=6)


def claim_token() -> str:
    """Identifies this ingesting process in pending rows: host:pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _claim_is_dead(doc: DocumentRecord) -> bool:
    host, _, pid = (doc.claimed_by or ":").rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        if int(pid) == os.getpid():
            return False  # this process is still writing it
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False  # alive, owned by someone else
        return False
    ingested = doc.ingested_at if doc.ingested_at.tzinfo else doc.ingested_at.replace(tzinfo=UTC)
    return datetime.now(UTC) - ingested > FOREIGN_CLAIM_TIMEOUT


class Workspace:
    """A program workspace: the ledger, the embedder and the vector store named by the settings."""

    def __init__(self, settings: Settings, repair: bool = True) -> None:
        self.settings = settings
        self.home = settings.home
        self.home.mkdir(parents=True, exist_ok=True)
        self.ledger = Ledger.from_settings(settings)
        if repair:
            self.repair()

    @cached_property
    def embedder(self) -> Embedder:
        """The embedder of `settings.embeddings` (loaded on first use)."""
        from signalscan.embedding import get_embedder

        return get_embedder(self.settings)

    @cached_property
    def vectors(self) -> VectorStore:
        """The Chroma collection of this workspace's embedder (opened on first use)."""
        from signalscan.vectors import VectorStore

        return VectorStore.open(self.home, self.embedder.name, self.settings.chroma_url)

    def repair(self, everything: bool = False) -> dict[str, int]:
        """Remove abandoned pending documents and stray vectors; `everything` also drops live claims."""
        pending, stale = self.ledger.dirty_documents()
        abandoned = [d for d in pending if everything or _claim_is_dead(d)]
        if not abandoned and not stale:
            return {"pending_removed": 0, "vectors_removed": 0}
        ids = [d.id for d in abandoned + stale]
        self.vectors.delete_documents(ids)
        self.ledger.mark_indexed([d.id for d in stale], indexed=False)
        self.ledger.delete_documents(d.id for d in abandoned)
        return {"pending_removed": len(abandoned), "vectors_removed": len(ids)}

    def deep_repair(self) -> int:
        """Scan the whole vector store and delete vectors of any document that is not active."""
        pending, _ = self.ledger.dirty_documents()  # pending rows belong to repair(), not to this scan
        orphans = self.vectors.document_ids() - self.ledger.active_document_ids() - {d.id for d in pending}
        self.vectors.delete_documents(orphans)
        return len(orphans)

    def close(self) -> None:
        """Release database connections."""
        self.ledger.close()


def open_workspace(settings: Settings) -> Workspace:
    """Open (and repair) the workspace of these settings."""
    return Workspace(settings)
