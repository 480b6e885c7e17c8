"""The offline `rules` extraction engine: deterministic patterns over parsed blocks, no model, no network.

Reading order: a first pass learns the document's people (attendance, "Name (XX)", e-mail headers,
owner columns), its date conventions and its next meeting; a second pass walks the blocks with the
current section in mind (Actions, Decisions, Risks, status, …), reading tables as logs and lines as
prefixed bullets, tracker lines or prose. Text in documents is data: nothing in it is obeyed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel

from signalscan.extraction.rules import checklists, narrative, tags, transcripts, turns
from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.attendance import (
    ATTENDANCE_LINE,
    apologies_in_sentence,
    is_attendance_header,
    is_name_list,
    parse_attendance_line,
    register,
    row_is_absent,
    split_names,
)
from signalscan.extraction.rules.context import Context, Section, Unit, sentences
from signalscan.extraction.rules.dates import DateResolver, detect_dayfirst
from signalscan.extraction.rules.furniture import has_content, is_dateline, is_skipped, repeated_page_lines
from signalscan.extraction.rules.owners import PeopleDirectory, looks_like_person
from signalscan.extraction.rules.tables import COLUMN_ROLES, cells_of, read_table
from signalscan.extraction.rules.tiles import read_marked, read_tile
from signalscan.models import (
    Action,
    Block,
    Decision,
    DocumentInfo,
    Extraction,
    ParsedDocument,
    Risk,
    Status,
)

SKIP_KINDS = ("email_header", "header", "footer")
NEXT_MEETING = re.compile(r"(?i)\b(?:date of (?:the )?)?next (?:steering |committee |board )?meeting\b[^:\n"
    r"]{0,40}?[:\-–—]?\s*(?P<when>.+)$")
LIST_LINE = re.compile(r"^\s*(?:[•·▪◦‣●○■*\-–—]|\d{1,2}[.)]\s|\|)")
HEADINGS = ("heading", "title", "slide_title")  # a heading ends the attendance list above it
OPEN_ITEMS = re.compile(r"(?i)^\W*(?:open|outstanding)\s+items?\W*$")
ITEM_KIND = {"actions": "action", "decisions": "decision", "risks": "risk"}


class RulesExtractor:
    """Deterministic extraction of actions, decisions, risks, statuses and attendance."""

    name = "rules"

    def __init__(self) -> None:
        # the people of the documents read so far: a deck's "JO" or "K. Walsh" is the minutes' attendee
        self.roster = PeopleDirectory()

    def extract(self, parsed: ParsedDocument) -> Extraction:
        """Read one parsed document into an Extraction whose items all quote their source."""
        units = build_units(parsed.blocks)
        ctx = _context(parsed, units, self.roster)
        attendees, apologies = _attendance(units, ctx)
        self._remember(ctx.people)
        if transcripts.is_transcript(units, ctx):
            found = transcripts.read(units, ctx)
            _extend(attendees, [n for n in turns.speakers(units, ctx) if n not in apologies])
        else:
            found = _walk(units, ctx)
        extraction = Extraction(
            document=DocumentInfo(path=parsed.path, kind=parsed.kind, title=parsed.title,
                                  meeting_date=ctx.dates.meeting_date),
            attendees=attendees, apologies=apologies, next_meeting=ctx.dates.next_meeting, engine=self.name,
        )
        _collect(found, extraction)
        return extraction

    def remember_people(self, names: Iterable[str]) -> None:
        """Seed the roster with people the program's earlier documents named (initials resolve to them)."""
        for name in names:
            self.roster.add(name)

    def _remember(self, people: PeopleDirectory) -> None:
        for name in people.people:
            self.roster.add(name)
        for initials, name in people.initials().items():
            self.roster.add(name, initials)


# ---------------------------------------------------------------- units and context
def build_units(blocks: list[Block]) -> list[Unit]:
    """Blocks as readable units; a block holding a list (several bullet lines) becomes one unit per line."""
    units: list[Unit] = []
    repeated = repeated_page_lines(blocks)
    for block in blocks:
        if block.kind in SKIP_KINDS or not block.text.strip() or is_skipped(block, repeated):
            continue
        if block.source == "quoted":  # an earlier message quoted in a reply was read when it was sent
            continue
        if block.kind == "table_row" or "\n" not in block.text.strip():
            units.append(Unit(block, block.text, 0))
            continue
        units.extend(Unit(block, text, start) for start, text in _line_groups(block.text))
    return units


def _line_groups(text: str) -> list[tuple[int, str]]:
    """Split a multi-line block into items, joining lines that wrap one sentence."""
    groups: list[list[int]] = []  # [start, end] offsets
    offset, previous = 0, ""
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            previous = ""
            continue
        wraps = previous and not re.search(r"[.!?:;]\s*$", previous) and not LIST_LINE.match(line) and (
            line.lstrip()[:1].islower() or (len(previous) > 60 and not _is_label(previous))
        )
        if wraps and groups:
            groups[-1][1] = end
        else:
            groups.append([start, end])
        previous = line
    return [(a, text[a:b]) for a, b in groups]


def _is_list(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip()]
    listy = sum(bool(LIST_LINE.match(line)) or _is_label(line) for line in filled)
    return listy >= max(1, len(filled) // 2)


def _context(parsed: ParsedDocument, units: list[Unit], roster: PeopleDirectory | None = None) -> Context:
    text = "\n".join(u.text for u in units)
    people = PeopleDirectory(fallback=roster)
    headers = {k.lower(): v for k, v in parsed.headers.items()}
    for block in parsed.blocks:  # e-mail headers may only exist as blocks
        m = re.match(r"(?i)^(from|to|cc):\s*(.+)$", block.text) if block.kind == "email_header" else None
        if m:
            headers.setdefault(m.group(1).lower(), m.group(2))
    people.add_email_header(headers.get("from", ""), sender=True)
    for key in ("to", "cc"):
        people.add_email_header(headers.get(key, ""))
    people.learn_from_text(text)
    meeting = parsed.meeting_date or _guess_meeting_date(units)
    dates = DateResolver(meeting, dayfirst=detect_dayfirst(text))
    dates.next_meeting = _next_meeting(units, dates)
    is_email = parsed.kind == "email" or parsed.format in ("eml", "msg") or bool(headers.get("from"))
    return Context(dates=dates, people=people, is_email=is_email, text=text)


def _guess_meeting_date(units: list[Unit]) -> date | None:
    resolver = DateResolver(None)
    for unit in units[:12]:
        for hit in resolver.find_all(unit.text):
            if hit.value and re.search(r"\d{4}", hit.raw):
                return hit.value
    return None


def _next_meeting(units: list[Unit], dates: DateResolver) -> date | None:
    for unit in units:
        m = NEXT_MEETING.search(unit.text)
        if not m:
            continue
        for hit in dates.find_all(m.group("when")):
            if hit.value and (dates.meeting_date is None or hit.value > dates.meeting_date):
                return hit.value
    return None


# ---------------------------------------------------------------- attendance (first pass)
def _attendance(units: list[Unit], ctx: Context) -> tuple[list[str], list[str]]:
    lists: dict[str, list[str]] = {"attendees": [], "apologies": []}
    section: str | None = None
    header: list[str] | None = None  # an attendance table's header row ("Name | Role | Present/Apologies")
    for unit in units:
        text = P.MARKDOWN.sub("", unit.text).strip()
        is_row = unit.block.kind == "table_row"
        parsed_line = None if is_row else parse_attendance_line(P.BULLET.sub("", text))
        if is_row and is_attendance_header(cells_of(unit)):
            header, section = cells_of(unit), section or "attendees"
        elif parsed_line:
            which, names = parsed_line
            section = which if not names and not re.search(r"[:\-–—]\s*\S", text) else None
            _extend(lists[which], register(ctx.people, names, text))
        elif unit.block.kind == "table_row" and section:
            cells = cells_of(unit)
            if not re.match(r"(?i)^\W*name\W*$", cells[0]):
                which = "apologies" if header and row_is_absent(cells, header) else section
                _extend(lists[which], register(ctx.people, split_names(cells[0]), unit.text))
        elif section and unit.block.kind not in ("table_row", *HEADINGS) and not _is_label(text) \
                and (len(text) < 80 or is_name_list(text)):
            _extend(lists[section], register(ctx.people, split_names(text), text))
        else:
            section = header = None
            if not is_row:
                _extend(lists["apologies"], register(ctx.people, apologies_in_sentence(text), text))
        if unit.block.kind == "table_row":
            _learn_owner_cells(unit, ctx)
    return lists["attendees"], [n for n in lists["apologies"] if n not in lists["attendees"]]


def _learn_owner_cells(unit: Unit, ctx: Context) -> None:
    """Full names in owner/lead columns teach first names ("Carla" in a bullet -> "Carla Mendes")."""
    for cell in cells_of(unit):
        name = re.sub(r"\s*\([A-Z]{2,3}\)\s*$", "", cell.strip())
        if looks_like_person(re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+", "", name)):
            ctx.people.add(name)


def _extend(target: list[str], names: list[str]) -> None:
    target.extend(n for n in names if n not in target)


# ---------------------------------------------------------------- second pass
def _is_label(text: str) -> bool:
    """A short heading-like line ("Actions", "Key next steps", "## Decided this week")."""
    body = P.MARKDOWN.sub("", text).strip().rstrip(":")
    if not body or len(body.split()) > 7 or body.endswith(".") or LIST_LINE.match(text) and "|" not in text:
        return False
    if P.STATES_A_MOVE.search(body):  # "Cutover approach decision deferred to next meeting" says something
        return False
    return P.section_kind(body) is not None and ":" not in body


def _is_carry_label(text: str) -> bool:
    return unit_is_short(text) and bool(P.CARRY_SECTION.match(P.MARKDOWN.sub("", text).strip()))


def _is_other_heading(unit: Unit) -> bool:
    """A short title-like line of no known kind ("Other business", "Watch items"): it ends a section."""
    text = P.MARKDOWN.sub("", unit.text).strip()
    if unit.block.kind in ("list_item", "table_row") or LIST_LINE.match(unit.text) or not text[:1].isupper():
        return False
    return unit_is_short(text) and not re.search(r"[\d:;,.!?]", text) and P.section_kind(text) is None


def unit_is_short(text: str) -> bool:
    """At most a few words and no sentence punctuation."""
    return len(text.split()) <= 4 and not text.rstrip().endswith(".")


def _walk(units: list[Unit], ctx: Context) -> list[tuple[Unit, I.Found]]:
    out: dict[str, list] = {"found": [], "attendees": [], "apologies": []}
    table: list[Unit] = []
    slide = None
    previous: I.Found | None = None
    skip_to = -1
    used: set[int] = set()  # units a coloured status dot's row has used (its % label)
    for i, unit in enumerate(units):
        block = unit.block
        if i <= skip_to or i in used:
            continue
        if block.slide != slide:
            slide, ctx.section = block.slide, Section()
        if _is_table_row(unit):
            if table and not _same_table(table[-1], unit):
                read_table(table, ctx, out)
                table = []
            table.append(unit)
            continue
        if table:
            read_table(table, ctx, out)
            table = []
        tile = read_tile(units, i)
        if tile:  # a dashboard tile: name, rating, % complete, commentary
            name, status, skip_to = tile
            out["found"].append((name, status))
            ctx.section = Section(kind="status", label=ctx.section.label)
            continue
        marked = read_marked(units, i) if block.fill_rgb else None
        if marked:  # a workstream whose RAG is only the colour of a dot or of its shape
            name, status, used_now = marked
            out["found"].append((name, status))
            used |= used_now
            ctx.section = Section(kind="status", label=ctx.section.label)
            continue
        if _continues(units, i, out):  # "Owner: X. Mitigation: Y" below a risk is that risk's
            tags.attach(out["found"][-1][1], unit.text, ctx)
            continue
        previous = _read_unit(unit, ctx, out, previous)
    if table:
        read_table(table, ctx, out)
    return out["found"]


def _continues(units: list[Unit], i: int, out: dict) -> bool:
    """Whether units[i] only continues the action or risk found on the line right above it."""
    if i == 0 or not out["found"] or units[i].block.kind == "table_row":
        return False
    last_unit, last = out["found"][-1]
    above = units[i - 1]
    if last_unit is not above or last.kind not in ("action", "risk") or above.block.kind == "table_row":
        return False
    if (above.block.page, above.block.slide) != (units[i].block.page, units[i].block.slide):
        return False
    return tags.continues(units[i].text, above.text)


def _numbered_item(unit: Unit, ctx: Context) -> bool:
    """A short numbered line of a PDF list under Risks / Actions / Decisions ("1. Key super-user
    availability during the stock-take") that the PDF reader took for a numbered heading: an item."""
    text = unit.text.strip()
    return unit.block.page is not None and ctx.section.kind in ITEM_KIND and bool(
        re.match(r"^\d{1,2}[.)]\s+\S", text)) and len(text.split()) >= 6 and P.section_kind(text) is None


def _is_table_row(unit: Unit) -> bool:
    if unit.block.kind == "table_row":
        return True
    text = unit.text.strip()
    return text.startswith("|") and text.endswith("|") and text.count("|") >= 3


def _same_table(a: Unit, b: Unit) -> bool:
    if a.block.kind == "table_row" and b.block.kind == "table_row":
        return (a.block.table, a.block.slide, a.block.page) == (b.block.table, b.block.slide, b.block.page)
    return a.block.kind == b.block.kind


def _read_unit(unit: Unit, ctx: Context, out: dict, previous: I.Found | None) -> I.Found | None:
    text = unit.text.strip()
    heading = unit.block.kind in ("heading", "title", "slide_title") and not _numbered_item(unit, ctx)
    body, ref = I.strip_line(text)
    status = I.parse_status(body, ctx) if body else None
    if status:
        _emit(out, unit, status, ref, ctx)
        return None
    if ctx.is_email and _skips_signature(body, ctx):
        return None
    if heading or _is_label(text) or _is_carry_label(text) or _is_other_heading(unit):
        label = P.MARKDOWN.sub("", text).strip()
        kind = P.section_kind(label)
        if kind is None and P.CARRY_SECTION.match(label):  # "Still open" under Decisions stays decisions
            kind = ctx.section.kind
            if kind not in ITEM_KIND and OPEN_ITEMS.match(label):  # "Open items" of their own are actions
                kind = "actions"
        ctx.section = Section(kind=kind, label=text)
        return None
    if P.BOILERPLATE.match(body):
        return None
    if not body or ATTENDANCE_LINE.match(P.BULLET.sub("", P.MARKDOWN.sub("", text))):
        return None
    if ctx.section.kind in ("attendance", "attendance_absent"):
        return None
    if is_dateline(body):  # "Week ending 17 Apr 2026 | Prepared by …"
        return None
    tagged = tags.read_item(text, ctx.section.kind, ctx)  # "[RISK][HIGH] …", "[ACT] … @Name due …"
    if tagged is not None:
        _emit(out, unit, tagged, ref, ctx)
        return tagged
    task = _read_task(body, unit, ctx)
    if task is not None:
        _emit(out, unit, task, ref, ctx)
        return task
    if ref and P.REF_UPDATE.match(body):  # "A-07 and A-08 are complete.": news of logged items, no new item
        return _read_prose(unit, ctx, out, previous)
    if narrative.RISK_PROSE.search(body):  # "The Board NOTED the risk that …", wherever it is minuted
        return _read_prose(unit, ctx, out, previous, any_section=True)
    if _decision_after_list(unit, body, ctx):  # "… parked until next Monday." below a list of open items
        return _read_prose(unit, ctx, out, previous)
    found = I.parse_logged_action(body, ctx) or _read_item(body, ctx, ref)
    if found is not None:
        _emit(out, unit, found, ref, ctx)
        return found
    return _read_prose(unit, ctx, out, previous)


def _read_task(body: str, unit: Unit, ctx: Context) -> I.Found | None:
    """A task-list entry ("[ ] @Name do X by …", "- [x] …"): an action, unless under decisions or risks."""
    rest, ticked = checklists.checkbox(body)
    if ticked is None:  # a wiki task list keeps the tick in the markup, not the text
        ticked = unit.block.checked
    if ticked is None or ctx.section.kind in ("decisions", "risks"):
        return None
    return checklists.read_task(rest, ticked, ctx)


def _decision_after_list(unit: Unit, body: str, ctx: Context) -> bool:
    """A plain paragraph in an action section that reports a decision, not a task."""
    if ctx.section.kind != "actions" or unit.block.kind != "paragraph" or LIST_LINE.match(unit.text):
        return False
    return not P.LABEL.match(body) and not I.OWNER_WILL.search(body) and narrative.states_decision(body)


def _skips_signature(body: str, ctx: Context) -> bool:
    """An e-mail's sign-off ends its sections: the name and title lines after "Thanks," are no items."""
    if P.QUOTED_MESSAGE.match(body):  # a quoted earlier message starts afresh
        ctx.section = Section()
        return False
    if P.SIGN_OFF.match(body):
        ctx.section = Section(kind="signature")
        return True
    return ctx.section.kind == "signature"


def _read_item(body: str, ctx: Context, ref: str | None = None) -> I.Found | None:
    """A line that is an item by its label ("Action:") or by the section it sits in."""
    m = P.LABEL.match(body)
    label, who, rest = (m.group("label"), m.group("who"), body[m.end():]) if m else (None, None, body)
    kind = next((k for k, p in P.LABEL_KIND if label and p.match(label)), None)
    if kind is None:
        carried = _carried_action(body, ref, ctx)
        if carried:
            return carried
        kind = ITEM_KIND.get(ctx.section.kind or "")
        if kind is None or I.NEGATIVE_LINE.search(body) or P.NOT_A_DECISION.search(body):
            return None
    if who and kind != "action" and not ctx.people.is_known(who) and len(who.split()) > 3:
        who = None
    if kind == "action":
        found = I.parse_action(rest, who, ctx)
        if found and not label and not _actionable(found, rest, ctx):
            return None
        return found
    if kind == "decision":
        return I.parse_decision(rest, label or ctx.section.label)
    return I.parse_risk(rest, who, ctx)


def _carried_action(body: str, ref: str | None, ctx: Context) -> I.Found | None:
    """A carry-forward log line, "A-03 Cleansed extract — Corvel — due 27 Feb — open": an action ref,
    an owner and a due date make it an action whatever section (or slide of decisions) it sits in."""
    if not ref or not P.ACTION_REF_ID.match(ref):
        return None
    found = I.parse_action(body, None, ctx)
    if found and found.fields.get("_owner_raw") and (found.fields.get("due") or found.fields.get("due_raw")):
        found.fields["ref"] = ref
        return found
    return None


def _actionable(found: I.Found, body: str, ctx: Context) -> bool:
    """Lines in an action section without a label still need an owner, a date, a status or a verb."""
    f = found.fields
    if f.get("_owner_raw") is not None or f.get("due") or f.get("due_raw"):
        return True
    return bool(re.search(r"[:—–]|\s-\s", body)) or P.action_status(body, "") != ""


def _read_prose(unit: Unit, ctx: Context, out: dict, previous: I.Found | None,
                any_section: bool = False) -> I.Found | None:
    if ctx.section.kind in ("decisions", "risks") and not any_section:
        return previous
    in_paragraph: I.Found | None = None
    numbered, topic, start = narrative.paragraph_head(unit.text)
    ctx.section.referent = None
    if numbered:  # "3. Carrier labels: …": each numbered paragraph is a minute item of its own
        ctx.section.topic = None
    if topic:  # "Conversion weekend: …" names its own subject
        ctx.section.topic = topic
    for _, sentence in sentences(unit.text[start:]):
        for found in narrative.parse_sentence(sentence, ctx, previous, in_paragraph):
            found.quote = sentence.strip()
            _emit(out, unit, found, None, ctx)
            previous = in_paragraph = found
    return previous


def _emit(out: dict, unit: Unit, found: I.Found, ref: str | None, ctx: Context) -> None:
    if ref and "ref" not in found.fields:
        found.fields["ref"] = ref
    if unit.block.is_struck:
        if found.kind == "action":
            found.fields["status"] = "done"
        elif found.kind == "risk":
            found.fields["status"] = "closed"
    out["found"].append((unit, found))


# ---------------------------------------------------------------- assembling the Extraction
def _restated(found: list[tuple[Unit, I.Found]]) -> list[tuple[Unit, I.Found]]:
    """Without the prose actions that restate a row of the same document's action log ("Eleanor to escalate
    to the vendor's account director." above the row "Escalate the sandbox delay to the vendor's account
    director"): the row is the action."""
    logged = [_stems(i.fields.get("text")) for u, i in found
              if i.kind == "action" and u.block.kind == "table_row"]
    if not logged:
        return found
    out = []
    for unit, item in found:
        if item.kind == "action" and unit.block.kind != "table_row":
            stems = _stems(item.fields.get("text"))
            if len(stems) >= 3 and any(len(stems & row) >= 0.8 * len(stems) for row in logged):
                continue
        out.append((unit, item))
    return out


def _stems(text: str | None) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", (text or "").lower())
            if w not in ("the", "and", "for", "with", "from", "into", "onto", "this", "that", "will")}


def _collect(found: list[tuple[Unit, I.Found]], extraction: Extraction) -> None:
    seen: set[tuple[str, str, str]] = set()
    statuses: dict[str, Status] = {}
    for unit, item in _restated(found):
        fields = {k: v for k, v in item.fields.items() if not k.startswith("_")}
        evidence = unit.evidence(item.quote)
        key = (item.kind, re.sub(r"\W+", " ", str(fields.get("text") or fields.get("workstream"))).lower(),
               evidence.locator)
        if key in seen:
            continue
        seen.add(key)
        if item.kind in ("action", "decision", "risk") and not has_content(fields.get("text")):
            continue
        if item.kind == "action":
            extraction.actions.append(Action(evidence=evidence, **_only(fields, Action)))
        elif item.kind == "decision":
            extraction.decisions.append(Decision(evidence=evidence, **_only(fields, Decision)))
        elif item.kind == "risk":
            extraction.risks.append(Risk(evidence=evidence, **_only(fields, Risk)))
        elif item.kind == "status":
            name = fields["workstream"].lower()
            if name not in statuses or statuses[name].reported is None:
                statuses[name] = Status(evidence=evidence, **_only(fields, Status))
    extraction.statuses = list(statuses.values())


def _only(fields: dict, model: type[BaseModel]) -> dict:
    return {k: v for k, v in fields.items() if k in model.model_fields and k != "evidence"}


__all__ = ["RulesExtractor", "COLUMN_ROLES"]
