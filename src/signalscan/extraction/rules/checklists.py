"""Task lists: "[ ] @Jens Vogt deliver the runbook by 21.05.2026", "- [x] …", "☑ …", wiki inline tasks.

A checkbox makes a line an action whatever section it sits in; the box says open or done, and a
leading mention ("@Name", "@jvogt") or placeholder ("N.N.", "TBD (Finance)") is its owner.
"""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules.context import Context
from signalscan.extraction.rules.owners import LETTER, PARTICLE, UPPER

CHECKBOX = re.compile(r"^\s*(?:[-*+•]\s*)?(?:\[(?P<mark>[ xX✓✔✗_]?)\]|(?P<glyph>[☐☑☒✅]))\s*(?=\S)")
MENTION = re.compile(
    rf"^@(?P<owner>[{UPPER}][{LETTER}'-]*(?:\s+(?:{PARTICLE}\s+){{0,2}}[{UPPER}][{LETTER}'-]*){{0,2}}"
    r"|[a-z][\w.-]{1,30}[a-z0-9])\s*[:\-–—]?\s*"
)
# nobody named yet, written where the owner goes: "N.N. arrange …", "TBD (Finance) — confirm …"
PLACEHOLDER = re.compile(r"^(?:N\.\s?N\.|TBD|TBA|TBC|tbd|tba|\?\?+)(?:\s*\([^)]{1,40}\))?"
                         r"\s*[:\-–—]?\s*(?=\S)")


def checkbox(text: str) -> tuple[str, bool | None]:
    """The line without its checkbox and whether the box is ticked (None: no checkbox)."""
    m = CHECKBOX.match(text)
    if not m:
        return text, None
    ticked = (m.group("mark") or "").strip() not in ("", "_") or m.group("glyph") in ("☑", "☒", "✅")
    return text[m.end():], ticked


def read_task(body: str, ticked: bool, ctx: Context) -> I.Found | None:
    """A task-list entry as an action: owner from a leading mention, status from the box."""
    owner_raw = None
    m = MENTION.match(body)
    if m:
        owner_raw, body = "@" + m.group("owner"), body[m.end():]
    else:
        m = PLACEHOLDER.match(body)
        if m:
            owner_raw, body = "", body[m.end():]
    found = I.parse_action(body, owner_raw, ctx)
    if found is None:
        return None
    status = found.fields["status"]
    kept = status if status in ("in_progress", "cancelled") else "open"  # an open box can still say "WIP"
    found.fields["status"] = "done" if ticked else kept
    return found
