"""Prompt files: versioned Markdown with front matter and `# system` / `# user` sections.

The canonical prompts ship inside the package (`signalscan/prompts/`), so an installed signalscan
finds them; `prompts/README.md` at the repository root points there.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from signalscan.errors import ConfigurationError


@dataclass(frozen=True)
class Prompt:
    """A prompt file: its version (front matter), system text and user template."""

    name: str
    version: str
    system: str
    user: str

    def template(self) -> Any:
        """A LangChain ChatPromptTemplate: the system text verbatim, the user section as a template."""
        from langchain_core.messages import SystemMessage
        from langchain_core.prompts import ChatPromptTemplate

        # the system text is a literal message, so braces in it are never read as variables
        return ChatPromptTemplate.from_messages([SystemMessage(content=self.system), ("human", self.user)])


def parse_prompt(name: str, text: str) -> Prompt:
    """Split a prompt file into front matter, system section and user section."""
    meta: dict[str, str] = {}
    body = text
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        for line in head.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip()
    _, has_system, rest = body.partition("# system\n")
    system, has_user, user = rest.partition("\n# user\n")
    if not (has_system and has_user):
        raise ConfigurationError(f"prompt file {name} needs a '# system' and a '# user' section")
    version = meta.get("version") or Path(name).stem
    return Prompt(name=name, version=version, system=system.strip(), user=user.strip())


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    """Load a prompt by file name from `directory`, else from the prompts shipped in the package."""
    if directory is not None and (directory / name).is_file():
        return parse_prompt(name, (directory / name).read_text(encoding="utf-8"))
    source = resources.files("signalscan").joinpath("prompts", name)
    if not source.is_file():
        raise ConfigurationError(f"prompt file {name} is missing from the signalscan package; reinstall it")
    return parse_prompt(name, source.read_text(encoding="utf-8"))
