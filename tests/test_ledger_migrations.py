"""Schema migrations from a blank database: SQLite here, PostgreSQL with SIGNALSCAN_TEST_DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
import sqlalchemy as sa

from signalscan.ledger import MIGRATIONS, Ledger, applied_migrations, migrate, migration
from signalscan.ledger import migrations as migrations_module

EXPECTED_TABLES = {"schema_migrations", "programs", "documents", "chunks", "extractions"}


def test_blank_sqlite_database_gets_every_migration(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    assert applied_migrations(ledger.engine) == [m.__name__ for m in MIGRATIONS]
    assert EXPECTED_TABLES <= set(sa.inspect(ledger.engine).get_table_names())
    with ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_migrating_twice_applies_nothing(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    assert migrate(ledger.engine) == []
    assert Ledger(ledger.url).programs() == []


def test_a_new_migration_is_one_function(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")

    @migration
    def m999_test_notes(conn):
        sa.Table("test_notes", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True)).create(conn)

    try:
        assert migrate(ledger.engine) == ["m999_test_notes"]
        assert "test_notes" in sa.inspect(ledger.engine).get_table_names()
        assert applied_migrations(ledger.engine)[-1] == "m999_test_notes"
    finally:
        migrations_module.MIGRATIONS.remove(m999_test_notes)


def test_duplicate_migration_names_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        migration(MIGRATIONS[0])


@pytest.mark.server
def test_blank_postgresql_schema_gets_every_migration():
    url = os.environ.get("SIGNALSCAN_TEST_DATABASE_URL")
    assert url, "set SIGNALSCAN_TEST_DATABASE_URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test"
    schema = f"ledger_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        scoped = sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        ledger = Ledger(scoped.render_as_string(hide_password=False))
        assert applied_migrations(ledger.engine) == [m.__name__ for m in MIGRATIONS]
        assert EXPECTED_TABLES <= set(sa.inspect(ledger.engine).get_table_names(schema=schema))
        assert migrate(ledger.engine) == []
        assert ledger.extractions("nothing") == []
        ledger.close()
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_processes_opening_a_blank_database_at_once_do_not_race(tmp_path):
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    script = "import sys; from signalscan.ledger import Ledger; Ledger(sys.argv[1]).programs()"
    children = [subprocess.Popen([sys.executable, "-c", script, url], stderr=subprocess.PIPE, text=True)
                for _ in range(4)]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], errors
    assert applied_migrations(Ledger(url).engine) == [m.__name__ for m in MIGRATIONS]
