"""Uploaded files get safe names inside the program's folder, and a refused batch leaves nothing."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from signalscan.config import Settings
from signalscan.web.uploads import UploadTooLargeError, program_folder, safe_file_name, save_uploads


@dataclass
class Upload:
    filename: str | None
    file: io.BytesIO


@pytest.mark.parametrize(("given", "expected"), [
    ("SC minutes 2026-03-13.docx", "SC minutes 2026-03-13.docx"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\pm\\deck.PPTX", "deck.pptx"),
    (".bashrc", "upload.bashrc"),
    ("", "upload"),
    (None, "upload"),
    ("status<script>.md", "status_script.md"),
    ("weird\x00name.txt", "weird_name.txt"),
])
def test_file_names_cannot_escape_or_hide(given, expected):
    assert safe_file_name(given) == expected


def test_uploads_are_saved_under_the_program_folder(tmp_path):
    settings = Settings(home=tmp_path)
    paths = save_uploads(settings, "erp", [Upload("../minutes.md", io.BytesIO(b"# Minutes\n"))])
    assert paths == [str(tmp_path / "uploads" / "erp" / "minutes.md")]
    assert (tmp_path / "uploads" / "erp" / "minutes.md").read_bytes() == b"# Minutes\n"


def test_odd_program_names_get_distinct_folders(tmp_path):
    settings = Settings(home=tmp_path)
    assert program_folder(settings, "a/b") != program_folder(settings, "a_b")
    assert program_folder(settings, "a/b").parent == tmp_path / "uploads"


def test_a_batch_over_the_limit_is_refused_whole_and_keeps_earlier_versions(tmp_path):
    settings = Settings(home=tmp_path, max_upload_mb=0.001)  # 1048 bytes
    save_uploads(settings, "erp", [Upload("minutes.md", io.BytesIO(b"old version"))])
    batch = [Upload("minutes.md", io.BytesIO(b"new" * 100)), Upload("deck.pptx", io.BytesIO(b"x" * 2000))]
    with pytest.raises(UploadTooLargeError, match="SIGNALSCAN_MAX_UPLOAD_MB"):
        save_uploads(settings, "erp", batch)
    folder = tmp_path / "uploads" / "erp"
    assert sorted(p.name for p in folder.iterdir()) == ["minutes.md"]
    assert (folder / "minutes.md").read_bytes() == b"old version"
