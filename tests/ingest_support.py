"""Shared by the ingest, pipeline and ledger tests: small documents of one program, and test settings."""

from __future__ import annotations

from pathlib import Path

from signalscan.config import Settings

MINUTES_MARCH_6 = """# Steering Committee Minutes
Date: 2026-03-06

Attendees: Jordan Lee, Sam Ortiz, Priya Nair

## Actions
- Jordan Lee to confirm the data migration vendor's recovery plan by 2026-03-13.

## Risks
- The data extract vendor may not deliver before cutover rehearsal.
"""

MINUTES_MARCH_13 = """# Steering Committee Minutes
Date: 2026-03-13

Attendees: Jordan Lee, Priya Nair
Apologies: Sam Ortiz

## Decisions
- The cutover date decision is deferred to the next meeting.

## Actions
- Priya Nair to circulate the revised training plan by 2026-03-20.
"""

STATUS_EMAIL = """From: Priya Nair <priya@example.com>
To: Steering Committee <sc@example.com>
Subject: Weekly status - Finance workstream
Date: Fri, 13 Mar 2026 09:00:00 +0000

Finance workstream is GREEN, 80% complete. Ledger mapping signed off.
"""


def workspace_settings(home: Path, **overrides: object) -> Settings:
    """Settings for a throwaway workspace with the hash embedder (no model, fast)."""
    return Settings(**{"home": home, "embeddings": "hash", **overrides})  # type: ignore[arg-type]


def write_program(folder: Path) -> dict[str, Path]:
    """Two meetings of minutes, a status e-mail and a file of a type nobody reads."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "march6": folder / "minutes-2026-03-06.md",
        "march13": folder / "minutes-2026-03-13.md",
        "email": folder / "mail" / "finance-status.eml",
        "image": folder / "mail" / "logo.png",
    }
    files["email"].parent.mkdir(exist_ok=True)
    files["march6"].write_text(MINUTES_MARCH_6)
    files["march13"].write_text(MINUTES_MARCH_13)
    files["email"].write_text(STATUS_EMAIL)
    files["image"].write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return files
