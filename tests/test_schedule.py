"""The weekly schedule: crontab expressions as people write them, and the job it runs."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED
from brief_helpers import sample_source, sqlite_history

from signalscan.config import Settings
from signalscan.errors import ConfigurationError
from signalscan.scheduler import JOB_ID, build_scheduler, cron_trigger

UTC = ZoneInfo("UTC")


@pytest.mark.parametrize("expression", ["0 7 * * MON", "0 7 * * 1", "0 7 * * mon"])
def test_monday_morning_in_crontab_terms(expression):
    # Wednesday 4 March 2026 -> the next Monday, 9 March, 07:00
    after = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    trigger = cron_trigger(expression)
    assert trigger.get_next_fire_time(None, after).replace(tzinfo=None) == datetime(2026, 3, 9, 7, 0)


def test_sunday_is_zero_as_in_crontab():
    after = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    assert cron_trigger("30 6 * * 0").get_next_fire_time(None, after).day == 8  # Sunday 8 March


@pytest.mark.parametrize("expression", ["0 7 * *", "99 7 * * MON", "every monday"])
def test_bad_cron_names_the_setting(expression):
    with pytest.raises(ConfigurationError, match="SIGNALSCAN_BRIEF_CRON"):
        cron_trigger(expression)


def test_build_scheduler_adds_the_weekly_job_without_starting():
    scheduler = build_scheduler(Settings(brief_cron="0 7 * * FRI"))
    job = scheduler.get_job(JOB_ID)
    assert job is not None and not scheduler.running
    assert "day_of_week='fri'" in str(job.trigger)


def test_the_scheduled_job_briefs_and_stores(tmp_path):
    history = sqlite_history(tmp_path / "ledger.db")
    settings = Settings(home=tmp_path, brief_programs="harbor-erp")
    scheduler = build_scheduler(settings, history=history, source_for=sample_source, backoff=0)
    done = threading.Event()
    scheduler.add_listener(lambda event: done.set(), mask=EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    scheduler.start()
    try:
        scheduler.get_job(JOB_ID).modify(next_run_time=datetime.now(UTC))
        assert done.wait(60)
    finally:
        scheduler.shutdown(wait=True)
    assert [str(w) for w in history.weeks("harbor-erp")] == ["2026-03-27"]
    assert (tmp_path / "outbox" / "harbor-erp" / "2026-03-27.docx").is_file()


def test_a_daily_cron_with_todays_date_stores_one_briefing_per_meeting_week(tmp_path):
    from datetime import date

    from signalscan.scheduler import brief_program

    history = sqlite_history(tmp_path / "ledger.db")
    settings = Settings(home=tmp_path)
    source = sample_source(settings, "harbor-erp")
    firsts = [brief_program(settings, source, history, as_of=date(2026, 3, day))[1] for day in (28, 29, 30)]
    assert firsts == [True, False, False]
    assert [str(w) for w in history.weeks("harbor-erp")] == ["2026-03-27"]
