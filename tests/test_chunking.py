"""Chunking: structure kept whole, locators, offsets and real line ranges on every chunk."""

from __future__ import annotations

from pathlib import Path

from signalscan.chunking import chunk_document, is_transcript, speaker_of
from signalscan.models import Block, ParsedDocument
from signalscan.parsing import parse_file
from signalscan.parsing.builder import assign_offsets

SPEAKERS = ["Project Manager", "Marketing", "Industrial Designer", "User Interface"]


def _transcript(tmp_path: Path, turns: int = 60) -> Path:
    lines = []
    for i in range(turns):
        speaker = SPEAKERS[i % len(SPEAKERS)]
        topic = f"turn {i} talks about the remote control battery and button number {i} ."
        words = "yeah ." if i % 5 == 4 else topic
        lines.append(f"{speaker}: {words}")
    path = tmp_path / "meeting.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def _doc(blocks: list[Block]) -> ParsedDocument:
    assign_offsets(blocks)
    return ParsedDocument(path="x", sha256="ab" * 32, size_bytes=1, format="docx", blocks=blocks)


def test_transcript_windows_cite_the_real_lines_of_the_file(tmp_path: Path) -> None:
    path = _transcript(tmp_path)
    parsed = parse_file(path)
    chunks = chunk_document(parsed)
    file_lines = path.read_text().splitlines()
    assert len(chunks) > 5
    covered = []
    for chunk in chunks:
        assert chunk.line_start is not None and chunk.line_end is not None
        assert chunk.text.split("\n") == file_lines[chunk.line_start - 1:chunk.line_end]
        assert chunk.text == parsed.text[chunk.char_start:chunk.char_end]
        assert chunk.line_end - chunk.line_start + 1 <= 8  # short windows: precise citations
        assert chunk.locator == f"lines {chunk.line_start}-{chunk.line_end}"
        covered.extend(range(chunk.line_start, chunk.line_end + 1))
    assert covered == list(range(1, len(file_lines) + 1))  # every turn once, in order


def test_speaker_labels_and_transcript_detection() -> None:
    assert speaker_of("Project Manager: so the price") == "Project Manager"
    assert speaker_of("Action: Jordan to confirm") is None
    assert speaker_of("no label here") is None
    minutes = [Block(text=f"{label}: value", locator=f"line {i}") for i, label in
               enumerate(["Date", "Attendees", "Apologies", "Chair", "Location", "Agenda", "Risks"])]
    assert not is_transcript(minutes)
    talk = [Block(text=f"{SPEAKERS[i % 2]}: something", locator=f"line {i}") for i in range(10)]
    assert is_transcript(talk)


def test_slides_sections_and_tables_stay_whole() -> None:
    blocks = [
        Block(text="Status", kind="slide_title", locator="slide 1", slide=1),
        Block(text="Finance is green", kind="paragraph", locator="slide 1", slide=1),
        Block(text="Risks", kind="slide_title", locator="slide 2", slide=2),
        Block(text="Vendor late", kind="paragraph", locator="slide 2", slide=2),
        Block(text="Decisions", kind="heading", locator="paragraph 1", section="Decisions"),
        Block(text="Go-live moved", kind="paragraph", locator="paragraph 2", section="Decisions"),
        Block(text="ID | Action | Owner", kind="table_row", locator="table 1 row 1", table=1, row=1,
              section="Decisions"),
        Block(text="A1 | Fix it | Sam", kind="table_row", locator="table 1 row 2", table=1, row=2,
              section="Decisions"),
    ]
    parsed = _doc(blocks)
    chunks = chunk_document(parsed)
    assert [c.locator for c in chunks] == ["slide 1", "slide 2", "paragraphs 1-2", "table 1 rows 1-2"]
    assert [c.slide for c in chunks[:2]] == [1, 2]
    for chunk in chunks:
        assert chunk.text == parsed.text[chunk.char_start:chunk.char_end]


def test_a_long_block_is_cut_at_sentences_and_pages_are_kept() -> None:
    long_text = " ".join(f"Sentence number {i} is about the cutover plan." for i in range(80))
    parsed = _doc([Block(text=long_text, locator="page 2", page=2),
                   Block(text="Next page", locator="page 3", page=3)])
    chunks = chunk_document(parsed, max_chars=500)
    assert len(chunks) > 3
    assert all(len(c.text) <= 500 and c.page in (2, 3) for c in chunks)
    assert chunks[-1].text == "Next page" and chunks[-1].locator == "page 3"
    assert all(c.text.endswith(".") for c in chunks[:-2])
    for chunk in chunks:
        assert chunk.text == parsed.text[chunk.char_start:chunk.char_end]


def test_markdown_minutes_keep_line_ranges(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text("# Steering minutes\n\nDate: 2026-03-06\n\n## Actions\n"
                    "- Jordan to fix the plan by Friday.\n"
                    "- Sam to book the room.\n\n## Risks\n- Vendor may slip.\n")
    chunks = chunk_document(parse_file(path))
    lines = path.read_text().splitlines()
    for chunk in chunks:
        assert chunk.line_start is not None and chunk.line_end is not None
        cited = "\n".join(lines[chunk.line_start - 1:chunk.line_end])
        for text_line in chunk.text.split("\n"):
            assert text_line.lstrip("- ") in cited
    assert any("Vendor may slip" in c.text and c.section == "Risks" for c in chunks)


def test_empty_turns_joined_by_the_parser_still_count_as_lines(tmp_path: Path) -> None:
    lines = []
    for i in range(40):
        speaker = SPEAKERS[i % 4]
        lines.append(f"{speaker}: point {i} about the remote ." if i % 2 == 0 else f"{speaker}:")
    path = tmp_path / "talk.txt"
    path.write_text("\n".join(lines) + "\n")
    parsed = parse_file(path)
    chunks = chunk_document(parsed)
    for chunk in chunks:
        assert chunk.line_end - chunk.line_start + 1 <= 8
        assert chunk.text.split("\n") == lines[chunk.line_start - 1:chunk.line_end]
        assert chunk.text == parsed.text[chunk.char_start:chunk.char_end]
