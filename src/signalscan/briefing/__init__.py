"""The weekly execution-gap briefing: build the facts, write the summary, render md/html/docx/json."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from signalscan.briefing.build import build_briefing, build_counts
from signalscan.briefing.model import Briefing
from signalscan.briefing.sources import ProgramSource, ledger_source
from signalscan.briefing.summary import summarize
from signalscan.briefing.weeks import meeting_weeks
from signalscan.config import Settings
from signalscan.errors import ConfigurationError, NotFoundError

FORMATS = ("md", "html", "docx", "json")
__all__ = ["Briefing", "FORMATS", "build_briefing", "generate_briefing", "render", "write_briefing"]


def generate_briefing(source: ProgramSource, as_of: date | None = None, chat_model: Any | None = None,
                      window_days: int = 3, llm_note: str | None = None) -> Briefing:
    """Build this week's briefing and, to compare with, the same build at the previous meeting week."""
    known = source.extractions(as_of)
    weeks = [w for w in meeting_weeks(known, window_days) if as_of is None or w.start <= as_of]
    if not weeks:
        raise NotFoundError(f"program {source.program!r} has no dated documents"
                            + (f" on or before {as_of}" if as_of else "")
                            + f": ingest some with `signalscan ingest PATH --program {source.program}`")
    # the latest document known by then: a daily cron with today's date rebuilds (and stores) the same
    # briefing until a new document arrives, instead of one per calendar day
    dates = [e.extraction.document.meeting_date for e in known]
    as_of = max(d for d in dates if d is not None and (as_of is None or d <= as_of))
    previous = _previous_counts(source, known, weeks[-2].end, window_days) if len(weeks) > 1 else None
    briefing = build_briefing(_known_on(known, as_of), source.threads(as_of), source.signals(as_of),
                              previous=previous, as_of=as_of, program=source.program, window_days=window_days)
    briefing.summary = summarize(briefing, chat_model, unavailable=llm_note)
    return briefing


def _known_on(known: list, as_of: date) -> list:
    # extractions are read once; "known on as_of" is only a filter on their meeting dates
    return [e for e in known if e.extraction.document.meeting_date <= as_of]


def _previous_counts(source: ProgramSource, known: list, as_of: date, window_days: int) -> Briefing:
    # the comparison needs only last week's signals and counts, not its tables, grid or facts
    return build_counts(_known_on(known, as_of), source.threads(as_of), source.signals(as_of), as_of,
                        source.program, window_days)


def chat_model_for(settings: Settings) -> tuple[Any | None, str | None]:
    """The configured chat model, or None and why not (no LLM configured is normal, not an error)."""
    if not settings.llm_base_url and not settings.llm_model:
        return None, None
    try:
        from signalscan.llm import get_chat_model

        return get_chat_model(settings), None
    except (ConfigurationError, ImportError) as exc:
        return None, f"The LLM is not usable ({exc}); this summary was written from templates."


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing in one format, as bytes (UTF-8 for the text formats)."""
    if fmt == "md":
        from signalscan.briefing.render_md import render_md

        return render_md(briefing).encode("utf-8")
    if fmt == "html":
        from signalscan.briefing.render_html import render_html

        return render_html(briefing).encode("utf-8")
    if fmt == "docx":
        from signalscan.briefing.render_docx import render_docx

        return render_docx(briefing)
    if fmt == "json":
        return (json.dumps(briefing.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        )
    raise ConfigurationError(f"unknown briefing format {fmt!r}: use one of {', '.join(FORMATS)}")


def outbox_path(settings: Settings, program: str, as_of: date | None, fmt: str) -> Path:
    """Where html/docx briefings go without -o: <home>/outbox/<program>/<as_of>.<ext>."""
    return settings.home / "outbox" / program / f"{as_of or 'latest'}.{fmt}"


def write_briefing(
    settings: Settings, program: str, as_of: date | None = None, fmt: str = "md", output: Path | None = None
) -> Path | None:
    """Build and render a briefing; md/json go to stdout unless `output`, html/docx to the outbox."""
    chat_model, note = chat_model_for(settings)
    briefing = generate_briefing(
        ledger_source(settings, program), as_of, chat_model, settings.meeting_week_days, llm_note=note
    )
    content = render(briefing, fmt)
    if output is None and fmt in ("md", "json"):
        sys.stdout.write(content.decode("utf-8"))
        sys.stdout.flush()
        return None
    target = Path(output) if output is not None else outbox_path(settings, program, briefing.as_of, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target
