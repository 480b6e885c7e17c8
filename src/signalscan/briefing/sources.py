"""Where a briefing's inputs come from: the ledger (via the service layer), or made-up data in tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from signalscan.config import Settings
from signalscan.models import Signal, StoredExtraction, Thread


class ProgramSource(Protocol):
    """A program's extractions, threads and signals as known on a date."""

    program: str

    def extractions(self, as_of: date | None) -> list[StoredExtraction]:
        """Stored extractions of documents dated on or before `as_of`."""
        ...

    def threads(self, as_of: date | None) -> list[Thread]:
        """Threads as known on `as_of`."""
        ...

    def signals(self, as_of: date | None) -> list[Signal]:
        """Signals as computed on `as_of`."""
        ...


@dataclass
class LedgerSource:
    """The program as stored in the workspace's ledger."""

    settings: Settings
    program: str

    def extractions(self, as_of: date | None) -> list[StoredExtraction]:
        """Stored extractions of dated documents from the ledger."""
        from signalscan.ledger import Ledger

        ledger = Ledger.from_settings(self.settings)
        try:
            found = ledger.extractions(self.program, as_of=as_of)
        finally:
            ledger.close()
        return [e for e in found if e.extraction.document.meeting_date]

    def threads(self, as_of: date | None) -> list[Thread]:
        """Threads from the service layer (tracking over the ledger)."""
        from signalscan.service import list_threads

        return list_threads(self.settings, self.program, as_of=as_of)

    def signals(self, as_of: date | None) -> list[Signal]:
        """Signals from the service layer."""
        from signalscan.service import list_signals

        return list_signals(self.settings, self.program, as_of=as_of)


def ledger_source(settings: Settings, program: str) -> LedgerSource:
    """The ledger-backed source for one program."""
    return LedgerSource(settings, program)


@dataclass
class SampleSource:
    """Made-up program data (see `briefing.sample`), for tests, the benchmark and demos."""

    data: object  # sample.ProgramData
    signals_at: Callable[[date], list[Signal]]

    @property
    def program(self) -> str:
        """The program's name."""
        return self.data.program  # type: ignore[attr-defined]

    def extractions(self, as_of: date | None) -> list[StoredExtraction]:
        """The made-up extractions known on `as_of`."""
        from signalscan.briefing import sample

        return sample.extractions(self.data, as_of)  # type: ignore[arg-type]

    def threads(self, as_of: date | None) -> list[Thread]:
        """The made-up threads as known on `as_of`."""
        from signalscan.briefing import sample

        return sample.threads(self.data, as_of)  # type: ignore[arg-type]

    def signals(self, as_of: date | None) -> list[Signal]:
        """The made-up signals on `as_of`."""
        return self.signals_at(as_of) if as_of else []
