"""Delivering briefings: the outbox folder, SMTP e-mail, a chat webhook; retried, recorded, never lost."""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from signalscan.briefing import outbox_path, render
from signalscan.briefing.history import BriefingHistory, PendingDelivery
from signalscan.briefing.model import Briefing
from signalscan.briefing.render_md import title
from signalscan.config import Settings

log = logging.getLogger(__name__)

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
OUTBOX_FORMATS = ("html", "docx")


@dataclass
class DeliveryReport:
    """What one delivery pass did: counts, and one line per delivery saying what and where."""

    sent: int = 0
    still_queued: int = 0
    sent_lines: list[str] = field(default_factory=list)
    queued_lines: list[str] = field(default_factory=list)


def write_outbox(
    settings: Settings, briefing: Briefing, formats: tuple[str, ...] = OUTBOX_FORMATS
) -> list[Path]:
    """Write the briefing to <home>/outbox/<program>/<as_of>.<ext>, one file per format."""
    paths = []
    for fmt in formats:
        path = outbox_path(settings, briefing.program, briefing.as_of, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(briefing, fmt))
        paths.append(path)
    return paths


def channels(settings: Settings) -> list[str]:
    """The delivery channels these settings configure (besides the outbox, which is always written)."""
    found = []
    if settings.smtp_host and recipients(settings):
        found.append("email")
    if settings.webhook_url:
        found.append("webhook")
    return found


def recipients(settings: Settings) -> list[str]:
    """The e-mail recipients from SIGNALSCAN_MAIL_TO (comma-separated)."""
    return [a.strip() for a in settings.mail_to.split(",") if a.strip()]


def email_message(settings: Settings, briefing: Briefing) -> EmailMessage:
    """The briefing as an e-mail: plain text and HTML bodies, the DOCX attached."""
    message = EmailMessage()
    message["Subject"] = f"{title(briefing)}: {briefing.headline.text}"[:250]
    message["From"] = settings.mail_from
    message["To"] = ", ".join(recipients(settings))
    message.set_content(render(briefing, "md").decode("utf-8"))
    message.add_alternative(render(briefing, "html").decode("utf-8"), subtype="html")
    message.add_attachment(
        render(briefing, "docx"),
        maintype=DOCX_TYPE[0],
        subtype=DOCX_TYPE[1],
        filename=f"{briefing.program}-{briefing.as_of}.docx",
    )
    return message


def send_email(settings: Settings, briefing: Briefing, timeout: float = 30.0) -> None:
    """Send the briefing by SMTP (STARTTLS and login when configured)."""
    with smtplib.SMTP(settings.smtp_host or "localhost", settings.smtp_port, timeout=timeout) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(message := email_message(settings, briefing))
    log.info("briefing %s %s e-mailed to %s", briefing.program, briefing.as_of, message["To"])


def webhook_payload(briefing: Briefing) -> dict:
    """A Slack-style (`blocks`) and Teams-style (`sections`) message: headline and the four answers."""
    text = f"*{title(briefing)}*\n{briefing.headline.text}"
    answers = [f"*{q.question}* {q.answer}" for q in briefing.questions]
    return {
        "text": text,
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
        + [{"type": "section", "text": {"type": "mrkdwn", "text": a}} for a in answers],
        "sections": [
            {
                "activityTitle": title(briefing),
                "text": briefing.headline.text,
                "facts": [{"name": q.question, "value": q.answer} for q in briefing.questions],
            }
        ],
    }


def post_webhook(settings: Settings, briefing: Briefing, timeout: float = 15.0) -> None:
    """POST the briefing's summary message to SIGNALSCAN_WEBHOOK_URL."""
    import httpx

    response = httpx.post(settings.webhook_url or "", json=webhook_payload(briefing), timeout=timeout)
    if response.status_code >= 400:
        body = " ".join(response.text.split())[:200]
        raise RuntimeError(f"webhook answered HTTP {response.status_code}" + (f": {body}" if body else ""))


SENDERS: dict[str, Callable[[Settings, Briefing], None]] = {"email": send_email, "webhook": post_webhook}


def with_retries(send: Callable[[], None], retries: int, backoff: float) -> tuple[bool, int, str | None]:
    """Try `send` up to `retries` times, waiting backoff, 2*backoff, ... between; (ok, attempts, error)."""
    error = None
    for attempt in range(1, max(1, retries) + 1):
        try:
            send()
            return True, attempt, None
        except Exception as exc:  # any failure is recorded and retried, never raised into the scheduler
            error = f"{type(exc).__name__}: {exc}"[:500]
            log.warning("delivery attempt %d failed: %s", attempt, error)
            if attempt < retries:
                time.sleep(backoff * 2 ** (attempt - 1))
    return False, max(1, retries), error


def deliver_pending(
    settings: Settings, history: BriefingHistory, backoff: float = 2.0, program: str | None = None
) -> DeliveryReport:
    """Send every queued delivery (this run's and earlier failures, of one program if given)."""
    report = DeliveryReport()
    for pending in history.pending(program):
        ok, line = _deliver_one(settings, history, pending, backoff)
        report.sent += ok
        report.still_queued += not ok
        (report.sent_lines if ok else report.queued_lines).append(line)
    return report


def destination(settings: Settings, channel: str) -> str:
    """Where a channel sends to, for people reading the log (the webhook URL without its path)."""
    if channel == "email":
        return "e-mail to " + ", ".join(recipients(settings))
    if channel == "webhook" and settings.webhook_url:
        return "webhook " + "/".join(settings.webhook_url.split("/")[:3])  # paths often hold secrets
    return channel


def _deliver_one(
    settings: Settings, history: BriefingHistory, pending: PendingDelivery, backoff: float
) -> tuple[bool, str]:
    sender = SENDERS.get(pending.channel)
    briefing = history.load(pending.briefing_id)
    what = f"{briefing.program} {briefing.as_of} by {destination(settings, pending.channel)}"
    if sender is None or pending.channel not in channels(settings):
        # the channel was unconfigured since: keep it queued and say so, rather than drop it
        unconfigured = f"channel {pending.channel!r} not configured"
        history.mark(pending.id, sent=False, attempts=0, error=unconfigured)
        return False, f"{what}: {unconfigured}"
    ok, attempts, error = with_retries(lambda: sender(settings, briefing), settings.delivery_retries, backoff)
    history.mark(pending.id, sent=ok, attempts=attempts, error=error)
    if ok:
        return True, what
    log.error(
        "briefing %s %s not delivered by %s after %d attempt(s), kept queued: %s",
        briefing.program,
        briefing.as_of,
        pending.channel,
        pending.attempts + attempts,
        error,
    )
    return False, f"{what}: {pending.attempts + attempts} attempt(s) failed, last: {error}"
