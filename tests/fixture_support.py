"""The fixture generator scripts of fixtures/, importable from tests."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture_module(name: str) -> ModuleType:
    """A generator script of fixtures/ (they import each other by plain name)."""
    sys.path.insert(0, str(FIXTURES))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(FIXTURES))
