"""RAID summaries with inline tags ("[RISK][HIGH] …", "[ACT] … @Full Name due …", "(R)", "ACTION ->",
"#risk"), report datelines that are no items, field lines continuing the item above them, and
"Delayed" / "Slipping" as RAG words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from signalscan.pipeline import extract_files

MEETING = date(2026, 4, 16)


def _extract(path: Path) -> dict:
    [found] = extract_files([str(path)], meeting_date=MEETING, engine="rules")
    return found


def _by_text(items: list[dict], words: str) -> dict:
    [item] = [i for i in items if words.lower() in i["text"].lower()]
    return item


RAID = """# Harbour Programme - RAID summary

Week ending 17 Apr 2026 | Prepared by Pat Example, 16/04/2026

## Risks
- [RISK][HIGH] Peak volumes could overlap the hypercare period. Owner: TBC. Mitigation: none yet.
- [RISK][LOW] Duplicate codes could corrupt opening stock. Owner: Ana Ruiz. Mitigation: dedupe script; re-run before each load.
- (R) Supplier may miss the May window - CLOSED 28 Apr. Owner: Ben Ode.

## Decisions
- [DEC] Lease the handhelds rather than buy them.
- [DEC][PENDING] Which site goes live first.

## Actions
- [ACT] Confirm the label format with the carrier @Ana Ruiz due 17 Apr
- [ACT] Confirm cost-centre coding for the lease @TBD due 24 Apr
- [A] Draft the training schedule @Ben Ode due 24 Apr
- ACTION -> Book the training rooms @Cleo Marsh due 30 Apr
"""


def test_tags_set_kind_severity_status_and_leave_the_text(tmp_path: Path) -> None:
    path = tmp_path / "RAID summary 2026-04-16.md"
    path.write_text(RAID, encoding="utf-8")
    result = _extract(path)
    texts = [i["text"] for kind in ("actions", "decisions", "risks") for i in result[kind]]
    assert not any("[" in t or "@" in t or "->" in t or "(R)" in t for t in texts), texts
    assert not any("week ending" in t.lower() for t in texts)  # the dateline is no risk

    peak = _by_text(result["risks"], "Peak volumes")
    assert (peak["owner"], peak["mitigation"], peak["severity"]) == (None, None, "high")
    dupes = _by_text(result["risks"], "Duplicate codes")
    assert dupes["text"] == "Duplicate codes could corrupt opening stock"
    assert (dupes["owner"], dupes["severity"]) == ("Ana Ruiz", "low")
    assert dupes["mitigation"] == "dedupe script; re-run before each load"
    supplier = _by_text(result["risks"], "Supplier")
    assert (supplier["owner"], supplier["status"]) == ("Ben Ode", "closed")
    assert len(result["risks"]) == 3

    assert _by_text(result["decisions"], "Lease")["status"] == "made"
    assert _by_text(result["decisions"], "Which site")["status"] == "pending"

    actions = {a["text"]: (a["owner"], a["due"]) for a in result["actions"]}
    assert actions == {
        "Confirm the label format with the carrier": ("Ana Ruiz", "2026-04-17"),
        "Confirm cost-centre coding for the lease": (None, "2026-04-24"),
        "Draft the training schedule": ("Ben Ode", "2026-04-24"),
        "Book the training rooms": ("Cleo Marsh", "2026-04-30"),
    }


def test_hash_tags_and_enumerations(tmp_path: Path) -> None:
    path = tmp_path / "raid-2026-04-16.md"
    path.write_text("## Log\n\n- #risk Vendor key staff may leave before cut-over #high\n\n"
                    "## Options\n\n(A) Stay on the old platform.\n(B) Move in one go.\n", encoding="utf-8")
    result = _extract(path)
    [risk] = result["risks"]
    assert (risk["text"], risk["severity"]) == ("Vendor key staff may leave before cut-over", "high")
    assert result["actions"] == []  # "(A)" enumerates an option, it is no action tag


def _dashboard_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    y = 780
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(50, y, "Harbour Programme - Executive dashboard")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, y - 20, "Reporting date: 07/05/2026")
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, y - 50, "Top 3 risks")
    pdf.setFont("Helvetica", 10)
    y -= 70
    risks = [["Peak volumes could overlap the hypercare period",  # short: read as a numbered heading
              "- owner and mitigation not yet assigned."],
             ["Carrier label API late, delaying integration testing.",
              "Owner: Ana Ruiz. Mitigation: API stub in place; testing re-planned."],
             ["Key super-user availability during the stock-take.",
              "Owner: Ben Ode. Mitigation: backfill from the day shift."]]
    for number, (first, wrapped) in enumerate(risks, start=1):
        pdf.drawString(60, y, f"{number}. {first}")
        pdf.drawString(75, y - 14, wrapped)  # indented below its item
        y -= 34
    pdf.showPage()
    pdf.save()
    return path


def test_field_and_wrapped_lines_belong_to_the_risk_above(tmp_path: Path) -> None:
    result = _extract(_dashboard_pdf(tmp_path / "Executive dashboard 2026-05-07.pdf"))
    risks = {r["text"]: (r["owner"], r["mitigation"]) for r in result["risks"]}
    assert risks == {
        "Peak volumes could overlap the hypercare period": (None, None),
        "Carrier label API late, delaying integration testing": ("Ana Ruiz",
                                                                 "API stub in place; testing re-planned"),
        "Key super-user availability during the stock-take": ("Ben Ode", "backfill from the day shift"),
    }


def test_delayed_and_slipping_are_rag_words(tmp_path: Path) -> None:
    path = tmp_path / "status-2026-04-16.md"
    path.write_text("## Workstream summary\n\n| Workstream | Status | % complete |\n|---|---|---|\n"
                    "| Carrier Integration | Delayed | 40% |\n| Inventory Data | Slipping | 45% |\n"
                    "| Training | On Track | 50% |\n", encoding="utf-8")
    statuses = {s["workstream"]: s["reported"] for s in _extract(path)["statuses"]}
    assert statuses == {"Carrier Integration": "red", "Inventory Data": "amber", "Training": "green"}
