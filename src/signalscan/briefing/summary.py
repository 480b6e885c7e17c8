"""The executive summary: an LLM writes it from the numbered facts when configured, templates otherwise."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from signalscan.briefing.model import Briefing, Summary
from signalscan.extraction.llm_prompt import Prompt, load_prompt

log = logging.getLogger(__name__)

PROMPT_NAME = "brief_summary_v1.md"  # signalscan/prompts/; a new wording is a new file and version
_CITATION = re.compile(r"\[(\d+)\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])|(?<=\])\s+(?=[A-Z0-9“\"(])")


def summarize(briefing: Briefing, chat_model: Any | None = None, unavailable: str | None = None) -> Summary:
    """The summary for a built briefing; never raises: LLM trouble falls back to templates."""
    if chat_model is None:
        return Summary(mode="template", text=template_summary(briefing), note=unavailable)
    try:
        text = llm_summary(briefing, chat_model)
    except Exception as exc:  # an LLM failure must never break the briefing
        log.warning("LLM summary failed, using the template summary: %s", exc)
        return Summary(
            mode="template",
            text=template_summary(briefing),
            note=f"The LLM summary failed ({_one_line(exc)}); this summary was written from templates.",
        )
    return Summary(mode="llm", text=text)


def template_summary(briefing: Briefing) -> str:
    """A summary assembled from the facts with fixed sentences, each citing its fact."""
    facts = briefing.facts
    if not facts:
        return "No documents are on record for this program yet."
    sentences = [f"{facts[0].text} [1]"]
    signal_facts = [f for f in facts[1:] if not any(f.n in q.facts for q in briefing.questions)][:3]
    if signal_facts:
        sentences.append("Most pressing: " + " ".join(f"{f.text.rstrip('.')} [{f.n}]." for f in signal_facts))
    sentences += [answer.answer for answer in briefing.questions]
    return " ".join(s if s.endswith((".", "]")) else s + "." for s in sentences)


@lru_cache(maxsize=1)
def summary_prompt() -> Prompt:
    """The summary prompt file (system text and user template), read once."""
    return load_prompt(PROMPT_NAME)


def facts_prompt(briefing: Briefing) -> str:
    """The user message: the program, the date and the numbered facts."""
    facts = "\n".join(f"[{fact.n}] {fact.text}" for fact in briefing.facts)
    # str.format reads braces in the template only, so braces quoted in the facts stay as they are
    return summary_prompt().user.format(program=briefing.program, as_of=briefing.as_of, facts=facts)


def llm_summary(briefing: Briefing, chat_model: Any) -> str:
    """Ask the chat model for the summary and check every sentence cites existing facts."""
    reply = chat_model.invoke([("system", summary_prompt().system), ("human", facts_prompt(briefing))])
    text = getattr(reply, "content", reply)
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty reply")
    text = " ".join(text.split())
    valid = set(range(1, len(briefing.facts) + 1))
    for sentence in _SENTENCE.split(text):
        cited = {int(n) for n in _CITATION.findall(sentence)}
        if not cited:
            raise ValueError(f"a sentence cites no fact: {sentence[:80]!r}")
        if not cited <= valid:
            raise ValueError(f"a sentence cites facts that do not exist: {sorted(cited - valid)}")
    return text


def _one_line(exc: Exception) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:160]
