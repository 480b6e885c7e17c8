"""The chat model factory, the fake chat model and the LLM response cache."""

import pytest
from langchain_core.messages import HumanMessage

from signalscan.config import Settings
from signalscan.errors import ConfigurationError, LLMError
from signalscan.llm import FakeChatModel, ResponseCache, chat_text, get_chat_model


def test_missing_model_names_the_setting_and_the_offline_engine(tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        get_chat_model(Settings(home=tmp_path, llm_base_url="http://127.0.0.1:8765/v1"))
    assert "SIGNALSCAN_LLM_MODEL" in str(caught.value)
    assert "--engine rules" in str(caught.value)


def test_missing_key_without_a_local_server_names_both_ways_out(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ConfigurationError) as caught:
        get_chat_model(Settings(home=tmp_path, llm_model="gpt-4o-mini"))
    message = str(caught.value)
    assert "SIGNALSCAN_LLM_API_KEY" in message and "OPENAI_API_KEY" in message
    assert "SIGNALSCAN_LLM_BASE_URL" in message and "--engine rules" in message


def test_a_local_server_needs_no_key(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    chat = get_chat_model(Settings(home=tmp_path, llm_base_url="http://127.0.0.1:8765/v1", llm_model="gemma"))
    assert chat.model_name == "gemma"
    assert chat.temperature == 0


def test_openai_key_is_the_fallback(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    chat = get_chat_model(Settings(home=tmp_path, llm_model="gpt-4o-mini"))
    assert chat.openai_api_key.get_secret_value() == "sk-test"


def test_unreachable_endpoint_is_a_clear_llm_error(tmp_path):
    # port 9 (discard) is closed on any sane machine: the connection is refused at once
    settings = Settings(home=tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_timeout=3)
    chat = get_chat_model(settings, max_retries=0)
    with pytest.raises(LLMError) as caught:
        chat_text(chat, [HumanMessage(content="hello")])
    assert "SIGNALSCAN_LLM_BASE_URL" in str(caught.value)
    assert "--engine rules" in str(caught.value)


def test_fake_chat_model_returns_queued_replies_and_records_calls():
    fake = FakeChatModel(replies=["first", "second"])
    assert chat_text(fake, [HumanMessage(content="a")]) == "first"
    assert fake.bind(extra_body={"x": 1}).invoke("b").content == "second"
    assert len(fake.calls) == 2
    assert fake.calls[1]["kwargs"]["extra_body"] == {"x": 1}
    with pytest.raises(LLMError):
        chat_text(fake, [HumanMessage(content="c")])


def test_cache_survives_a_new_process(tmp_path):
    cache = ResponseCache(tmp_path / "llm_cache.sqlite")
    key = ResponseCache.key("extract-v1", "gemma", "abc")
    assert cache.get(key) is None
    cache.put(key, '{"actions": []}', prompt_version="extract-v1", model="gemma", input_sha256="abc",
              valid=True)
    again = ResponseCache(tmp_path / "llm_cache.sqlite")
    assert again.get(key) == '{"actions": []}'
    assert (cache.misses, again.hits) == (1, 1)
    assert again.get(ResponseCache.key("extract-v2", "gemma", "abc")) is None  # a new prompt version misses


def test_cache_lives_in_the_workspace_only_when_it_exists(tmp_path):
    assert ResponseCache.for_settings(Settings(home=tmp_path)).path == tmp_path / "llm_cache.sqlite"
    missing = tmp_path / "no-workspace"
    assert ResponseCache.for_settings(Settings(home=missing)).path is None
    assert not missing.exists()
