"""Extraction: documents -> actions, decisions, risks, statuses, attendance, each with evidence.

Engines share one interface, `Extractor.extract(parsed) -> Extraction`; `get_extractor(name)`
builds one by name from the registry below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from signalscan.errors import ConfigurationError

if TYPE_CHECKING:
    from signalscan.config import Settings
    from signalscan.models import Extraction, ParsedDocument


class Extractor(Protocol):
    """Turns one parsed document into an Extraction whose items all carry evidence."""

    name: str

    def extract(self, parsed: ParsedDocument) -> Extraction: ...


ENGINES = ("rules", "llm", "hybrid")


def get_extractor(name: str, settings: Settings) -> Extractor:
    """Build the extraction engine called `name` (rules, llm or hybrid)."""
    if name == "rules":
        from signalscan.extraction.rules import RulesExtractor

        return RulesExtractor()
    if name in ("llm", "hybrid"):
        from signalscan.extraction.llm import build_llm_extractor

        return build_llm_extractor(name, settings)
    raise ConfigurationError(f"unknown extraction engine {name!r}; use one of: {', '.join(ENGINES)}")
