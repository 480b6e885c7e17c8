"""The weekly briefing schedule (APScheduler 3): build, store, write to the outbox, deliver.

`build_scheduler(settings)` returns a scheduler with the weekly job added, not started, so the
same job runs in the foreground (`signalscan schedule`) or inside the web server.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from signalscan.briefing import chat_model_for, generate_briefing
from signalscan.briefing.history import BriefingHistory
from signalscan.briefing.sources import ProgramSource, ledger_source
from signalscan.config import Settings
from signalscan.delivery import DeliveryReport, channels, deliver_pending, write_outbox
from signalscan.errors import ConfigurationError, SignalscanError

log = logging.getLogger(__name__)

JOB_ID = "signalscan-weekly-briefings"
# standard crontab numbers weekdays from Sunday=0; APScheduler 3 from Monday=0, so numbers become names
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class RunReport:
    """What one scheduled run did, per program, and the deliveries."""

    briefed: dict[str, str] = field(default_factory=dict)  # program -> outbox path of the HTML
    unchanged: list[str] = field(default_factory=list)  # no meeting since the stored briefing
    failed: dict[str, str] = field(default_factory=dict)  # program -> error
    deliveries: DeliveryReport = field(default_factory=DeliveryReport)


def history_for(settings: Settings) -> BriefingHistory:
    """The briefing history in the workspace's ledger."""
    from signalscan.ledger import Ledger

    return BriefingHistory(Ledger.from_settings(settings).engine)  # migrated: m005_briefings


def programs_to_brief(settings: Settings) -> list[str]:
    """SIGNALSCAN_BRIEF_PROGRAMS, or every program in the ledger."""
    named = [p.strip() for p in settings.brief_programs.split(",") if p.strip()]
    if named:
        return named
    from signalscan.ledger import Ledger

    return list(Ledger.from_settings(settings).programs())


def brief_program(
    settings: Settings, source: ProgramSource, history: BriefingHistory, as_of: date | None = None
) -> tuple[str, bool]:
    """Build one program's briefing, write it to the outbox, store it and queue its deliveries."""
    chat_model, note = chat_model_for(settings)
    briefing = generate_briefing(source, as_of, chat_model, settings.meeting_week_days, llm_note=note)
    paths = write_outbox(settings, briefing)
    briefing_id, new = history.record(briefing, [str(p) for p in paths])
    if new:  # a re-run in the same meeting week refreshes the files but does not send them again
        for channel in channels(settings):
            history.queue(briefing_id, channel)
    return str(paths[0]), new


def run_briefings(
    settings: Settings,
    history: BriefingHistory | None = None,
    source_for: Callable[[Settings, str], ProgramSource] = ledger_source,
    backoff: float = 2.0,
) -> RunReport:
    """One scheduled run: every program's briefing, then every queued delivery (earlier failures too)."""
    history = history or history_for(settings)
    report = RunReport()
    for program in programs_to_brief(settings):
        try:
            path, new = brief_program(settings, source_for(settings, program), history)
        except SignalscanError as exc:
            log.error("briefing for program %r failed: %s", program, exc)
            report.failed[program] = str(exc)
            continue
        if new:
            report.briefed[program] = path
        else:
            report.unchanged.append(program)
    report.deliveries = deliver_pending(settings, history, backoff)
    log.info(
        "briefings: %d new, %d unchanged, %d failed; deliveries: %d sent, %d still queued",
        len(report.briefed),
        len(report.unchanged),
        len(report.failed),
        report.deliveries.sent,
        report.deliveries.still_queued,
    )
    return report


def deliver_once(
    settings: Settings,
    program: str,
    as_of: date | None = None,
    history: BriefingHistory | None = None,
    source_for: Callable[[Settings, str], ProgramSource] = ledger_source,
    backoff: float = 2.0,
) -> RunReport:
    """`signalscan brief --deliver`: the scheduled run for one program (and date), for cron.

    Unlike `run_briefings`, a program that cannot be briefed raises (the CLI prints it and exits 1),
    and only this program's queued deliveries are retried, so the exit code speaks for it alone.
    """
    history = history or history_for(settings)
    report = RunReport()
    path, new = brief_program(settings, source_for(settings, program), history, as_of)
    if new:
        report.briefed[program] = path
    else:
        report.unchanged.append(program)
    report.deliveries = deliver_pending(settings, history, backoff, program=program)
    return report


def describe_run(report: RunReport, settings: Settings) -> list[str]:
    """What a run did, one line each, for people (and cron mail) to read."""
    lines = [f"{program}: briefed, written to {path} (and .docx)" for program, path in report.briefed.items()]
    lines += [
        f"{program}: no new meeting since the stored briefing; outbox refreshed, nothing new queued"
        for program in report.unchanged
    ]
    lines += [f"{program}: not briefed: {error}" for program, error in report.failed.items()]
    if not channels(settings):
        lines.append(
            "no e-mail or webhook configured (SIGNALSCAN_SMTP_HOST with SIGNALSCAN_MAIL_TO, "
            "SIGNALSCAN_WEBHOOK_URL): the outbox is the only delivery"
        )
    lines += [f"delivered: {line}" for line in report.deliveries.sent_lines]
    lines += [
        f"not delivered, stays queued for the next run: {line}" for line in report.deliveries.queued_lines
    ]
    return lines


def cron_trigger(expression: str) -> Any:
    """An APScheduler CronTrigger from a standard 5-field crontab expression."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expression.split()
    if len(fields) != 5:
        raise ConfigurationError(
            f"SIGNALSCAN_BRIEF_CRON {expression!r} needs 5 fields "
            "(minute hour day month weekday), e.g. '0 7 * * MON'"
        )
    fields[4] = re.sub(r"\b[0-7]\b", lambda m: _CRON_DAYS[int(m.group())], fields[4])
    try:
        return CronTrigger.from_crontab(" ".join(fields))
    except ValueError as exc:
        raise ConfigurationError(
            f"SIGNALSCAN_BRIEF_CRON {expression!r} is not valid ({exc}); "
            "use a crontab expression such as '0 7 * * MON'"
        ) from None


def build_scheduler(settings: Settings, scheduler: Any | None = None, **run_options: Any) -> Any:
    """A scheduler (default: BackgroundScheduler, not started) with the weekly briefing job.

    `run_options` go to `run_briefings` (a history, a source factory, the retry backoff).
    """
    if scheduler is None:
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler()
    scheduler.add_job(
        run_briefings,
        cron_trigger(settings.brief_cron),
        args=[settings],
        kwargs=run_options,
        id=JOB_ID,
        name="weekly execution-gap briefings",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
    return scheduler


def run_forever(settings: Settings) -> None:
    """`signalscan schedule`: retry queued deliveries now, then run the weekly job in the foreground."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    scheduler = build_scheduler(settings, BlockingScheduler())
    history = history_for(settings)
    pending = history.pending()
    if pending:
        log.warning("%d briefing deliveries queued from earlier runs; retrying now", len(pending))
        deliver_pending(settings, history)
    log.info(
        "weekly briefings scheduled (%s); programs: %s",
        settings.brief_cron,
        settings.brief_programs or "every program in the ledger",
    )
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("scheduler stopped")
