"""`signalscan ingest` and `signalscan extract` as a user runs them: JSON on stdout only, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest_support import write_program
from typer.testing import CliRunner

from signalscan.cli import app

SIGNALSCAN = Path(sys.executable).parent / "signalscan"


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_ingest_json_is_pure_json_and_reingest_is_unchanged(hash_env, tmp_path):
    files = write_program(tmp_path / "docs")
    first = _run("--home", str(hash_env), "ingest", str(tmp_path / "docs"), "--program", "erp", "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert set(summary) == {"ingested", "unchanged", "superseded", "skipped", "failed"}
    assert len(summary["ingested"]) == 3 and summary["skipped"] == [str(files["image"])]
    again = json.loads(_run("--home", str(hash_env), "ingest", str(tmp_path / "docs"), "--program", "erp",
                            "--json").stdout)
    assert sorted(again["unchanged"]) == sorted(summary["ingested"]) and again["ingested"] == []


def test_a_failed_file_gives_exit_code_1_and_still_a_json_summary(hash_env, tmp_path):
    files = write_program(tmp_path / "docs")
    result = _run("--home", str(hash_env), "ingest", str(files["march6"]), str(files["image"]), "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["ingested"] == [str(files["march6"])]
    assert [f["path"] for f in summary["failed"]] == [str(files["image"])]  # named, so failed not skipped
    assert "unsupported" in summary["failed"][0]["error"]


def test_human_summary_names_each_file(hash_env, tmp_path):
    files = write_program(tmp_path / "docs")
    result = _run("--home", str(hash_env), "ingest", str(files["march6"]))
    assert result.exit_code == 0
    assert "ingested" in result.stdout and "minutes-2026-03-06.md" in result.stdout


def test_extract_json_prints_the_contract_and_writes_no_workspace(hash_env, tmp_path):
    files = write_program(tmp_path / "docs")
    result = _run("--home", str(hash_env), "extract", str(files["march6"]), "--json")
    assert result.exit_code == 0, result.output
    extraction = json.loads(result.stdout)
    assert set(extraction) == {"document", "attendees", "apologies", "actions", "decisions", "risks",
                               "statuses"}
    assert extraction["document"]["meeting_date"] == "2026-03-06"
    assert not hash_env.exists()


def test_installed_command_stdout_is_json_only(tmp_path):
    files = write_program(tmp_path / "docs")
    env = {**os.environ, "SIGNALSCAN_EMBEDDINGS": "hash"}
    done = subprocess.run(
        [str(SIGNALSCAN), "--home", str(tmp_path / "home"), "ingest", str(tmp_path / "docs"),
         str(tmp_path / "nope.md"), "--json"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)  # progress and logs went to stderr
    assert len(summary["ingested"]) == 3 and summary["failed"][0]["path"] == str(tmp_path / "nope.md")
    assert str(files["image"]) in summary["skipped"]
