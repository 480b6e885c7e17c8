"""Delivery through a real local SMTP server and a real local HTTP receiver; failures stay queued."""

import email
import email.policy
import io

import pytest
from brief_helpers import WebhookReceiver, free_port, sample_source, smtp_server, sqlite_history

from signalscan.config import Settings
from signalscan.scheduler import run_briefings


@pytest.fixture
def smtp():
    with smtp_server() as server:
        yield server


def settings_for(tmp_path, **values):
    return Settings(home=tmp_path, brief_programs="harbor-erp", delivery_retries=2, **values)


def test_email_has_html_body_and_docx_attachment(tmp_path, smtp):
    port, inbox = smtp
    settings = settings_for(
        tmp_path, smtp_host="127.0.0.1", smtp_port=port, mail_to="pmo@example.com, cio@example.com"
    )
    report = run_briefings(settings, sqlite_history(tmp_path / "ledger.db"), sample_source, backoff=0)
    assert report.deliveries.sent == 1 and report.deliveries.still_queued == 0
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == ["pmo@example.com", "cio@example.com"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert "harbor-erp" in message["Subject"] and "watermelon" in message["Subject"]
    html = message.get_body(("html",)).get_content()
    assert "data:image/png;base64," in html and "Leadership questions" in html
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "harbor-erp-2026-03-27.docx"
    from docx import Document

    assert len(Document(io.BytesIO(attachment.get_content())).inline_shapes) == 2
    assert (tmp_path / "outbox" / "harbor-erp" / "2026-03-27.html").is_file()
    assert (tmp_path / "outbox" / "harbor-erp" / "2026-03-27.docx").is_file()


def test_webhook_posts_slack_and_teams_style_json(tmp_path):
    with WebhookReceiver() as receiver:
        settings = settings_for(tmp_path, webhook_url=receiver.url)
        run_briefings(settings, sqlite_history(tmp_path / "ledger.db"), sample_source, backoff=0)
    [body] = receiver.bodies
    assert "1 watermelon workstream(s)" in body["text"]
    assert body["blocks"][0]["type"] == "section" and len(body["blocks"]) == 5
    assert body["sections"][0]["facts"][0]["name"] == "Are decisions being made?"


def test_failed_delivery_stays_queued_and_is_retried_next_run(tmp_path):
    history = sqlite_history(tmp_path / "ledger.db")
    with WebhookReceiver(fail_first=2) as receiver:
        settings = settings_for(tmp_path, webhook_url=receiver.url)
        first = run_briefings(settings, history, sample_source, backoff=0)
        assert first.deliveries.still_queued == 1 and receiver.bodies == []
        [pending] = history.pending()
        assert pending.attempts == 2 and "HTTP 500" in pending.last_error

        second = run_briefings(settings, history, sample_source, backoff=0)
    assert second.unchanged == ["harbor-erp"]  # same meeting week: not briefed or queued again
    assert second.deliveries.sent == 1 and len(receiver.bodies) == 1
    [row] = history.deliveries_of(pending.briefing_id)
    assert (row["status"], row["attempts"]) == ("sent", 3)
    assert history.pending() == []


def test_unreachable_smtp_is_recorded_not_raised(tmp_path):
    settings = settings_for(tmp_path, smtp_host="127.0.0.1", smtp_port=free_port(), mail_to="pmo@example.com")
    history = sqlite_history(tmp_path / "ledger.db")
    report = run_briefings(settings, history, sample_source, backoff=0)
    assert report.briefed == {"harbor-erp": str(tmp_path / "outbox" / "harbor-erp" / "2026-03-27.html")}
    [pending] = history.pending()
    assert pending.channel == "email" and "ConnectionRefused" in pending.last_error


def test_history_keeps_one_briefing_per_week(tmp_path):
    history = sqlite_history(tmp_path / "ledger.db")
    run_briefings(settings_for(tmp_path), history, sample_source, backoff=0)
    run_briefings(settings_for(tmp_path), history, sample_source, backoff=0)
    assert [str(w) for w in history.weeks("harbor-erp")] == ["2026-03-27"]
    assert history.latest("harbor-erp").headline.counts.stale_actions == 1
