"""Chat models: the OpenAI-compatible one built from settings, and a fake that replays queued replies.

`langchain_openai` and `openai` are imported here only, lazily, so the offline path stays fast.
Every caller (LLM extraction, answer writing, briefing prose) gets its model from `get_chat_model`
and sends messages through `chat_text`, which turns transport failures into `LLMError`s.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signalscan.errors import ConfigurationError, LLMError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

    from signalscan.config import Settings

log = logging.getLogger(__name__)

CACHE_FILE_NAME = "llm_cache.sqlite"
OFFLINE_HINT = "or use the offline engine with `--engine rules` (the default)"
# local servers (llama.cpp, vLLM, Ollama) accept any key; the OpenAI client insists on one
_PLACEHOLDER_KEY = "not-needed"


def get_chat_model(settings: Settings, **overrides: Any) -> BaseChatModel:
    """A LangChain ChatOpenAI for the configured OpenAI-compatible endpoint; raises if it is not set up."""
    if not settings.llm_model:
        raise ConfigurationError(
            "no LLM model configured: set SIGNALSCAN_LLM_MODEL (e.g. gpt-4o-mini, or the model a local "
            f"server serves) and SIGNALSCAN_LLM_BASE_URL for a local server, {OFFLINE_HINT}"
        )
    api_key = settings.resolved_llm_api_key
    if not api_key and not settings.llm_base_url:
        raise ConfigurationError(
            "no LLM key: set SIGNALSCAN_LLM_API_KEY or OPENAI_API_KEY, or point SIGNALSCAN_LLM_BASE_URL "
            f"at a local OpenAI-compatible server (llama.cpp, vLLM, Ollama), {OFFLINE_HINT}"
        )
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ConfigurationError(
            f"langchain-openai is not installed: pip install langchain-openai, {OFFLINE_HINT}"
        ) from exc
    options: dict[str, Any] = {
        "model": settings.llm_model,
        "base_url": settings.llm_base_url,
        "api_key": api_key or _PLACEHOLDER_KEY,
        "timeout": settings.llm_timeout,
        "max_retries": 1,
        "temperature": 0,
    }
    options.update(overrides)
    return ChatOpenAI(**options)


def chat_text(chat: BaseChatModel, messages: list[BaseMessage], **kwargs: Any) -> str:
    """Send messages to a chat model and return the reply text; endpoint failures become LLMError."""
    try:
        reply = chat.invoke(messages, **kwargs)
    except Exception as exc:
        raise describe_llm_failure(exc) from exc
    return reply_text(reply)


def reply_text(reply: Any) -> str:
    """The text of a chat reply (an AIMessage, or a plain string from a string parser)."""
    if isinstance(reply, str):
        return reply
    content = getattr(reply, "content", reply)
    if isinstance(content, list):  # content blocks: keep the text parts
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


def describe_llm_failure(exc: BaseException) -> Exception:
    """Translate an exception from the OpenAI client into an LLMError whose message says what to do."""
    if isinstance(exc, LLMError | ConfigurationError):
        return exc
    names = {cls.__name__ for cls in type(exc).__mro__}
    name = type(exc).__name__
    detail = str(exc).splitlines()[0][:200] if str(exc) else name
    if names & {"APIConnectionError", "APITimeoutError", "ConnectError", "TimeoutException"}:
        return LLMError(
            f"cannot reach the LLM endpoint ({detail}): check SIGNALSCAN_LLM_BASE_URL and that the server "
            f"is running, raise SIGNALSCAN_LLM_TIMEOUT for slow models, {OFFLINE_HINT}"
        )
    if names & {"AuthenticationError", "PermissionDeniedError"}:
        return LLMError(
            f"the LLM endpoint refused the key ({detail}): check SIGNALSCAN_LLM_API_KEY, {OFFLINE_HINT}"
        )
    if "NotFoundError" in names:
        return LLMError(
            f"the LLM endpoint does not know the model or path ({detail}): check SIGNALSCAN_LLM_MODEL "
            f"and SIGNALSCAN_LLM_BASE_URL (it usually ends in /v1), {OFFLINE_HINT}"
        )
    return LLMError(f"the LLM call failed ({name}: {detail}); {OFFLINE_HINT}")


@lru_cache(maxsize=1)
def _fake_chat_model_class() -> type:
    """Build FakeChatModel on first use, so importing this module does not import langchain_core."""
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.outputs import ChatGeneration, ChatResult
    from pydantic import Field

    class FakeChatModel(BaseChatModel):
        """A chat model for tests: returns queued replies in order and records every call it gets."""

        replies: list[str] = Field(default_factory=list)
        default_reply: str | None = None  # when the queue is empty; None raises LLMError instead
        calls: list[dict[str, Any]] = Field(default_factory=list)  # {"messages": [...], "kwargs": {...}}
        model_name: str = "fake-chat"

        def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # noqa: ANN001
            self.calls.append({"messages": list(messages), "kwargs": dict(kwargs)})
            if self.replies:
                text = self.replies.pop(0)
            elif self.default_reply is not None:
                text = self.default_reply
            else:
                raise LLMError("FakeChatModel has no queued reply left")
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

        @property
        def _llm_type(self) -> str:
            return "signalscan-fake-chat"

        def queue(self, *replies: str) -> None:
            """Append replies to return, in order."""
            self.replies.extend(replies)

    return FakeChatModel


def model_identity(chat: Any) -> str:
    """A stable name for a chat model (its model name), used in cache keys."""
    for attr in ("model_name", "model"):
        value = getattr(chat, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(chat).__name__


def __getattr__(name: str) -> Any:
    # `from signalscan.llm import FakeChatModel` works, while plain imports stay langchain-free
    if name == "FakeChatModel":
        return _fake_chat_model_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ResponseCache:
    """LLM replies keyed by (prompt version, model, input hash), in SQLite, so re-runs cost nothing.

    With no path it is kept in memory for the life of the object. Invalid replies are stored too
    (with `valid = 0`): they are kept for inspection, and a re-run gives the same result for free.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, str] = {}
        if path is not None:
            with self._connect() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS llm_responses (key TEXT PRIMARY KEY, prompt_version TEXT, "
                    "model TEXT, input_sha256 TEXT, reply TEXT NOT NULL, valid INTEGER, created_at TEXT)"
                )

    @classmethod
    def for_settings(cls, settings: Settings) -> ResponseCache:
        """The workspace cache `<home>/llm_cache.sqlite` when the workspace exists, else memory only."""
        home = Path(settings.home)
        return cls(home / CACHE_FILE_NAME if home.is_dir() else None)

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        return sqlite3.connect(self.path, timeout=30)

    @staticmethod
    def key(prompt_version: str, model: str, input_sha256: str) -> str:
        """The cache key of one request."""
        return hashlib.sha256(f"{prompt_version}\x00{model}\x00{input_sha256}".encode()).hexdigest()

    def get(self, key: str) -> str | None:
        """The cached reply for `key`, counting hits and misses."""
        reply = self._memory.get(key)
        if reply is None and self.path is not None:
            with closing(self._connect()) as db:
                row = db.execute("SELECT reply FROM llm_responses WHERE key = ?", (key,)).fetchone()
            reply = row[0] if row else None
        if reply is None:
            self.misses += 1
        else:
            self.hits += 1
        return reply

    def put(self, key: str, reply: str, *, prompt_version: str, model: str, input_sha256: str,
            valid: bool) -> None:
        """Store a reply (valid or not) under `key`."""
        self._memory[key] = reply
        if self.path is None:
            return
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT OR REPLACE INTO llm_responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, prompt_version, model, input_sha256, reply, int(valid), datetime.now(UTC).isoformat()),
            )
