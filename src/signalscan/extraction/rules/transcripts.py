"""Meeting transcripts: "Speaker: what they said" lines under a Participants / Regrets header.

Spoken items belong to whoever says them: "I'll send the revised plan by Thursday" is the
speaker's action, "Still chasing the vendor for the credentials" and "The runbook is done" are the
speaker's news on an earlier action, "… I own that risk" and "We'll accept it and …" are risks the
speaker holds. Decisions are spoken too: "decision: …", "agreed then — …", "so we're agreed, …",
"park X until …", "I'm not ready to decide whether …". Questions ("can you …?") are no items.
"""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import narrative
from signalscan.extraction.rules.context import Context, Unit, sentences
from signalscan.extraction.rules.owners import LETTER, PARTICLE, UPPER

_NAME = rf"[{UPPER}][{LETTER}'.-]*(?:\s+(?:{PARTICLE}\s+){{0,2}}[{UPPER}][{LETTER}'.-]*){{0,3}}"
_STAMP = r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?)"
SPEAKER = re.compile(rf"^\s*(?:{_STAMP}\s+)?(?P<speaker>{_NAME})\s*(?:{_STAMP}\s*)?:\s+(?P<speech>\S.*)$",
                     re.S)
CONVERSATIONAL = re.compile(r"(?i)\b(?:I|I'm|I'll|I've|we|we're|we'll|you|let's|okay|yes|thanks)\b")

# ---------------------------------------------------------------- decisions
DECISION_SAID = re.compile(
    r"(?i)^(?:(?:ok(?:ay)?|right|so|then|fine|good|great)\W+)*(?:"
    r"(?:the\s+)?decision(?:\s+is)?\s*[:—–-]\s*"
    r"|(?:so\s+)?(?:we'?re|we\s+are|we'?ve|we\s+have)\s+agreed(?:\s+then)?\s*(?:that\s+|[,:—–-]+\s*)"
    r"|agreed(?:\s+then)?\s*[,:—–-]+\s*"
    r")(?P<text>\S.{4,})$"
)
PARK = re.compile(r"(?i)^(?:(?:ok(?:ay)?|so|then|right)\W+)*(?:let'?s\s+)?"
                  r"(?P<text>(?:park|defer|hold off on)\s+\S.{4,})$")
NOT_DECIDING = re.compile(
    r"(?i)\b(?:not|isn't|aren't)\s+(?:yet\s+)?(?:ready|able|in a position)\s+to\s+"
    r"(?:decide|make (?:a|the|that) (?:decision|call))\s+(?:(?:on|about)\s+)?"
    r"(?P<text>(?:whether|if|on|how|which)\b.{6,}?)\s*$"
)
COME_BACK = re.compile(r"(?i)\b(?:come back to|revisit|park|defer|next week|next meeting|next time|later)\b")

# ---------------------------------------------------------------- risks
RISK_LEAD = re.compile(r"(?i)\brisk\b[^:]{0,40}:\s*(?P<text>\S.{8,})$")
OWN_RISK = re.compile(r"(?i)^(?P<text>.{8,}?)[,;]?\s+(?:and\s+)?I(?:'ll|\s+will)?\s+own\s+"
                      r"(?:that|this|the|it)(?:\s+risk)?\W*$")
I_OWN = re.compile(r"(?i)\bI(?:'ll|\s+will)?\s+own\s+(?:that|this|it|the risk)\b")
_WE = r"(?:we(?:'ll|\s+will)?|I(?:'ll|\s+will)?)"
ACCEPT = re.compile(rf"(?i)^{_WE}\s+accept\s+(?:it|that|this|the risk)\b"
                    rf"(?:\s+and\s+(?:{_WE}\s+)?(?:do\s+)?(?P<mitigation>.+))?")
MITIGATION_SAID = re.compile(r"(?i)\bthe mitigation is\s+(?:that\s+|to\s+)?(?:we\s+)?(?P<text>[^.;]+)")
LEAD_IN = re.compile(r"^[^:]{1,30}:\s+(?=\S)")  # "One more thing: …"

# ---------------------------------------------------------------- actions and news on them
# a lookahead, so "I'll take that — I'll send the plan" also finds the second promise
FIRST_PERSON = re.compile(r"(?=\bI(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to)\s+"
                          r"(?P<text>[a-z][^?]*))")
# softer promises count when they carry a date: "Let me check with Finance by Friday", "I can do it Monday"
OFFER = re.compile(r"(?i)\b(?:let\s+me|I\s+can)\s+(?P<text>[a-z][^?]*)")
NO_TASK = re.compile(r"(?i)^(?:be|have|own|need|want|let|see|try|think|accept|close|leave|say|admit|"
                     r"take\s+(?:that|it|this|the lead)|keep (?:it|this) short)\b")
HAVE_BY = re.compile(r"(?i)^have\s+(?:it|them|that|this|the\s+\w+)(?:\s+(?:done|ready|sorted))?\s+"
                     r"(?P<due>.+)$")
WE_NEED = re.compile(r"(?i)\bwe\s+need\s+(?P<owner>(?!to\b)[\w' ]{2,40}?)\s+to\s+(?P<text>[a-z][^?]+)$")
STILL_CHASING = re.compile(
    r"(?i)^(?:(?:I'm|I\s+am|we're|we\s+are)\s+)?"
    r"(?P<text>still\s+(?:chasing|waiting\s+(?:on|for)|following\s+up|pushing)\b.+)$"
)
STILL_NOTHING = re.compile(r"(?i)(?P<text>\bstill\s+(?:nothing|no\s+[\w-]+)\b.*\bfrom\b.+)$")
SAID_DONE = re.compile(
    r"(?i)^(?:the\s+|our\s+)?(?P<text>(?!(?:it|this|that|they|we|I|he|she|there)\b)[\w][\w'&/ -]{2,60}?\s+"
    r"(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:done|complete|completed|finished|shared"
    r"|sent|booked|delivered|submitted|published|circulated|signed\s+off)|went\s+out)\b.*)$"
)
NEEDS_OWNER = re.compile(r"(?i)^(?:the\s+)?(?P<text>.{6,}?\b(?:still\s+)?needs?\s+an?\s+owner\b.*)$")
CLAUSE_END = re.compile(r",\s+(?:so|but|and|which)\b|;\s+|\s+and\s+(?:in|on|now|it|we)\b|,\s+both\b")


def is_transcript(units: list[Unit], ctx: Context) -> bool:
    """Most lines after the header are "Speaker: speech" by several people, spoken in the first person."""
    said = [(u, m) for u in units if u.block.kind not in ("table_row", "list_item")
            for m in [SPEAKER.match(u.text)] if m and _is_speaker(m.group("speaker"), ctx)]
    if len(said) < 4 or len({m.group("speaker") for _, m in said}) < 2:
        return False
    first = units.index(said[0][0])
    spoken = sum(bool(CONVERSATIONAL.search(m.group("speech"))) for _, m in said)
    return len(said) >= 0.6 * len(units[first:]) and spoken >= 0.3 * len(said)


def _is_speaker(name: str, ctx: Context) -> bool:
    return ctx.people.is_known(name) or I.looks_like_person(name)


def read(units: list[Unit], ctx: Context) -> list[tuple[Unit, I.Found]]:
    """Every item spoken in a transcript, with the unit it was said in."""
    found: list[tuple[Unit, I.Found]] = []
    sender = ctx.people.sender
    for unit in units:
        m = SPEAKER.match(unit.text)
        if not m or not _is_speaker(m.group("speaker"), ctx):
            continue
        ctx.people.sender = ctx.people.resolve(m.group("speaker"))  # "I" is whoever is speaking
        found.extend((unit, item) for item in read_turn(m.group("speech"), ctx))
    ctx.people.sender = sender
    return found


def read_turn(speech: str, ctx: Context) -> list[I.Found]:
    """The items of one speaker's turn, sentence by sentence."""
    out: list[I.Found] = []
    said = [s.strip() for _, s in sentences(speech)]
    for n, sentence in enumerate(said):
        item = _read_sentence(sentence, said, n, out, ctx)
        if item is not None:
            item.quote = item.quote or sentence
            out.append(item)
    return out


def _read_sentence(sentence: str, said: list[str], n: int, earlier: list[I.Found],
                   ctx: Context) -> I.Found | None:
    body = sentence.rstrip()
    if body.endswith("?"):
        return None
    return (_decision(body, said, ctx) or _risk(body, said, n, earlier, ctx)
            or _action(body, earlier, ctx) or _news(body, ctx) or _narrative(body, ctx))


def _decision(body: str, said: list[str], ctx: Context) -> I.Found | None:
    m = DECISION_SAID.match(body)
    if m:
        return _decided(_clause(m.group("text")), "made")
    m = PARK.match(body)
    if m:
        return _decided(_clause(m.group("text")), "deferred")
    m = NOT_DECIDING.search(body)
    if m:
        later = any(COME_BACK.search(s) for s in said)
        return _decided(m.group("text"), "deferred" if later else "pending")
    return None


def _decided(text: str, status: str) -> I.Found | None:
    text = I.tidy(text)
    if len(text.split()) < 3:
        return None
    return I.Found("decision", {"text": _capital(text), "status": status})


def _risk(body: str, said: list[str], n: int, earlier: list[I.Found], ctx: Context) -> I.Found | None:
    turn = " ".join(said)
    m = RISK_LEAD.search(body)
    if m and not re.search(r"(?i)\b(?:close|closed|mitigated|retire)\b", body):
        owner = ctx.people.sender if I_OWN.search(turn) else None
        said_how = MITIGATION_SAID.search(turn)
        return _risk_item(m.group("text"), owner, said_how.group("text") if said_how else None)
    m = OWN_RISK.match(body)
    if m:
        return _risk_item(m.group("text"), ctx.people.sender, None)
    m = ACCEPT.match(body)
    if m and n > 0:  # "X is leaving at the end of the PI. We'll accept it and do a pairing sprint."
        mitigation = m.group("mitigation")
        return _risk_item(LEAD_IN.sub("", said[n - 1]), ctx.people.sender, mitigation, quote=said[n - 1])
    return None


def _risk_item(text: str, owner: str | None, mitigation: str | None, quote: str | None = None) -> I.Found:
    text = I.tidy(re.sub(r"(?i)^if\s+", "", text))
    mitigation = I.tidy(re.sub(r"(?i)^(?:a|an|the)\s+", "", mitigation)) if mitigation else None
    fields = {"text": _capital(text), "owner": owner, "mitigation": mitigation or None,
              "severity": None, "status": "open"}
    return I.Found("risk", fields, quote=quote)


def _action(body: str, earlier: list[I.Found], ctx: Context) -> I.Found | None:
    for m in FIRST_PERSON.finditer(body):
        text = m.group("text")
        have = HAVE_BY.match(text)
        if have:  # "I'll have them by Friday": the due date of what was just promised
            _date_last_action(earlier, have.group("due"), ctx)
            return None
        if NO_TASK.match(text):
            continue
        return _spoken_action(text, ctx.people.sender, ctx)
    offer = OFFER.search(body)
    if offer and I.pick_due(offer.group("text"), ctx)[0]:  # "let me check with Finance by Friday"
        return _spoken_action(offer.group("text"), ctx.people.sender, ctx)
    need = WE_NEED.search(body)
    if need:
        owner = need.group("owner")  # "we need someone from Finance to confirm …": nobody yet
        return _spoken_action(need.group("text"), ctx.people.resolve(owner), ctx)
    return None


def _spoken_action(text: str, owner: str | None, ctx: Context) -> I.Found | None:
    text = re.split(r"[;.]\s", text)[0]
    due, due_raw = I.pick_due(text, ctx)
    if due_raw and due:
        said_when = rf"(?i)\s*(?:\b(?:by|before|for|on|until|due)\s+)?(?:the\s+)?{re.escape(due_raw)}"
        text = re.sub(said_when, "", text)
    text = I.tidy(re.sub(r"\s+,", ",", text))
    if len(text.split()) < 2:
        return None
    return I.Found("action", {"text": text, "owner": owner, "due": due, "due_raw": due_raw, "status": "open"})


def _date_last_action(earlier: list[I.Found], when: str, ctx: Context) -> None:
    last = next((f for f in reversed(earlier) if f.kind == "action"), None)
    if last is not None and last.fields.get("due") is None:
        due, raw = I.pick_due(when, ctx)
        last.fields["due"], last.fields["due_raw"] = due, raw


def _news(body: str, ctx: Context) -> I.Found | None:
    """A spoken update on an earlier action: still chasing, still nothing from …, done, needs an owner."""
    m = NEEDS_OWNER.match(body)
    if m:
        return _update(m.group("text"), None, "open")
    m = STILL_CHASING.match(body) or STILL_NOTHING.search(body)
    if m:
        return _update(m.group("text"), ctx.people.sender, "open")
    m = SAID_DONE.match(body)
    if m:
        return _update(_clause(m.group("text")), ctx.people.sender, "done")
    return None


def _update(text: str, owner: str | None, status: str) -> I.Found:
    text = I.tidy(re.sub(r"(?i)\s+either$", "", I.tidy(text)))
    return I.Found("action", {"text": _capital(text), "owner": owner, "due": None,
                              "due_raw": None, "status": status})


def _narrative(body: str, ctx: Context) -> I.Found | None:
    """What minutes would also read as an item: "we agreed to …", "Dev will send …", "the risk that …"."""
    return next(iter(narrative.parse_sentence(body, ctx, None)), None)


def _capital(text: str) -> str:
    """A plain first word capitalised; "e-Transfer" or "iPhone" kept as written."""
    return text[:1].upper() + text[1:] if re.match(r"[a-z]+\b(?!-)", text) else text


def _clause(text: str) -> str:
    """The first clause: "the runbook is done and in Confluence" -> "the runbook is done"."""
    return CLAUSE_END.split(text, maxsplit=1)[0]
