"""Outlook (.msg) with extract-msg: headers, plain or HTML body, supported attachments, read as .eml is.

The mapping follows parsing/eml.py, whose readers it uses: From/To/Cc/Date/Subject become "email_header"
blocks and the Date the meeting date (the sender's own date, from the transport headers a received
message keeps; else Outlook's sending time, which it stores in UTC); the plain body is read in runs of new
and quoted lines (an earlier message quoted below "From: … Sent: …" keeps source "quoted"), the HTML body
when there is no plain one; attachments of supported types are parsed, an e-mail attached as an Outlook
item included. A .msg is not a text file: its blocks have no file lines. Headers are located as
"header Subject", body blocks by their line in the body: "body lines 3-5", "body table 1 row 2".
"""

from __future__ import annotations

import email.utils
import logging
from typing import Any

from signalscan.errors import ParseError
from signalscan.models import Block
from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.eml import HEADER_NAMES, header_date, read_plain_body

# extract-msg logs what it works around in a message (no transport headers, an RTF-only body) at INFO
# and WARNING: nothing a user can act on; a body or attachment it cannot read is reported as a warning.
logging.getLogger("extract_msg").setLevel(logging.ERROR)


def parse_msg(data: bytes, builder: DocumentBuilder) -> None:
    """A .msg file."""
    import extract_msg
    from extract_msg.enums import ErrorBehavior

    message = extract_msg.openMsg(data, errorBehavior=ErrorBehavior.ATTACH_SUPPRESS_ALL | ErrorBehavior.RTFDE)
    with message:
        if not hasattr(message, "body"):
            kind = getattr(message, "classType", None) or "unknown"
            raise ParseError(f"not an e-mail: this Outlook item is a {kind}; ingest the e-mail or the "
                             "minutes instead")
        builder.kind_hint = "email"
        _read_headers(message, builder)
        _read_body(message, builder)
        for attachment in message.attachments:
            _read_attachment(attachment, builder)


def _read_headers(message: Any, builder: DocumentBuilder) -> None:
    values = {
        "Subject": message.subject,
        "From": message.sender,
        "To": message.to,
        "Cc": message.cc,
        "Date": _date_header(message),
    }
    for name in HEADER_NAMES:
        value = " ".join(str(values.get(name) or "").split())
        if not value:
            continue
        builder.headers[name.lower()] = value
        builder.add(f"{name}: {value}", "email_header", f"header {name}")
    builder.title = builder.headers.get("subject") or builder.title
    builder.header_date = header_date(builder.headers.get("date"))


def _date_header(message: Any) -> str | None:
    """The Date of the transport headers (the sender's clock), else Outlook's sending time (UTC)."""
    if message.headerText and message.header.get("Date"):
        return str(message.header["Date"])
    sent = message.date  # None for a draft (never sent)
    return email.utils.format_datetime(sent) if sent is not None else None


def _read_body(message: Any, builder: DocumentBuilder) -> None:
    before = len(builder.blocks)
    try:
        plain = message.body
    except Exception as exc:  # an RTF-only body extract-msg cannot convert
        plain = None
        builder.warn(f"the message's plain-text body could not be read ({exc.__class__.__name__})")
    if plain and plain.strip():
        read_plain_body(plain, builder, 1, None)
    else:
        html = _html_body(message, builder)
        if html:
            from signalscan.parsing.html import parse_html_text

            parse_html_text(html, builder)
    _locate_in_body(builder.blocks[before:])
    if len(builder.blocks) == before:
        builder.warn("the message has no readable body")


def _html_body(message: Any, builder: DocumentBuilder) -> str | None:
    try:
        html = message.htmlBody
    except Exception as exc:
        builder.warn(f"the message's HTML body could not be read ({exc.__class__.__name__})")
        return None
    if not html:
        return None
    if isinstance(html, str):
        return html
    from signalscan.parsing.sniff import decode_text

    return decode_text(html, builder.warn)


def _locate_in_body(blocks: list[Block]) -> None:
    """Body lines are not lines of the .msg file: say so in the locator, keep no file lines."""
    for block in blocks:
        block.locator = f"body {block.locator}"
        block.line_start = block.line_end = None


def _read_attachment(attachment: Any, builder: DocumentBuilder) -> None:
    from signalscan.parsing import parse_attachment

    name = attachment.longFilename or attachment.shortFilename or "attachment"
    try:
        data = attachment.data
        if data is not None and not isinstance(data, bytes) and hasattr(data, "exportBytes"):
            # an e-mail attached as an Outlook item: read as the .msg file it would be saved as
            name = name if name.lower().endswith(".msg") else f"{data.subject or name}.msg"
            data = data.exportBytes()
    except Exception:  # a kind extract-msg does not implement (OLE object, signed part), or a broken one
        data = None
    if not isinstance(data, bytes) or not data:
        builder.warn(f"attachment {name!r} could not be read and was skipped")
        return
    parse_attachment(name, data, builder)
