"""Helpers for the tests of the rules extraction engine."""

from __future__ import annotations

from pathlib import Path

from signalscan.pipeline import extract_files


def extract_rules(path: Path) -> dict:
    """The `extract --json` object of one file, read by the rules engine (fails the test on an error)."""
    result = extract_files([str(path)], engine="rules")[0]
    assert "error" not in result, result.get("error")
    return result


def by_text(items: list[dict], words: str) -> dict:
    """The first extracted item whose text contains `words` (fails the test when there is none)."""
    hits = [i for i in items if words.lower() in i["text"].lower()]
    assert hits, f"no item containing {words!r} in {[i['text'] for i in items]}"
    return hits[0]
