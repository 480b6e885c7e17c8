"""`signalscan demo`: the whole pipeline on the bundled sample program, end to end, offline."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rich.console import Console
from rich.panel import Panel

from signalscan.config import get_settings
from signalscan.errors import SignalscanError

PROGRAM = "atlas-erp"
QUESTIONS = (
    "When did we first hear about the data migration slippage, and who owned the fix?",
    "Which decisions are still pending?",
    "What is open and overdue?",
)


def sample_program_dir() -> Path:
    """The bundled sample program (fixtures/sample-program in the source tree)."""
    candidates = [
        Path(__file__).resolve().parents[2] / "fixtures" / "sample-program",
        Path.cwd() / "fixtures" / "sample-program",
    ]
    for path in candidates:
        if path.is_dir():
            return path
    raise SignalscanError(
        "the sample program is missing: run `python fixtures/make_sample_program.py` in the "
        "signalscan source folder, or install signalscan from its source checkout (pip install -e .)"
    )


def run_demo(console: Console | None = None) -> Path:
    """Ingest the sample program into a fresh workspace, then show extraction, signals, answers, briefing."""
    console = console or Console()
    source = sample_program_dir()
    home = Path(tempfile.mkdtemp(prefix="signalscan-demo-"))
    os.environ["SIGNALSCAN_HOME"] = str(home)
    get_settings.cache_clear()
    settings = get_settings()
    console.print(Panel.fit(
        f"signalscan demo — sample program [bold]{PROGRAM}[/bold]\n"
        f"documents: {source}\nworkspace: {home}", title="signalscan"))
    _ingest(console, settings, source)
    _threads_and_signals(console, settings)
    _answers(console, settings)
    briefing = _briefing(console, settings, home)
    console.print(Panel.fit(
        f"Workspace kept at {home}\nTry: signalscan --home {home} signals --program {PROGRAM}\n"
        f"     signalscan --home {home} ask \"who owns the data migration actions?\" --program {PROGRAM}"
        + (f"\nBriefing: {briefing}" if briefing else ""),
        title="next"))
    return home


def _ingest(console: Console, settings, source: Path) -> None:
    from signalscan.pipeline import ingest_paths, print_ingest_summary

    console.rule("1. Ingest: parse, chunk, embed, extract")
    summary = ingest_paths([str(source)], program=PROGRAM, meeting_date=None, engine=None,
                           settings=settings, show_progress=True)
    print_ingest_summary(summary)


def _threads_and_signals(console: Console, settings) -> None:
    from signalscan.service import list_signals, list_threads, print_signals, print_threads

    console.rule("2. Threads: the same item followed across meetings")
    threads = list_threads(settings, program=PROGRAM, open_only=True)
    print_threads(threads[:15])
    if len(threads) > 15:
        console.print(f"… and {len(threads) - 15} more open threads (signalscan items --program {PROGRAM})")
    console.rule("3. Execution-gap signals")
    print_signals(list_signals(settings, program=PROGRAM))


def _answers(console: Console, settings) -> None:
    from signalscan.qa import answer_question, print_answer

    console.rule("4. Ask: cited answers")
    for question in QUESTIONS:
        print_answer(answer_question(question, settings, program=PROGRAM, document=None, k=3,
                                     retrieve_only=False))


def _briefing(console: Console, settings, home: Path) -> Path | None:
    from signalscan.briefing import write_briefing

    console.rule("5. The weekly execution-gap briefing")
    html = write_briefing(settings, program=PROGRAM, as_of=None, fmt="html",
                          output=home / "briefing.html")
    write_briefing(settings, program=PROGRAM, as_of=None, fmt="md", output=home / "briefing.md")
    markdown = (home / "briefing.md").read_text(encoding="utf-8")
    # the headline, summary, leadership questions and changes; the rest is in the files
    console.print(markdown.split("\n## Signals by severity")[0].strip())
    console.print(f"\n[bold]Briefing written:[/bold] {html} (and briefing.md beside it)")
    return html
