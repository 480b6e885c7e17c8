# ruff: noqa: E501  (a transcript turn is one long line)
"""The `rules` engine on meeting transcripts: "Speaker: text" turns under a Participants / Regrets
header. The speaker owns what they promise, report on and take on as a risk; decisions are spoken."""

from __future__ import annotations

from pathlib import Path

from signalscan.pipeline import extract_files

TRANSCRIPT = """\
Platform Sync — recording transcript
Date: Monday, March 2, 2026, 9:00 a.m. (Teams)
Participants: Léa Fontaine, Pieter van der Berg, Ravi Shankar, Ines Moreau
Regrets: Zoë Whitfield
Transcription generated automatically.

Léa Fontaine: Morning all. Pieter, integration first.
Pieter van der Berg: Integration is behind. I'll chase Orbix for the test certificates. I'll have them by Friday.
Ravi Shankar: Still waiting on the firewall change from Orbix, nothing yet.
Ines Moreau: The cutover checklist is done and on the wiki.
Léa Fontaine: I'm not ready to decide whether we drop the mobile channel from release 2. Let's come back to it next week.
Ravi Shankar: One risk I want logged: if the load test slips, we can't certify peak volumes. I'll own that, and the mitigation is we rent a second test rig.
Ines Moreau: Then I'll take that — I'll send the revised release plan by Wednesday, with and without mobile.
Léa Fontaine: Okay, decision: the billing module stays on the April release.
Pieter van der Berg: Separately, we need someone from Finance to sign off the cost centres by next sync.
Léa Fontaine: Ravi, can you book the war room for Thursday?
Ravi Shankar: Yes, I'll book the war room for Thursday.
[00:41:07] Ines Moreau: Let me share my screen. Let me check the licence count with procurement by Friday.
"""


def _one(items: list[dict], words: str) -> dict:
    hits = [i for i in items if words.lower() in i["text"].lower()]
    assert len(hits) == 1, f"{words!r}: {[i['text'] for i in items]}"
    return hits[0]


def test_transcript_spoken_items_belong_to_their_speakers(tmp_path: Path) -> None:
    path = tmp_path / "platform-sync-2026-03-02.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = extract_files([str(path)], engine="rules")[0]
    assert result["attendees"] == ["Léa Fontaine", "Pieter van der Berg", "Ravi Shankar", "Ines Moreau"]
    assert result["apologies"] == ["Zoë Whitfield"]
    actions = {a["text"]: (a["owner"], a["due"], a["status"]) for a in result["actions"]}
    assert actions == {
        "chase Orbix for the test certificates": ("Pieter van der Berg", "2026-03-06", "open"),
        "Still waiting on the firewall change from Orbix, nothing yet": ("Ravi Shankar", None, "open"),
        "Cutover checklist is done": ("Ines Moreau", None, "done"),
        "send the revised release plan, with and without mobile": ("Ines Moreau", "2026-03-04", "open"),
        "sign off the cost centres": (None, "2026-03-09", "open"),
        "book the war room": ("Ravi Shankar", "2026-03-05", "open"),
        "check the licence count with procurement": ("Ines Moreau", "2026-03-06", "open"),
    }
    decisions = {d["text"]: d["status"] for d in result["decisions"]}
    assert decisions == {"Whether we drop the mobile channel from release 2": "deferred",
                         "The billing module stays on the April release": "made"}
    risk = _one(result["risks"], "load test")
    assert (risk["owner"], risk["mitigation"]) == ("Ravi Shankar", "rent a second test rig")
    assert risk["evidence"]["line_start"] == 12


def test_lines_that_only_look_like_turns_are_not_a_transcript(tmp_path: Path) -> None:
    path = tmp_path / "status-2026-03-02.md"
    path.write_text("# Status 2 March 2026\n\n## Actions\n\n- Ravi Shankar: book the war room — due 5 March\n"
                    "- Ines Moreau: send the release plan — due 4 March\n", encoding="utf-8")
    result = extract_files([str(path)], engine="rules")[0]
    assert {a["owner"] for a in result["actions"]} == {"Ravi Shankar", "Ines Moreau"}


TEAMS_TRANSCRIPT = """\
Payments Platform Steering
2026/03/05, 14:00 - 14:30
Transcript

Hannah Okoye   14:01
Let's get going. Integration first.

Tomasz Nowak   14:02
The settlement feed is late. We are awaiting a decision on the reconciliation tool, in-house or the bank's portal.
Action for me: I'll send the interface spec to the bank by 2026/03/10.

Hannah Okoye   14:04
On the hosting region: we go with Frankfurt. Approved.

Priyanka Shah   14:05
The fraud rules: I still have to load them into the sandbox, it's overdue since 2026/03/02.

Tomasz Nowak   14:06
Brightwave now commits to deliver the test harness by 2026/03/12, so we're behind by a week.

Hannah Okoye   14:07
I did brief the risk committee on Monday, so close that action. Priyanka, can you book the pen test for 2026/03/20?

Priyanka Shah   14:08
Yes, I'll book it.

Hannah Okoye   14:09
Tomasz, please update the cutover plan by 2026/03/13.

Priyanka Shah   14:10
The team will refresh the runbook before go-live.
"""


def test_teams_two_line_turns_are_read_like_speaker_lines(tmp_path: Path) -> None:
    path = tmp_path / "Payments Steering - 2026-03-05 - Transcript.txt"
    path.write_text(TEAMS_TRANSCRIPT, encoding="utf-8")
    result = extract_files([str(path)], engine="rules")[0]
    assert result["attendees"] == ["Hannah Okoye", "Tomasz Nowak", "Priyanka Shah"]
    actions = {a["text"]: (a["owner"], a["due"], a["status"]) for a in result["actions"]}
    assert actions == {
        "send the interface spec to the bank": ("Tomasz Nowak", "2026-03-10", "open"),
        "load the fraud rules into the sandbox": ("Priyanka Shah", "2026-03-02", "open"),
        "deliver the test harness": ("Brightwave", "2026-03-12", "open"),
        "Brief the risk committee": ("Hannah Okoye", None, "done"),
        "book the pen test": ("Priyanka Shah", "2026-03-20", "open"),
        "update the cutover plan": ("Tomasz Nowak", "2026-03-13", "open"),
        "refresh the runbook before go-live": (None, None, "open"),
    }
    decisions = {d["text"]: d["status"] for d in result["decisions"]}
    assert decisions == {"The reconciliation tool, in-house or the bank's portal": "pending",
                         "Hosting region: Frankfurt": "made"}
    spec = _one(result["actions"], "interface spec")
    assert (spec["evidence"]["line_start"], spec["evidence"]["quote"]) == (10, "Action for me: I'll send the interface spec to the bank by 2026/03/10.")


def test_other_speaker_turn_styles(tmp_path: Path) -> None:
    text = ("Sync notes\n\n[09:01] Ana Costa\nOkay, we're agreed: the pilot starts in Porto.\n\n"
            "Luis Pereira (09:02): I'll circulate the pilot plan by Friday.\n"
            "Ana Costa (09:03): Thanks, and I'll book the venue by Thursday.\n"
            "[09:04] Luis Pereira: We still need someone from legal to review the contract by Friday.\n")
    path = tmp_path / "sync-2026-03-02.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_files([str(path)], engine="rules")[0]
    assert {a["text"]: a["owner"] for a in result["actions"]} == {
        "circulate the pilot plan": "Luis Pereira", "book the venue": "Ana Costa",
        "review the contract": None}
    assert [d["text"] for d in result["decisions"]] == ["The pilot starts in Porto"]
