"""The SQL ledger: programs, documents, chunks and extractions (SQLite by default, PostgreSQL by URL).

Other stages read it through `Ledger.extractions(program, as_of)`, `documents`, `chunks`,
`document_by_path` and `programs`. Schema changes are named migrations in `migrations.py`
(append one `@migration` function there; see that module's docstring).
"""

from signalscan.ledger.migrations import MIGRATIONS, applied_migrations, migrate, migration
from signalscan.ledger.store import ChunkRecord, DocumentRecord, Ledger, create_db_engine

__all__ = [
    "MIGRATIONS", "ChunkRecord", "DocumentRecord", "Ledger", "applied_migrations", "create_db_engine",
    "migrate", "migration",
]
