"""Inline tags and field trailers of RAID summaries and tracker exports.

"[RISK][HIGH] Peak volumes could overlap hypercare. Owner: TBC. Mitigation: none yet.",
"[DEC][PENDING] Which site goes first", "[ACT] Confirm the label format @Jo Bloggs due 17 Apr",
"(R) …", "[A] …", "ACTION -> …", "#risk #high …": the tags say the item's kind, severity and status
and are no part of its text; "@Full Name" is the owner; "Owner:" / "Mitigation:" / "Due:" trailers
fill the fields ("TBC", "none yet": nobody, nothing).

A line right below an item that only carries its fields ("Owner: Jo Bloggs. Mitigation: …") or
continues it ("- owner and mitigation not yet assigned.") belongs to that item, not a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.context import Context
from signalscan.extraction.rules.items import Found
from signalscan.extraction.rules.owners import LETTER, PARTICLE, UPPER

KIND_TAG = {
    "risk": "risk", "risks": "risk", "rsk": "risk", "r": "risk", "issue": "risk", "iss": "risk",
    "dec": "decision", "decision": "decision", "d": "decision",
    "act": "action", "action": "action", "a": "action", "ap": "action", "todo": "action", "task": "action",
}
SEVERITY_TAG = {"high": "high", "hi": "high", "h": "high", "critical": "high", "crit": "high",
                "med": "medium", "medium": "medium", "m": "medium", "low": "low", "lo": "low", "l": "low"}
STATUS_TAG = {"pending", "open", "closed", "done", "complete", "completed", "deferred", "parked", "agreed",
              "made", "approved", "new", "updated", "in progress", "wip", "cancelled", "canceled", "overdue"}
# one letter is a tag only upper-case in brackets ("[A]", "(R)"; "(A)"/"(B)" enumerate options) or after
# another tag ("[R][H]")
SINGLE_LETTER = {"r", "d", "a", "h", "m", "l"}

BRACKET_TAG = re.compile(r"^\s*(?:\[(?P<sq>[A-Za-z][A-Za-z -]{0,13})\]|\((?P<rd>R)\)(?=\s*\S)"
                         r"|#(?P<hash>[A-Za-z][\w-]{0,13})\b)\s*[:\-–—]?\s*")
ARROW_TAG = re.compile(r"(?i)^\s*(?P<word>action|decision|risk|issue|dec|act)\s*(?:->|→|=>|>>|»)\s*")
TRAILING_HASH = re.compile(r"\s+#(?P<hash>[A-Za-z][\w-]{0,13})\s*$")
MENTION = re.compile(
    rf"(?<![\w.@])@(?P<owner>[{UPPER}][{LETTER}'-]*(?:\s+(?:{PARTICLE}\s+){{0,2}}[{UPPER}][{LETTER}'-]*){{0,2}}"
    r"|[a-z][\w.-]{1,30}[a-z0-9])"
)
PLACEHOLDER_OWNER = re.compile(r"(?i)^(?:tbd|tbc|tba|none|nobody|unassigned|n/?a|\?+)$")
NOT_NAME_WORD = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
                           r"march|april|june|july|august|september|october|november|december|mon|tue|wed|"
                           r"thu|fri|monday|tuesday|wednesday|thursday|friday|saturday|sunday|due|by|eod|"
                           r"eow|cob)$")
FIELD = re.compile(r"(?i)(?:^|(?<=[\s.;,|(]))(?P<label>owner|owners|mitigation|mitigations|due(?: date)?|"
                   r"status|severity|impact|rating|likelihood|probability)\s*:\s*")
NOTHING = re.compile(r"(?i)^(?:none|none yet|nil|n/?a|tbd|tbc|tba|not yet (?:assigned|agreed|known|set)|"
                     r"to be (?:confirmed|agreed|assigned|defined)|unassigned|nobody|-+|\?+)$")
CONTINUES_FIELDS = re.compile(r"(?i)^\W*(?:owner|owners|mitigation|mitigations|due(?: date)?|status)\s*:")
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
NOT_YET = re.compile(r"(?i)\b(?:owner|mitigation)s?\b[^.]*\bnot\s+(?:yet\s+)?(?:assigned|agreed|known|set|"
                     r"identified|in place)|\bno (?:owner|mitigation)\b")


SECTION_ITEM = {"actions": "action", "decisions": "decision", "risks": "risk"}


@dataclass
class Tags:
    kind: str | None = None
    severity: str | None = None
    status: str | None = None
    owner: str | None = None  # "" when the mention is a placeholder ("@TBD")
    text: str = ""


def read_tags(text: str) -> Tags | None:
    """The leading (and trailing hash) tags of a line and its @-owner; None when the line has no tag."""
    body, found = text, Tags()
    seen = 0
    while True:
        m = BRACKET_TAG.match(body)
        a = ARROW_TAG.match(body) if not m else None
        if a:
            found.kind = found.kind or KIND_TAG.get(a.group("word").lower())
            body, seen = body[a.end():], seen + 1
            continue
        if not m:
            break
        word = (m.group("sq") or m.group("rd") or m.group("hash") or "").strip()
        if not _apply(found, word, seen, bracketed=bool(m.group("sq") or m.group("rd"))):
            break
        body, seen = body[m.end():], seen + 1
    while True:
        m = TRAILING_HASH.search(body)
        if not m or not _apply(found, m.group("hash"), seen or 1, bracketed=False):
            break
        body, seen = body[:m.start()], seen + 1
    if not seen or found.kind is None and seen < 2:
        return None
    owner, body = _mention(body)
    found.owner, found.text = owner, body.strip()
    return found


def _apply(found: Tags, word: str, seen: int, bracketed: bool) -> bool:
    key = re.sub(r"\s+", " ", word.lower().replace("_", " ").replace("-", " ")).strip()
    if len(key) == 1 and (key not in SINGLE_LETTER or not (word.isupper() and bracketed) and not seen):
        return False
    if len(key) == 1 and key in "hml" and found.kind is None:
        return False  # a lone "[H]" is no tag
    if key in KIND_TAG and len(key) > 1 or (len(key) == 1 and key in "rda" and found.kind is None):
        if found.kind is not None:
            return False
        found.kind = KIND_TAG[key]
        return True
    if key in SEVERITY_TAG and found.severity is None:
        found.severity = SEVERITY_TAG[key]
        return True
    if key in STATUS_TAG and found.status is None:
        found.status = key
        return True
    return False


def _mention(body: str) -> tuple[str | None, str]:
    """The "@Full Name" / "@handle" / "@TBD" owner of a tagged line, and the line without it."""
    m = MENTION.search(body)
    if not m:
        return None, body
    words = m.group("owner").split()
    while words and NOT_NAME_WORD.match(words[-1]):
        words.pop()
    name = " ".join(words)
    if not name:
        return None, body
    end = m.start() + 1 + len(name)
    owner = "" if PLACEHOLDER_OWNER.match(name) else "@" + name
    rest = (body[:m.start()].rstrip(" ,;-–—") + " " + body[end:].lstrip(" ,;:-–—")).strip()
    return owner, rest


def fields(text: str) -> tuple[str, dict[str, str | None]]:
    """Split "text. Owner: X. Mitigation: Y" into the text and its labelled fields (None for "TBC")."""
    found = list(FIELD.finditer(text))
    if not found:
        return text, {}
    out: dict[str, str | None] = {}
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        value = text[m.end():end].strip().rstrip(".;, ").strip()
        label = m.group("label").lower().rstrip("s").replace(" date", "")
        out.setdefault(label, None if NOTHING.match(value) or not value else value)
    return text[:found[0].start()].rstrip(" .;,|–—-"), out


def continues(text: str, previous_text: str) -> bool:
    """Whether a line continues the item on the line above: only its fields ("Owner: X. Mitigation: Y"),
    or a lower-case remark, wrapped or sub-bulleted, under a numbered item."""
    body = re.sub(r"^\s*[•·▪◦‣●○■*\-–—]\s*", "", text).strip()
    if not body:
        return False
    if CONTINUES_FIELDS.match(body):
        return True
    if body[:1].islower() and not NUMBERED.match(text) and NUMBERED.match(previous_text):
        return not re.search(r"[.!?]\s*$", previous_text.strip())
    return False


def attach(found: Found, text: str, ctx: Context) -> None:
    """Give the item above the fields a continuation line states (a risk's owner and mitigation, an
    action's owner and due date); "not yet assigned" leaves them empty."""
    body = re.sub(r"^\s*[•·▪◦‣●○■*\-–—]\s*", "", text).strip()
    _, given = fields(body)
    f = found.fields
    if given.get("owner") and not f.get("owner"):
        f["_owner_raw"] = given["owner"]
        f["owner"] = ctx.people.resolve(given["owner"])
    if found.kind == "risk" and "mitigation" in given:
        f["mitigation"] = given["mitigation"]
    due = given.get("due")
    if found.kind == "action" and due and not f.get("due"):
        f["due"], f["due_raw"] = ctx.dates.parse(due), due


def read_item(text: str, section_kind: str | None, ctx: Context) -> Found | None:
    """A tagged line as an action, decision or risk: tags and "@owner" out of the text, trailers read."""
    line = re.sub(r"\*\*|__|`|^#+\s+", "", text)  # "#risk" is a tag, "# Risks" a heading
    line = re.sub(r"^\s*(?:[•·▪◦‣●○■*+\-–—]|\d{1,2}[.)])\s*", "", line).strip()
    tagged = read_tags(line)
    if tagged is None:
        return None
    kind = tagged.kind or SECTION_ITEM.get(section_kind or "")
    if kind is None:
        return None
    body, given = fields(tagged.text)
    if not body:
        return None
    if kind == "action":
        owner = tagged.owner
        if owner is None and "owner" in given:
            owner = given["owner"] or ""  # "Owner: TBC": nobody
        found = I.parse_action(body, owner, ctx)
        if found is None:
            return None
        due = given.get("due")
        if due:
            found.fields["due"], found.fields["due_raw"] = ctx.dates.parse(due), due
        if tagged.status:
            found.fields["status"] = P.action_status(tagged.status, found.fields["status"])
        return found
    if kind == "decision":
        return I.parse_decision(body, tagged.status or ctx.section.label)
    found = I.parse_risk(body, tagged.owner, ctx)
    if found is None:
        return None
    f = found.fields
    if tagged.owner is None and "owner" in given:
        f["owner"] = ctx.people.resolve(given["owner"]) if given["owner"] else None
    if "mitigation" in given:
        f["mitigation"] = given["mitigation"]
    if tagged.severity:
        f["severity"] = tagged.severity
    elif given.get("severity") or given.get("rating") or given.get("impact"):
        sev = P.SEVERITY.search(given.get("severity") or given.get("rating") or given.get("impact") or "")
        f["severity"] = next((k for k in ("high", "medium", "low") if sev and sev.group(k)),
                             f.get("severity"))
    if tagged.status in ("closed", "done", "complete", "completed"):
        f["status"] = "closed"
    return found
