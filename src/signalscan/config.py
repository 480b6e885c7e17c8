"""Settings: environment variables with the SIGNALSCAN_ prefix, or settings.toml in the workspace."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from signalscan.errors import ConfigurationError


def _default_home() -> Path:
    return Path(user_data_dir("signalscan", appauthor=False))


class Settings(BaseSettings):
    """Every knob of signalscan. Documented in README.md (a test checks that)."""

    model_config = SettingsConfigDict(env_prefix="SIGNALSCAN_", extra="ignore")

    # workspace and stores
    home: Path = Field(default_factory=_default_home)
    database_url: str | None = None  # default: sqlite:///<home>/ledger.db (WAL)
    chroma_url: str | None = None  # unset: embedded PersistentClient in <home>/chroma
    queue_url: str | None = None  # unset: in-process jobs; redis://... for several API workers
    job_lease_seconds: float = Field(default=60.0, gt=0)  # a Redis worker's lease on the job it runs
    max_upload_mb: float = 50.0
    ocr: Literal["auto", "off"] = "auto"  # auto: OCR scanned PDF pages when the tesseract program is found

    # embeddings
    embeddings: str = "minilm-onnx"  # or the model name of an OpenAI-compatible embeddings endpoint
    embeddings_base_url: str | None = None  # default: llm_base_url
    embed_batch_size: int = 64

    # LLM (optional; everything works without it)
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None  # falls back to OPENAI_API_KEY
    llm_timeout: float = 60.0
    # auto | json_object_schema (llama.cpp) | json_schema | json_object | none
    llm_response_format: str = "auto"
    llm_max_tokens: int = 2048  # reply budget per LLM extraction request
    extract_engine: str = "rules"  # rules | llm | hybrid

    # signal thresholds (meeting weeks unless said otherwise)
    stale_action_weeks: int = 3
    due_date_slip_count: int = 2
    deferred_decision_weeks: int = 2
    unmitigated_risk_weeks: int = 2
    frozen_progress_weeks: int = 3
    attendance_decline_meetings: int = 3
    meeting_week_days: int = 3

    # briefing schedule and delivery
    brief_cron: str = "0 7 * * MON"
    brief_programs: str = ""  # comma-separated; empty: every program in the ledger
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "signalscan@localhost"
    mail_to: str = ""  # comma-separated
    webhook_url: str | None = None
    delivery_retries: int = 3

    # web server
    serve_schedule: bool = False  # run the weekly briefing scheduler inside `signalscan serve`

    @property
    def resolved_database_url(self) -> str:
        """The ledger URL: the setting, or SQLite in the workspace."""
        return self.database_url or f"sqlite:///{self.home / 'ledger.db'}"

    @property
    def resolved_llm_api_key(self) -> str | None:
        """The LLM key: SIGNALSCAN_LLM_API_KEY, else OPENAI_API_KEY."""
        return self.llm_api_key or os.environ.get("OPENAI_API_KEY")


def _settings_file_values(home: Path) -> dict[str, Any]:
    path = home / "settings.toml"
    if not path.is_file():
        return {}
    import tomllib

    with path.open("rb") as f:
        return dict(tomllib.load(f))


@lru_cache
def get_settings() -> Settings:
    """The settings of this process: environment first, then <home>/settings.toml; a value that is not
    valid is a ConfigurationError naming the variable, not a traceback."""
    try:
        env_only = Settings()
        file_values = _settings_file_values(env_only.home)
        if not file_values:
            return env_only
        overridden = {k: v for k, v in file_values.items() if f"SIGNALSCAN_{k.upper()}" not in os.environ}
        return Settings(**{**overridden, "home": env_only.home})
    except ValidationError as exc:
        raise ConfigurationError(_invalid_setting(exc)) from None


def _invalid_setting(exc: ValidationError) -> str:
    """'SIGNALSCAN_OCR='on' is not valid: Input should be 'auto' or 'off'; ...' for the first bad value."""
    first = exc.errors()[0]
    name = "SIGNALSCAN_" + "_".join(str(part) for part in first["loc"]).upper()
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return (f"{name}={first.get('input')!r} is not valid: {first['msg']}{more}; fix the environment "
            "variable or <home>/settings.toml and run again (README lists every setting)")
