"""E-mail (.eml, or an e-mail saved as .txt): headers, text or HTML body, supported attachments."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser, Parser
from email.utils import parsedate_to_datetime

from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.text import line_locator, parse_text

HEADER_NAMES = ("Subject", "From", "To", "Cc", "Date")
MAX_ATTACHMENT_DEPTH = 2


def parse_eml(data: bytes, builder: DocumentBuilder) -> None:
    """A .eml file."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    # Lines are counted in the file as stored; undecodable bytes must not shift them.
    _read_message(message, data.decode("utf-8", errors="replace"), builder)


def parse_email_text(text: str, builder: DocumentBuilder) -> None:
    """An e-mail already decoded to text (a .txt export with headers on top)."""
    _read_message(Parser(policy=policy.default).parsestr(text), text, builder)


def _read_message(message: Message, raw: str, builder: DocumentBuilder) -> None:
    builder.kind_hint = "email"
    _read_headers(message, raw, builder)
    body_parts, html_parts, attachments = _split_parts(message)
    for part in body_parts or html_parts:
        _read_body(part, raw, builder)
    for part in attachments:
        _read_attachment(part, builder)


def _read_headers(message: Message, raw: str, builder: DocumentBuilder) -> None:
    header_text = raw.replace("\r\n", "\n").split("\n\n", 1)[0]
    lines = header_text.split("\n")
    found: list[tuple[int, int, str]] = []
    for name in HEADER_NAMES:
        value = message.get(name)
        if value is None:
            continue
        value = " ".join(str(value).split())
        builder.headers[name.lower()] = value
        start = next((i for i, line in enumerate(lines) if line.lower().startswith(name.lower() + ":")), None)
        if start is None:
            continue
        end = start
        while end + 1 < len(lines) and lines[end + 1][:1] in (" ", "\t"):
            end += 1  # folded header continues on indented lines
        found.append((start + 1, end + 1, f"{name}: {value}"))
    for start, end, text in sorted(found):
        builder.add(text, "email_header", line_locator(start, end), line_start=start, line_end=end)
    builder.title = builder.headers.get("subject") or builder.title
    builder.header_date = header_date(builder.headers.get("date"))


def header_date(value: str | None):  # noqa: ANN202 - date | None
    """The sending date of a Date header, in the sender's time zone; None when missing or unreadable."""
    if not value:
        return None
    try:
        # The sender's local date: a 17:00 -0700 e-mail belongs to that day, not to UTC's next day.
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _split_parts(message: Message) -> tuple[list[Message], list[Message], list[Message]]:
    plain: list[Message] = []
    html: list[Message] = []
    attachments: list[Message] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        if part.get_filename() or part.get_content_disposition() == "attachment":
            attachments.append(part)
        elif part.get_content_type() == "text/plain":
            plain.append(part)
        elif part.get_content_type() == "text/html":
            html.append(part)
    return plain, html, attachments


def _read_body(part: Message, raw: str, builder: DocumentBuilder) -> None:
    text = _part_text(part, builder)
    first_line = _part_first_line(part, raw)
    spans = _quoted_printable_spans(part, text, first_line)
    if part.get_content_type() == "text/html":
        from signalscan.parsing.html import parse_html_text

        parse_html_text(text, builder, first_line=first_line, spans=spans)
    else:
        read_plain_body(text, builder, first_line, spans)


# Where an earlier message starts inside a reply: "On Tue, 12 May 2026, X wrote:", "Le … a écrit :",
# "-----Original Message-----", "---------- Forwarded message ---------"
_ATTRIBUTION = re.compile(r"(?i)^\s*(?:on\s.{5,200}\swrote:|le\s.{5,200}\sa\s+écrit\s*:|-{2,}\s*(?:original"
                          r"\s+message|forwarded\s+message)\s*-{2,})\s*$")
_OUTLOOK_FROM = re.compile(r"(?i)^\s*(?:\*\s*)?(?:from|de)\s*:\s*\S")
_OUTLOOK_NEXT = re.compile(r"(?i)^\s*(?:\*\s*)?(?:sent|date|envoyé)\s*:\s*\S")


def quoted_lines(lines: list[str]) -> list[bool]:
    """Which lines of a reply quote earlier messages: "> …" lines, and everything below an attribution
    ("On … wrote:", "-----Original Message-----", an Outlook "From: … Sent: …" block) unless the reply
    answers inline, between "> …" lines."""
    quoted = [line.lstrip().startswith(">") for line in lines]
    for i, line in enumerate(lines):
        outlook = _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(n) for n in lines[i + 1:i + 5])
        if not (_ATTRIBUTION.match(line) or outlook):
            continue
        following = next((n for n in lines[i + 1:] if n.strip()), "")
        if following.lstrip().startswith(">"):
            quoted[i] = True  # the attribution of a quote answered inline
            continue
        return quoted[:i] + [True] * (len(lines) - i)
    return quoted


def read_plain_body(text: str, builder: DocumentBuilder, first_line: int,
                    spans: list[tuple[int, int]] | None) -> None:
    """A plain-text body, read in runs of new and quoted lines; quoted blocks keep source 'quoted'."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    flags = quoted_lines(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and flags[end] == flags[start]:
            end += 1
        before = len(builder.blocks)
        parse_text("\n".join(lines[start:end]), builder, markdown=False, first_line=first_line + start,
                   spans=spans[start:end] if spans else None)
        if flags[start]:
            for block in builder.blocks[before:]:
                block.source = "quoted"
        start = end


def _part_text(part: Message, builder: DocumentBuilder) -> str:
    try:
        if isinstance(part, EmailMessage):
            return str(part.get_content())
    except (LookupError, UnicodeError, KeyError):
        builder.warn("an e-mail part has an unknown character set; it was decoded as UTF-8")
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload or "")


def _part_first_line(part: Message, raw: str) -> int:
    """The file line where the part's body starts (exact when unencoded, best effort otherwise)."""
    payload = part.get_payload(decode=False)
    if not isinstance(payload, str):
        return 1
    probe = next((line for line in payload.split("\n") if line.strip()), "")
    lead = payload[: payload.find(probe)].count("\n") if probe else 0
    index = raw.find(probe) if probe else -1
    if index < 0:
        return 1
    return raw.count("\n", 0, index) + 1 - lead


def _quoted_printable_spans(part: Message, text: str, first_line: int) -> list[tuple[int, int]] | None:
    """For a quoted-printable body: the file lines each decoded line spans (soft breaks end in '=')."""
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() != "quoted-printable":
        return None
    payload = part.get_payload(decode=False)
    if not isinstance(payload, str):
        return None
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for offset, line in enumerate(payload.replace("\r\n", "\n").split("\n")):
        start = first_line + offset if start is None else start
        if not line.endswith("="):
            spans.append((start, first_line + offset))
            start = None
    # a decoded body with a different line count (an encoded '=0A') cannot be mapped: keep offsets
    return spans if len(spans) >= len(text.split("\n")) else None


def _read_attachment(part: Message, builder: DocumentBuilder) -> None:
    from signalscan.parsing import parse_attachment

    name = part.get_filename() or "attachment"
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes) or not data:
        builder.warn(f"attachment {name!r} is empty and was skipped")
        return
    parse_attachment(name, data, builder)


_SAFE_NAME = re.compile(r"[\r\n]+")


def attachment_label(name: str) -> str:
    """The name shown in locators and `source` for an attachment."""
    return _SAFE_NAME.sub(" ", name).strip()[:120]
