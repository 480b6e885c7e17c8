"""`ask`: hybrid retrieval over ingested documents, citations with real lines, filters, batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalscan.cli import app
from signalscan.config import Settings
from signalscan.errors import NotFoundError
from signalscan.llm import FakeChatModel
from signalscan.pipeline import ingest_paths
from signalscan.qa import Asker, answer_question, answer_questions_file

TURNS = [
    ("Project Manager", "Welcome everyone, let us start with the agenda for today ."),
    ("Marketing", "I looked at what users want from a remote control ."),
    ("Industrial Designer", "Okay ."),
    ("Marketing", "Users lose their remote all the time, so a locator beep would help ."),
    ("Project Manager", "Right ."),
    ("Industrial Designer", "The battery could be a rechargeable lithium cell in a docking station ."),
    ("User Interface", "A docking station also stops people losing it ."),
    ("Project Manager", "Good , what about the price ?"),
    ("Marketing", "The target selling price is twenty five euros ."),
    ("Industrial Designer", "Then the production cost must stay under twelve euros fifty ."),
    ("Project Manager", "Yeah ."),
    ("User Interface", "For the buttons I want big rubber keys for the volume and channel ."),
    ("Industrial Designer", "Rubber keys are cheap to make ."),
    ("Project Manager", "Let us close with the next meeting plan ."),
]
MINUTES_MARCH = """# Steering Committee Minutes
Date: 2026-03-06

## Discussion
The data migration vendor reported that the extract files are two weeks late.

## Actions
- Jordan Lee to confirm the vendor recovery plan by 2026-03-13.
"""
MINUTES_APRIL = """# Steering Committee Minutes
Date: 2026-04-10

## Discussion
Training rollout for the finance users starts in May; the data migration is back on plan.
"""
EMAIL = """From: Priya Nair <priya@example.com>
To: Steering Committee <sc@example.com>
Subject: Weekly status
Date: Fri, 10 Apr 2026 09:00:00 +0000

The data migration rehearsal passed with two minor defects.
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("program")
    files = {"meeting": folder / "design-meeting.txt", "march": folder / "minutes-2026-03-06.md",
             "april": folder / "minutes-2026-04-10.md", "email": folder / "status.eml"}
    files["meeting"].write_text("\n".join(f"{s}: {t}" for s, t in TURNS) + "\n")
    files["march"].write_text(MINUTES_MARCH)
    files["april"].write_text(MINUTES_APRIL)
    files["email"].write_text(EMAIL)
    settings = Settings(home=folder / "home", embeddings="hash")  # type: ignore[call-arg]
    summary = ingest_paths([str(p) for p in files.values()], program="atlas", settings=settings)
    assert not summary["failed"] and len(summary["ingested"]) == 4
    return settings, files


def test_cited_lines_are_the_real_lines_of_the_file(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, files = workspace
    answer = answer_question("What did Industrial Designer say about the battery and docking station?",
                             settings, program="atlas", document=str(files["meeting"]), k=3)
    assert answer.mode == "extractive" and answer.citations
    lines = files["meeting"].read_text().splitlines()
    for citation in answer.citations:
        assert citation.document == str(files["meeting"])
        assert citation.quote.split("\n") == lines[citation.line_start - 1:citation.line_end]
    top = answer.citations[0]
    assert top.line_start <= 6 <= top.line_end  # "The battery could be a rechargeable lithium cell..."
    assert "[1]" in answer.answer


def test_retrieve_only_cites_each_line_once(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, files = workspace
    answer = answer_question("price cost euros", settings, program="atlas", document=str(files["meeting"]),
                             k=5, retrieve_only=True)
    assert answer.answer == ""
    spans = sorted((c.line_start, c.line_end) for c in answer.citations)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start > end  # no line is cited twice
    assert any(c.line_start <= 9 <= c.line_end for c in answer.citations)


def test_filters_by_document_kind_and_date(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, files = workspace
    after = answer_question("data migration since 2026-04-01", settings, program="atlas", k=5)
    assert after.citations and all(str(c.meeting_date) >= "2026-04-01" for c in after.citations)
    mail = answer_question("data migration in the e-mail", settings, program="atlas", k=5)
    assert {c.document for c in mail.citations} == {str(files["email"])}
    one = answer_question("data migration", settings, program="atlas", document=str(files["march"]), k=5)
    assert {c.document for c in one.citations} == {str(files["march"])}
    assert one.citations[0].line_start is not None and "two weeks late" in one.citations[0].quote


def test_weak_retrieval_says_no_passage_answers(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, _ = workspace
    answer = answer_question("quarterly dividend for shareholders in Singapore", settings, program="atlas")
    assert answer.answer.startswith("No passage answers this question")


def test_unknown_document_and_other_programs_see_nothing(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, _ = workspace
    with pytest.raises(NotFoundError, match="not ingested"):
        answer_question("price", settings, program="atlas", document="nowhere.txt")
    other = answer_question("data migration", settings, program="someone-else")
    assert other.citations == [] and other.answer.startswith("No passage answers")


def test_llm_mode_writes_from_the_passages_only(workspace: tuple[Settings, dict[str, Path]]) -> None:
    settings, files = workspace
    chat = FakeChatModel(replies=["The vendor's extract files are two weeks late [1]."])
    asker = Asker(settings, chat=chat)
    try:
        answer = asker.ask("Why is the data migration late?", program="atlas", k=2)
    finally:
        asker.close()
    assert answer.mode == "llm" and answer.answer.endswith("[1].")
    sent = "\n".join(str(m.content) for m in chat.calls[0]["messages"])
    assert "<<<PASSAGES" in sent and "untrusted DATA" in sent and "[1] (" in sent


def test_questions_file_batch_keeps_ids(workspace: tuple[Settings, dict[str, Path]], tmp_path: Path) -> None:
    settings, files = workspace
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"id": "a", "question": "battery", "document": str(files["meeting"])}) + "\n\n"
        + json.dumps({"id": "b", "question": "data migration vendor"}) + "\n"
        + json.dumps({"id": "c", "question": "price", "document": "missing.txt"}) + "\n")
    answers = list(answer_questions_file(questions, settings, program="atlas", k=2, retrieve_only=True))
    assert [a.id for a in answers] == ["a", "b", "c"]
    assert answers[0].citations[0].document == str(files["meeting"])
    assert answers[2].citations == [] and "not ingested" in answers[2].answer
    result = CliRunner().invoke(app, ["--home", str(settings.home), "ask", "--questions", str(questions),
                                      "--program", "atlas", "-k", "2", "--retrieve-only", "--json"],
                                env={"SIGNALSCAN_EMBEDDINGS": "hash"})
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert set(rows[0]["citations"][0]) >= {"document", "meeting_date", "locator", "quote", "page", "slide",
                                            "line_start", "line_end", "score"}


def test_bm25_index_is_persisted_and_rebuilt_when_chunks_change(
        workspace: tuple[Settings, dict[str, Path]], tmp_path: Path) -> None:
    settings, files = workspace
    folder = settings.home / "bm25" / "atlas"
    answer_question("price", settings, program="atlas")
    signature = (folder / "signature.json").read_text()
    answer_question("battery", settings, program="atlas")
    assert (folder / "signature.json").read_text() == signature  # unchanged chunks: no rebuild
    extra = tmp_path / "minutes-2026-05-01.md"
    extra.write_text("# Steering minutes\nDate: 2026-05-01\n\n"
                     "The payroll interface is blocked by security.\n")
    ingest_paths([str(extra)], program="atlas", settings=settings)
    answer = answer_question("payroll interface blocked", settings, program="atlas", k=1)
    assert (folder / "signature.json").read_text() != signature
    assert answer.citations[0].document == str(extra)


FIRST_HEARD_WEEKS = {
    "2026-03-02": ("All workstreams green; the data migration approach is agreed with the vendor.",
                   "Training rollout is delayed a week because the trainers are booked elsewhere."),
    "2026-03-09": ("The data migration is two weeks behind plan because the vendor extract is late.",
                   "Training rollout recovered and is back on plan."),
    "2026-03-16": ("The data migration is still slipping; mock load 2 has not started.",
                   "Finance opening balances loaded."),
}


def _status_report(day: str, migration: str, other: str, rag: str) -> str:
    return (f"# Weekly Status Report\nDate: {day}\n\n"
            "## Workstream status\n\n| Workstream | Owner | RAG | Commentary |\n|---|---|---|---|\n"
            f"| Data Migration | Jonas Keller | {rag} | {migration} |\n"
            "| Training | Mei Tan | Green | On plan. |\n\n"
            f"## Discussion\n{migration}\n\n{other}\n")


def test_first_heard_cites_the_earliest_problem_passage_and_names_the_owner(tmp_path: Path) -> None:
    paths = []
    for (day, (migration, other)), rag in zip(FIRST_HEARD_WEEKS.items(), ("Green", "Amber", "Red"), strict=True):
        path = tmp_path / f"status-{day}.md"
        path.write_text(_status_report(day, migration, other, rag))
        paths.append(str(path))
    settings = Settings(home=tmp_path / "home", embeddings="hash")  # type: ignore[call-arg]
    assert not ingest_paths(paths, program="p", settings=settings)["failed"]
    answer = answer_question("When did we first hear about the data migration slippage, and who owned the fix?",
                             settings, program="p")
    first = answer.citations[0]
    assert first.meeting_date is not None and first.meeting_date.isoformat() == "2026-03-09"
    assert "behind plan" in first.quote and "status-2026-03-09.md" in first.document
    assert answer.answer.startswith("First raised on 2026-03-09 in status-2026-03-09.md")
    assert "approach is agreed" not in answer.answer and "Training" not in answer.answer
    dates = [c.meeting_date for c in answer.citations[:-1]]
    assert dates == sorted(dates)  # earliest first
    assert answer.mode == "structured" and "Owner: Jonas Keller" in answer.answer
    assert f"[{len(answer.citations)}]" in answer.answer.splitlines()[-1]  # the owner is cited
    # without an owner question it is a cited passage answer
    plain = answer_question("Since when is the data migration late?", settings, program="p")
    assert plain.mode == "extractive" and plain.citations[0].meeting_date.isoformat() == "2026-03-09"
