"""Embedders: unit vectors in input order, the registry, the sha256 pin, and the real MiniLM model."""

from __future__ import annotations

import hashlib
import json

import httpx
import numpy as np
import pytest

from signalscan.config import Settings
from signalscan.embedding import (
    HashEmbedder,
    MiniLMOnnxEmbedder,
    OpenAIEmbedder,
    get_embedder,
    verify_sha256,
)
from signalscan.errors import ConfigurationError, LLMError

SLIPPAGE = "The data migration is behind schedule because the vendor is late."
SLIPPAGE_REWORDED = "Data conversion has slipped: the supplier has not delivered the extracts."
UNRELATED = "The canteen will serve pizza on Fridays."


def _cos(a, b) -> float:
    return float(np.dot(a, b))


def test_hash_embedder_is_deterministic_unit_length_and_in_input_order():
    embedder = HashEmbedder(dim=64)
    texts = ["a much longer text about the data migration plan", "short", "data migration"]
    vectors = embedder.embed(texts)
    assert vectors == HashEmbedder(dim=64).embed(texts)
    assert [len(v) for v in vectors] == [64, 64, 64]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert vectors[1] == embedder.embed(["short"])[0]  # sorting by length inside never reorders output
    assert embedder.embed([]) == []


def test_hash_embedder_keeps_word_overlap():
    v = HashEmbedder().embed(["data migration late", "data migration slipped", "canteen pizza"])
    assert _cos(v[0], v[1]) > _cos(v[0], v[2])


def test_registry_builds_by_name():
    assert isinstance(get_embedder(Settings(embeddings="hash")), HashEmbedder)
    assert get_embedder(Settings(embeddings="hash-32")).dim == 32
    assert isinstance(get_embedder(Settings(embeddings="minilm-onnx")), MiniLMOnnxEmbedder)
    endpoint = get_embedder(Settings(embeddings="nomic-embed-text", llm_base_url="http://127.0.0.1:9/v1"))
    assert isinstance(endpoint, OpenAIEmbedder) and endpoint.base_url == "http://127.0.0.1:9/v1"


def test_endpoint_model_without_url_names_the_settings_and_the_offline_default():
    with pytest.raises(ConfigurationError, match="SIGNALSCAN_EMBEDDINGS_BASE_URL.*minilm-onnx"):
        get_embedder(Settings(embeddings="text-embedding-3-small", llm_base_url=None,
                              embeddings_base_url=None))


def test_openai_compatible_endpoint():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append((request.url.path, request.headers.get("authorization"), body["model"]))
        data = [{"index": i, "embedding": [float(len(t)), 1.0, 0.0]} for i, t in enumerate(body["input"])]
        return httpx.Response(200, json={"data": list(reversed(data))})

    transport = httpx.MockTransport(handler)
    embedder = OpenAIEmbedder("m", "http://embed.local/v1/", api_key="k", transport=transport)
    vectors = embedder.embed_array(["abc", "a"])
    assert embedder.dim == 3
    assert np.allclose(vectors[1], np.array([1.0, 1.0, 0.0]) / np.sqrt(2))
    assert seen[0] == ("/v1/embeddings", "Bearer k", "m")


def test_endpoint_failure_is_a_handled_error():
    embedder = OpenAIEmbedder("m", "http://embed.local/v1",
                              transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    with pytest.raises(LLMError, match="minilm-onnx"):
        embedder.embed(["x"])


def test_sha256_pin_is_checked_and_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALSCAN_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "model.onnx"
    model.write_bytes(b"weights")
    with pytest.raises(ConfigurationError, match="reinstall"):
        verify_sha256(model, "0" * 64)
    good = hashlib.sha256(b"weights").hexdigest()
    verify_sha256(model, good)
    assert good in (tmp_path / "cache" / "verified.json").read_text()
    with pytest.raises(ConfigurationError, match="missing"):
        verify_sha256(tmp_path / "absent.onnx", good)


def test_minilm_embeddings_are_sane(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALSCAN_CACHE_DIR", str(tmp_path / "cache"))
    embedder = MiniLMOnnxEmbedder()
    v = embedder.embed_array([SLIPPAGE, SLIPPAGE_REWORDED, UNRELATED])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert _cos(v[0], v[1]) > 0.4 > _cos(v[0], v[2])
    alone = embedder.embed_query(SLIPPAGE)
    assert _cos(alone, v[0]) > 0.999  # padding inside a batch does not change a text's vector
    long_text = " ".join(["steering committee"] * 400)  # past 256 tokens: truncated, not an error
    assert len(embedder.embed([long_text])[0]) == 384
