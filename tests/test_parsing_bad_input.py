"""Bad input: every case ends in a one-line ParseError that says what to do, or a warning — never a crash."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from signalscan.errors import ParseError, UnsupportedFormatError
from signalscan.parsing import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bad-inputs"


def _fails(path: Path, pattern: str, **kwargs: object) -> str:
    with pytest.raises(ParseError, match=pattern) as caught:
        parse_file(path, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and ("ingest" in message or "SIGNALSCAN_" in message)
    return message


def _docx_bytes(text: str = "Steering minutes") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def forge_uncompressed_size(data: bytes, member: str, size: int = 0xFFFFFFF0) -> bytes:
    """A zip whose directory claims `member` inflates to `size` bytes (a bomb that stays small on disk)."""
    raw = bytearray(data)
    name = member.encode()
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            name_at = start + (46 if signature == b"PK\x01\x02" else 30)
            if raw[name_at:name_at + len(name)] == name:
                raw[start + offset:start + offset + 4] = struct.pack("<I", size)
            start += 4
    return bytes(raw)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    _fails(tmp_path / "empty.txt", "^empty file")
    (tmp_path / "blank.md").write_text("  \n\n \t\n")
    _fails(tmp_path / "blank.md", "^empty file")


def test_corrupt_docx_and_pptx(tmp_path: Path) -> None:
    (tmp_path / "truncated.docx").write_bytes(_docx_bytes()[:300])
    _fails(tmp_path / "truncated.docx", "corrupt .docx")
    (tmp_path / "text.pptx").write_text("this was never a deck")
    _fails(tmp_path / "text.pptx", "corrupt .pptx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<<< not xml")
    (tmp_path / "badxml.docx").write_bytes(buffer.getvalue())
    _fails(tmp_path / "badxml.docx", "could not read this Word document")


def test_legacy_binary_office_file(tmp_path: Path) -> None:
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _fails(tmp_path / "old.docx", "old binary Office file")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with open(tmp_path / "locked.pdf", "wb") as out:
        writer.write(out)
    message = _fails(tmp_path / "locked.pdf", "^encrypted PDF")
    assert message == "encrypted PDF: remove the password and ingest again"


def test_broken_pdf(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog\n garbage")
    _fails(tmp_path / "broken.pdf", "^broken PDF")
    (tmp_path / "notpdf.pdf").write_text("hello, I am text")
    _fails(tmp_path / "notpdf.pdf", "^broken PDF")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    with open(tmp_path / "scan.pdf", "wb") as out:
        writer.write(out)
    _fails(tmp_path / "scan.pdf", "OCR")


def test_unsupported_type(tmp_path: Path) -> None:
    (tmp_path / "plan.xyz").write_text("text")
    with pytest.raises(UnsupportedFormatError, match=r"unsupported file type \.xyz: convert it to one of"):
        parse_file(tmp_path / "plan.xyz")


def test_binary_posing_as_text(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    _fails(tmp_path / "binary.txt", "^binary file posing as .txt")
    (tmp_path / "controls.md").write_bytes(b"\x01\x02\x03\x04 abc \x05\x06\x07\x08" * 50)
    _fails(tmp_path / "controls.md", "^binary file posing as .md")


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    text = "Réunion du comité de pilotage\nDate: 13 March 2026\nAction: José Müller to send the plan.\n"
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    parsed = parse_file(tmp_path / "latin1.txt")
    assert "José Müller" in parsed.text and "Réunion" in parsed.text
    assert any(w.startswith("not UTF-8") for w in parsed.warnings)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("minutes line\n" * 100)
    message = _fails(tmp_path / "big.txt", "^file too large", max_bytes=1000)
    assert "SIGNALSCAN_MAX_UPLOAD_MB" in message


def test_decompression_bomb_refused_before_opening(tmp_path: Path) -> None:
    forged = forge_uncompressed_size(_docx_bytes(), "word/document.xml")
    (tmp_path / "bomb.docx").write_bytes(forged)
    assert (tmp_path / "bomb.docx").stat().st_size < 50_000
    _fails(tmp_path / "bomb.docx", "decompression bomb")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/presentation.xml", b"<p/>")
        archive.writestr("ppt/media/zeros.bin", b"\0" * (20 * 1024 * 1024))  # 1000:1, really inflates
    (tmp_path / "bomb.pptx").write_bytes(buffer.getvalue())
    _fails(tmp_path / "bomb.pptx", "decompression bomb")


def test_mislabelled_files_are_read_by_their_real_type(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "report.docx"))
    pdf.drawString(72, 800, "Status as of 6 April 2026: Finance is green.")
    pdf.save()
    parsed = parse_file(tmp_path / "report.docx")
    assert parsed.format == "pdf" and "Finance is green" in parsed.text
    assert parsed.warnings[0].startswith("mislabelled file: named .docx but it is a PDF")
    (tmp_path / "minutes.pptx").write_bytes(_docx_bytes("Minutes of the steering committee"))
    parsed = parse_file(tmp_path / "minutes.pptx")
    assert parsed.format == "docx" and parsed.kind == "minutes"


def test_text_mentioning_pdf_magic_stays_text(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nThe file header %PDF-1.7 was corrupt.\n")
    assert parse_file(tmp_path / "notes.md").format == "md"


def test_bad_attachment_only_warns(tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.com", "Status"
    message.set_content("Finance is on track.\n")
    message.add_attachment(b"PK\x03\x04 broken", maintype="application", subtype="octet-stream",
                           filename="deck.pptx")
    message.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream", filename="tool.exe")
    (tmp_path / "status.eml").write_bytes(bytes(message))
    parsed = parse_file(tmp_path / "status.eml")
    assert parsed.blocks[-1].text == "Finance is on track."
    assert any("deck.pptx" in w and "corrupt" in w for w in parsed.warnings)
    assert any("tool.exe" in w and "not a supported type" in w for w in parsed.warnings)


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="fixtures/bad-inputs not generated yet")
def test_bad_input_fixtures_never_crash() -> None:
    outcomes: dict[str, str] = {}
    for path in sorted(FIXTURES.iterdir()):
        try:
            parsed = parse_file(path)
            outcomes[path.name] = "warned" if parsed.warnings else "parsed"
        except ParseError as exc:
            assert "\n" not in str(exc)
            outcomes[path.name] = "failed"
    expected_failures = {"empty.txt", "corrupt.docx", "encrypted.pdf", "binary.txt", "bomb.docx",
                         "unsupported.xyz", "corrupt.xlsx", "bomb.xlsx"}
    assert {n for n, o in outcomes.items() if o == "failed"} == expected_failures
    assert outcomes["latin1.txt"] == outcomes["mislabelled.pptx"] == "warned"
