"""Workstream names: one comparison key and one canonical spelling per workstream."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from signalscan.tracking.text import content_words


def workstream_key(name: str | None) -> str:
    """A comparison key for a workstream name ("Interfaces & Integration" = "interfaces and integration")."""
    return " ".join(sorted(content_words(name)))


class WorkstreamNames:
    """Canonical workstream names: "Warehouse (WMS)" and "Warehouse" are one workstream."""

    def __init__(self, names: Iterable[str]) -> None:
        counts = Counter(n.strip() for n in names if n and n.strip())
        self._canonical: dict[str, str] = {}
        self._words: list[tuple[frozenset[str], str]] = []
        for name, _ in counts.most_common():
            words = content_words(name)
            if not words:
                continue
            match = next((c for w, c in self._words if words <= w or w <= words), None)
            self._canonical[workstream_key(name)] = match or name
            if match is None:
                self._words.append((words, name))

    def canonical(self, name: str | None) -> str | None:
        """The canonical spelling of a workstream name (unknown names come back as given)."""
        if not name or not name.strip():
            return None
        key = workstream_key(name)
        if key in self._canonical:
            return self._canonical[key]
        words = content_words(name)
        return next((c for w, c in self._words if words and (words <= w or w <= words)), name.strip())

    @property
    def names(self) -> list[str]:
        """Every canonical workstream name."""
        return [c for _, c in self._words]
