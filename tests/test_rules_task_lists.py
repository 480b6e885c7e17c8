"""The `rules` engine on wiki meeting pages and task lists: "[ ] @Name do X by 21.05.2026", ticks kept
in the markup, user handles, "N.N.", European dates ("04.06.2026", "KW 21"), accented names and
surname particles, "Excused" lists, and "Item: J. Vogt — date" lines on a deck."""

from __future__ import annotations

from pathlib import Path

from rules_support import by_text

from signalscan.pipeline import extract_files


def _wiki_page(path: Path) -> Path:
    path.write_text(
        "<html><head><title>Rollout : 2026-05-28 Steering Board</title></head><body>"
        "<div>Created by Jens Vogt, last modified on May 28, 2026</div>"
        "<h2>Participants</h2><ul><li>Jens Vogt</li><li>Marloes de Wit</li><li>Émile Gagnon</li>"
        "<li>Henrik Lund</li></ul>"
        "<h2>Excused</h2><ul><li>Chloé Bergeron</li></ul>"
        "<h2>Goals</h2><ul><li>Warehouse recovery</li></ul>"
        "<h2>Action items</h2><ul class='inline-task-list'>"
        "<li><span>[ ] @Jens Vogt deliver the cutover runbook v2 by 04.06.2026 (moved again)</span></li>"
        "<li class='checked'><span>[x] @Marloes de Wit rerun the month-end close simulation</span></li>"
        "<li><span>[ ] N.N. arrange super-user training rooms by 12.06.2026</span></li>"
        "<li><span>[ ] @egagnon send the pricing file to the vendor by KW 23</span></li>"
        "<li class='checked' data-inline-task-id='5'><span>@Henrik Lund get a delivery date</span></li>"
        "</ul></body></html>",
        encoding="utf-8",
    )
    return path


def test_wiki_task_list_actions_owners_ticks_and_european_dates(tmp_path: Path) -> None:
    result = extract_files([str(_wiki_page(tmp_path / "2026-05-28-Steering-Board.html"))], engine="rules")[0]
    assert result["attendees"] == ["Jens Vogt", "Marloes de Wit", "Émile Gagnon", "Henrik Lund"]
    assert result["apologies"] == ["Chloé Bergeron"]
    runbook = by_text(result["actions"], "cutover runbook")
    assert (runbook["text"], runbook["owner"], runbook["due"], runbook["status"]) == (
        "deliver the cutover runbook v2", "Jens Vogt", "2026-06-04", "open")
    close = by_text(result["actions"], "month-end close")
    assert (close["owner"], close["due"], close["status"]) == ("Marloes de Wit", None, "done")
    rooms = by_text(result["actions"], "training rooms")
    assert (rooms["text"], rooms["owner"], rooms["due"]) == ("arrange super-user training rooms", None,
                                                               "2026-06-12")
    pricing = by_text(result["actions"], "pricing file")
    assert (pricing["owner"], pricing["due"]) == ("Émile Gagnon", "2026-06-05")  # KW 23 -> its Friday
    # a tick kept only in the markup (no "[x]" in the text) still closes the task
    assert by_text(result["actions"], "delivery date")["status"] == "done"


def test_markdown_task_list_and_placeholder_owner(tmp_path: Path) -> None:
    page = tmp_path / "sync-2026-10-05.md"
    page.write_text(
        "# Release train sync · Oct 5, 2026\n\n## Action items\n\n"
        "- [ ] Owen MacLeod — chase the vendor for sandbox credentials — due Fri Oct 9\n"
        "- [ ] TBD (Finance) — confirm the GL codes for payouts — due Oct 12\n"
        "- [x] Farah Haddad — draft the reconciliation runbook — done\n"
        "- [x] Dev Malhotra — send the revised PI plan — sent Oct 1\n",
        encoding="utf-8",
    )
    result = extract_files([str(page)], engine="rules")[0]
    rows = {a["text"]: (a["owner"], a["due"], a["status"]) for a in result["actions"]}
    assert rows == {
        "chase the vendor for sandbox credentials": ("Owen MacLeod", "2026-10-09", "open"),
        "confirm the GL codes for payouts": (None, "2026-10-12", "open"),
        "draft the reconciliation runbook": ("Farah Haddad", None, "done"),
        "send the revised PI plan": ("Dev Malhotra", None, "done"),  # when it was sent is no due date
    }


def test_deck_owner_written_as_initial_and_surname_resolves_to_the_minutes(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    minutes = _wiki_page(tmp_path / "2026-05-28-Steering-Board.html")
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Open actions"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(3))
    box.text_frame.text = "Cutover runbook v2: J. Vogt — 04.06.2026"
    box.text_frame.add_paragraph().text = "Month-end close rerun: M. de Wit — 27.05.2026"
    deck_path = tmp_path / "SteeringBoard_20260528.pptx"
    deck.save(deck_path)
    _, second = extract_files([str(minutes), str(deck_path)], engine="rules")
    assert {(a["text"], a["owner"], a["due"]) for a in second["actions"]} == {
        ("Cutover runbook v2", "Jens Vogt", "2026-06-04"),
        ("Month-end close rerun", "Marloes de Wit", "2026-05-27"),
    }


def test_html_email_open_items_are_actions_and_a_parked_decision_below_is_no_task(tmp_path: Path) -> None:
    email = tmp_path / "weekly-update.eml"
    email.write_text(
        "From: Marcus Oyelaran <marcus@example.org>\nTo: Train <train@example.org>\n"
        "Subject: Weekly update\nDate: Wed, 23 Sep 2026 09:00:00 -0400\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>Hi all,</p><p><b>Open items</b></p><ul>"
        "<li><b>Owen MacLeod</b>: sandbox credentials from the vendor — still outstanding "
        "(was due Sep 18).</li>"
        "<li><b>Farah Haddad</b>: reconciliation runbook — due Sep 30.</li></ul>"
        "<p>The chatbot descoping decision is parked until next Monday.</p>"
        "<p>Thanks,<br>Marcus</p></body></html>\n",
        encoding="utf-8",
    )
    result = extract_files([str(email)], engine="rules")[0]
    assert {(a["owner"], a["due"]) for a in result["actions"]} == {("Owen MacLeod", "2026-09-18"),
                                                                   ("Farah Haddad", "2026-09-30")}
    assert [(d["text"], d["status"]) for d in result["decisions"]] == [
        ("The chatbot descoping decision is parked until next Monday", "deferred")]
