"""Fixtures shared by test modules."""

from __future__ import annotations

import pytest

from signalscan.config import get_settings


@pytest.fixture
def hash_env(monkeypatch, tmp_path):
    """A throwaway workspace with the hash embedder; restores the process settings afterwards."""
    monkeypatch.setenv("SIGNALSCAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SIGNALSCAN_EMBEDDINGS", "hash")
    get_settings.cache_clear()
    yield tmp_path / "home"
    get_settings.cache_clear()
