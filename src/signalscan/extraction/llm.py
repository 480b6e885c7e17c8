"""The `llm` and `hybrid` extraction engines: a LangChain chain over any OpenAI-compatible chat model.

A document is cut into windows of whole blocks; each window goes through prompt -> model -> text,
replies are cached by (prompt version, model, input hash), parsed as JSON, validated item by item
with pydantic, and every item must be grounded (its quote found in the document) or it is dropped
and counted. Replies that are not valid JSON are kept (logged, stored in the cache) and counted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from signalscan.errors import LLMError
from signalscan.extraction.grounding import Grounded, Grounder, evidence_for, mentioned
from signalscan.extraction.llm_fields import people_directory, resolve_due
from signalscan.extraction.llm_prompt import Prompt, load_prompt
from signalscan.extraction.llm_schema import ITEM_MODELS, LLMChunkResult, response_schema
from signalscan.extraction.merge import merge_extractions
from signalscan.extraction.rules.dates import detect_dayfirst
from signalscan.llm import ResponseCache, describe_llm_failure, model_identity
from signalscan.models import Action, Decision, DocumentInfo, Extraction, ParsedDocument, Risk, Status

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from signalscan.config import Settings
    from signalscan.extraction import Extractor
    from signalscan.extraction.rules.owners import PeopleDirectory

log = logging.getLogger(__name__)

PROMPT_NAME = "extract_v1.md"
WINDOW_CHARS = 6000  # per request: fits a 4k-token context with room for the prompt and the reply
RESPONSE_FORMATS = ("auto", "json_object_schema", "json_schema", "json_object", "none")
SEVERITY_WORDS = {
    "high": ("high", "critical", "severe", "major", "h"),
    "medium": ("medium", "moderate", "med", "m"),
    "low": ("low", "minor", "l"),
}
RAG_WORDS = {
    "green": ("green", "on track", "g"),
    "amber": ("amber", "yellow", "at risk", "a"),
    "red": ("red", "off track", "r"),
}


@dataclass
class InvalidReply:
    """A reply that was not the JSON asked for: kept with its raw text, never silently lost."""

    document: str
    window: int
    error: str
    raw: str


@dataclass
class LLMStats:
    """Counters over the life of one extractor (the server test reads them)."""

    windows: int = 0
    llm_calls: int = 0
    cache_hits: int = 0
    invalid_replies: int = 0
    invalid_items: int = 0
    dropped_ungrounded: int = 0
    invalid: list[InvalidReply] = field(default_factory=list)


def document_windows(parsed: ParsedDocument, max_chars: int = WINDOW_CHARS) -> list[str]:
    """The document's text in windows of whole blocks, each at most `max_chars` (a longer block alone)."""
    windows: list[str] = []
    current: list[str] = []
    size = 0
    for block in parsed.blocks:
        text = block.text.strip()
        if not text:
            continue
        if current and size + len(text) + 1 > max_chars:
            windows.append("\n".join(current))
            current, size = [], 0
        current.append(text[: max_chars * 2])  # one huge block must not overflow the model's context
        size += len(text) + 1
    if current:
        windows.append("\n".join(current))
    return windows


def request_options(mode: str, schema: dict, max_tokens: int | None) -> dict[str, Any]:
    """The request body asking for JSON: llama.cpp takes `json_object` + `schema`, OpenAI `json_schema`."""
    body: dict[str, Any] = {}
    if mode == "json_object_schema":
        body["response_format"] = {"type": "json_object", "schema": schema}
    elif mode == "json_schema":
        body["response_format"] = {
            "type": "json_schema", "json_schema": {"name": "extraction", "schema": schema, "strict": False},
        }
    elif mode == "json_object":
        body["response_format"] = {"type": "json_object"}
    if max_tokens and mode != "json_schema":
        body["max_tokens"] = max_tokens  # local servers read max_tokens, not max_completion_tokens
    # sent as extra_body so LangChain posts it as is (a dict response_format takes its `parse` path)
    return {"extra_body": body} if body else {}


def resolve_response_format(mode: str, base_url: str | None) -> str:
    """`auto` is `json_schema` for OpenAI and Azure, `json_object_schema` for llama.cpp, vLLM, Ollama."""
    if mode not in RESPONSE_FORMATS:
        raise LLMError(
            f"unknown SIGNALSCAN_LLM_RESPONSE_FORMAT {mode!r}; use one of: {', '.join(RESPONSE_FORMATS)}"
        )
    if mode != "auto":
        return mode
    if not base_url or "openai.com" in base_url or "azure" in base_url:
        return "json_schema"
    return "json_object_schema"


class LLMExtractor:
    """Extraction by an LLM: windows through a prompt-file chain, cached, validated and grounded."""

    name = "llm"

    def __init__(
        self, chat: BaseChatModel, *, cache: ResponseCache | None = None, prompt: Prompt | None = None,
        response_format: str = "json_object_schema", max_tokens: int | None = 2048,
        window_chars: int = WINDOW_CHARS, concurrency: int = 1,
    ) -> None:
        self.chat = chat
        self.cache = cache or ResponseCache()
        self.prompt = prompt or load_prompt(PROMPT_NAME)
        self.response_format = response_format
        self.window_chars = window_chars
        self.concurrency = concurrency
        self.model = model_identity(chat)
        self.stats = LLMStats()
        self._request = request_options(response_format, response_schema(), max_tokens)

    def extract(self, parsed: ParsedDocument) -> Extraction:
        """Extract every window of the document, keep the grounded items and merge them."""
        grounder = Grounder(parsed)
        windows = document_windows(parsed, self.window_chars)
        self.stats.windows += len(windows)
        result = Extraction(document=_document_info(parsed), engine=self.name)
        for number, raw in enumerate(self._replies(parsed, windows)):
            chunk = self._parse(parsed, number, raw)
            if chunk is not None:
                result = merge_extractions(result, self._ground(chunk, parsed, grounder), engine=self.name)
        return result

    def _inputs(self, parsed: ParsedDocument, window: str) -> dict[str, str]:
        return {
            "title": parsed.title or parsed.path.rsplit("/", 1)[-1],
            "kind": parsed.kind,
            "meeting_date": parsed.meeting_date.isoformat() if parsed.meeting_date else "unknown",
            "document": window.replace("DOCUMENT>>>", "DOCUMENT >>>"),  # the text cannot close its own frame
        }

    def _replies(self, parsed: ParsedDocument, windows: list[str]) -> list[str]:
        """One reply per window: cached when this prompt and model saw the same input, else from the LLM."""
        inputs = [self._inputs(parsed, w) for w in windows]
        hashes = [_input_hash(i, self.response_format) for i in inputs]
        keys = [ResponseCache.key(self.prompt.version, self.model, h) for h in hashes]
        replies: list[str | None] = [self.cache.get(k) for k in keys]
        missing = [i for i, r in enumerate(replies) if r is None]
        self.stats.cache_hits += len(windows) - len(missing)
        fresh = self._call([inputs[i] for i in missing]) if missing else []
        for i, reply in zip(missing, fresh, strict=True):
            if isinstance(reply, str):  # replies that came back are kept even when another window failed
                replies[i] = reply
                self.cache.put(keys[i], reply, prompt_version=self.prompt.version, model=self.model,
                               input_sha256=hashes[i], valid=_json_object(reply) is not None)
        failure = next((r for r in fresh if isinstance(r, BaseException)), None)
        if failure is not None:
            raise describe_llm_failure(failure) from failure
        return [r or "" for r in replies]

    def _call(self, inputs: list[dict[str, str]]) -> list[str | BaseException]:
        """Run the chain (prompt file -> chat model -> text) over windows: a reply or an error each."""
        from langchain_core.output_parsers import StrOutputParser

        chain = self.prompt.template() | self.chat.bind(**self._request) | StrOutputParser()
        self.stats.llm_calls += len(inputs)
        return chain.batch(inputs, config={"max_concurrency": self.concurrency}, return_exceptions=True)

    def _parse(self, parsed: ParsedDocument, number: int, raw: str) -> LLMChunkResult | None:
        """The validated items of one reply; a reply that is no JSON object is recorded as invalid."""
        data = _json_object(raw)
        if data is None:
            data = salvage_truncated(raw)
            if data is None:
                self._invalid(parsed, number, "not a JSON object", raw)
                return None
            # cut off (usually at SIGNALSCAN_LLM_MAX_TOKENS): counted, and its complete items kept
            self._invalid(parsed, number, "truncated JSON; complete items kept", raw)
        result = LLMChunkResult()
        for kind, model in ITEM_MODELS.items():
            items = data.get(kind) or []
            for item in items if isinstance(items, list) else [items]:
                try:
                    getattr(result, kind).append(model.model_validate(item))
                except ValidationError as exc:
                    self.stats.invalid_items += 1
                    log.warning("LLM %s item rejected in %s: %s", kind, parsed.path, exc.errors()[:1])
        for kind in ("attendees", "apologies"):
            names = data.get(kind) or []
            names = [names] if isinstance(names, str) else names
            setattr(result, kind, [n.strip() for n in names if isinstance(n, str) and n.strip()])
        return result

    def _invalid(self, parsed: ParsedDocument, number: int, error: str, raw: str) -> None:
        self.stats.invalid_replies += 1
        self.stats.invalid.append(InvalidReply(parsed.path, number, error, raw))
        log.warning("LLM reply for %s window %d is invalid (%s); raw reply: %.500s",
                    parsed.path, number, error, raw)

    def _ground(self, chunk: LLMChunkResult, parsed: ParsedDocument, grounder: Grounder) -> Extraction:
        """Domain items for the grounded LLM items of one window; the rest are dropped and counted."""
        out = Extraction(document=_document_info(parsed), engine=self.name)
        out.attendees = [n for n in chunk.attendees if grounder.in_document(n)]
        out.apologies = [n for n in chunk.apologies if grounder.in_document(n)]
        people = people_directory(parsed, out.attendees + out.apologies)
        fields = _Fields(grounder, parsed, people, detect_dayfirst(parsed.text))
        for kind, convert in CONVERTERS.items():
            for item in getattr(chunk, kind):
                found = grounder.locate(item.quote)
                domain = convert(item, found, fields) if found else None
                if domain is None:
                    out.dropped_ungrounded += 1
                    log.info("dropped ungrounded LLM %s in %s: %r", kind[:-1], parsed.path, item.quote[:80])
                else:
                    getattr(out, kind).append(domain)
        self.stats.dropped_ungrounded += out.dropped_ungrounded
        return out


def _document_info(parsed: ParsedDocument) -> DocumentInfo:
    return DocumentInfo(
        path=parsed.path, kind=parsed.kind, title=parsed.title, meeting_date=parsed.meeting_date,
    )


def _input_hash(inputs: dict[str, str], response_format: str) -> str:
    payload = json.dumps({"inputs": inputs, "format": response_format}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _json_object(raw: str) -> dict | None:
    """The JSON object in a reply (tolerating a ```json fence around it), or None."""
    text = raw.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def salvage_truncated(raw: str) -> dict | None:
    """The complete items of a reply cut off at the token limit: its JSON up to the last whole item.

    Scans the reply keeping a stack of open brackets; each time an object closes inside a list
    of the top-level object, that prefix plus the closing brackets still open is valid JSON.
    """
    stack: list[str] = []
    in_string = escaped = False
    best: str | None = None
    for i, ch in enumerate(raw):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            stack.append("]" if ch == "[" else "}")
        elif ch in "]}":
            if not stack or stack.pop() != ch:
                return None
            if len(stack) in (1, 2):  # an item or a list of the top-level object is complete
                best = raw[: i + 1] + "".join(reversed(stack))
    if best is None:
        return None
    try:
        data = json.loads(best.strip().removeprefix("```json").strip())
    except (json.JSONDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass
class _Fields:
    """What an LLM item's fields are checked against: the document and the people it names."""

    grounder: Grounder
    parsed: ParsedDocument
    people: PeopleDirectory
    dayfirst: bool

    def owner(self, name: str | None) -> str | None:
        """An owner the document names (an LLM may not invent one), in its canonical form."""
        if not name or not self.grounder.in_document(name):
            return None
        return self.people.resolve(name)

    def written(self, text: str | None, min_ratio: float | None = None) -> str | None:
        """`text` when the document has it (a due date, a mitigation), else None."""
        return text if text and self.grounder.in_document(text, min_ratio) else None


def _action(item: Any, found: Grounded, fields: _Fields) -> Action:
    due_raw = fields.written(item.due)
    return Action(
        text=item.text, owner=fields.owner(item.owner), status=item.status or "open",
        due=resolve_due(due_raw, fields.parsed.meeting_date, fields.dayfirst), due_raw=due_raw,
        evidence=evidence_for(found),
    )


def _decision(item: Any, found: Grounded, fields: _Fields) -> Decision:
    return Decision(
        text=item.text, status=item.status or "made", owner=fields.owner(item.owner),
        evidence=evidence_for(found),
    )


def _risk(item: Any, found: Grounded, fields: _Fields) -> Risk:
    context = fields.grounder.context(found.block)
    severity = item.severity if item.severity and _says_severity(context, item.severity) else None
    return Risk(
        text=item.text, owner=fields.owner(item.owner), severity=severity,
        mitigation=fields.written(item.mitigation, 80), status=item.status or "open",
        evidence=evidence_for(found),
    )


def _status(item: Any, found: Grounded, fields: _Fields) -> Status | None:
    """A status for a workstream its evidence names, with a colour and % only when the evidence says so."""
    context = fields.grounder.context(found.block)
    if not mentioned(item.workstream, context):
        return None  # e.g. "report everything green" quoted as evidence for a workstream it never names
    reported = item.reported if item.reported and _says_rag(context, item.reported) else None
    percent = item.percent_complete
    if percent is not None and not re.search(rf"(?<!\d){percent}(?!\d)", context):
        percent = None
    return Status(
        workstream=item.workstream, reported=reported, percent_complete=percent,
        narrative=item.narrative, evidence=evidence_for(found),
    )


CONVERTERS = {"actions": _action, "decisions": _decision, "risks": _risk, "statuses": _status}


def _says_severity(context: str, severity: str) -> bool:
    return any(mentioned(word, context, min_ratio=100) for word in SEVERITY_WORDS.get(severity, ()))


def _says_rag(context: str, rag: str) -> bool:
    return any(mentioned(word, context, min_ratio=100) for word in RAG_WORDS.get(rag, ()))


class HybridExtractor:
    """Rules first, then the LLM adds what they missed and fills the fields they left empty."""

    name = "hybrid"

    def __init__(self, rules: Extractor, llm: LLMExtractor) -> None:
        self.rules = rules
        self.llm = llm

    def remember_people(self, names: Iterable[str]) -> None:
        """Pass the program's known people on to the rules engine."""
        remember = getattr(self.rules, "remember_people", None)
        if remember:
            remember(names)

    def extract(self, parsed: ParsedDocument) -> Extraction:
        """The rules engine's extraction merged with the LLM's (rules win conflicts)."""
        return merge_extractions(self.rules.extract(parsed), self.llm.extract(parsed), engine=self.name)


def build_llm_extractor(name: str, settings: Settings, chat: BaseChatModel | None = None) -> Extractor:
    """The `llm` or `hybrid` engine for these settings (the chat model from settings unless given)."""
    from signalscan.llm import get_chat_model

    chat = chat if chat is not None else get_chat_model(settings)
    mode = resolve_response_format(settings.llm_response_format, settings.llm_base_url)
    llm = LLMExtractor(
        chat, cache=ResponseCache.for_settings(settings), response_format=mode,
        max_tokens=settings.llm_max_tokens,
        # hosted APIs take parallel calls; a local server queues them anyway
        concurrency=4 if mode == "json_schema" else 1,
    )
    if name == "llm":
        return llm
    from signalscan.extraction.rules import RulesExtractor

    return HybridExtractor(RulesExtractor(), llm)
