"""Lines led by an item's reference: carry-forward log lines on a slide of actions and decisions,
matters-arising news about logged refs, and owners written as "Name (Firm): the thing"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from signalscan.pipeline import extract_files

MEETING = date(2026, 2, 17)


def _extract(path: Path, text: str) -> dict:
    path.write_text(text, encoding="utf-8")
    [found] = extract_files([str(path)], meeting_date=MEETING)
    return found


def _deck(path: Path, title: str, lines: list[str]) -> Path:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = title
    frame = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(3)).text_frame
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    deck.save(path)
    return path


def test_a_ref_owner_and_due_line_on_a_decisions_slide_is_an_action(tmp_path: Path) -> None:
    deck = _deck(
        tmp_path / "pack.pptx",
        "Key actions and decisions",
        [
            "Hosting decision deferred to next meeting",
            "B-14 Signed data sharing agreement — Fenwick — due 6 Mar — open",
        ],
    )
    [found] = extract_files([str(deck)], meeting_date=MEETING)
    # the short line above it reports a deferral: a decision, not a heading swallowing the next line
    assert [(d["text"], d["status"]) for d in found["decisions"]] == [
        ("Hosting decision deferred to next meeting", "deferred")
    ]
    [action] = [a for a in found["actions"] if "data sharing" in a["text"]]
    assert action["text"] == "Signed data sharing agreement"
    assert (action["owner"], action["due"], action["status"]) == ("Fenwick", "2026-03-06", "open")


def test_a_risk_or_decision_ref_line_in_its_own_section_stays_what_it_is(tmp_path: Path) -> None:
    found = _extract(
        tmp_path / "notes.md",
        "## Decisions pending\n- D-04 Choice of hosting — Board — due 6 Mar — pending\n",
    )
    assert [d["text"] for d in found["decisions"]] and found["actions"] == []


def test_matters_arising_news_about_refs_creates_no_fragment_items(tmp_path: Path) -> None:
    found = _extract(
        tmp_path / "minutes.txt",
        "Matters arising\n\n"
        "C-11 and C-12 are complete. C-09 remains open and has been re-dated a second time.\n\n"
        "C-14 has been closed.\n",
    )
    assert found["actions"] == [], [a["text"] for a in found["actions"]]


def test_a_person_with_their_firm_in_brackets_owns_the_line(tmp_path: Path) -> None:
    found = _extract(
        tmp_path / "report.md",
        "## Actions due next\n"
        "- Nadia Okafor (Brightwell): signed statement of work — 20 Feb\n"
        "- Owen Price (OP): revised cutover plan — 24 Feb\n"
        "- Send the test calendar (Owen Price) — 24 Feb\n",
    )
    got = {a["text"]: a["owner"] for a in found["actions"]}
    assert got == {
        "signed statement of work": "Nadia Okafor",
        "revised cutover plan": "Owen Price",
        "Send the test calendar": "Owen Price",
    }
