"""The `rules` engine on British formal minutes: numbered minute items, capitalised resolutions
(AGREED / RESOLVED / DEFERRED), risks NOTED in prose and a matters-arising action log in prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from rules_support import by_text, extract_rules


@pytest.fixture
def board_minutes(tmp_path: Path) -> Path:
    """Minutes of a trust's estates programme board, written the way a committee clerk writes them."""
    import docx

    doc = docx.Document()
    doc.add_heading("ESTATES RATIONALISATION PROGRAMME BOARD", level=1)
    doc.add_paragraph("Minutes of the meeting held on Wednesday 4 November 2026 at 14.00, Board Room")
    doc.add_paragraph("Present: Helen Ward (Chief Operating Officer, SRO, Chair); Tomasz Nowak (Programme "
                      "Manager); Grace Adeyemi (Head of Estates); Liam Burke (Finance Business Partner)")
    doc.add_heading("1. Apologies", level=2)
    doc.add_paragraph("1.1 Apologies were received from Ruth Okonjo (Head of Procurement) and Ian Moss.")
    doc.add_heading("2. Minutes and action log", level=2)
    doc.add_paragraph("2.1 The minutes of the meeting held on 7 October were AGREED as a correct record.")
    doc.add_paragraph("2.2 Action 10/01 (GA – condition survey of the north wing) – not complete; "
                      "revised target 20 November.")
    doc.add_paragraph("2.3 Action 10/02 (Finance – lease exit costings) – complete; "
                      "costings sent 30 October.")
    doc.add_paragraph("2.4 Action 10/03 (TN to refresh the space utilisation model) – in progress, "
                      "on course for 18 November.")
    doc.add_heading("3. Disposal of Riverside House", level=2)
    doc.add_paragraph("3.1 The Board considered whether to sell Riverside House or lease it to the council.")
    doc.add_paragraph("3.2 The decision was DEFERRED to the December Board, pending a valuation.")
    doc.add_heading("4. Risks", level=2)
    doc.add_paragraph("4.1 The Board NOTED a new risk that asbestos surveys could delay the north wing "
                      "works. No owner or mitigation has yet been identified.")
    doc.add_paragraph("4.2 The Board NOTED the risk that the lease break notice is served late. "
                      "Liam Burke owns the risk and has set up a monthly lease review.")
    doc.add_heading("5. Car parking", level=2)
    doc.add_paragraph("5.1 AGREED that staff parking charges will be frozen until April.")
    doc.add_paragraph("5.2 RESOLVED to close the Elm Street car park from 1 January.")
    doc.add_paragraph("5.3 Approval of the revised travel plan will be sought at the next Board.")
    doc.add_paragraph("Date of next meeting: Wednesday 2 December 2026")
    path = tmp_path / "ERP-board-2026-11-04-minutes.docx"
    doc.save(path)
    return path


def test_action_log_in_prose_keeps_reference_owner_and_revised_target(board_minutes: Path) -> None:
    actions = extract_rules(board_minutes)["actions"]
    assert all(a["text"].lower() != "action" for a in actions)
    survey = by_text(actions, "condition survey")
    assert (survey["owner"], survey["due"], survey["status"]) == ("Grace Adeyemi", "2026-11-20", "open")
    costings = by_text(actions, "lease exit costings")
    assert (costings["owner"], costings["due"], costings["status"]) == ("Finance", None, "done")
    model = by_text(actions, "space utilisation model")
    assert (model["owner"], model["due"], model["status"]) == ("Tomasz Nowak", "2026-11-18", "in_progress")


def test_capitalised_resolutions_are_decisions_and_the_record_of_minutes_is_not(board_minutes: Path) -> None:
    decisions = extract_rules(board_minutes)["decisions"]
    assert by_text(decisions, "parking charges will be frozen")["status"] == "made"
    assert by_text(decisions, "close the Elm Street car park")["status"] == "made"
    assert by_text(decisions, "revised travel plan")["status"] == "pending"
    assert not [d for d in decisions if "correct record" in d["text"] or "minutes" in d["text"].lower()]


def test_a_deferral_without_a_subject_takes_the_minute_items_subject(board_minutes: Path) -> None:
    deferred = by_text(extract_rules(board_minutes)["decisions"], "sell Riverside House")
    assert deferred["status"] == "deferred"


def test_risks_noted_in_prose_with_owner_and_mitigation_from_the_next_sentence(board_minutes: Path) -> None:
    risks = extract_rules(board_minutes)["risks"]
    asbestos = by_text(risks, "asbestos surveys could delay")
    assert (asbestos["owner"], asbestos["mitigation"]) == (None, None)
    lease = by_text(risks, "lease break notice is served late")
    assert (lease["owner"], lease["mitigation"]) == ("Liam Burke", "a monthly lease review")


def test_other_resolution_and_action_log_spellings(tmp_path: Path) -> None:
    notes = tmp_path / "digital-board-2026-05-06.md"
    notes.write_text(
        "# Digital Services Board — Minutes\n\nMeeting date: 6 May 2026\n\n"
        "Present: Sarah Collins (SRO); Ben Ortiz (Programme Manager); Aisha Khan (Head of Data)\n\n"
        "## 1. Matters arising\n\n"
        "- A-07 (BO) Publish the revised benefits profile – complete.\n"
        "- Action 4 – Finance to cost the hosting options – overdue; now 27 May.\n\n"
        "## 2. Hosting\n\n"
        "2.1 RESOLVED: that the contingency drawdown of £25,000 be approved.\n"
        "2.2 The integration design has been agreed and build has started.\n"
        "2.3 The Board NOTED a risk of key supplier staff leaving during transition. Ben Ortiz owns the "
        "risk and is mitigating it through retention bonuses.\n",
        encoding="utf-8",
    )
    result = extract_rules(notes)
    profile = by_text(result["actions"], "benefits profile")
    assert (profile["owner"], profile["status"]) == ("Ben Ortiz", "done")
    hosting = by_text(result["actions"], "cost the hosting options")
    assert (hosting["owner"], hosting["due"]) == ("Finance", "2026-05-27")
    assert [d["text"] for d in result["decisions"]] == ["the contingency drawdown of £25,000 be approved"]
    risk = by_text(result["risks"], "supplier staff leaving")
    assert (risk["owner"], risk["mitigation"]) == ("Ben Ortiz", "retention bonuses")
