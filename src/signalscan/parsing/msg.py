"""Outlook (.msg) read with olefile: headers, plain or HTML body, supported attachments, read as .eml is.

A .msg is a compound file of MAPI properties ([MS-OXMSG]): strings and binaries in `__substg1.0_<id><type>`
streams, fixed-size values (times, integers) in a `__properties_version1.0` stream, one storage per
recipient and per attachment, an e-mail attached as an Outlook item as a storage of its own.

The mapping follows parsing/eml.py, whose readers it uses: From/To/Cc/Date/Subject become "email_header"
blocks and the Date the meeting date (the sender's own date, from the transport headers a received
message keeps; else Outlook's sending time, which it stores in UTC); the plain body is read in runs of new
and quoted lines (an earlier message quoted below "From: … Sent: …" keeps source "quoted"), the HTML body
when there is no plain one (an RTF-only body is not read: a warning says so); attachments of supported
types are parsed, an e-mail attached as an Outlook item included. A .msg is not a text file: its blocks
have no file lines. Headers are located as "header Subject", body blocks by their line in the body:
"body lines 3-5", "body table 1 row 2".
"""

from __future__ import annotations

import email.utils
import io
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.parser import HeaderParser
from functools import cached_property
from typing import Any

from signalscan.errors import ParseError
from signalscan.models import Block
from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.eml import HEADER_NAMES, header_date, read_plain_body

# MAPI property ids ([MS-OXPROPS])
SUBJECT, MESSAGE_CLASS, TRANSPORT_HEADERS, CLIENT_SUBMIT_TIME = 0x0037, 0x001A, 0x007D, 0x0039
BODY, BODY_HTML, BODY_RTF = 0x1000, 0x1013, 0x1009
SENDER_NAME, SENDER_SMTP, SENDER_EMAIL = 0x0C1A, 0x5D01, 0x0C1F
RECIPIENT_TYPE, DISPLAY_NAME, SMTP_ADDRESS, EMAIL_ADDRESS = 0x0C15, 0x3001, 0x39FE, 0x3003
ATTACH_LONG_NAME, ATTACH_SHORT_NAME, ATTACH_DATA = 0x3707, 0x3704, 0x3701
MESSAGE_CODEPAGE = 0x3FFD
RECIPIENT_TO, RECIPIENT_CC = 1, 2
EMAIL_CLASSES = ("IPM.NOTE", "IPM.SCHEDULE", "IPM.POST", "REPORT.")
TOP_HEADER, EMBEDDED_HEADER, CHILD_HEADER = 32, 24, 8  # bytes before the fixed property entries


@dataclass
class _Item:
    """A message, recipient or attachment: a storage of the compound file (the root for the message)."""

    ole: Any
    prefix: list[str]
    header: int

    def _stream(self, name: str) -> bytes | None:
        path = [*self.prefix, name]
        return self.ole.openstream(path).read() if self.ole.exists("/".join(path)) else None

    def string(self, prop: int) -> str | None:
        """A string property (UTF-16, or 8-bit in the message's code page)."""
        raw = self._stream(f"__substg1.0_{prop:04X}001F")
        if raw is not None:
            return raw.decode("utf-16-le", errors="replace").rstrip("\0")
        raw = self._stream(f"__substg1.0_{prop:04X}001E")
        if raw is None:
            return None
        codepage = self.fixed.get(MESSAGE_CODEPAGE, 1252)
        codec = "utf-8" if codepage == 65001 else f"cp{codepage}"
        try:
            return raw.decode(codec, errors="replace").rstrip("\0")
        except LookupError:
            return raw.decode("cp1252", errors="replace").rstrip("\0")

    def binary(self, prop: int) -> bytes | None:
        """A binary property."""
        return self._stream(f"__substg1.0_{prop:04X}0102")

    @cached_property
    def fixed(self) -> dict[int, int]:
        """Fixed-size property values by property id (the 8 value bytes as a little-endian integer),
        read once per item."""
        raw = self._stream("__properties_version1.0") or b""
        values = {}
        for offset in range(self.header, len(raw) - 15, 16):
            tag, _flags, value = struct.unpack_from("<IIQ", raw, offset)
            values[tag >> 16] = value
        return values

    def time(self, prop: int) -> datetime | None:
        """A time property (FILETIME: 100 ns since 1601, UTC)."""
        value = self.fixed.get(prop)
        if not value:
            return None
        return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=value // 10)

    def has_storage(self, name: str) -> bool:
        """Whether a storage of this name sits directly in this item."""
        return bool(self.ole.exists("/".join([*self.prefix, name])))

    def children(self, kind: str, header: int = CHILD_HEADER) -> list[_Item]:
        """The recipient ("__recip_version1.0_") or attachment ("__attach_version1.0_") storages."""
        depth = len(self.prefix) + 1
        paths = sorted(p for p in self.ole.listdir(streams=False, storages=True)
                       if len(p) == depth and p[:-1] == self.prefix and p[-1].lower().startswith(kind))
        return [_Item(self.ole, path, header) for path in paths]


def parse_msg(data: bytes, builder: DocumentBuilder) -> None:
    """A .msg file."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        _read_message(_Item(ole, [], TOP_HEADER), builder)


def _read_message(message: _Item, builder: DocumentBuilder) -> None:
    kind = message.string(MESSAGE_CLASS) or "IPM.Note"
    if not kind.upper().startswith(EMAIL_CLASSES):
        raise ParseError(f"not an e-mail: this Outlook item is a {kind}; ingest the e-mail or the "
                         "minutes instead")
    builder.kind_hint = "email"
    _read_headers(message, builder)
    _read_body(message, builder)
    for attachment in message.children("__attach_version1.0_"):
        _read_attachment(attachment, builder)


def _read_headers(message: _Item, builder: DocumentBuilder) -> None:
    transport = HeaderParser().parsestr(message.string(TRANSPORT_HEADERS) or "")
    sent = message.time(CLIENT_SUBMIT_TIME)  # None for a draft (never sent)
    address = message.string(SENDER_SMTP) or message.string(SENDER_EMAIL)
    sender = _address(message.string(SENDER_NAME), address)
    values = {
        "Subject": message.string(SUBJECT) or transport.get("Subject"),
        "From": transport.get("From") or sender,
        "To": transport.get("To") or _recipients(message, RECIPIENT_TO),
        "Cc": transport.get("Cc") or _recipients(message, RECIPIENT_CC),
        # the sender's clock from the transport headers, else Outlook's sending time (UTC)
        "Date": transport.get("Date") or (email.utils.format_datetime(sent) if sent else None),
    }
    for name in HEADER_NAMES:
        value = " ".join(str(values.get(name) or "").split())
        if not value:
            continue
        builder.headers[name.lower()] = value
        builder.add(f"{name}: {value}", "email_header", f"header {name}")
    builder.title = builder.headers.get("subject") or builder.title
    builder.header_date = header_date(builder.headers.get("date"))


def _address(name: str | None, address: str | None) -> str | None:
    """'Name <address>' (an Exchange address without '@' is left out)."""
    address = address if address and "@" in address else None
    if name and address and name != address:
        return f"{name} <{address}>"
    return name or address


def _recipients(message: _Item, kind: int) -> str | None:
    """The To (1) or Cc (2) recipients from the recipient storages, '; '-separated as Outlook shows them."""
    found = []
    for recipient in message.children("__recip_version1.0_"):
        if recipient.fixed.get(RECIPIENT_TYPE, 0) & 0xFF != kind:
            continue
        smtp = recipient.string(SMTP_ADDRESS) or recipient.string(EMAIL_ADDRESS)
        shown = _address(recipient.string(DISPLAY_NAME), smtp)
        if shown:
            found.append(shown)
    return "; ".join(found) or None


def _read_body(message: _Item, builder: DocumentBuilder) -> None:
    before = len(builder.blocks)
    plain = message.string(BODY)
    if plain and plain.strip():
        read_plain_body(plain.replace("\r\n", "\n"), builder, 1, None)
    else:
        html = _html_body(message, builder)
        if html:
            from signalscan.parsing.html import parse_html_text

            parse_html_text(html, builder)
    _locate_in_body(builder.blocks[before:])
    if len(builder.blocks) == before:
        if message.binary(BODY_RTF) is not None:
            builder.warn("the message body is only in RTF, which is not read; forward it as HTML or plain "
                         "text, or save it as .eml, and ingest again")
        else:
            builder.warn("the message has no readable body")


def _html_body(message: _Item, builder: DocumentBuilder) -> str | None:
    html = message.binary(BODY_HTML)
    if html is None:
        return message.string(BODY_HTML)
    from signalscan.parsing.sniff import decode_text

    return decode_text(html, builder.warn)


def _locate_in_body(blocks: list[Block]) -> None:
    """Body lines are not lines of the .msg file: say so in the locator, keep no file lines."""
    for block in blocks:
        block.locator = f"body {block.locator}"
        block.line_start = block.line_end = None


def _read_attachment(attachment: _Item, builder: DocumentBuilder) -> None:
    from signalscan.parsing import add_attachment, parse_attachment
    from signalscan.parsing.eml import MAX_ATTACHMENT_DEPTH, attachment_label

    name = (attachment.string(ATTACH_LONG_NAME) or attachment.string(ATTACH_SHORT_NAME)
            or attachment.string(DISPLAY_NAME) or "attachment")
    embedded = f"__substg1.0_{ATTACH_DATA:04X}000D"
    if not attachment.has_storage(embedded):
        data = attachment.binary(ATTACH_DATA)
        if not data:
            builder.warn(f"attachment {attachment_label(name)!r} could not be read and was skipped")
            return
        parse_attachment(name, data, builder)
        return
    # an e-mail attached as an Outlook item: read in place, as the .msg file it would be saved as
    inner = _Item(attachment.ole, [*attachment.prefix, embedded], EMBEDDED_HEADER)
    if not name.lower().endswith(".msg"):
        name = f"{inner.string(SUBJECT) or name}.msg"
    label = attachment_label(name)
    if builder.depth >= MAX_ATTACHMENT_DEPTH:
        builder.warn(f"attachment {label!r} is nested too deep and was skipped")
        return
    nested = DocumentBuilder(name, depth=builder.depth + 1)
    try:
        _read_message(inner, nested)
    except ParseError as exc:
        builder.warn(f"attachment {label!r} skipped: {exc}")
        return
    add_attachment(label, nested, builder)
