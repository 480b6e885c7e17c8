"""Items written as lines: prefixed bullets ("Action (JK): …", "DECISION MADE: …", "Risk: …"),
tracker lines ("COA sign-off (Carla): in progress, target 4/17", "Fix X — Kim — 4/17"),
and narrative sentences ("Jordan will send the plan by Friday", "it was agreed that …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.context import Context
from signalscan.extraction.rules.dates import NO_DATE_WORD
from signalscan.extraction.rules.owners import INITIAL_SURNAME, INITIALS, is_vague, looks_like_person

SEGMENT_SPLIT = re.compile(r"\s+[—–]\s+|\s+-\s+|\s*[—–]\s*(?=[A-Z(])|\s*\|\s*")
CAP_TOKEN = r"[A-Z][\w&'.+-]*"
OWNER_TO = re.compile(
    rf"^(?P<owner>(?:{CAP_TOKEN}(?:\s+{CAP_TOKEN}){{0,2}}|all|everyone|team|the team))\s+"
    r"(?:to|will|shall|must|should|needs? to|agreed to|is to|are to|has agreed to|undertook to|offered to)\s+"
    r"(?P<text>[a-z].+)$"
)
OWNER_WILL = re.compile(
    rf"(?:^|[\s,;:(])(?P<owner>I|{CAP_TOKEN}(?:\s+{CAP_TOKEN}){{0,2}})\s+(?:will|shall|agreed to|has agreed"
    rf" to|"
    r"undertook to|offered to|is going to)\s+(?!be\b|have\b|not\b|need\b|go\b|continue\b|remain\b|also be\b)"
    r"(?P<text>[a-z][^.;]*)"
)
OWNER_COLON = re.compile(rf"^(?P<owner>{CAP_TOKEN}(?:\s+{CAP_TOKEN}){{0,2}}|all|team|everyone)\s*:\s*(?P<te"
    rf"xt>.+)$")
THING_OWNER = re.compile(r"^(?P<thing>.+?)\s*\((?P<owner>[^()]{1,40})\)\s*(?:[:,.;]|[—–-]\s|$)\s*(?P<rest>."
    r"*)$")
BY_PERSON = re.compile(
    rf"^(?P<thing>.+?)\s+(?:shared|confirmed|sent|circulated|raised|provided|delivered|done|completed|owned|"
    rf"led|run|submitted|published|booked)\s+by\s+(?P<owner>{CAP_TOKEN}(?:\s+{CAP_TOKEN})?)\b(?P<rest>.*)$"
)
COLON_PERSON = re.compile(rf"^(?P<thing>[^:]+?):\s*(?P<owner>{CAP_TOKEN}(?:\s+{CAP_TOKEN})?)\s+(?P<rest>[a-"
    rf"z].*)$")
NOT_DELIVERED = re.compile(
    rf"(?:\bnothing\s+(?:yet\s+)?from\s+(?P<o1>{CAP_TOKEN}(?:\s+{CAP_TOKEN})?)|(?P<o2>{CAP_TOKEN}(?:\s"
    rf"+{CAP_TOKEN})?)"
    r"\s+(?:still\s+|has\s+still\s+|have\s+still\s+)?(?:has|have|had)?(?:n't|\s+not)\s+(?:yet\s+)?"
    r"(?:delivered|sent|provided|submitted|responded|replied|returned|supplied))"
)
OWNER_FIELD = re.compile(
    r"(?<![Nn]o )\b(?i:owner|owners|lead|responsible|actionee|assigned to|who)\s*(?:[:=]|\s[—–-]\s|\s(?=[A-"
    r"Z]))\s*"
    r"(?P<owner>[^|;,.()—–]+?)\s*(?=$|[|;,.()—–]|\s(?:by|due)\b)"
)
DUE_FIELD = re.compile(
    r"(?i)\b(?:due(?:\s+date)?|by when|deadline|target(?:\s+date)?|by)\s*[:=]\s*(?P<due>[^|;()]+?)\s*(?=$|["
    r"|;()])"
)
OWNS = re.compile(rf"(?P<owner>{CAP_TOKEN}(?:\s+{CAP_TOKEN})?)\s+(?:owns|to own|is the owner|has it|holds i"
    rf"t)\b")
DUE_PREFERRED = re.compile(
    r"(?i)\b(?:now|revised(?:\s+date)?|moved to|pushed to|re-?dated to|rescheduled (?:to|for)|new date|"
    r"expected|slipped to|re-?planned for)\b[^0-9a-z]*(?:\w+\s+){0,2}$"
)
DUE_CONTEXT = re.compile(
    r"(?i)(?:\bby|\bdue(?:\s+on|\s+by)?|\btarget(?:\s+date)?|\bdeadline|\bbefore|\buntil|\bfor|\bon|\bat|"
    r"\bsays|\bstill\s+says|\bnow|\bwas\s+due|\bexpected|\bto|[—–:,(-])\s*(?:the\s+)?(?:\w+\s+)?$"
)
NO_DUE_CONTEXT = re.compile(
    r"(?i)\b(?:(?<!overdue )(?<!late )since|from|after|in|of|last|held on|started on|on the)\s*$"
    # when it happened, not when it is due: "— sent Sep 17", "done 12 May" (but "to be sent 17 Sep")
    r"|(?<!\bbe )\b(?:sent|completed|delivered|shared|closed|received|submitted|published|circulated|done|"
    r"finished)(?:\s+on)?\s*$")
TRAILING_DUE = re.compile(
    r"(?i)[,;]?\s*(?:\b(?:by|due(?:\s+on|\s+by)?|before|no later than|at|for|on|target(?:ing)?)\s+)?"
    r"(?:the\s+)?(?:end of\s+|close of\s+)?$"
)
NEGATIVE_LINE = re.compile(
    r"(?i)^\W*(?:nothing|none|nil|n/a|no (?:new |open |further )?(?:actions?|items?|follow[- ]?ups?|decisio"
    r"ns?|risks?|"
    r"issues?|updates?|business))\b|\bnothing (?:carried|to report|new)\b|\bnot (?:walked|gone|reviewed|cov"
    r"ered|discussed)"
    r" through\b"
)
TRAILER = re.compile(r"\s*\((?=[^()]*\b(?i:owner|lead|due|actionee|responsible)\b)[^()]*\)")
BY_DATE = re.compile(r"(?i)\b(?:by|before)\s+(?P<due>[^,;)]+)")
SEVERITY_WORD = re.compile(r"(?i)^(?:high|medium|med|low|critical|severe|major|minor|[HML]|new|updated|clos"
    r"ed)$")
STOP_OWNER = re.compile(
    r"(?i)^(?:the|this|that|it|we|they|there|he|she|which|what|these|those|our|its|an?|if|when|once|also|"
    r"both|each|all of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|last)$"
)


# an action log entry named by its reference: "Action 01/02 (DPO – DPIA) – revised target 13 Feb",
# "AP3 – Kim – book the room – done", "Action A-07: send the plan (JK) – in progress"
ACTION_REF = re.compile(
    r"^(?P<ref>(?:(?i:action)(?:\s+(?i:point|item|no\.?|ref\.?))?|AP|AI)\s*#?\s*"
    r"(?:[A-Z]{1,3}[-_]?)?\d{1,4}(?:[/.\-]\d{1,3})?)(?![\w/])\s*(?:[:.)]|[—–-](?=\s))?\s*(?=\S)"
)
ROLE_ACRONYM = re.compile(r"^(?:the\s+)?[A-Z]{2,5}s?$")
LOG_OWNER_SPLIT = re.compile(r"\s+[—–-]\s+|\s*:\s+")
# the date a log remark gives as the due date: "revised target 13 Feb", "now 20 March", "overdue since 6 Mar"
REMARK_DUE = re.compile(
    r"(?i)(?:\b(?:target(?:\s+date)?|due(?:\s+(?:on|by))?|by|deadline|now(?:\s+be)?|revised(?:\s+to)?|"
    r"re-?dated\s+to|moved\s+to|slipped\s+to|on\s+course\s+for|on\s+track\s+for|expected|overdue\s+since|"
    r"late\s+since|for)|^|[,;(—–-])\s*(?:the\s+)?$"
)


@dataclass
class Found:
    """An item read from a line, before evidence is attached."""

    kind: str  # action, decision, risk, status
    fields: dict = field(default_factory=dict)
    quote: str | None = None


def strip_line(text: str) -> tuple[str, str | None]:
    """Remove bullets, markdown and a leading ref ("3.2", "A-07"); return (body, ref)."""
    body = P.MARKDOWN.sub("", text).strip()
    body = P.BULLET.sub("", body, count=1).strip()
    ref = None
    m = P.REF.match(body)
    if m and not P.rag_of(body[m.end():]) and not re.match(r"\d+\s*%", body[m.end():]):
        ref, body = m.group("ref"), body[m.end():]
    return P.NEW_MARK.sub("", body, count=1).strip(), ref


def tidy(text: str) -> str:
    """Trim punctuation, wrapping quotes and a leading "to " off an item's text."""
    text = re.sub(r"\s+", " ", text).strip(" .,;:-–—*_\"'")
    text = re.sub(r"(?i)^(?:to|please)\s+", "", text)
    return text


def owner_candidate(raw: str, ctx: Context) -> bool:
    """Whether a bracket or segment names an owner: a known person, initials, or a short proper name."""
    raw = raw.strip()
    if not raw or re.search(r"\d", raw) or len(raw) > 40:
        return False
    if is_vague(raw) or ctx.people.is_known(raw):
        return True
    if INITIALS.match(raw) or SEVERITY_WORD.match(raw):
        return False
    words = raw.split()
    return len(words) <= 3 and all(w[0].isupper() for w in words) and not P.STATUS_WORD_CELL.match(raw) \
        and not P.rag_of(raw) and not ctx.dates.find_all(raw)


def pick_due(text: str, ctx: Context) -> tuple[date | None, str | None]:
    """The due date a line gives: a re-dated one ("now 4/24") first, else the last date in due context."""
    hits = [h for h in ctx.dates.find_all(text) if not NO_DUE_CONTEXT.search(text[:h.start])]
    if not hits:
        m = P.NO_DATE_WORD if False else re.search(r"(?i)\b(?:tbc|tbd|asap|ongoing)\b", text)
        return None, (m.group(0) if m else None)
    preferred = [h for h in hits if DUE_PREFERRED.search(text[:h.start])]
    in_context = [h for h in hits if DUE_CONTEXT.search(text[:h.start]) or h.start == 0]
    hit = (preferred or in_context or hits)[-1]
    return hit.value, hit.raw


def cut_due(text: str, ctx: Context) -> str:
    """Drop a trailing "by Friday" / ", due 4/24" / "at the next meeting" from an action's text."""
    hits = ctx.dates.find_all(text)
    for hit in reversed(hits):
        prefix = text[:hit.start]
        tail = text[hit.end:]
        if re.match(r"^\W*(?:\([^)]*\))?\W*$", tail) or re.match(r"(?i)^\s*[,;(]", tail):
            m = TRAILING_DUE.search(prefix)
            text = prefix[: m.start()] if m else prefix
    return text


def parse_action(body: str, who: str | None, ctx: Context, status_default: str = "open") -> Found | None:
    """An action line: owner, text, due, status from the many tracker and bullet forms."""
    owner_raw, text, rest = who, body, ""
    lead = re.match(r"^\((?P<owner>[^()]{1,40})\)\s*[:–—-]?\s*(?=\S)", body)  # "(BO) Publish the profile"
    lead_owner = lead.group("owner") if lead else ""
    if lead and owner_raw is None and (owner_candidate(lead_owner, ctx) or is_role(lead_owner)):
        owner_raw, body = lead_owner, body[lead.end():]
    trailer = TRAILER.search(body)
    inner = trailer.group(0).strip("() ") if trailer else ""
    owner_field, due_field = OWNER_FIELD.search(inner), DUE_FIELD.search(inner) or BY_DATE.search(inner)
    if trailer and (owner_field or due_field):  # "(Owner: JK, by 14/03)": read it, then drop it
        owner_raw = owner_raw or (owner_field.group("owner") if owner_field else None)
        if due_field:
            body = body[: trailer.start()] + " by " + due_field.group("due") + body[trailer.end():]
        else:
            body = body[: trailer.start()] + body[trailer.end():]
    owner_field = OWNER_FIELD.search(body)
    due_field = DUE_FIELD.search(body)
    if owner_field:
        owner_raw = owner_raw or owner_field.group("owner")
        body = body[: owner_field.start()] + body[owner_field.end():]
    if due_field:
        body = body[: due_field.start()] + body[due_field.end():]
    segments = [s for s in SEGMENT_SPLIT.split(body) if s.strip()] or [body]
    head, tail = segments[0], segments[1:]
    if tail and not owner_raw and owner_candidate(head, ctx) and (
        re.match(r"[a-z]", tail[0].strip()) or is_vague(head) or ctx.people.is_known(head)
        or looks_like_person(head)
    ):
        owner_raw, head, tail = head, tail[0], tail[1:]  # "Priya Shah — run mock load 2 — 27 March"
    elif tail and not owner_raw and is_vague(re.sub(r"\s*\([^()]{1,40}\)\s*$", "", head)):
        owner_raw, head, tail = "", tail[0], tail[1:]  # "TBD (Finance) — confirm the GL codes": no owner
    text, owner_raw, rest = _split_head(head, owner_raw, ctx)
    rest = " ".join([rest, *tail]).strip()
    for segment in tail:
        seg = segment.strip(" .;,")
        if owner_raw is None and (owner_candidate(seg, ctx) or is_role(seg)):  # "— DPO —" is a role
            owner_raw = seg
            if is_vague(seg):
                owner_raw = ""
    if owner_raw is None:
        m = NOT_DELIVERED.search(body)
        if m:
            owner_raw = m.group("o1") or m.group("o2")
    if due_field:
        due, due_raw = ctx.dates.parse(due_field.group("due")), due_field.group("due").strip()
    else:
        due, due_raw = pick_due(" ".join([head, rest]), ctx)
    text = tidy(cut_due(text, ctx))
    if not text or len(text) < 3:
        return None
    status = P.action_status(rest, status_default) if rest else status_default
    owner = ctx.people.resolve(owner_raw) if owner_raw else None
    return Found("action", {"text": text, "owner": owner, "due": due, "due_raw": due_raw, "status": status,
                            "_owner_raw": owner_raw})


def parse_logged_action(body: str, ctx: Context) -> Found | None:
    """An action-log entry led by its reference; the reference becomes `ref`, never the text."""
    m = ACTION_REF.match(body)
    if not m:
        return None
    ref, rest = m.group("ref"), body[m.end():].strip()
    if not rest.startswith("("):
        found = parse_action(rest, None, ctx)
    else:
        inner, remarks = _bracket(rest)
        found = _logged_entry(inner, remarks, ctx) if inner else None
    if found is not None:
        found.fields["ref"] = re.sub(r"\s+", " ", ref)
    return found


def _bracket(text: str) -> tuple[str, str]:
    """("inside", "after") for a text opening with a bracket, nested brackets kept inside."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return text[1:i].strip(), text[i + 1:].strip(" .;:—–-")
    return "", text


def _logged_entry(inner: str, remarks: str, ctx: Context) -> Found | None:
    """"(OWNER – content)" or "(OWNER to content)" then remarks carrying status and due."""
    owner_raw, text = None, inner
    m = OWNER_TO.match(inner)
    parts = LOG_OWNER_SPLIT.split(inner, maxsplit=1)
    if m and _plausible_owner(m.group("owner"), ctx):
        owner_raw, text = m.group("owner"), m.group("text")
    elif len(parts) == 2 and (owner_candidate(parts[0], ctx) or is_role(parts[0])):
        owner_raw, text = parts[0], parts[1]
    elif len(parts) == 2 and (owner_candidate(parts[1], ctx) or is_role(parts[1])):
        text, owner_raw = parts
    text = tidy(cut_due(text, ctx))
    if len(text) < 3:
        return None
    due, due_raw = remark_due(remarks, ctx)
    status = P.action_status(remarks, "open") if remarks else "open"
    owner = ctx.people.resolve(owner_raw) if owner_raw else None
    return Found("action", {"text": text, "owner": owner, "due": due, "due_raw": due_raw, "status": status,
                            "_owner_raw": owner_raw})


def remark_due(remarks: str, ctx: Context) -> tuple[object, str | None]:
    """The due date a remark gives ("revised target 13 Feb"), not when something happened ("sent 3 Feb")."""
    hits = [h for h in ctx.dates.find_all(remarks) if REMARK_DUE.search(remarks[:h.start])]
    if hits:
        return hits[-1].value, hits[-1].raw
    m = NO_DATE_WORD.search(remarks)
    return None, (m.group(0) if m else None)


def is_role(raw: str) -> bool:
    """An acronym in an owner slot ("SRO", "DPO", "PMO"): a role, kept as written."""
    return bool(ROLE_ACRONYM.match(raw.strip()))


def _split_head(head: str, owner_raw: str | None, ctx: Context) -> tuple[str, str | None, str]:
    """Split the first segment into (text, owner, remainder that carries status words)."""
    head = head.strip()
    # sentences after the first carry status ("confirm the printer model. No owner yet.")
    parts = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", head, maxsplit=1)
    head, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    m = OWNER_TO.match(head)
    if m and (owner_raw is None) and _plausible_owner(m.group("owner"), ctx):
        return m.group("text"), m.group("owner"), rest
    m = OWNER_COLON.match(head)
    if m and owner_raw is None and _plausible_owner(m.group("owner"), ctx):
        inner = OWNER_TO.match(m.group("text"))
        return (inner.group("text") if inner else m.group("text")), m.group("owner"), rest
    m = THING_OWNER.match(head)
    if m and owner_raw is None and m.group("rest").strip() and _person_with_affiliation(m, ctx):
        return m.group("rest"), m.group("thing").strip(), rest  # "Paul Brandt (Corvel): the extract"
    if m and owner_candidate(m.group("owner").split(",")[0], ctx):
        owner = owner_raw or m.group("owner").split(",")[0].strip()
        return m.group("thing"), owner, " ".join([m.group("rest"), rest])
    m = BY_PERSON.match(head)
    if m and ctx.people.is_known(m.group("owner")):
        return m.group("thing"), owner_raw or m.group("owner"), " ".join([m.group("rest"), rest])
    m = COLON_PERSON.match(head)
    if m and ctx.people.is_known(m.group("owner")):
        return m.group("thing"), owner_raw or m.group("owner"), " ".join([m.group("rest"), rest])
    m = OWNER_WILL.search(head)
    if m and owner_raw is None and _plausible_owner(m.group("owner"), ctx):
        return m.group("text"), m.group("owner"), rest
    if ":" in head and owner_raw is None:
        thing, _, remark = head.partition(":")
        if len(thing.split()) <= 12 and _names_person(remark, ctx):  # "Cutover runbook v2: J. Vogt — 21.05."
            return thing, remark.strip(), rest
        if len(thing.split()) <= 12 and not re.search(r"\d{1,2}$", thing):
            return thing, None, " ".join([remark, rest])
    return head, owner_raw, rest


def _names_person(text: str, ctx: Context) -> bool:
    """Whether a remark is just a person: "J. Vogt", "M. de Wit", a known name or a full name."""
    text = text.strip()
    return bool(INITIAL_SURNAME.match(text) or looks_like_person(text)) or (
        bool(text) and len(text.split()) <= 3 and ctx.people.is_known(text))


def _person_with_affiliation(m: re.Match, ctx: Context) -> bool:
    """Whether "Name (bracket): text" leads with its owner: a person, the bracket being their
    initials, firm or role ("Paul Brandt (Corvel)", "Jonas Keller (JK)"), not a thing and its owner."""
    thing, bracket = m.group("thing").strip(), m.group("owner").strip()
    if ctx.people.is_known(thing):
        return True
    if not looks_like_person(thing):
        return False
    initials = "".join(w[0] for w in thing.split()).upper()
    return bracket.upper() == initials or not (INITIALS.match(bracket) or ctx.people.is_known(bracket))


def _plausible_owner(raw: str, ctx: Context) -> bool:
    raw = raw.strip()
    if raw.lower() == "i":
        return ctx.people.sender is not None
    if STOP_OWNER.match(raw.split()[0]):
        return False
    return is_vague(raw) or ctx.people.is_known(raw) or len(raw.split()) <= 3


def parse_decision(body: str, label: str | None) -> Found | None:
    """A decision line: text without its status remarks; status from the label, else the wording."""
    status = P.decision_status(label, body)
    text = body
    text = re.split(r"\?\s*", text, maxsplit=1)[0] if "?" in text else text
    text = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])|;\s+", text, maxsplit=1)[0]
    parts = re.split(r"\s+[—–]\s+|\s+-\s+", text)
    kept = [parts[0]]
    for part in parts[1:]:
        head, colon, remark = part.partition(": ")  # "Labor Day or Columbus Day: decision pending …"
        if colon and _decision_remark(remark) and not _decision_remark(head):
            kept.append(head)
            break
        if _decision_remark(part):
            break
        kept.append(part)
    text = " — ".join(kept)
    text = re.sub(r"\s*\((?:[^()]*\b(?:deferred|pending|awaiting|parked|referred|decision)\b[^()]*"
        r")\)", "", text)
    text = re.sub(r"(?i)^(?:the\s+)?(?:committee|board|group|steerco|steering group)\s+(?:agreed|decided|ap"
        r"proved)"
                  r"(?:\s+that|\s+to)?\s+", "", text)
    text = tidy(text)
    if len(text) < 3 or P.NOT_A_DECISION.search(body):
        return None
    return Found("decision", {"text": text, "status": status})


def _decision_remark(text: str) -> bool:
    """Words that report a decision's state rather than say what it is about."""
    return bool(P.DECISION_DEFERRED.search(text) or P.DECISION_PENDING.search(text) or re.search(
        r"(?i)\b(?:still|again|remains|not yet|the (?:board|committee) is|decision)\b", text))


def parse_risk(body: str, who: str | None, ctx: Context) -> Found | None:
    """A risk line: text, owner, mitigation (None when "no mitigation"), severity, open/closed."""
    owner_raw = who
    head, remarks = _risk_head(body)
    bracket = re.search(r"\s*\((?P<sev>[^()]*\b(?:high|medium|low|critical|severe|major|minor)\b[^()]*"
        r")\)", head, re.I)
    if bracket:  # "(High)" / "(impact: high)" beside the risk is its severity, not its owner
        head = head[: bracket.start()] + head[bracket.end():]
        remarks = f"severity {bracket.group('sev')} ; {remarks}"
    m = THING_OWNER.match(head)
    if m and owner_candidate(m.group("owner"), ctx):
        head, owner_raw = m.group("thing"), owner_raw or m.group("owner")
        remarks = " ; ".join(filter(None, [m.group("rest"), remarks]))
    head = re.sub(r"\s*\((?:new|updated|high|medium|low)\)\s*$", "", head, flags=re.I)
    owner_raw = owner_raw or _risk_owner(remarks, ctx)
    mitigation = None
    if not P.NO_MITIGATION.search(remarks):
        mm = P.MITIGATION.search(remarks + " ;") or P.MITIGATION_PLAN.search(remarks.strip(" ;"))
        if mm:
            mitigation = tidy(mm.group("text") or mm.groupdict().get("text2") or "") or None
    if mitigation and (is_vague(mitigation) or re.match(r"(?i)^(?:none|no|not|tbd|tbc)\b", mitigation)):
        mitigation = None
    closed = bool(P.RISK_CLOSED.search(remarks)) and not re.search(r"(?i)\bnot closed\b", remarks)
    sev = P.SEVERITY.search(re.sub(r"(?i)\b(?:RAG|status)\b.*", "", remarks)) if re.search(
        r"(?i)\b(?:severity|impact|rating|priority|high|critical|medium|low)\b", remarks) else None
    text = tidy(head)
    if len(text) < 3:
        return None
    owner = ctx.people.resolve(owner_raw) if owner_raw else None
    return Found("risk", {"text": text, "owner": owner, "mitigation": mitigation,
                          "severity": _severity(sev), "status": "closed" if closed else "open"})


def _risk_head(body: str) -> tuple[str, str]:
    parts = re.split(r"\s+[—–]\s+|\s+-\s+|;\s+|(?<=[a-z0-9)])\.\s+(?=[A-Z])|\s*\|\s"
        r"*", body.strip(), maxsplit=1)
    head = parts[0]
    remarks = parts[1] if len(parts) > 1 else ""
    m = re.match(r"(?i)^(?P<head>.+?)\s*[—–-]?\s*\b(?P<rest>risk closed\b.*)$", head)
    if m and len(m.group("head")) > 3:
        head, remarks = m.group("head"), m.group("rest") + " " + remarks
    return head, remarks


def _risk_owner(remarks: str, ctx: Context) -> str | None:
    m = OWNER_FIELD.search(remarks)
    if m:
        return m.group("owner") if not is_vague(m.group("owner")) else ""
    m = OWNS.search(remarks)
    if m and ctx.people.is_known(m.group("owner")):
        return m.group("owner")
    for seg in re.split(r"\s+[—–]\s+|;\s*|\s*\|\s*|,\s*", remarks):
        seg = seg.strip(" .")
        if seg and not re.search(r"(?i)mitigation|owner", seg) and ctx.people.is_known(seg):
            return seg
    bracket = re.search(r"\(([^()]{2,40})\)\s*\.?\s*$", remarks)
    if bracket and ctx.people.is_known(bracket.group(1)):
        return bracket.group(1)
    return None


def _severity(m: re.Match | None) -> str | None:
    if not m:
        return None
    return next(k for k in ("high", "medium", "low") if m.group(k))


def parse_status(body: str, ctx: Context) -> Found | None:
    """A workstream RAG line: "3.1 Clinical Build (HM) — RAG: Green.", "Data status this week: GREEN."."""
    m = P.OVERALL.match(body)
    if m:
        return Found("status", {"workstream": "Overall", "reported": P.rag_of(m.group("rag"))})
    m = P.RAG_INLINE.match(body) or P.RAG_LEADING.match(body)
    if not m:
        return None
    workstream = re.sub(r"(?i)\s+(?:status|rag)(?:\s+this\s+week|\s+update)?"
        r"$", "", m.group("ws")).strip(" -–—:")
    if len(workstream) < 2 or P.section_kind(workstream) in ("actions", "decisions", "risks"):
        return None
    pct = P.PERCENT_COMPLETE.search(body)
    narrative = tidy(body[m.end():]) or None
    owner = m.groupdict().get("who")
    return Found("status", {
        "workstream": workstream, "reported": P.rag_of(m.group("rag")),
        "percent_complete": int(pct.group(1)) if pct else None, "narrative": narrative,
        "owner": ctx.people.resolve(owner) if owner else None,
    })
