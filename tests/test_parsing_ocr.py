"""Scanned PDFs (page images, no text layer): read by Tesseract when it is there, refused clearly when not.

The fixture fixtures/scanned/scanned-minutes.pdf is made by fixtures/make_scanned_pdf.py. The offline
tests hide Tesseract with an empty PATH, or put a stand-in `tesseract` script on it; the test marked
`server` runs the real program (.ci/run installs Debian's tesseract-ocr).
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalscan.cli import app
from signalscan.config import get_settings
from signalscan.errors import ParseError
from signalscan.parsing import parse_file

SCANNED = Path(__file__).resolve().parents[1] / "fixtures" / "scanned" / "scanned-minutes.pdf"
NOT_INSTALLED = ("scanned PDF with no text layer: install Tesseract (apt-get install tesseract-ocr) to read "
                 "it, or export the minutes with OCR, and ingest again")
GOOD_MINUTES = "# Steering Committee Minutes\nDate: 2026-03-06\n\n- Jordan Lee to send the plan by 2026-03-13.\n"


@pytest.fixture
def settings_env(monkeypatch):
    """Settings re-read from the environment this test sets, restored afterwards."""
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture
def no_tesseract(settings_env, tmp_path):
    """A PATH on which no `tesseract` program is found."""
    (tmp_path / "empty-bin").mkdir()
    settings_env.setenv("PATH", str(tmp_path / "empty-bin"))


@pytest.fixture
def stand_in_tesseract(settings_env, tmp_path):
    """A `tesseract` on the PATH that reads the image from stdin and 'recognises' one fixed line."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    script = folder / "tesseract"
    script.write_text("#!/bin/sh\ncat >/dev/null\nprintf 'Action: Priya Nair to book the rooms by 27 March 2026.\\n\\f'\n")
    script.chmod(0o755)
    settings_env.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")  # found before any real one
    return script


def _image_pdf(pages: int, text_first: bool = False) -> bytes:
    """A PDF of small page images (optionally after one page with a text layer)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(200, 200), invariant=1)
    if text_first:
        pdf.drawString(20, 150, "Decision: the committee approved the phased cutover.")
        pdf.showPage()
    for _ in range(pages):
        pdf.drawImage(ImageReader(Image.new("L", (100, 100), 200)), 20, 20, 160, 160)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_without_tesseract_a_scanned_pdf_is_refused_in_one_line_that_says_what_to_do(no_tesseract):
    with pytest.raises(ParseError) as caught:
        parse_file(SCANNED)
    assert str(caught.value) == NOT_INSTALLED


def test_with_ocr_off_a_scanned_pdf_names_the_setting(settings_env):
    settings_env.setenv("SIGNALSCAN_OCR", "off")
    with pytest.raises(ParseError) as caught:
        parse_file(SCANNED)
    message = str(caught.value)
    assert message.startswith("scanned PDF with no text layer: OCR is off (SIGNALSCAN_OCR=off)")
    assert "\n" not in message and "ingest again" in message


def test_ingest_goes_on_past_a_scanned_pdf_it_cannot_read(hash_env, no_tesseract, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SCANNED, folder / "scanned-minutes.pdf")
    (folder / "minutes-2026-03-06.md").write_text(GOOD_MINUTES)
    home = ["--home", str(hash_env)]
    result = CliRunner().invoke(app, [*home, "ingest", str(folder), "--program", "erp", "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["ingested"] == [str(folder / "minutes-2026-03-06.md")]
    assert summary["failed"] == [{"path": str(folder / "scanned-minutes.pdf"), "error": NOT_INSTALLED}]
    human = CliRunner().invoke(app, [*home, "ingest", str(folder / "scanned-minutes.pdf")])
    assert human.exit_code == 1
    assert "scanned PDF with no text layer: install Tesseract" in " ".join(human.stdout.split())


def test_a_scanned_page_in_a_text_pdf_is_skipped_with_a_warning_when_ocr_cannot_run(no_tesseract, tmp_path):
    (tmp_path / "pack.pdf").write_bytes(_image_pdf(1, text_first=True))
    parsed = parse_file(tmp_path / "pack.pdf")
    assert [b.locator for b in parsed.blocks] == ["page 1"]
    assert parsed.warnings == ["page 2 skipped, scanned with no text layer: install Tesseract "
                               "(apt-get install tesseract-ocr) to read it, or export the minutes with OCR, "
                               "and ingest again"]


def test_ocr_text_becomes_page_blocks_with_a_warning_to_check_quotes(stand_in_tesseract, tmp_path):
    (tmp_path / "pack.pdf").write_bytes(_image_pdf(2, text_first=True))
    parsed = parse_file(tmp_path / "pack.pdf")
    assert [(b.locator, b.text) for b in parsed.blocks] == [
        ("page 1", "Decision: the committee approved the phased cutover."),
        ("page 2", "Action: Priya Nair to book the rooms by 27 March 2026."),
        ("page 3", "Action: Priya Nair to book the rooms by 27 March 2026."),
    ]
    assert parsed.warnings == ["pages 2-3 read by OCR: check quotes against the scan"]


def test_ocr_stops_after_50_pages_and_says_which_were_left(stand_in_tesseract, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_image_pdf(53))
    parsed = parse_file(tmp_path / "scan.pdf")
    assert parsed.blocks[-1].locator == "page 50" and len(parsed.blocks) == 50
    assert parsed.warnings == [
        "pages 1-50 read by OCR: check quotes against the scan",
        "pages 51-53 not read: OCR stops after 50 pages per document; split the PDF and ingest the parts",
    ]


def test_a_failing_tesseract_skips_the_page_with_its_reason(stand_in_tesseract, tmp_path):
    stand_in_tesseract.write_text("#!/bin/sh\ncat >/dev/null\necho 'Error: cannot read the image' >&2\nexit 1\n")
    (tmp_path / "pack.pdf").write_bytes(_image_pdf(1, text_first=True))
    parsed = parse_file(tmp_path / "pack.pdf")
    assert [b.locator for b in parsed.blocks] == ["page 1"]
    assert parsed.warnings == ["page 2 could not be read by OCR (Tesseract failed: Error: cannot read the "
                               "image); it was skipped"]


def test_page_images_where_ocr_finds_no_words_are_refused_with_what_to_check(stand_in_tesseract, tmp_path):
    stand_in_tesseract.write_text("#!/bin/sh\ncat >/dev/null\nprintf '\\f'\n")
    (tmp_path / "photo.pdf").write_bytes(_image_pdf(1))
    with pytest.raises(ParseError, match="^no text in this PDF: OCR found no words on its page images"):
        parse_file(tmp_path / "photo.pdf")


@pytest.mark.server
def test_tesseract_reads_the_scanned_minutes_into_a_cited_action(settings_env):
    if shutil.which("tesseract") is None:
        pytest.fail("install Tesseract (apt-get install tesseract-ocr); .ci/run does")
    from pypdf import PdfReader

    assert not PdfReader(SCANNED).pages[0].extract_text().strip()  # really no text layer
    result = CliRunner().invoke(app, ["extract", str(SCANNED), "--json"])
    assert result.exit_code == 0, result.output
    extraction = json.loads(result.stdout)
    assert extraction["document"]["meeting_date"] == "2026-03-13"
    [action] = extraction["actions"]
    assert (action["owner"], action["due"]) == ("Jordan Lee", "2026-03-20")
    assert action["evidence"]["locator"] == "page 1" and action["evidence"]["page"] == 1
    parsed = parse_file(SCANNED)
    assert action["evidence"]["quote"] in parsed.text
    assert "vendor recovery plan" in action["evidence"]["quote"]
    assert [r["owner"] for r in extraction["risks"]] == ["Sam Ortiz"]
    assert [d["status"] for d in extraction["decisions"]] == ["made"]
    assert parsed.meeting_date_source == "date line"
    assert parsed.warnings == ["page 1 read by OCR: check quotes against the scan"]
