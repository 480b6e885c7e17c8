"""Writing the answer: an LLM chain over the retrieved passages, or extractive sentences, always cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from signalscan.models import Answer, Citation
from signalscan.qa.lexical import tokenize

PROMPT_PATH = Path(__file__).resolve().parent.parent / "prompts" / "ask_v1.md"
NO_ANSWER = "No passage answers this question"
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=1)
def _prompt_sections() -> tuple[str, str]:
    text = PROMPT_PATH.read_text(encoding="utf-8")
    body = text.split("---", 2)[2] if text.startswith("---") else text
    system = body.split("# system", 1)[1].split("# user", 1)[0].strip()
    user = body.split("# user", 1)[1].strip()
    return system, user


def format_passages(citations: Sequence[Citation]) -> str:
    """Passages numbered as the model must cite them, each with its source and date."""
    parts = []
    for number, c in enumerate(citations, start=1):
        when = f", {c.meeting_date}" if c.meeting_date else ""
        parts.append(f"[{number}] ({c.document}, {c.locator}{when})\n{c.quote}")
    return "\n\n".join(parts)


def llm_answer(question: str, citations: Sequence[Citation], chat: Any) -> str:
    """A LangChain chain (prompt | chat model | string parser) writes the answer from the passages only."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    from signalscan.llm import describe_llm_failure

    system, user = _prompt_sections()
    prompt = ChatPromptTemplate.from_messages([("system", system), ("human", user)])
    chain = prompt | chat | StrOutputParser()
    try:
        return chain.invoke({"question": question, "passages": format_passages(citations)}).strip()
    except Exception as exc:
        raise describe_llm_failure(exc) from exc


def best_sentences(question: str, text: str, limit: int = 2) -> list[str]:
    """The sentences of a passage that share the most content words with the question, in text order."""
    wanted = set(tokenize(question))
    sentences = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 2]
    if not sentences:
        return []
    scored = sorted(range(len(sentences)),
                    key=lambda i: (-len(wanted & set(tokenize(sentences[i]))), i))
    keep = sorted(i for i in scored[:limit] if wanted & set(tokenize(sentences[i])))
    return [sentences[i] for i in keep] or [sentences[0]]


def extractive_answer(question: str, citations: Sequence[Citation], weak: bool, passages: int = 3) -> str:
    """The best passages trimmed to the sentences that answer, cited; a clear no-answer when weak."""
    if not citations:
        return f"{NO_ANSWER}: nothing relevant was found in the ingested documents."
    if weak:
        return (f"{NO_ANSWER}: the closest passages below match it only weakly "
                f"(best: {citations[0].document}, {citations[0].locator}).")
    lines = []
    for number, citation in enumerate(citations[:passages], start=1):
        quote = " ".join(best_sentences(question, citation.quote))
        when = f", {citation.meeting_date}" if citation.meeting_date else ""
        lines.append(f"{quote} [{number}] ({citation.document}, {citation.locator}{when})")
    return "\n".join(lines)


def print_answer(answer: Answer) -> None:
    """An answer and its numbered citations on the terminal."""
    from rich.console import Console

    console = Console()
    if answer.answer:
        console.print(answer.answer, highlight=False)
    if not answer.citations:
        return
    console.print(f"\n[bold]Sources[/bold] ({answer.mode})")
    for number, c in enumerate(answer.citations, start=1):
        when = f" {c.meeting_date}" if c.meeting_date else ""
        quote = " ".join(c.quote.split())
        console.print(f"[{number}] {c.document} — {c.locator}{when}: \"{quote[:160]}\"", highlight=False,
                      markup=False)
