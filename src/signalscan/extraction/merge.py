"""Merging extractions: chunk results into one document, and rules + LLM into the hybrid engine.

The first extraction wins a conflict (in the hybrid engine that is the deterministic rules engine);
the second adds the items the first missed and fills the fields the first left empty.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from rapidfuzz import fuzz

from signalscan.extraction.grounding import normalise
from signalscan.models import Extraction

# fields the second extraction may fill when the first left them empty
FILLABLE: dict[str, tuple[str, ...]] = {
    "actions": ("owner", "due", "due_raw", "workstream", "ref"),
    "decisions": ("owner", "workstream", "ref"),
    "risks": ("owner", "severity", "mitigation", "workstream", "ref"),
    "statuses": ("reported", "percent_complete", "narrative", "owner"),
}
SAME_TEXT_RATIO = 85.0  # token-set similarity above which two items say the same thing
SAME_PLACE_RATIO = 70.0  # a lower bar when both quote the same block


def same_item(first: Any, second: Any) -> bool:
    """Whether two actions, decisions or risks are one item: similar text, or one quote inside the other."""
    text_a, text_b = normalise(first.text), normalise(second.text)
    quote_a, quote_b = normalise(first.evidence.quote), normalise(second.evidence.quote)
    if text_a == text_b or (quote_a and quote_b and (quote_a in quote_b or quote_b in quote_a)):
        return True
    ratio = fuzz.token_set_ratio(text_a, text_b)
    same_place = first.evidence.locator == second.evidence.locator
    return ratio >= SAME_TEXT_RATIO or (same_place and ratio >= SAME_PLACE_RATIO)


def same_status(first: Any, second: Any) -> bool:
    """Whether two statuses report the same workstream."""
    return fuzz.ratio(normalise(first.workstream), normalise(second.workstream)) >= 90


def _fill(kept: BaseModel, extra: BaseModel, fields: tuple[str, ...]) -> BaseModel:
    """`kept` with its empty fields taken from `extra`."""
    updates = {
        f: getattr(extra, f) for f in fields if getattr(kept, f) is None and getattr(extra, f) is not None
    }
    return kept.model_copy(update=updates) if updates else kept


def merge_items(first: list, second: list, kind: str) -> list:
    """The items of `first`, gaps filled from duplicates in `second`, then the new items of `second`."""
    same = same_status if kind == "statuses" else same_item
    merged = list(first)
    for extra in second:
        for i, kept in enumerate(merged):
            if same(kept, extra):
                merged[i] = _fill(kept, extra, FILLABLE[kind])
                break
        else:
            merged.append(extra)
    return merged


def _merge_names(first: list[str], second: list[str]) -> list[str]:
    seen = {normalise(n) for n in first}
    out = list(first)
    for name in second:
        if normalise(name) not in seen:
            seen.add(normalise(name))
            out.append(name)
    return out


def merge_extractions(first: Extraction, second: Extraction, engine: str | None = None) -> Extraction:
    """One extraction from two of the same document; `first` wins conflicts, `second` adds and fills."""
    merged = first.model_copy(deep=True)
    for kind in FILLABLE:
        setattr(merged, kind, merge_items(getattr(first, kind), getattr(second, kind), kind))
    merged.attendees = _merge_names(first.attendees, second.attendees)
    merged.apologies = _merge_names(first.apologies, second.apologies)
    merged.next_meeting = first.next_meeting or second.next_meeting
    merged.dropped_ungrounded = first.dropped_ungrounded + second.dropped_ungrounded
    merged.engine = engine or first.engine
    return merged
