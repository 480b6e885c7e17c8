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
from signalscan.extraction.rules.turns import NAME, is_speaker, turns

CONVERSATIONAL = re.compile(r"(?i)\b(?:I|I'm|I'll|I've|we|we're|we'll|you|let's|okay|yes|thanks)\b")

# ---------------------------------------------------------------- decisions
DECISION_SAID = re.compile(
    r"(?i)^(?:(?:ok(?:ay)?|right|so|then|fine|good|great)\W+)*(?:"
    r"(?:(?:the|one|a|our|first|another|final)\s+)?decision(?:\s+(?:today|this\s+week|for\s+today))?"
    r"(?:\s+is)?\s*[:—–-]\s*"
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
GO_WITH = re.compile(r"(?i)^(?:(?:ok(?:ay)?|so|then|right|fine)\W+)*"
                     r"(?:on\s+(?:the\s+)?(?P<topic>[^:]{4,80}):\s*)?(?:so\s+)?we(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to)?\s+go(?:ing)?\s+"
                     r"(?:ahead\s+)?with\s+(?P<text>\S.{2,})$")
APPROVED = re.compile(r"(?i)^(?:approved|signed\s+off|endorsed)\b\W*(?P<text>.*)$")
# "we have to settle the approach for X", "awaiting a decision on X": a decision not made yet
TO_SETTLE = re.compile(
    r"(?i)\b(?:we|I)\s+(?:still\s+)?(?:have\s+to|need\s+to|must|should)\s+(?:settle|decide|agree|choose|pick)\s+"
    r"(?:on\s+)?(?P<text>\S.{6,})$"
    r"|\b(?:awaiting|waiting\s+(?:on|for)|need|needs|still\s+need)\s+a\s+decision\s+(?:on|about|from\s+\w+\s+on)\s+"
    r"(?P<text2>\S.{6,})$")
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
NOBODY_WILL = re.compile(r"(?i)^(?:the\s+)?(?:whole\s+)?(?:team|everyone|everybody|someone|somebody|"
                         r"all\s+of\s+us)\s+"
                         r"(?:will|should|needs?\s+to|has\s+to|is\s+to)\s+(?P<text>[a-z].+)$")
HAVE_BY = re.compile(r"(?i)^have\s+(?:it|them|that|this|the\s+\w+)(?:\s+(?:done|ready|sorted))?\s+"
                     r"(?P<due>.+)$")
WE_NEED = re.compile(r"(?i)\bwe\s+(?:also\s+|still\s+)?need\s+(?P<owner>(?!to\b)[\w' ]{2,40}?)\s+to\s+"
                     r"(?P<text>[a-z][^?]+)$")
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
# "I still have to send the workbook", "Nuvola still has to deliver the build": an open action of the subject
STILL_TO = re.compile(rf"^(?P<who>I|we|{NAME})\s+(?:still|now|also)?\s*(?:has|have|needs?|need)\s+to\s+"
                      r"(?P<text>[a-z].+)$")
# "Nuvola now commits to deliver the build by …": the subject's promise
COMMITS = re.compile(rf"^(?:confirm(?:ed|ing)\W+)?(?P<who>{NAME})\s+(?:now\s+|has\s+|have\s+)?"
                     r"(?:commit(?:s|ted)?|promise[sd]?|undert(?:akes|ook)|agreed)\s+to\s+(?P<text>[a-z].+)$")
# "Karine, can you book …?", "Nadia, please prepare …": a task put to a named person
REQUEST = re.compile(
    rf"^(?:(?:ok(?:ay)?|right|so|and|then|agreed|good)\W+)*(?P<who>{NAME}),\s+"
    r"(?:(?P<ask>(?:can|could|would|will)\s+you)\s+(?:please\s+)?|please\s+)(?P<text>[a-z].+?)\W*$")
AFFIRM = re.compile(r"(?i)^\W*(?:yes|yep|yeah|sure|will\s+do|of\s+course|absolutely|certainly|ok(?:ay)?|"
                    r"no\s+problem|happy\s+to|on\s+it|I(?:'ll|\s+will)\s+(?:do|take|book|send|handle)\s+"
                    r"(?:it|that|this|them))\b")
PRONOUN_TASK = re.compile(r"(?i)^[a-z]+(?:\s+(?:up|on|over|out))?\s+(?:it|that|this|them|one)\b")
# "I did escalate X on Friday, so close that action", "I booked X, so that action is closed"
CLOSED_SAID = re.compile(
    r"(?i)\b(?:close\s+(?:that|this|the)\s+(?:action|one|item)|(?:that|this|the)\s+(?:action|one|item)"
    r"(?:'s|\s+is|\s+can\s+be)?\s+(?:now\s+)?(?:closed|done|complete))\b")
DID = re.compile(rf"^(?:(?:so|and|yes|well)\W+)*(?P<who>I|we|{NAME})\s+(?:did\s+|have\s+|has\s+|'ve\s+)?"
                 r"(?:now\s+|finally\s+|already\s+)?(?P<text>[a-z]+(?:ed|did|sent|made|wrote|ran|gave|got|took)?"
                 r"\s+\S.+?)(?:,?\s+(?:so|and|which\s+means)\b.*|;.*)?$")
SINCE_DUE = re.compile(r"(?i)\b(?:was\s+|is\s+|were\s+|it's\s+)?(?:over)?due\s+(?:since|on|for|by)?\s*"
                       r"(?P<due>.+)$"
                       r"|\bplanned\s+(?:for|by)\s+(?P<due2>.+)$")
CLAUSE_END = re.compile(r",\s+(?:so|but|and|which)\b|;\s+|\s+and\s+(?:in|on|now|it|we)\b|,\s+both\b")


def is_transcript(units: list[Unit], ctx: Context) -> bool:
    """Most lines after the header are turns of several people, spoken in the first person."""
    said = turns(units, ctx)
    if len(said) < 4 or len({speaker for _, speaker, _ in said}) < 2:
        return False
    first = next(i for i, u in enumerate(units) if u.block is said[0][0].block)
    spoken = sum(bool(CONVERSATIONAL.search(speech)) for _, _, speech in said)
    inside = sum(any(u.block is t.block for t, _, _ in said) for u in units[first:])
    return inside >= 0.6 * len(units[first:]) and spoken >= 0.3 * len(said)


def read(units: list[Unit], ctx: Context) -> list[tuple[Unit, I.Found]]:
    """Every item spoken in a transcript, with the unit it was said in."""
    found: list[tuple[Unit, I.Found]] = []
    sender = ctx.people.sender
    asked: tuple[Unit, str | None, I.Found] | None = None  # a question put to someone, awaiting the reply
    spoken = turns(units, ctx)
    for _, speaker, _ in spoken:  # "Karine, can you …" names someone heard in the meeting
        ctx.people.add(speaker)
    for unit, speaker, speech in spoken:
        ctx.people.sender = ctx.people.resolve(speaker)  # "I" is whoever is speaking
        said = read_turn(speech, ctx)
        if asked and asked[1] == ctx.people.sender and AFFIRM.match(speech) \
                and not any(f.kind == "action" for f in said):  # "Karine, can you …?" — "Yes, I'll book it."
            found.append((asked[0], asked[2]))
        asked = None
        for _, sentence in sentences(speech):
            request = _request(sentence.strip(), ctx)
            if request and request[1]:
                asked = (unit, request[0].fields["owner"], request[0])
            elif request:  # "Nadia, please prepare …": assigned as said
                said.append(request[0])
        found.extend((unit, item) for item in said)
    ctx.people.sender = sender
    return found


def _request(sentence: str, ctx: Context) -> tuple[I.Found, bool] | None:
    """A task put to a named person, and whether it was asked as a question (it waits for a yes)."""
    m = REQUEST.match(sentence)
    if not m or not is_speaker(m.group("who"), ctx):
        return None
    found = _spoken_action(_clause(m.group("text")), ctx.people.resolve(m.group("who")), ctx)
    if found is None:
        return None
    found.quote = sentence
    return found, bool(m.group("ask"))


def read_turn(speech: str, ctx: Context) -> list[I.Found]:
    """The items of one speaker's turn, sentence by sentence."""
    out: list[I.Found] = []
    said = [s.strip() for _, s in sentences(speech)]
    for n, sentence in enumerate(said):
        if REQUEST.match(sentence):
            continue  # read by the caller, who knows who answers
        approved = APPROVED.match(sentence)
        if approved and _approve(approved.group("text"), said, n, out):
            continue
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


def _approve(text: str, said: list[str], n: int, out: list[I.Found]) -> bool:
    """"Approved, clean-up before load." is a decision; "… we go with X. Approved." makes the one before."""
    decided = _decided(_clause(text), "made")
    if decided is not None:
        decided.quote = said[n]
        out.append(decided)
        return True
    if n == 0:
        return True
    last = out[-1] if out else None
    if last is not None and last.kind == "decision" and last.quote == said[n - 1]:
        last.fields["status"] = "made"
        return True
    before = _decided(LEAD_IN.sub("", said[n - 1]), "made")
    if before is not None:
        before.quote = said[n - 1]
        out.append(before)
    return True


def _decision(body: str, said: list[str], ctx: Context) -> I.Found | None:
    m = DECISION_SAID.match(body)
    if m:
        return _decided(_clause(m.group("text")), "made")
    m = GO_WITH.match(body)
    if m:
        topic = m.group("topic")
        text = _clause(m.group("text"))
        return _decided(f"{topic}: {text}" if topic else text, "made")
    m = TO_SETTLE.search(body)
    if m:
        return _decided(m.group("text") or m.group("text2"), "pending")
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
        if NO_TASK.match(text) or PRONOUN_TASK.match(text):  # "I'll book it": a yes to what was asked
            continue
        return _spoken_action(text, ctx.people.sender, ctx)
    owed = _still_to(body, ctx)
    if owed is not None:
        return owed
    offer = OFFER.search(body)
    if offer and I.pick_due(offer.group("text"), ctx)[0]:  # "let me check with Finance by Friday"
        return _spoken_action(offer.group("text"), ctx.people.sender, ctx)
    nobody = NOBODY_WILL.match(body)
    if nobody:  # "The team will update the FAQ": an action nobody in particular owns
        return _spoken_action(nobody.group("text"), None, ctx)
    need = WE_NEED.search(body)
    if need:
        owner = need.group("owner")  # "we need someone from Finance to confirm …": nobody yet
        return _spoken_action(need.group("text"), ctx.people.resolve(owner), ctx)
    return None


def _still_to(body: str, ctx: Context) -> I.Found | None:
    """"I still have to send it …, it's overdue since 15-May" and "Nuvola now commits to deliver …"."""
    lead = LEAD_IN.match(body)
    topic, rest = (body[:lead.end()].strip(" :"), body[lead.end():]) if lead else (None, body)
    m = STILL_TO.match(rest) or COMMITS.match(rest)
    if not m or m.group("who").lower() in _NOT_SUBJECTS:
        return None
    owner = ctx.people.sender if m.group("who") == "I" else ctx.people.resolve(m.group("who"))
    head, tail = _split_clause(m.group("text"))
    if topic:  # "The data-mapping workbook: I still have to send it to …"
        head = re.sub(r"\b(?:it|them)\b", topic[:1].lower() + topic[1:], head, count=1)
    found = _spoken_action(head, owner, ctx)
    if found is not None and found.fields.get("due") is None:
        since = SINCE_DUE.search(tail)
        hits = [h for h in ctx.dates.find_all(since.group("due") or since.group("due2"))
                if h.value] if since else []
        if hits:
            found.fields["due"], found.fields["due_raw"] = hits[0].value, hits[0].raw
    return found


def _split_clause(text: str) -> tuple[str, str]:
    """An action and what is said about it: "send it, it's overdue since …" -> ("send it", "it's …")."""
    parts = re.split(r"\s*;\s*|,\s+(?=(?:so|but|and|it|it's|it\s+was|which|planned|due|overdue)\b)", text,
                     maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


_NOT_SUBJECTS = {"it", "this", "that", "there", "he", "she", "they", "which", "what", "who", "we", "you",
                 "the"}


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
    closed = _closed(body, ctx)
    if closed is not None:
        return closed
    m = SAID_DONE.match(body)
    if m:
        return _update(_clause(m.group("text")), ctx.people.sender, "done")
    return None


def _closed(body: str, ctx: Context) -> I.Found | None:
    """"I did escalate X on Friday, so close that action", "Nuvola did deliver X; that action is closed"."""
    if not CLOSED_SAID.search(body):
        return None
    head = _split_clause(body)[0]
    m = DID.match(head)
    if not m or m.group("who").lower() in _NOT_SUBJECTS:
        return None
    owner = ctx.people.sender if m.group("who") == "I" else ctx.people.resolve(m.group("who"))
    text = m.group("text")
    when = [h for h in ctx.dates.find_all(text) if h.value and not text[h.end:].strip()]
    if when:  # "… on Friday" says when it was done, not when it was due
        text = re.sub(r"\s+(?:on|last|this)?\s*$", "", text[:when[0].start])
    return _update(text, owner, "done")


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
