"""The `signalscan` command line: thin commands that call the library.

Heavy imports (chromadb, onnxruntime, langchain) happen inside the commands so `--help` is fast.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from signalscan.config import get_settings
from signalscan.errors import SignalscanError

app = typer.Typer(
    help="Find where a program's reporting and execution have come apart.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
token_app = typer.Typer(help="API tokens for `signalscan serve`.", no_args_is_help=True)
app.add_typer(token_app, name="token")

err = Console(stderr=True)

ProgramOpt = Annotated[str, typer.Option("--program", help="Program name (namespace).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Judge the state as known on this date (YYYY-MM-DD).")
]


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.callback()
def _root(
    home: Annotated[
        Path | None,
        typer.Option("--home", help="Workspace folder (default: SIGNALSCAN_HOME or the user data folder)."),
    ] = None,
) -> None:
    """signalscan: execution-gap signals from steering minutes, decks, reports and e-mails."""
    if home is not None:
        os.environ["SIGNALSCAN_HOME"] = str(home.expanduser().resolve())
        get_settings.cache_clear()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (folders are read recursively).")],
    program: ProgramOpt = "default",
    meeting_date: Annotated[
        str | None, typer.Option("--meeting-date", help="Override the meeting date (YYYY-MM-DD).")
    ] = None,
    engine: Annotated[
        str | None, typer.Option("--engine", help="Extraction engine: rules|llm|hybrid.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Parse, index and extract documents into the workspace."""
    from signalscan.pipeline import ingest_paths, print_ingest_summary

    summary = ingest_paths(
        [str(p) for p in paths], program=program,
        meeting_date=_parse_date(meeting_date, "--meeting-date"),
        engine=engine, settings=get_settings(), show_progress=True,
    )
    if as_json:
        _print_json(summary)
    else:
        print_ingest_summary(summary)
    if summary["failed"]:
        raise typer.Exit(1)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Documents to extract from.")],
    meeting_date: Annotated[
        str | None, typer.Option("--meeting-date", help="Override the meeting date (YYYY-MM-DD).")
    ] = None,
    engine: Annotated[str | None, typer.Option("--engine", help="rules (default), llm or hybrid.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Extract actions, decisions, risks and statuses from files (writes nothing to the workspace)."""
    from signalscan.pipeline import extract_files, print_extraction

    results = extract_files(
        [str(f) for f in files], meeting_date=_parse_date(meeting_date, "--meeting-date"),
        engine=engine, settings=get_settings(),
    )
    if as_json:
        _print_json(results[0] if len(files) == 1 else results)
    else:
        for result in results:
            print_extraction(result)
    if any("error" in r for r in results):
        raise typer.Exit(1)


@app.command()
def items(
    program: ProgramOpt = "default",
    kind: Annotated[str | None, typer.Option("--kind", help="action, decision or risk.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only threads still open.")] = False,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Threads: each action, decision and risk followed across meetings."""
    from signalscan.service import list_threads, print_threads

    if kind not in (None, "action", "decision", "risk"):
        raise typer.BadParameter("use action, decision or risk", param_hint="--kind")
    threads = list_threads(
        get_settings(), program=program, kind=kind, open_only=open_only,
        as_of=_parse_date(as_of, "--as-of"),
    )
    if as_json:
        _print_json([t.model_dump(mode="json") for t in threads])
    else:
        print_threads(threads)


@app.command()
def signals(
    program: ProgramOpt = "default",
    as_of: AsOfOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this signal type.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Execution-gap signals for a program."""
    from signalscan.service import list_signals, print_signals

    found = list_signals(get_settings(), program=program, as_of=_parse_date(as_of, "--as-of"))
    if kind:
        found = [s for s in found if s.type == kind]
    if as_json:
        _print_json([s.model_dump(mode="json") for s in found])
    else:
        print_signals(found)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="A question in plain words.")] = None,
    program: ProgramOpt = "default",
    document: Annotated[
        str | None, typer.Option("--document", help="Only this ingested file (path as ingested).")
    ] = None,
    k: Annotated[int, typer.Option("-k", help="How many passages to cite.")] = 5,
    retrieve_only: Annotated[
        bool, typer.Option("--retrieve-only", help="Citations only, no answer.")
    ] = False,
    questions: Annotated[
        Path | None, typer.Option("--questions", help="JSONL file of {id, question, document?}.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ask about the program's history; every statement is cited."""
    from signalscan.qa import answer_question, answer_questions_file, print_answer

    settings = get_settings()
    if questions is not None:
        for answer in answer_questions_file(questions, settings, program=program, k=k,
                                            retrieve_only=retrieve_only):
            sys.stdout.write(answer.model_dump_json() + "\n")
            sys.stdout.flush()
        return
    if not question:
        raise typer.BadParameter("give a QUESTION or --questions FILE.jsonl")
    answer = answer_question(question, settings, program=program, document=document, k=k,
                             retrieve_only=retrieve_only)
    if as_json:
        _print_json(answer.model_dump(mode="json", exclude={"id"}))
    else:
        print_answer(answer)


@app.command()
def brief(
    program: ProgramOpt = "default",
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html, docx or json.")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    deliver: Annotated[bool, typer.Option(
        "--deliver", help="Run the weekly job for this program, for cron: store it, write the outbox, "
        "e-mail and post it, retry queued deliveries; exit 1 if one still fails.")] = False,
) -> None:
    """The weekly execution-gap briefing."""
    from signalscan.briefing import write_briefing

    if fmt not in ("md", "html", "docx", "json"):
        raise typer.BadParameter("use md, html, docx or json", param_hint="--format")
    if deliver:
        from signalscan.scheduler import deliver_once, describe_run

        if output is not None:
            raise typer.BadParameter("--deliver writes to the outbox; drop -o", param_hint="--deliver")
        settings = get_settings()
        report = deliver_once(settings, program, _parse_date(as_of, "--as-of"))
        for line in describe_run(report, settings):
            err.print(line, markup=False, highlight=False, soft_wrap=True)
        if report.deliveries.still_queued:
            err.print("error: a delivery failed after retries and stays queued; fix the setting or the "
                      "receiver, then rerun `signalscan brief --deliver` (or `signalscan schedule`)",
                      markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1)
        return
    written = write_briefing(get_settings(), program=program, as_of=_parse_date(as_of, "--as-of"),
                             fmt=fmt, output=output)
    if written is not None:
        err.print(f"briefing written to {written}")


@app.command()
def schedule() -> None:
    """Run the weekly briefings in the foreground (cron expression: SIGNALSCAN_BRIEF_CRON)."""
    from signalscan.scheduler import run_forever

    run_forever(get_settings())


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """Serve the REST API and the web UI."""
    import uvicorn

    from signalscan.web.app import create_app

    uvicorn.run(create_app(get_settings()), host=host, port=port)


@token_app.command("create")
def token_create(
    program: ProgramOpt = "default",
    role: Annotated[str, typer.Option("--role", help="read, write or admin.")] = "read",
) -> None:
    """Create an API token for one program; prints the token alone."""
    from signalscan.web.auth import create_token

    if role not in ("read", "write", "admin"):
        raise typer.BadParameter("use read, write or admin", param_hint="--role")
    sys.stdout.write(create_token(get_settings(), program=program, role=role) + "\n")


@app.command()
def demo() -> None:
    """Run the whole pipeline on the bundled sample program and show what it finds."""
    from signalscan.demo import run_demo

    run_demo()


def main() -> None:
    """Console entry point: handled errors become one line on stderr and exit code 1."""
    try:
        app()
    except SignalscanError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise SystemExit(1) from None
