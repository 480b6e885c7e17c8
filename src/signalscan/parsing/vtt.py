"""WebVTT captions (.vtt), as Teams, Zoom and Stream export meeting transcripts.

Each cue becomes a "Speaker: words" block (the speaker from a `<v Name>` voice tag, or already written
as "Name: …" in the cue), located by the file lines of its words. A speaker's cues that run on
mid-sentence are joined into one block spanning their lines. NOTE, STYLE and REGION blocks are skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from signalscan.parsing.builder import DocumentBuilder
from signalscan.parsing.sniff import decode_text
from signalscan.parsing.text import line_locator

_STAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*{_STAMP}\s+-->\s+{_STAMP}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>]+)>")
_TAG = re.compile(r"</?[^>]*>")
_SKIPPED = re.compile(r"^(?:NOTE|STYLE|REGION)\b")
_SENTENCE_END = re.compile(r"[.!?…]['\")\]]*$")


@dataclass
class _Cue:
    speaker: str | None
    text: str
    start: int  # 1-based file lines of the cue's words
    end: int


def parse_vtt(data: bytes, builder: DocumentBuilder) -> None:
    """A .vtt file."""
    builder.kind_hint = "transcript"
    lines = decode_text(data, builder.warn).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = lines[0].lstrip("\ufeff").strip() if lines else ""
    title = re.sub(r"^WEBVTT\s*[-:]?\s*", "", header)
    builder.title = title if title and title != header else Path(builder.name).stem or None
    merged: list[_Cue] = []
    for cue in _cues(lines):
        last = merged[-1] if merged else None
        if last and cue.speaker and last.speaker == cue.speaker and not _SENTENCE_END.search(last.text):
            last.text, last.end = f"{last.text} {cue.text}", cue.end  # the sentence runs on in the next cue
        else:
            merged.append(cue)
    for cue in merged:
        text = f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text
        builder.add(text, "paragraph", line_locator(cue.start, cue.end), line_start=cue.start,
                    line_end=cue.end)


def _cues(lines: list[str]) -> list[_Cue]:
    """Every cue's words with their speaker, in file order (a cue with several voices gives several)."""
    cues: list[_Cue] = []
    i = 1
    while i < len(lines):
        if _SKIPPED.match(lines[i]):  # a NOTE / STYLE / REGION block runs to the next blank line
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        if not _TIMING.match(lines[i]):
            i += 1
            continue
        i += 1
        voice: str | None = None  # a voice tag holds for the rest of its cue
        while i < len(lines) and lines[i].strip():
            tag = _VOICE.search(lines[i])
            voice = " ".join(tag.group("name").split()) if tag else voice
            words = " ".join(html.unescape(_TAG.sub("", lines[i])).split())
            if words:
                cues.append(_Cue(voice, words, i + 1, i + 1))
            i += 1
    return cues
