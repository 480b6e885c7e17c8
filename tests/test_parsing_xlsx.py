"""Excel workbooks: RAID logs and action trackers, read sheet by sheet, row by row, cited as "sheet X row N"."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from fixture_support import FIXTURES, fixture_module
from typer.testing import CliRunner

from signalscan.cli import app
from signalscan.errors import ParseError
from signalscan.parsing import parse_file

SAMPLES = FIXTURES / "office-samples"
RAID_LOG = SAMPLES / "atlas-raid-log-2026-03-13.xlsx"


def save(workbook, path: Path) -> Path:  # noqa: ANN001 - an openpyxl Workbook
    workbook.save(path)
    return path


def test_each_visible_sheet_is_a_section_and_each_row_a_table_row() -> None:
    parsed = parse_file(RAID_LOG)
    assert parsed.format == "xlsx" and parsed.meeting_date == date(2026, 3, 13)
    headings = [b.text for b in parsed.blocks if b.kind == "heading"]
    assert headings == ["Actions", "Risks", "Decisions", "Status"]  # "Notes" is empty, "Lists" hidden
    assert parsed.warnings == ["hidden sheets skipped: 'Lists'; unhide them in Excel to have them read"]
    assert all(b.page is None and b.slide is None and b.line_start is None for b in parsed.blocks)
    a01 = next(b for b in parsed.blocks if b.cells and b.cells[0] == "A-01")
    assert a01.locator == "sheet Actions row 5" and a01.section == "Actions"
    assert a01.text == "A-01 | Confirm the data migration vendor's recovery plan | Jordan Lee | 2026-03-20 | Open"
    r02 = next(b for b in parsed.blocks if b.cells and b.cells[0] == "R-02")
    assert r02.locator == "sheet Risks row 3" and r02.cells == [
        "R-02", "Key super-user availability during the stock-take", "", "Medium", "", "Open"]
    assert a01.table != r02.table  # one table per sheet


def test_the_header_row_is_found_below_a_title_and_a_date_line() -> None:
    blocks = [b for b in parse_file(RAID_LOG).blocks if b.locator.startswith("sheet Actions")]
    assert [(b.kind, b.locator) for b in blocks[:4]] == [
        ("heading", "sheet Actions"), ("header", "sheet Actions row 1"), ("header", "sheet Actions row 2"),
        ("table_row", "sheet Actions row 4")]
    header = blocks[3]
    assert header.cells == ["Ref", "Action", "Owner", "Due", "Status"] and header.row == 1
    assert blocks[4].row == 2 and blocks[4].locator == "sheet Actions row 5"
    assert blocks[2].text == "Status as of 2026-03-13"  # a title row is not a log item, it dates the log
    struck = blocks[-1]
    assert struck.cells[0] == "A-04" and struck.is_struck


def test_cells_read_as_excel_shows_them(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet.append(["Task", "Due", "Reviewed at", "Start", "% complete", "Estimate", "Count", "Done"])
    sheet.append(["Load mock 2", datetime(2026, 3, 20), datetime(2026, 3, 20, 14, 30), time(9, 0), 0.55,
                  2.5, 3.0, True])
    sheet["E2"].number_format = "0%"
    sheet.append(["  Sign off\nthe ledger  ", date(2026, 4, 1), None, None, 1, 0.1 + 0.2, 12345678901, False])
    sheet["E3"].number_format = "0%"
    rows = [b.cells for b in parse_file(save(workbook, tmp_path / "tracker.xlsx")).blocks if b.cells]
    assert rows[1] == ["Load mock 2", "2026-03-20", "2026-03-20 14:30", "09:00", "55%", "2.5", "3", "TRUE"]
    assert rows[2] == ["Sign off the ledger", "2026-04-01", "", "", "100%", "0.3", "12345678901", "FALSE"]


def test_formulas_give_the_values_excel_cached_never_the_formula(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Workstream", "Done", "Total", "% complete"])
    sheet.append(["Finance", 8, 10, "=B2/C2"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl writes formulas without results; Excel saves both: add the cached value Excel would
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b"<f>B2/C2</f><v></v>" in data
                data = data.replace(b"<f>B2/C2</f><v></v>", b"<f>B2/C2</f><v>0.8</v>")
            target.writestr(info, data)
    (tmp_path / "cached.xlsx").write_bytes(out.getvalue())
    (tmp_path / "uncached.xlsx").write_bytes(buffer.getvalue())
    cached = parse_file(tmp_path / "cached.xlsx").blocks[-1]
    assert cached.cells == ["Finance", "8", "10", "0.8"]
    uncached = parse_file(tmp_path / "uncached.xlsx").blocks[-1]
    assert uncached.cells == ["Finance", "8", "10", ""] and "B2/C2" not in uncached.text


def test_a_sheet_without_a_table_is_read_as_paragraphs(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Decisions"
    notes.append(["Steering committee, 13 March 2026"])
    notes.append(["Decision: the committee approved the phased cutover approach."])
    parsed = parse_file(save(workbook, tmp_path / "notes.xlsx"))
    assert [(b.kind, b.locator) for b in parsed.blocks] == [
        ("heading", "sheet Decisions"), ("paragraph", "sheet Decisions row 1"),
        ("paragraph", "sheet Decisions row 2")]


def test_a_huge_sheet_is_cut_at_the_row_limit_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    import openpyxl

    from signalscan.parsing import xlsx

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ref", "Action", "Owner"])
    for number in range(1, 200):
        sheet.append([f"A-{number:03}", f"Action number {number}", "Jordan Lee"])
    workbook.create_sheet("More").append(["Ref", "Action"])
    path = save(workbook, tmp_path / "big.xlsx")
    assert len([b for b in parse_file(path).blocks if b.kind == "table_row"]) == 201
    monkeypatch.setattr(xlsx, "MAX_ROWS", 50)
    parsed = parse_file(path)
    assert len([b for b in parsed.blocks if b.kind == "table_row"]) == 50
    assert parsed.warnings[0].startswith("workbook truncated at 50 rows or 2,000,000 cells: the rest of "
                                         "sheet 'Sheet' and the sheets after it were not read")
    assert "More" not in [b.text for b in parsed.blocks if b.kind == "heading"]


def test_extract_json_on_a_raid_log_cites_sheet_and_row(hash_env: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(RAID_LOG), "--json"])
    assert result.exit_code == 0, result.output
    extraction = json.loads(result.stdout)
    assert extraction["document"]["meeting_date"] == "2026-03-13"
    actions = {a["text"]: a for a in extraction["actions"]}
    a01 = actions["Confirm the data migration vendor's recovery plan"]
    assert (a01["owner"], a01["due"], a01["status"]) == ("Jordan Lee", "2026-03-20", "open")
    assert a01["evidence"]["locator"] == "sheet Actions row 5"
    assert a01["evidence"]["quote"] == "Confirm the data migration vendor's recovery plan"
    assert a01["evidence"]["page"] is None and a01["evidence"]["line_start"] is None
    a02 = actions["Circulate the revised training plan to all super-users"]
    assert (a02["owner"], a02["due"], a02["status"]) == ("Priya Nair", "2026-03-27", "in_progress")
    vague = actions["Book the rooms for the cutover rehearsal"]
    assert (vague["owner"], vague["due"], vague["evidence"]["locator"]) == (None, None, "sheet Actions row 7")
    assert actions["Send the signed data-extract change request to the vendor"]["status"] == "done"
    assert len(actions) == 4  # the title and "Status as of" rows are not actions
    risks = {r["evidence"]["locator"]: r for r in extraction["risks"]}
    r01 = risks["sheet Risks row 2"]
    assert r01["owner"] == "Sam Ortiz" and r01["severity"] == "high"
    assert r01["mitigation"] == "Weekly vendor checkpoint; fallback extract scripted in-house"
    assert r01["evidence"]["quote"] == "The data extract vendor may not deliver before the cutover rehearsal"
    assert (risks["sheet Risks row 3"]["owner"], risks["sheet Risks row 3"]["mitigation"]) == (None, None)
    assert risks["sheet Risks row 4"]["status"] == "closed"
    decisions = {d["evidence"]["locator"]: d["status"] for d in extraction["decisions"]}
    assert decisions == {"sheet Decisions row 2": "deferred", "sheet Decisions row 3": "made"}
    statuses = {s["workstream"]: (s["reported"], s["percent_complete"]) for s in extraction["statuses"]}
    assert statuses == {"Finance": ("green", 80), "Data Migration": ("amber", 55), "Integration": ("red", 40)}


def _encrypted(data: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("atlas", out)  # Office's own agile encryption, an OLE file
    return out.getvalue()


def _bad_workbooks(folder: Path) -> dict[str, Path]:
    forge = fixture_module("make_bad_inputs").forge_uncompressed_size
    data = RAID_LOG.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "corrupt": (folder / "corrupt.xlsx", data[:3000]),
        "bomb": (folder / "bomb.xlsx", forge(data, "xl/worksheets/sheet1.xml")),
        "encrypted": (folder / "locked.xlsx", _encrypted(data)),
        "legacy": (folder / "old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    }
    for path, content in files.values():
        path.write_bytes(content)
    return {name: path for name, (path, _) in files.items()}


def test_bad_workbooks_fail_with_one_line_that_says_what_to_do(tmp_path: Path) -> None:
    bad = _bad_workbooks(tmp_path)
    expected = {
        "corrupt": "corrupt .xlsx file: the file is not a readable Office document; open and re-save it in "
                   "Office, then ingest again",
        "bomb": "refused .xlsx file: it would inflate to 4,096 MB (a decompression bomb or a damaged file); "
                "re-save it from Office and ingest again",
        "encrypted": "encrypted Excel workbook: remove the password and ingest again",
        "legacy": "not an Excel workbook: this is an old binary Office file (.doc/.xls/.ppt); save it as .xlsx "
                  "and ingest again",
    }
    for name, path in bad.items():
        with pytest.raises(ParseError) as caught:
            parse_file(path)
        assert str(caught.value) == expected[name], name


def test_an_encrypted_word_document_says_encrypted_too(tmp_path: Path) -> None:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    (tmp_path / "locked.docx").write_bytes(_encrypted(buffer.getvalue()))
    with pytest.raises(ParseError, match="^encrypted Word document: remove the password and ingest again$"):
        parse_file(tmp_path / "locked.docx")


def test_mislabelled_workbooks_are_read_by_their_real_type(tmp_path: Path) -> None:
    (tmp_path / "raid.docx").write_bytes(RAID_LOG.read_bytes())
    parsed = parse_file(tmp_path / "raid.docx")
    assert parsed.format == "xlsx"
    assert parsed.warnings[0] == "mislabelled file: named .docx but it is an Excel workbook; read as .xlsx"
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the steering committee")
    document.save(tmp_path / "minutes.xlsx")
    parsed = parse_file(tmp_path / "minutes.xlsx")
    assert parsed.format == "docx" and parsed.warnings[0].startswith("mislabelled file: named .xlsx")


def test_extract_goes_on_past_bad_workbooks(hash_env: Path, tmp_path: Path) -> None:
    bad = _bad_workbooks(tmp_path / "bad")
    paths = [str(bad["corrupt"]), str(RAID_LOG), str(bad["encrypted"]), str(bad["bomb"])]
    result = CliRunner().invoke(app, ["extract", *paths, "--json"])
    assert result.exit_code == 1
    results = json.loads(result.stdout)
    assert [r["document"]["path"] for r in results] == paths
    assert [bool(r.get("error")) for r in results] == [True, False, True, True]
    assert len(results[1]["actions"]) == 4
    assert results[2]["error"] == "encrypted Excel workbook: remove the password and ingest again"


def test_ingest_a_folder_with_a_workbook_end_to_end(hash_env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pmo"
    bad = _bad_workbooks(folder / "bad")
    (folder / RAID_LOG.name).write_bytes(RAID_LOG.read_bytes())
    result = CliRunner().invoke(app, ["ingest", str(folder), "--program", "atlas", "--json"])
    summary = json.loads(result.stdout)
    assert summary["ingested"] == [str(folder / RAID_LOG.name)]
    assert sorted(f["path"] for f in summary["failed"]) == sorted(str(p) for p in bad.values())
    assert all("\n" not in f["error"] and "ingest again" in f["error"] for f in summary["failed"])
    assert result.exit_code == 1  # failed is not empty
    items = json.loads(CliRunner().invoke(app, ["items", "--program", "atlas", "--kind", "action", "--json"]
                                          ).stdout)
    a01 = next(t for t in items if t["text"] == "Confirm the data migration vendor's recovery plan")
    assert (a01["owner"], a01["due"], a01["status"]) == ("Jordan Lee", "2026-03-20", "open")
    mention = a01["mentions"][0]
    assert mention["document"] == str(folder / RAID_LOG.name) and mention["meeting_date"] == "2026-03-13"
    assert mention["evidence"]["locator"] == "sheet Actions row 5"
    risks = json.loads(CliRunner().invoke(app, ["items", "--program", "atlas", "--kind", "risk", "--json"]
                                          ).stdout)
    assert {r["owner"] for r in risks} >= {"Sam Ortiz", None}


@pytest.mark.slow
def test_the_office_samples_regenerate_identically(tmp_path: Path) -> None:
    written = fixture_module("make_office_samples").generate(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in SAMPLES.iterdir())
    for path in written:
        assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), path.name
