"""Looking at the bytes before any parser does: real type, binary content, encodings, zip bombs."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from signalscan.errors import ParseError

TEXT_FORMATS = ("txt", "md", "eml", "html", "vtt")
# Office files are zips; python-docx/pptx inflate every part into memory, so the zip directory
# is checked first. Real documents compress XML ~10-20x and images ~1x.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes) -> str | None:
    """The format the bytes really are, by magic numbers and container listings: pdf, docx, pptx, xlsx,
    zip (another or a corrupt zip), msg (Outlook), encrypted (a password-protected Office file), ole (a
    legacy .doc/.xls/.ppt or a damaged compound file), binary or text."""
    head = data[:8]
    # PDF readers accept junk before the header; text that merely mentions "%PDF-" is still text.
    if data.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in data[:1024] and looks_binary(data)):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _office_kind(data)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(data)
    if looks_binary(data):
        return "binary"
    return "text"


def _office_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def _ole_kind(data: bytes) -> str:
    """What an OLE compound file holds: Office encrypts .docx/.xlsx/.pptx into one (EncryptionInfo and
    EncryptedPackage streams), Outlook saves messages as one (__substg1.0_ streams); else legacy Office."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            names = {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises OSError, struct.error, IndexError ... on damaged files
        return "ole"
    if {"encryptedpackage", "encryptioninfo"} & names:
        return "encrypted"
    if any(name.startswith("__substg1.0_") for name in names):
        return "msg"
    return "ole"


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs (outside UTF-16) or many control characters."""
    sample = data[:8192]
    if not sample or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def check_zip(data: bytes, label: str, limit: int = MAX_UNCOMPRESSED) -> None:
    """Refuse corrupt Office zips and decompression bombs before a library inflates them."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ParseError(f"corrupt {label}: the file is not a readable Office document; "
                         "open and re-save it in Office, then ingest again") from None
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos) or 1
    biggest_ratio = max((i.file_size / max(i.compress_size, 1) for i in infos), default=0)
    if len(infos) > MAX_MEMBERS or total > limit or (total > 10 * 1024 * 1024 and (
            total / compressed > MAX_RATIO or biggest_ratio > MAX_RATIO)):
        raise ParseError(f"refused {label}: it would inflate to {total / 1024 / 1024:,.0f} MB "
                         f"(a decompression bomb or a damaged file); re-save it from Office and ingest again")


def decode_text(data: bytes, warn: Callable[[str], None]) -> str:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 by BOM, else charset-normalizer's guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    warn(f"not UTF-8: decoded as {encoding}; check accented names, or save the file as UTF-8")
    return data.decode(encoding, errors="replace")
