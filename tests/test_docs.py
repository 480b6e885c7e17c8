"""The README documents every setting and every command (a new one fails here until it is)."""

from pathlib import Path

from typer.main import get_command

from signalscan.cli import app
from signalscan.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    missing = [name for name in Settings.model_fields if f"SIGNALSCAN_{name.upper()}" not in README]
    assert not missing, f"settings missing from README.md: {missing}"


def test_every_command_is_documented():
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if name != "token" and f"signalscan {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"
