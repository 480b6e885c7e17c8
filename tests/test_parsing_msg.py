"""Outlook .msg files, read like .eml: headers, the body (earlier messages quoted in it marked), attachments.

The .msg files are real compound files written by fixtures/msg_writer.py (extract-msg's OleWriter laying
out the MAPI property streams of [MS-OXMSG]); fixtures/office-samples/ holds one made by
fixtures/make_office_samples.py.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fixture_support import FIXTURES, fixture_module
from typer.testing import CliRunner

from signalscan.cli import app
from signalscan.errors import ParseError
from signalscan.parsing import parse_file

STATUS_MSG = FIXTURES / "office-samples" / "atlas-weekly-status.msg"


writer = fixture_module("msg_writer")
SENDER = ("Priya Nair", "priya.nair@meridian.example")
COMMITTEE = [("Atlas Steering Committee", "atlas-sc@meridian.example")]


def write_msg(path: Path, **fields: object) -> Path:
    message = {"subject": "Atlas status", "sender": SENDER, "sent": datetime(2026, 3, 13, 9, 15, tzinfo=UTC),
               "to": COMMITTEE, **fields}
    path.write_bytes(writer.OutlookMessage(**message).to_bytes())
    return path


def test_headers_body_and_meeting_date_of_a_received_message() -> None:
    parsed = parse_file(STATUS_MSG)
    assert (parsed.format, parsed.kind, parsed.title) == ("msg", "email", "Atlas weekly status")
    assert parsed.meeting_date == date(2026, 3, 13) and parsed.meeting_date_source == "email header"
    assert parsed.headers == {
        "subject": "Atlas weekly status", "from": "Priya Nair <priya.nair@meridian.example>",
        "to": "Atlas Steering Committee <atlas-sc@meridian.example>",
        "cc": "Jordan Lee <jordan.lee@meridian.example>", "date": "Fri, 13 Mar 2026 09:15:00 +0000"}
    headers = [(b.kind, b.locator, b.text) for b in parsed.blocks if b.kind == "email_header"]
    assert headers[0] == ("email_header", "header Subject", "Subject: Atlas weekly status")
    assert [h[1] for h in headers] == ["header Subject", "header From", "header To", "header Cc", "header Date"]
    action = next(b for b in parsed.blocks if b.text.startswith("Action: Jordan Lee"))
    assert action.locator == "body line 7" and action.source is None
    assert action.line_start is None and action.page is None  # a .msg has no file lines


def test_the_quoted_earlier_message_is_marked_as_eml_marks_it() -> None:
    blocks = parse_file(STATUS_MSG).blocks
    quoted = [b.text for b in blocks if b.source == "quoted"]
    assert quoted[0] == "From: Sam Ortiz <sam.ortiz@meridian.example>"
    assert quoted[-1] == "Action: Priya Nair to escalate the extract delay to the vendor board by Friday."
    assert "Regards,\nPriya" in [b.text for b in blocks if b.source is None]


def test_supported_attachments_are_parsed_and_others_warn() -> None:
    parsed = parse_file(STATUS_MSG)
    row = next(b for b in parsed.blocks if b.cells and b.cells[0] == "A-01")
    assert row.source == "attachment: atlas-raid-log-2026-03-13.xlsx"
    assert row.locator == "attachment atlas-raid-log-2026-03-13.xlsx, sheet Actions row 5"
    assert "attachment 'image001.png' is not a supported type and was skipped" in parsed.warnings


def test_an_html_only_draft_without_transport_headers(tmp_path: Path) -> None:
    html = ("<html><body><p>Status for the steering committee.</p><table><tr><th>Ref</th><th>Action</th>"
            "<th>Owner</th><th>Due</th></tr><tr><td>A-09</td><td>Publish the cutover runbook</td>"
            "<td>Sam Ortiz</td><td>27 March 2026</td></tr></table></body></html>")
    path = write_msg(tmp_path / "status.msg", html=html, sent=datetime(2026, 3, 16, 23, 30, tzinfo=UTC))
    parsed = parse_file(path)
    # no transport headers: Outlook's sending time, which it keeps in UTC
    assert parsed.headers["date"] == "Mon, 16 Mar 2026 23:30:00 +0000"
    # and no transport headers to read From/To from: the sender and recipient properties
    assert parsed.headers["from"] == "Priya Nair <priya.nair@meridian.example>"
    assert parsed.headers["to"] == "Atlas Steering Committee <atlas-sc@meridian.example>"
    assert parsed.meeting_date == date(2026, 3, 16)
    row = next(b for b in parsed.blocks if b.cells and b.cells[0] == "A-09")
    assert row.locator == "body table 1 row 2" and row.line_start is None
    assert next(b for b in parsed.blocks if b.kind == "paragraph").locator == "body paragraph 1"


def test_a_message_attached_as_an_outlook_item_is_read(tmp_path: Path) -> None:
    inner = writer.OutlookMessage(
        subject="Cutover rehearsal", sender=("Sam Ortiz", "sam.ortiz@meridian.example"),
        sent=datetime(2026, 3, 12, 17, 0, tzinfo=UTC), to=[SENDER],
        body="Action: Sam Ortiz to rebook the rehearsal for 20 March 2026.\r\n")
    path = write_msg(tmp_path / "fwd.msg", body="See the note below.\r\n",
                     attachments=[writer.Attachment("Cutover rehearsal.msg", message=inner)])
    parsed = parse_file(path)
    block = next(b for b in parsed.blocks if b.text.startswith("Action: Sam Ortiz"))
    assert block.source == "attachment: Cutover rehearsal.msg"
    assert block.locator == "attachment Cutover rehearsal.msg, body line 1"


def test_extract_json_cites_the_body_line_and_skips_quoted_text(hash_env: Path, tmp_path: Path) -> None:
    body = ("Hi all,\r\n\r\nAction: Jordan Lee to confirm the vendor recovery plan by 20 March 2026.\r\n"
            "Risk: the payroll interface certificate expires before go-live.\r\n\r\n"
            "-----Original Message-----\r\nFrom: Sam Ortiz\r\nSent: 12 March 2026 17:00\r\n\r\n"
            "Action: Priya Nair to chase the vendor by Friday.\r\n")
    path = write_msg(tmp_path / "status.msg", body=body)
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    extraction = json.loads(result.stdout)
    assert extraction["document"]["kind"] == "email" and extraction["document"]["meeting_date"] == "2026-03-13"
    [action] = extraction["actions"]  # the quoted one was read when it was sent
    assert (action["owner"], action["due"], action["status"]) == ("Jordan Lee", "2026-03-20", "open")
    assert action["evidence"]["locator"] == "body line 3" and action["evidence"]["line_start"] is None
    assert action["evidence"]["quote"] in body
    [risk] = extraction["risks"]
    assert risk["evidence"]["locator"] == "body line 4"


def test_sniffing_tells_outlook_messages_from_other_ole_files(tmp_path: Path) -> None:
    (tmp_path / "status.docx").write_bytes(STATUS_MSG.read_bytes())
    parsed = parse_file(tmp_path / "status.docx")
    assert parsed.format == "msg"
    assert parsed.warnings[0] == "mislabelled file: named .docx but it is an Outlook message; read as .msg"
    (tmp_path / "old.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ParseError, match="^not an Outlook message: this is another or a damaged Office"):
        parse_file(tmp_path / "old.msg")
    (tmp_path / "junk.msg").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ParseError, match="^corrupt .msg: the file is not an Outlook message; save the e-mail"):
        parse_file(tmp_path / "junk.msg")


def test_an_encrypted_office_file_named_msg_says_encrypted(tmp_path: Path) -> None:
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    workbook = (FIXTURES / "office-samples" / "atlas-raid-log-2026-03-13.xlsx").read_bytes()
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(workbook)).encrypt("atlas", out)
    (tmp_path / "locked.msg").write_bytes(out.getvalue())
    with pytest.raises(ParseError, match="^encrypted Office document: remove the password and ingest again$"):
        parse_file(tmp_path / "locked.msg")


def test_a_mime_email_saved_as_msg_is_read_as_eml(tmp_path: Path) -> None:
    (tmp_path / "status.msg").write_text("From: Priya Nair <priya@example.com>\nSubject: Status\n"
                                         "Date: Fri, 13 Mar 2026 09:00:00 +0000\n\nFinance is on track.\n")
    parsed = parse_file(tmp_path / "status.msg")
    assert parsed.format == "eml" and parsed.meeting_date == date(2026, 3, 13)
    assert parsed.warnings == ["named .msg but it is a MIME e-mail (text), not an Outlook message; read as .eml"]
    assert parsed.blocks[-1].locator == "line 5"


def test_ingest_reads_a_message_with_its_workbook(hash_env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / STATUS_MSG.name).write_bytes(STATUS_MSG.read_bytes())
    result = CliRunner().invoke(app, ["ingest", str(folder), "--program", "atlas", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == [str(folder / STATUS_MSG.name)]
    risks = json.loads(CliRunner().invoke(app, ["items", "--program", "atlas", "--kind", "risk", "--json"]
                                          ).stdout)
    r01 = next(r for r in risks if r["owner"] == "Sam Ortiz")
    assert r01["mentions"][0]["evidence"]["locator"] == (
        "attachment atlas-raid-log-2026-03-13.xlsx, sheet Risks row 2")
