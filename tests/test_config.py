"""Settings: a value that is not valid is one line naming the variable, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from signalscan.config import get_settings
from signalscan.errors import ConfigurationError

SIGNALSCAN = Path(sys.executable).parent / "signalscan"


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("SIGNALSCAN_OCR", "on", "Input should be 'auto' or 'off'"),
    ("SIGNALSCAN_SMTP_PORT", "abc", "valid integer"),
])
def test_an_invalid_setting_is_a_one_line_error(monkeypatch, tmp_path, variable, value, says) -> None:
    monkeypatch.setenv("SIGNALSCAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(variable, value)
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigurationError, match=f"^{variable}='{value}' is not valid: .*{says}"):
            get_settings()
        env = {**os.environ, "SIGNALSCAN_HOME": str(tmp_path / "home"), variable: value}
        result = subprocess.run([str(SIGNALSCAN), "signals", "--program", "p", "--json"], env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.startswith(f"error: {variable}=") and "Traceback" not in result.stderr
    finally:
        get_settings.cache_clear()


def test_a_bad_value_in_settings_toml_is_reported_too(monkeypatch, tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text('stale_action_weeks = "three"\n')
    monkeypatch.setenv("SIGNALSCAN_HOME", str(home))
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigurationError, match="^SIGNALSCAN_STALE_ACTION_WEEKS='three' is not valid"):
            get_settings()
    finally:
        get_settings.cache_clear()
