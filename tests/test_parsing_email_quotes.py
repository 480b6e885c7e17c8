"""Reply chains: the earlier messages a reply quotes are kept as blocks marked source 'quoted' (still
searchable and citable) and are not read for items again — they were items when they were sent."""

from __future__ import annotations

from pathlib import Path

from signalscan.parsing import parse_file
from signalscan.pipeline import extract_files

REPLY = """\
From: Ana Costa <ana.costa@example.org>
To: Luis Pereira <luis.pereira@example.org>
Subject: RE: Pilot venue
Date: Tue, 10 Mar 2026 09:00:00 +0000

Luis,

I will book the pilot venue by 2026/03/13.

Ana

On Mon, 9 Mar 2026 at 17:02, Luis Pereira <luis.pereira@example.org> wrote:
> Ana, I will send the pilot plan by Friday.
>
>> I will circulate the budget by 2026/03/06.
"""

OUTLOOK = """\
From: Ana Costa <ana.costa@example.org>
To: Luis Pereira <luis.pereira@example.org>
Subject: RE: Pilot venue
Date: Tue, 10 Mar 2026 09:00:00 +0000

Luis - I will confirm the caterer by Thursday.

Ana

From: Luis Pereira <luis.pereira@example.org>
Sent: 09 March 2026 17:02
To: Ana Costa <ana.costa@example.org>
Subject: Pilot venue

I will send the pilot plan by Friday.
"""

INLINE = """\
From: Ana Costa <ana.costa@example.org>
To: Luis Pereira <luis.pereira@example.org>
Subject: RE: Pilot venue
Date: Tue, 10 Mar 2026 09:00:00 +0000

On Mon, 9 Mar 2026 at 17:02, Luis Pereira <luis.pereira@example.org> wrote:
> Who books the venue?

I will book the pilot venue by 2026/03/13.
"""


def _actions(tmp_path: Path, name: str, text: str) -> list[tuple[str, str | None, int | None]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = extract_files([str(path)], engine="rules")[0]
    return [(a["text"], a["due"], a["evidence"]["line_start"]) for a in result["actions"]]


def test_quoted_earlier_messages_are_marked_and_give_no_items(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_text(REPLY, encoding="utf-8")
    blocks = parse_file(path).blocks
    quoted = [b for b in blocks if b.source == "quoted"]
    assert [(b.line_start, b.line_end) for b in quoted] == [(12, 15)]
    assert _actions(tmp_path, "reply.eml", REPLY) == [("book the pilot venue", "2026-03-13", 8)]


def test_outlook_header_block_starts_the_quoted_message(tmp_path: Path) -> None:
    assert _actions(tmp_path, "outlook.eml", OUTLOOK) == [("confirm the caterer", "2026-03-12", 6)]


def test_a_reply_between_quoted_lines_is_read(tmp_path: Path) -> None:
    assert _actions(tmp_path, "inline.eml", INLINE) == [("book the pilot venue", "2026-03-13", 9)]
