"""`signalscan brief` as cron runs it: `--deliver` stores, writes the outbox, e-mails and posts; plain
`brief` writes nothing. Real servers: aiosmtpd for SMTP, http.server for the webhook."""

from __future__ import annotations

import email
import email.policy

import pytest
from brief_helpers import WebhookReceiver, smtp_server
from ingest_support import write_program
from typer.testing import CliRunner

from signalscan.cli import app
from signalscan.config import get_settings


@pytest.fixture
def workspace(monkeypatch, tmp_path):
    """Program `erp`: two meetings ingested with the hash embedder; one delivery attempt, no waiting."""
    home = tmp_path / "home"
    monkeypatch.setenv("SIGNALSCAN_EMBEDDINGS", "hash")
    monkeypatch.setenv("SIGNALSCAN_DELIVERY_RETRIES", "1")
    for name in ("SMTP_HOST", "MAIL_TO", "WEBHOOK_URL", "LLM_BASE_URL", "LLM_MODEL"):
        monkeypatch.delenv(f"SIGNALSCAN_{name}", raising=False)
    get_settings.cache_clear()
    write_program(tmp_path / "docs")
    ingested = cli(home, "ingest", str(tmp_path / "docs"), "--program", "erp", "--json")
    assert ingested.exit_code == 0, ingested.output
    yield home
    get_settings.cache_clear()


def cli(home, *args: str):
    return CliRunner().invoke(app, ["--home", str(home), *args])


def stored_briefings(home) -> list:
    from signalscan.scheduler import history_for

    return history_for(get_settings()).weeks("erp")


def test_plain_brief_has_no_side_effects(workspace):
    result = cli(workspace, "brief", "--program", "erp")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ") and "## Signals by severity" in result.stdout
    assert not (workspace / "outbox").exists()
    assert stored_briefings(workspace) == []


def test_deliver_stores_writes_the_outbox_emails_and_posts(workspace, monkeypatch):
    with smtp_server() as (port, inbox), WebhookReceiver() as receiver:
        monkeypatch.setenv("SIGNALSCAN_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SIGNALSCAN_SMTP_PORT", str(port))
        monkeypatch.setenv("SIGNALSCAN_MAIL_TO", "pmo@example.com")
        monkeypatch.setenv("SIGNALSCAN_WEBHOOK_URL", receiver.url)
        result = cli(workspace, "brief", "--program", "erp", "--deliver")
        again = cli(workspace, "brief", "--program", "erp", "--deliver")  # cron fired twice in a week

    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # cron mails stdout; what happened goes to stderr
    assert "delivered: erp 2026-03-13 by e-mail to pmo@example.com" in result.stderr
    assert "delivered: erp 2026-03-13 by webhook http://127.0.0.1:" in result.stderr
    assert (workspace / "outbox" / "erp" / "2026-03-13.html").is_file()
    assert (workspace / "outbox" / "erp" / "2026-03-13.docx").is_file()
    assert [str(w) for w in stored_briefings(workspace)] == ["2026-03-13"]

    [envelope] = inbox.envelopes
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert "erp" in message["Subject"]
    assert [a.get_filename() for a in message.iter_attachments()] == ["erp-2026-03-13.docx"]
    [body] = receiver.bodies
    assert "erp" in body["text"]

    assert again.exit_code == 0 and "nothing new queued" in again.stderr
    assert len(inbox.envelopes) == 1 and len(receiver.bodies) == 1  # not sent twice


def test_deliver_as_of_an_earlier_week(workspace):
    result = cli(workspace, "brief", "--program", "erp", "--as-of", "2026-03-06", "--deliver")
    assert result.exit_code == 0, result.output
    assert "the outbox is the only delivery" in result.stderr
    assert [str(w) for w in stored_briefings(workspace)] == ["2026-03-06"]
    assert (workspace / "outbox" / "erp" / "2026-03-06.html").is_file()


def test_failed_delivery_exits_1_stays_queued_and_the_next_run_sends_it(workspace, monkeypatch):
    with WebhookReceiver(fail_first=1) as receiver:
        monkeypatch.setenv("SIGNALSCAN_WEBHOOK_URL", receiver.url)
        failed = cli(workspace, "brief", "--program", "erp", "--deliver")
        assert failed.exit_code == 1
        assert "not delivered, stays queued for the next run: erp 2026-03-13 by webhook" in failed.stderr
        assert "HTTP 500" in failed.stderr and "rerun `signalscan brief --deliver`" in failed.stderr
        assert receiver.bodies == []

        retried = cli(workspace, "brief", "--program", "erp", "--deliver")
    assert retried.exit_code == 0, retried.output
    assert "delivered: erp 2026-03-13 by webhook" in retried.stderr
    assert len(receiver.bodies) == 1


def test_deliver_for_a_program_without_documents_says_what_to_do(workspace):
    from signalscan.errors import SignalscanError

    result = cli(workspace, "brief", "--program", "nobody", "--deliver")
    assert isinstance(result.exception, SignalscanError)  # main() prints it on one line, exit code 1
    assert "signalscan ingest" in str(result.exception)
    assert stored_briefings(workspace) == []


def test_deliver_refuses_an_output_file(workspace, tmp_path):
    result = cli(workspace, "brief", "--program", "erp", "--deliver", "-o", str(tmp_path / "b.md"))
    assert result.exit_code == 2 and "drop -o" in result.stderr
