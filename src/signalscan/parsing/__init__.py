"""Parsing: files -> ParsedDocument (blocks with locators), one module per format behind a suffix registry.

`parse_file(path)` checks size, sniffs the real type from the bytes, refuses bad input with a one-line
ParseError that says what to do, parses, then reads the title, kind and meeting date.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from signalscan.errors import ParseError, SignalscanError, UnsupportedFormatError
from signalscan.models import ParsedDocument
from signalscan.parsing.builder import DocumentBuilder, assign_offsets
from signalscan.parsing.sniff import TEXT_FORMATS, check_zip, sniff_format


@dataclass(frozen=True)
class FormatParser:
    """One supported format: its suffixes and the function (imported lazily) that reads its bytes."""

    format: str
    suffixes: tuple[str, ...]
    module: str
    function: str

    def load(self) -> Callable[[bytes, DocumentBuilder], None]:
        """The parse function, imported on first use so `--help` stays fast."""
        return getattr(importlib.import_module(self.module), self.function)  # type: ignore[no-any-return]


PARSERS: tuple[FormatParser, ...] = (
    FormatParser("docx", (".docx",), "signalscan.parsing.docx", "parse_docx"),
    FormatParser("pptx", (".pptx",), "signalscan.parsing.pptx", "parse_pptx"),
    FormatParser("pdf", (".pdf",), "signalscan.parsing.pdf", "parse_pdf"),
    FormatParser("md", (".md", ".markdown"), "signalscan.parsing.text", "parse_md"),
    FormatParser("txt", (".txt",), "signalscan.parsing.text", "parse_txt"),
    FormatParser("eml", (".eml",), "signalscan.parsing.eml", "parse_eml"),
    FormatParser("html", (".html", ".htm"), "signalscan.parsing.html", "parse_html"),
    FormatParser("vtt", (".vtt",), "signalscan.parsing.vtt", "parse_vtt"),
    FormatParser("xlsx", (".xlsx",), "signalscan.parsing.xlsx", "parse_xlsx"),
    FormatParser("msg", (".msg",), "signalscan.parsing.msg", "parse_msg"),
)
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(s for p in PARSERS for s in p.suffixes)
_BY_FORMAT = {p.format: p for p in PARSERS}
_LABELS = {"docx": "Word document", "pptx": "PowerPoint deck", "xlsx": "Excel workbook", "pdf": "PDF",
           "msg": "Outlook message"}
_ZIP_FORMATS = ("docx", "pptx", "xlsx")  # Office Open XML zips: checked for bombs before any library

__all__ = ["PARSERS", "SUPPORTED_SUFFIXES", "FormatParser", "get_parser", "is_supported", "parse_bytes",
           "parse_file"]


def get_parser(name: str) -> FormatParser:
    """The parser for a file name (by suffix); UnsupportedFormatError lists what is supported."""
    suffix = Path(name).suffix.lower()
    for parser in PARSERS:
        if suffix in parser.suffixes:
            return parser
    shown = suffix or "files without an extension"
    raise UnsupportedFormatError(
        f"unsupported file type {shown}: convert it to one of {', '.join(SUPPORTED_SUFFIXES)} "
        "and ingest again")


def is_supported(path: str | Path) -> bool:
    """True when a parser reads this file's suffix."""
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def parse_file(
    path: str | Path, *, meeting_date: date | None = None, max_bytes: int | None = None
) -> ParsedDocument:
    """Read one file into a ParsedDocument; ParseError (one line, what to do) when it cannot be read."""
    file = Path(path)
    if not file.is_file():
        raise ParseError(f"no such file: {path} (check the path)")
    parser = get_parser(file.name)
    limit = max_bytes if max_bytes is not None else _default_max_bytes()
    size = file.stat().st_size
    if size > limit:
        raise ParseError(f"file too large: {size / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit; "
                         "split it or raise SIGNALSCAN_MAX_UPLOAD_MB")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file ({exc.strerror}): check its permissions") from None
    return parse_bytes(data, file.name, path=str(path), meeting_date=meeting_date, parser=parser)


def _default_max_bytes() -> int:
    from signalscan.config import get_settings

    return int(get_settings().max_upload_mb * 1024 * 1024)


def parse_bytes(data: bytes, name: str, *, path: str | None = None, meeting_date: date | None = None,
                parser: FormatParser | None = None) -> ParsedDocument:
    """Parse bytes named `name` (the suffix picks the parser unless `parser` is given)."""
    builder = _read(data, name, parser or get_parser(name), depth=0)
    from signalscan.parsing.meta import describe

    fmt = builder.format
    kind, title, found, source = describe(builder, path or name, fmt, meeting_date)
    assign_offsets(builder.blocks)
    return ParsedDocument(
        path=path or name, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), format=fmt,
        kind=kind, title=title, meeting_date=found, meeting_date_source=source,  # type: ignore[arg-type]
        headers=builder.headers, blocks=builder.blocks, warnings=builder.warnings,
    )


def _read(data: bytes, name: str, parser: FormatParser, depth: int) -> DocumentBuilder:
    if not data.strip():
        raise ParseError("empty file: there is nothing to read; export the document again and ingest it")
    builder = DocumentBuilder(name, depth=depth)
    fmt = _real_format(parser.format, data, builder)
    builder.format = fmt
    if fmt in _ZIP_FORMATS:
        check_zip(data, f".{fmt} file")
    try:
        _BY_FORMAT[fmt].load()(data, builder)
    except SignalscanError:
        raise
    except Exception as exc:  # a damaged file can raise anything inside python-docx/pptx, pypdf, openpyxl...
        detail = " ".join(str(exc).split())[:120]
        raise ParseError(f"could not read this {_LABELS.get(fmt, '.' + fmt + ' file')} "
                         f"({exc.__class__.__name__}: {detail}); open and re-save it, then ingest again"
                         ) from None
    if not builder.blocks:
        raise ParseError("no text found in the document: check it is not blank or only images, "
                         "then ingest again")
    return builder


def _real_format(declared: str, data: bytes, builder: DocumentBuilder) -> str:
    """The format to parse with: the declared one, or the real one when the bytes say otherwise."""
    real = sniff_format(data)
    if real == declared or (real == "text" and declared in TEXT_FORMATS):
        return declared
    if real == "encrypted":  # Office saves a password-protected .docx/.xlsx/.pptx as an OLE file
        label = _LABELS[declared] if declared in _ZIP_FORMATS else "Office document"
        raise ParseError(f"encrypted {label}: remove the password and ingest again")
    if real in ("pdf", "msg", *_ZIP_FORMATS):
        builder.warn(f"mislabelled file: named .{declared} but it is {_a(_LABELS[real])}; read as .{real}")
        return real
    if declared in _ZIP_FORMATS:
        if real == "zip":
            check_zip(data, f".{declared} file")  # names a corrupt zip as such
        label = _LABELS[declared]
        if real == "ole":
            raise ParseError(f"not {_a(label)}: this is an old binary Office file (.doc/.xls/.ppt); "
                             f"save it as .{declared} and ingest again")
        raise ParseError(f"corrupt .{declared}: the file is not {_a(label)}; "
                         "open and re-save it from Office, then ingest again")
    if declared == "msg":
        return _msg_as_text(real, data, builder)
    if declared == "pdf":
        raise ParseError("broken PDF: the file does not contain a PDF; export it to PDF again and ingest it")
    raise ParseError(f"binary file posing as .{declared}: it is not text; "
                     "ingest the original document instead")


def _a(label: str) -> str:
    """'a Word document', 'an Excel workbook'."""
    return f"{'an' if label[:1] in 'AEIOU' else 'a'} {label}"


def _msg_as_text(real: str | None, data: bytes, builder: DocumentBuilder) -> str:
    """A .msg that is not an Outlook file: some mail programs save a plain MIME e-mail under that name."""
    from signalscan.parsing.text import looks_like_email

    if real == "text" and looks_like_email(data[:16384].decode("utf-8", errors="replace")):
        builder.warn("named .msg but it is a MIME e-mail (text), not an Outlook message; read as .eml")
        return "eml"
    if real == "ole":
        raise ParseError("not an Outlook message: this is another or a damaged Office binary file; "
                         "save the e-mail from Outlook as .msg again and ingest it")
    raise ParseError("corrupt .msg: the file is not an Outlook message; save the e-mail from Outlook "
                     "as .msg again and ingest it")


def parse_attachment(name: str, data: bytes, builder: DocumentBuilder) -> None:
    """Parse an e-mail attachment into `builder`'s blocks (source 'attachment: name'); failures only warn."""
    from signalscan.parsing.eml import MAX_ATTACHMENT_DEPTH, attachment_label

    label = attachment_label(name)
    if not is_supported(name):
        builder.warn(f"attachment {label!r} is not a supported type and was skipped")
        return
    if builder.depth >= MAX_ATTACHMENT_DEPTH:
        builder.warn(f"attachment {label!r} is nested too deep and was skipped")
        return
    try:
        inner = _read(data, name, get_parser(name), depth=builder.depth + 1)
    except ParseError as exc:
        builder.warn(f"attachment {label!r} skipped: {exc}")
        return
    add_attachment(label, inner, builder)


def add_attachment(label: str, inner: DocumentBuilder, builder: DocumentBuilder) -> None:
    """Add what was read from an attachment to `builder`, each block marked and located as in it."""
    for block in inner.blocks:
        block.source = f"attachment: {label}"
        block.locator = f"attachment {label}, {block.locator}"
        # Line numbers of an attachment are not lines of the .eml file: drop them rather than mislead.
        block.line_start = block.line_end = None
    builder.extend(inner.blocks)
    builder.warnings.extend(f"attachment {label!r}: {w}" for w in inner.warnings)
