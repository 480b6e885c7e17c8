"""OCR for scanned PDF pages (images, no text layer): pypdfium2 renders a page, Tesseract reads it.

Tesseract is a separate program and optional (SIGNALSCAN_OCR=auto uses it when `tesseract` is on the
PATH). The work is bounded: at most MAX_PAGES pages per document, PAGE_TIMEOUT_SECONDS per page, and the
rendered image is capped at MAX_PIXELS whatever the page size.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from types import TracebackType
from typing import Any

from signalscan.errors import ParseError
from signalscan.parsing.builder import DocumentBuilder

MAX_PAGES = 50
PAGE_TIMEOUT_SECONDS = 60
DPI = 300
MAX_PIXELS = 40_000_000  # an A4 page at 300 dpi is 8.7 million; a poster-sized "page" must not eat memory
SCANNED = "scanned PDF with no text layer"
NOT_INSTALLED = ("install Tesseract (apt-get install tesseract-ocr) to read it, or export the minutes with "
                 "OCR, and ingest again")
TURNED_OFF = ("OCR is off (SIGNALSCAN_OCR=off); set SIGNALSCAN_OCR=auto with Tesseract installed to read "
              "it, or export the minutes with OCR, and ingest again")


class OcrFailure(Exception):
    """One page could not be rendered or read; the message says why in a few words."""


def find_tesseract() -> tuple[str | None, str]:
    """The tesseract program to run, or None and what to do instead (the setting, then the PATH)."""
    from signalscan.config import get_settings

    if get_settings().ocr == "off":
        return None, TURNED_OFF
    program = shutil.which("tesseract")
    return (program, "") if program else (None, NOT_INSTALLED)


class ScannedPages:
    """The scanned pages of one PDF: each read by OCR when it can run, within the limits; warns what it did.

    A context manager: leaving it closes the rendered PDF.
    """

    def __init__(self, data: bytes, builder: DocumentBuilder) -> None:
        self._data = data
        self._builder = builder
        self._program: str | None = None
        self._remedy: str | None = None  # what to do when OCR cannot run; None until the first scan
        self._document: Any = None  # the pypdfium2 document, opened for the first scan
        self.attempted: list[int] = []
        self.read_pages: list[int] = []
        self.skipped: list[int] = []  # OCR cannot run here
        self.over_limit: list[int] = []

    def __enter__(self) -> ScannedPages:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._document is not None:
            self._document.close()

    def read(self, number: int) -> str:
        """The text OCR reads on page `number` (1-based); '' when it cannot run, fails or the limit is hit."""
        if not self._can_run():
            self.skipped.append(number)
            return ""
        if len(self.attempted) >= MAX_PAGES:
            self.over_limit.append(number)
            return ""
        self.attempted.append(number)
        try:
            image, dpi = self._render(number)
            text = run_tesseract(self._program or "tesseract", image, dpi)
        except OcrFailure as exc:
            self._builder.warn(f"page {number} could not be read by OCR ({exc}); it was skipped")
            return ""
        if text.strip():
            self.read_pages.append(number)
        return text

    def finish(self) -> None:
        """Warn which pages OCR read or left out; a PDF of scans nobody could read is a ParseError."""
        builder = self._builder
        if self.read_pages:
            builder.warn(f"{page_list(self.read_pages)} read by OCR: check quotes against the scan")
        if self.over_limit:
            builder.warn(f"{page_list(self.over_limit)} not read: OCR stops after {MAX_PAGES} pages per "
                         "document; split the PDF and ingest the parts")
        if self.skipped and not builder.blocks:
            raise ParseError(f"{SCANNED}: {self._remedy}")
        if self.skipped:
            builder.warn(f"{page_list(self.skipped)} skipped, scanned with no text layer: {self._remedy}")

    def _can_run(self) -> bool:
        if self._remedy is None:
            self._program, self._remedy = find_tesseract()
            if self._program is not None:
                self._remedy = self._open_document()
        return self._program is not None and not self._remedy

    def _open_document(self) -> str:
        """'' when pypdfium2 opened the PDF, else what to do."""
        try:
            import pypdfium2
        except ImportError:
            return "pypdfium2 is missing: reinstall signalscan (pip install -e .), and ingest again"
        try:
            self._document = pypdfium2.PdfDocument(self._data)
        except Exception as exc:  # pypdfium2 raises PdfiumError, and others on damaged files
            return (f"the PDF could not be rendered for OCR ({exc.__class__.__name__}): print it to PDF "
                    "again and ingest it")
        return ""

    def _render(self, number: int) -> tuple[bytes, int]:
        """Page `number` as a greyscale PGM image, and the resolution it was rendered at."""
        try:
            page = self._document[number - 1]
            width, height = page.get_size()  # points
            scale = min(DPI / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
            bitmap = page.render(scale=scale, grayscale=True)
            pixels = bitmap.to_numpy()
        except Exception as exc:  # a damaged page: pypdfium2 raises PdfiumError among others
            raise OcrFailure(f"rendering failed: {exc.__class__.__name__}") from None
        if pixels.ndim == 3:
            pixels = pixels[..., 0]
        rows, columns = pixels.shape
        header = f"P5\n{columns} {rows}\n255\n".encode("ascii")
        return header + pixels.tobytes(), round(scale * 72)


def run_tesseract(program: str, image: bytes, dpi: int) -> str:
    """The text Tesseract reads in an image (PGM or PNG bytes): lines, paragraphs apart by a blank line."""
    command = [program, "-", "-", "--psm", "3", "--dpi", str(dpi)]  # psm 3: automatic page layout
    try:
        done = subprocess.run(command, input=image, capture_output=True, timeout=PAGE_TIMEOUT_SECONDS,
                              check=False)
    except subprocess.TimeoutExpired:
        raise OcrFailure(f"Tesseract took longer than {PAGE_TIMEOUT_SECONDS} s") from None
    except OSError as exc:
        raise OcrFailure(f"Tesseract could not start: {exc.strerror}") from None
    if done.returncode != 0:
        reason = " ".join(done.stderr.decode("utf-8", errors="replace").split())[:120]
        raise OcrFailure(f"Tesseract failed: {reason or 'exit code ' + str(done.returncode)}")
    return done.stdout.decode("utf-8", errors="replace").replace("\f", "\n")


def page_list(numbers: list[int]) -> str:
    """'page 4', 'pages 1-3, 7'."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    shown = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return f"{'page' if len(numbers) == 1 else 'pages'} {shown}"
