"""What the LLM must return: pydantic models mirroring Action, Decision, Risk and Status, plus a `quote`.

Enumerations are read leniently ("In progress" -> in_progress, "Critical" -> high) because small
models vary their spelling; an unknown value becomes null rather than losing the whole item.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

_SYNONYMS = {
    "inprogress": "in_progress", "ongoing": "in_progress", "started": "in_progress",
    "complete": "done", "completed": "done", "closed": "done", "finished": "done",
    "canceled": "cancelled", "dropped": "cancelled",
    "agreed": "made", "approved": "made", "decided": "made", "postponed": "deferred",
    "critical": "high", "med": "medium", "moderate": "medium", "minor": "low",
    "amber": "amber", "yellow": "amber", "on_track": "green", "at_risk": "amber", "off_track": "red",
    "resolved": "closed", "mitigated": "closed",
}


def _enum(allowed: tuple[str, ...]) -> Any:
    """A validator reading a loosely spelled enumeration value; anything else becomes None."""

    def read(value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        key = re.sub(r"[\s-]+", "_", value.strip().lower())
        key = _SYNONYMS.get(key, key)
        if key == "done" and "closed" in allowed:
            key = "closed"  # risks: a closed risk, not a done one
        return key if key in allowed else None

    return BeforeValidator(read)


def _percent(value: Any) -> int | None:
    if isinstance(value, int | float) and 0 <= value <= 100:
        return int(value)
    match = re.fullmatch(r"\s*(\d{1,3})(?:\.\d+)?\s*%?\s*", str(value)) if value is not None else None
    return int(match.group(1)) if match and int(match.group(1)) <= 100 else None


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _optional_text(value: Any) -> str | None:
    if not isinstance(value, str) or value.strip().lower() in ("", "null", "none", "n/a", "unknown"):
        return None
    return value.strip()


MAX_TEXT = 500  # a bound the grammar of llama.cpp enforces too, so a small model cannot ramble forever
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_TEXT)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore")

    quote: Text = Field(description="a short passage copied exactly from the document")


class LLMAction(_Item):
    """An action as the LLM reports it."""

    text: Text
    owner: OptionalText = None
    due: OptionalText = Field(default=None, description="the due date exactly as written")
    status: Annotated[
        Literal["open", "in_progress", "done", "cancelled"] | None,
        _enum(("open", "in_progress", "done", "cancelled")),
    ] = None


class LLMDecision(_Item):
    """A decision as the LLM reports it."""

    text: Text
    status: Annotated[
        Literal["made", "pending", "deferred"] | None, _enum(("made", "pending", "deferred")),
    ] = None
    owner: OptionalText = None


class LLMRisk(_Item):
    """A risk or issue as the LLM reports it."""

    text: Text
    owner: OptionalText = None
    severity: Annotated[Literal["high", "medium", "low"] | None, _enum(("high", "medium", "low"))] = None
    mitigation: OptionalText = None
    status: Annotated[Literal["open", "closed"] | None, _enum(("open", "closed"))] = None


class LLMStatus(_Item):
    """A workstream status as the LLM reports it."""

    workstream: Text
    reported: Annotated[Literal["green", "amber", "red"] | None, _enum(("green", "amber", "red"))] = None
    percent_complete: Annotated[int | None, BeforeValidator(_percent)] = None
    narrative: OptionalText = None


class LLMChunkResult(BaseModel):
    """Everything the LLM found in one window of a document."""

    actions: list[LLMAction] = Field(default_factory=list)
    decisions: list[LLMDecision] = Field(default_factory=list)
    risks: list[LLMRisk] = Field(default_factory=list)
    statuses: list[LLMStatus] = Field(default_factory=list)
    attendees: list[str] = Field(default_factory=list)
    apologies: list[str] = Field(default_factory=list)


ITEM_MODELS: dict[str, type[_Item]] = {
    "actions": LLMAction, "decisions": LLMDecision, "risks": LLMRisk, "statuses": LLMStatus,
}


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every `$ref` replaced by its definition (llama.cpp's grammar builder wants no refs)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k not in ("$defs", "title")}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def response_schema() -> dict[str, Any]:
    """The JSON schema of a reply: self-contained, every list required (so a grammar always emits them)."""
    schema = LLMChunkResult.model_json_schema(mode="serialization")
    inlined = _inline_refs(schema, schema.get("$defs", {}))
    inlined["required"] = list(ITEM_MODELS) + ["attendees", "apologies"]
    return inlined
