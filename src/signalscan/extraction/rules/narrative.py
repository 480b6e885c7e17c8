"""Items written as prose, outside any action/decision/risk section: e-mails, reports, notes.

"Jordan will send the revised plan by Friday", "I will escalate … by Monday 6 April",
"the board approved …", "it was agreed that …", "parked until …", "still awaiting sign-off",
"Kestrel still has not delivered the firmware. It was due 4/17.", "X risk: …".
"""

from __future__ import annotations

import re
from typing import TypeGuard

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.context import Context

DELIVERY_MISSED = re.compile(
    rf"^(?:The\s+)?(?P<owner>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN})?)\s+(?:still\s+)?(?:has|have)\s+(?:still\s+)"
    rf"?not\s+"
    r"(?:yet\s+)?(?:delivered|sent|provided|submitted|returned|supplied)\s+(?:the\s+)?(?P<text>[^.;]+)"
)
WAS_DUE = re.compile(
    r"(?i)^(?:the\s+)?(?P<text>.+?)\s+(?:was|were|is|are)\s+due\s+(?:on\s+|by\s+)?(?P<due>.+?)\s+and\s+"
    r"(?:have|has)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:arrived|been\s+(?:delivered|received|sent|provided))"
)
IT_WAS_DUE = re.compile(r"(?i)^(?:it|they|this|these)\s+(?:was|were)\s+(?:originally\s+)?due\s+(?:on\s+|b"
    r"y\s+)?(?P<due>.+)$")
IS_DONE = re.compile(
    r"(?i)^(?:the\s+)?(?P<text>[a-z0-9][^.;:]{3,80}?)\s+(?:is|are|has been|have been)\s+(?:now\s+)?"
    r"(?:done|complete|completed|finished|delivered|closed)\b"
)
RISK_COLON = re.compile(r"(?i)^(?P<pre>[^:]{0,80}\brisks?\b[^:]{0,40}):\s*(?P<post>.+)$")
GENERIC_RISK_PRE = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:underlying|key|main|top|biggest|new|remaining|residual|other)\s+)*risks?"
    r"(?:\s+(?:is|are|remains?)\s+(?:unchanged|the same|as before|still there|open))?$"
)
FROM_ORG = re.compile(rf"\bfrom\s+(?P<owner>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN})?)\b")
MINUTE_NUMBER = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})+\)?\.?\s+|^\(?[a-z]\)\s+")
# what a minute item is about: "The Board considered whether to …", "The meeting was given over to …"
TOPIC = re.compile(
    r"(?i)\b(?:considered|discussed|debated|deliberated on|was given over to|turned to|focused on|"
    r"was asked to (?:decide|consider)(?: on)?)\s+(?P<topic>(?!it\b|this\b|them\b).{6,160}?)\.?$"
)
# a sentence whose subject points back ("The decision was DEFERRED …", "It was deferred")
ANAPHORIC = re.compile(
    r"(?i)^(?:(?:the|this|that|a|its)\s+(?:decision|item|matter|proposal|paper|request|question|choice|"
    r"recommendation)\b|(?:it|this|that)\s+(?:was|is|has|remains)\b|(?:deferred|agreed|approved)\s+(?:to|un"
    r"til)\s+(?:the\s+)?(?:next|\w+\s+(?:board|meeting|committee|steerco))|no decision\b)"
)
# risks recorded in prose: "The Board NOTED a new risk that …", "the risk of losing SMEs remains unowned"
RISK_PROSE = re.compile(
    r"(?i)(?:\b(?:noted|raised|identified|logged|recorded|added|highlighted|flagged|escalated|registered)\s+"
    r"(?:that\s+)?|^)(?:an?|the)\s+(?:(?:new|key|further|emerging|significant|material|potential)\s+)*risk\s+"
    r"(?:that|of)\s+(?P<text>.+)$"
)
RISK_REFERENCE = re.compile(r"(?i)\b(?:the|this) risk\b|^(?:it|they)\b|^(?:no|an?) (?:owner|mitigation)\b")
RISK_STATE = re.compile(
    r"(?i)\s+(?:(?:still|now|also)\s+)?(?:remains|has|is|was|had|has been|is being)\s+"
    r"(?:(?:still|now|yet)\s+)?"
    r"(?:without|no|owned|mitigated|unowned|unmitigated|not (?:yet )?(?:owned|mitigated|assigned))\b.*$"
)
RISK_OWNER = re.compile(
    rf"(?:\bowned by\s+(?P<o1>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN}){{0,2}})|^(?P<o2>{I.CAP_TOKEN}(?:\s+"
    rf"{I.CAP_TOKEN}){{0,2}})\s+(?:owns|has taken|will own|takes)\s+(?:the|this)\s+risk\b|"
    rf"\brisk owner\s*(?:is|:)\s*(?P<o3>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN}){{0,2}}))"
)
RISK_MITIGATION = re.compile(
    r"(?i)\b(?:mitigated|mitigating|being mitigated)\s+(?:(?:it|this|the risk)\s+)?(?:by|through|via|with)\s+"
    r"(?P<m1>[^.;]+)"
    r"|\b(?:has|have)\s+(?:set up|put in place|introduced|established|arranged|started|commissioned)\s+"
    r"(?P<m2>[^.;]+)|\bmitigation\s*(?:is|:)\s*(?P<m3>[^.;]+)"
)


GENERIC_HEADING = re.compile(
    r"(?i)^(?:discussion|general|any other business|aob|other business|welcome|introductions?|"
    r"matters arising|updates?|notes?|minutes|agenda|summary|close|closing|date of next meeting|"
    r"next meeting|items?)\b"
)


def heading_topic(label: str) -> str | None:
    """A minute item's heading ("4. Legacy CRM") names what its decisions are about, unless generic."""
    text = re.sub(r"^\W*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|item\s+\d+:?)\s*", "", label).strip(" :")
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    if not text or GENERIC_HEADING.match(text) or len(text.split()) > 8:
        return None
    return text


PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|item\s+\d{1,2}[.:]?)\s+", re.I)
PARAGRAPH_LEAD = re.compile(r"^\W*([A-Z][\w &/'-]{2,40}):\s")


def paragraph_head(text: str) -> tuple[bool, str | None, int]:
    """(numbered, topic, where the prose starts) of a minute paragraph: "3. Carrier labels: Halima Osei to …"
    is numbered, about "Carrier labels", and its prose starts at "Halima"."""
    number = PARAGRAPH_NUMBER.match(text)
    start = number.end() if number else 0
    lead = PARAGRAPH_LEAD.match(text[start:])
    if not lead or P.section_kind(lead.group(1)) is not None:
        return bool(number), None, start
    topic = lead.group(1)
    if re.search(r"(?i)\brisks?\b", topic) or not number:  # "Vendor risk: …" is read as a risk line
        return bool(number), topic, start
    return True, topic, start + lead.end()


# "the committee could not yet decide which site goes live first": an open question, pending until deferred
UNDECIDED = re.compile(
    r"(?i)\b(?:could not|couldn't|was unable to|were unable to|did not|failed to)\s+(?:yet\s+)?"
    r"(?P<verb>decide|agree|determine|settle|choose|resolve)(?:\s+(?:on|upon))?\s+"
    r"(?P<what>(?:which|whether|what|when|who|how|where|the)\b.{6,160}?)\.?$"
)
# "the decision on which site goes live first remains pending"
DECISION_OPEN = re.compile(
    r"(?i)\b(?P<text>decision\s+(?:on|about|over|regarding|as to|whether)\s+.{4,160}?\s+(?:remains|is still|"
    r"stays|is)\s+(?:pending|open|outstanding|undecided|unresolved|awaited))\b"
)
# "the cut-over weekend for Dandenong was discussed" names what the paragraph's decision is about
PASSIVE_TOPIC = re.compile(
    r"(?i)^(?:the\s+)?(?P<topic>[^;:,]{6,100}?)\s+(?:was|were)\s+(?:discussed|considered|debated|raised|"
    r"tabled)\b"
)
DECISION_NEEDED = re.compile(
    r"(?i)^(?:a|the|this|that)\s+decision\s+(?:is|was|will be)\s+(?:still\s+)?"
    r"(?:needed|required|due|expected|"
    r"sought)\b"
)
# a bare deferral after the question it defers: "Decision deferred to the next meeting pending …"
BARE_DEFERRAL = re.compile(
    r"(?i)^(?:the\s+)?(?:decision|item|matter)\s+(?:was\s+)?(?:deferred|postponed|parked|"
    r"held over|carried (?:over|forward))\b|^(?:deferred|postponed|parked)\s+(?:to|until)\b"
)
# "…; action closed.", "…, so that item is closed."
CLOSED_TAIL = re.compile(
    r"(?i)(?:\s*[;,]\s*(?:and\s+|so\s+)?|\s+so\s+)(?:the\s+|that\s+|this\s+)?(?:action|item)\s+"
    r"(?:is\s+|was\s+|has been\s+|now\s+)*(?:closed|complete|completed|done)\W*$"
)
DONE_DATE = re.compile(r"(?i)\s+(?:on|as of)\s+\S+(?:\s+\w+)?(?:\s+\d{4})?(?:\s+as (?:planned|agreed))?$|\s+"
                       r"as (?:planned|agreed|scheduled)$")
PRONOUN_WILL = re.compile(r"(?i)^(?:and\s+)?(?:he|she|they)\s+(?:will|is to|are to|agreed to)\s+(?:now\s+)?"
                          r"(?P<text>[a-z].+)$")
REFERENT = re.compile(
    r"(?i)(?:^|\bthat\s+)(?P<np>the\s+[a-z][\w -]{2,60}?)\s+(?:is|are|was|were|has|have|needs?|remains?)\b"
)


def _minute_prose(body: str, ctx: Context, earlier: I.Found | None) -> list[I.Found] | None:
    """Minute-paragraph prose: open questions, their deferral, closure notes and pronoun follow-ups.
    None when the sentence is none of these (the general reading goes on)."""
    m = UNDECIDED.search(body)
    if m:
        text = f"{m.group('verb').capitalize()} {I.tidy(m.group('what'))}"
        ctx.section.topic = text
        return [I.Found("decision", {"text": text, "status": "pending"})]
    if BARE_DEFERRAL.match(body) and earlier is not None and earlier.kind == "decision" \
            and earlier.fields.get("status") == "pending":
        earlier.fields["status"] = "deferred"  # the question just minuted is what was deferred
        return []
    m = DECISION_OPEN.search(body)
    if m:
        return [I.Found("decision", {"text": I.tidy(m.group("text")).capitalize(), "status": "pending"})]
    clauses = [c.strip() for c in re.split(r";\s+", body) if c.strip()]
    topic = PASSIVE_TOPIC.match(clauses[0])
    if topic:
        ctx.section.topic = I.tidy(topic.group("topic"))
        if len(clauses) > 1 and DECISION_NEEDED.match(clauses[1]):
            return [I.Found("decision", {"text": ctx.section.topic[:1].upper() + ctx.section.topic[1:],
                                         "status": "pending"})]
    closed = CLOSED_TAIL.search(body)
    if closed and closed.start() > 0:
        return _closed_action(body[:closed.start()], ctx)
    if len(clauses) > 1:
        m = PRONOUN_WILL.match(clauses[-1])
        owner = re.match(rf"^(?P<owner>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN}){{0,2}})\s", clauses[0])
        if m and owner and ctx.people.is_known(owner.group("owner")):
            text = _resolve_it(m.group("text"), clauses[0])
            action = I.parse_action(f"{owner.group('owner')} will {text}", None, ctx)
            return [action] if _has_content(action) else []
    referent = REFERENT.search(body)
    if referent:
        ctx.section.referent = referent.group("np")  # what a later "it" in this paragraph stands for
    return None


def _resolve_it(text: str, antecedent: str | None) -> str:
    """"confirm it with Freightline" after "the pallet-label format is still not confirmed": the format."""
    m = REFERENT.search(antecedent or "")
    if not m:
        return text
    return re.sub(r"^(\w+)\s+it\b", lambda x: f"{x.group(1)} {m.group('np')}", text, count=1)


def _closed_action(head: str, ctx: Context) -> list[I.Found]:
    """"Mateus Ferreira demonstrated wave-picking …; action closed": a done action, owned by who did it."""
    head = re.sub(r"^(?:and|but)\s+", "", head.strip())
    owner = None
    m = re.match(rf"^(?P<owner>{I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN}){{0,2}})\s+(?P<rest>[a-z]\w*ed\b.+)$", head)
    if m and ctx.people.is_known(m.group("owner")):
        owner, head = ctx.people.resolve(m.group("owner")), m.group("rest")
    elif ctx.is_email:  # "The report is attached, so that action is closed": the writer's own action
        owner = ctx.people.sender
    text = I.tidy(DONE_DATE.sub("", I.tidy(head)))
    text = re.sub(r"(?i)^the\s+", "", text)
    if len(text.split()) < 3:
        return []
    return [I.Found("action", {"text": text[:1].upper() + text[1:], "owner": owner,
                               "due": None, "due_raw": None,
                               "status": "done"})]


def parse_sentence(sentence: str, ctx: Context, previous: I.Found | None,
                   earlier_in_paragraph: I.Found | None = None) -> list[I.Found]:
    """Actions, decisions and risks stated in one prose sentence."""
    body = MINUTE_NUMBER.sub("", re.sub(r"\s+", " ", P.MARKDOWN.sub("", sentence)).strip())
    # "Siobhan Gallagher (in absentia) to draft …": an aside between the owner and the task
    aside = rf"^({I.CAP_TOKEN}(?:\s+{I.CAP_TOKEN}){{0,2}})\s+\([^()]{{1,30}}\)\s+(?=(?:to|will)\s)"
    body = re.sub(aside, r"\1 ", body)
    if RISK_REFERENCE.search(body) and _risk_follow_up(body, ctx, earlier_in_paragraph):
        return []
    minuted = _minute_prose(body, ctx, earlier_in_paragraph)
    if minuted is not None:
        return minuted
    decision = _pending_decision(body, ctx)
    if decision:
        return [decision]
    if not body or I.NEGATIVE_LINE.search(body):
        return []
    found = _missed_delivery(body, ctx, previous)
    if found:
        return found
    if _states_decision(body):
        return _decision(body, ctx)
    topic = TOPIC.search(body)
    if topic and ctx.section.topic is None:  # the first thing said of a minute item names its subject
        ctx.section.topic = topic.group("topic")
    risk = _risk_prose(body, ctx) or _risk_sentence(body, ctx)
    if risk:
        return [risk]
    m = I.OWNER_WILL.search(body)
    if m and I._plausible_owner(m.group("owner"), ctx) and _owner_is_real(m.group("owner"), ctx):
        action = I.parse_action(m.group("owner") + " will " + m.group("text"), None, ctx)
        return [action] if _has_content(action) else []
    m = I.OWNER_TO.match(body)  # "Caseworx to provide a revised date by COB Friday."
    if m and not m.group("text").startswith("be ") and _names_someone(m.group("owner"), ctx):
        if ctx.section.referent and re.match(r"^\w+\s+it\b", m.group("text")):  # "… to confirm it with …"
            body = body[:m.start("text")] + re.sub(r"^(\w+)\s+it\b", rf"\1 {ctx.section.referent}",
                                                   m.group("text"), count=1)
        action = I.parse_action(body, None, ctx)
        return [action] if _has_content(action) else []
    m = IS_DONE.match(body)
    if m and ctx.is_email:
        return [I.Found("action", {"text": I.tidy(m.group("text")), "owner": ctx.people.sender, "due": None,
                                   "due_raw": None, "status": "done"})]
    return []


def states_decision(body: str) -> bool:
    """Whether a sentence reports a decision taken, parked or deferred ("it was agreed …", "parked until")."""
    return _states_decision(body)


def _states_decision(body: str) -> bool:
    if P.NOT_A_DECISION.search(body):
        return False
    return bool(P.DECISION_NARRATIVE.search(body) or P.UPPER_DECISION.search(body)
                or P.LEADING_DECISION.match(body))


def _decision(body: str, ctx: Context) -> list[I.Found]:
    """A decision sentence; one whose subject points back takes the minute item's topic."""
    topic = _topic(ctx)
    if ANAPHORIC.match(body) and topic:
        subjectless = re.sub(r"(?i)^(?:the|this|that|a|its)\s+\w+\s+(?:was|is|has been|were)\s+", "", body)
        decision = I.parse_decision(subjectless, None)
        if decision:
            decision.fields["text"] = f"{I.tidy(topic)} – {decision.fields['text']}"
        return [decision] if decision else []
    decision = I.parse_decision(_decision_clause(body), None)
    if decision and P.DECISION_DEFERRED.search(body):
        decision.fields["status"] = "deferred"
    return [decision] if decision else []


def _topic(ctx: Context) -> str | None:
    if ctx.section.topic:
        return ctx.section.topic
    return heading_topic(P.MARKDOWN.sub("", ctx.section.label)) if ctx.section.kind is None else None


def _pending_decision(body: str, ctx: Context) -> I.Found | None:
    """"Approval of X will be sought …" and "No decision was reached; the item stays open" are pending."""
    m = P.DECISION_SOUGHT.match(body)
    if m:
        return I.Found("decision", {"text": I.tidy(m.group("text")), "status": "pending"})
    if P.NO_DECISION_YET.search(body):
        text = I.tidy(body)
        if _topic(ctx):
            text = f"{I.tidy(_topic(ctx) or '')} – {text}"
        return I.Found("decision", {"text": text, "status": "pending"})
    return None


def _risk_prose(body: str, ctx: Context) -> I.Found | None:
    """"The Board NOTED a new risk that X." and "the risk of X remains without an owner or mitigation"."""
    m = RISK_PROSE.search(body)
    if not m:
        return None
    text = RISK_STATE.sub("", m.group("text"))
    text = I.tidy(re.split(r"(?i)\s+and\s+(?:is|has|was)\s+(?:now\s+)?(?:owned|mitigated)\b", text)[0])
    if len(text.split()) < 3:
        return None
    risk = I.Found("risk", {"text": text, "owner": None, "mitigation": None, "severity": None,
                            "status": "open"})
    _risk_follow_up(m.group("text"), ctx, risk)
    return risk


def _risk_follow_up(body: str, ctx: Context, previous: I.Found | None) -> bool:
    """Owner and mitigation stated after a risk ("Martin Hale owns the risk and has set up …")."""
    if previous is None or previous.kind != "risk":
        return False
    owner, mitigation = RISK_OWNER.search(body), RISK_MITIGATION.search(body)
    if owner and not previous.fields.get("owner"):
        raw = owner.group("o1") or owner.group("o2") or owner.group("o3")
        if not I.STOP_OWNER.match(raw.split()[0]):
            previous.fields["owner"] = ctx.people.resolve(raw)
    if mitigation and not previous.fields.get("mitigation"):
        text = I.tidy(next(g for g in mitigation.groups() if g))
        if not re.match(r"(?i)^(?:none|no|not|tbc|tbd)\b", text):
            previous.fields["mitigation"] = text
    return bool(owner or mitigation)


TAKES_RISK = re.compile(r"(?i)^(?:take|own|accept|hold|pick up|assume)\b(?:\s+(?:on|over|ownership of))?"
                        r"\s+(?:the|this|that|a)\s+(?:[\w-]+\s+){0,4}risks?\b\W*$")


def _has_content(action: I.Found | None) -> TypeGuard[I.Found]:
    """An action needs a task: "Members will ask." has none; "take the … risk" is ownership, not a task."""
    if action is None:
        return False
    text = action.fields["text"]
    return len(text.split()) >= 2 and not TAKES_RISK.match(text)


def _names_someone(raw: str, ctx: Context) -> bool:
    """A sentence-initial owner: a known person, a role, or a proper name as the document uses it."""
    if I.is_vague(raw) or ctx.people.is_known(raw) or I.is_role(raw):
        return not I.STOP_OWNER.match(raw.split()[0])
    if I.STOP_OWNER.match(raw.split()[0]):
        return False
    word = re.escape(raw)
    if re.search(rf"\b{word.lower()}\b", ctx.text):  # "plan" is a word here, not a name
        return False
    mid_sentence = re.search(rf"[a-z,;:-]\s+{word}\b", ctx.text)
    return bool(mid_sentence) or len(re.findall(rf"\b{word}\b", ctx.text)) >= 2


def _owner_is_real(raw: str, ctx: Context) -> bool:
    """Prose owners must be someone the document knows, the e-mail's author, or a proper name."""
    if raw == "I":
        return ctx.people.sender is not None
    return ctx.people.is_known(raw) or (len(raw.split()) == 1 and not I.STOP_OWNER.match(raw))


def _missed_delivery(body: str, ctx: Context, previous: I.Found | None) -> list[I.Found]:
    m = IT_WAS_DUE.match(body)
    if m and previous is not None and previous.kind == "action" and previous.fields.get("due") is None:
        previous.fields["due"] = ctx.dates.parse(m.group("due"))
        previous.fields["due_raw"] = m.group("due").strip(" .")
        return []
    m = DELIVERY_MISSED.match(body)
    if m:
        return [I.Found("actio"
            "n", {"text": I.tidy(m.group("text")), "owner": ctx.people.resolve(m.group("owner")),
                                   "due": None, "due_raw": None, "status": "open"})]
    m = WAS_DUE.match(body)
    if m:
        owner = FROM_ORG.search(m.group("text"))
        return [I.Found("action", {
            "text": I.tidy(m.group("text")),
            "owner": ctx.people.resolve(owner.group("owner")) if owner else None,
            "due": ctx.dates.parse(m.group("due")), "due_raw": m.group("due"), "status": "open"})]
    return []


def _decision_clause(body: str) -> str:
    m = re.search(r"(?i)\b(?:it was (?:agreed|decided|resolved)|(?:agreed|decided|approved|resolved))\s*"
                  r"(?:[:–—-]\s*)?(?:that\s+|to\s+)?"
                  r"(?P<rest>.+)$", body)
    return m.group("rest") if m and len(m.group("rest")) > 10 else body


def _risk_sentence(body: str, ctx: Context) -> I.Found | None:
    m = RISK_COLON.match(body)
    if not m:
        return None
    pre, post = m.group("pre").strip(), m.group("post")
    clause = re.split(r",\s+(?:and|but|so)\s+|;\s+", post, maxsplit=1)
    text = clause[0] if GENERIC_RISK_PRE.match(pre) else f"{pre}: {clause[0]}"
    risk = I.parse_risk(text, None, ctx)
    if risk and len(clause) > 1 and I.P.NO_MITIGATION.search(clause[1]):
        risk.fields["mitigation"] = None
    return risk
