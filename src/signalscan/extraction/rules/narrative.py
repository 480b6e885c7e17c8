"""Items written as prose, outside any action/decision/risk section: e-mails, reports, notes.

"Jordan will send the revised plan by Friday", "I will escalate … by Monday 6 April",
"the board approved …", "it was agreed that …", "parked until …", "still awaiting sign-off",
"Kestrel still has not delivered the firmware. It was due 4/17.", "X risk: …".
"""

from __future__ import annotations

import re

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


def parse_sentence(sentence: str, ctx: Context, previous: I.Found | None) -> list[I.Found]:
    """Actions, decisions and risks stated in one prose sentence."""
    body = re.sub(r"\s+", " ", P.MARKDOWN.sub("", sentence)).strip()
    if not body or I.NEGATIVE_LINE.search(body):
        return []
    found = _missed_delivery(body, ctx, previous)
    if found:
        return found
    if P.DECISION_NARRATIVE.search(body) and not P.NOT_A_DECISION.search(body):
        decision = I.parse_decision(_decision_clause(body), None)
        return [decision] if decision else []
    risk = _risk_sentence(body, ctx)
    if risk:
        return [risk]
    m = I.OWNER_WILL.search(body)
    if m and I._plausible_owner(m.group("owner"), ctx) and _owner_is_real(m.group("owner"), ctx):
        action = I.parse_action(m.group("owner") + " will " + m.group("text"), None, ctx)
        return [action] if action else []
    m = IS_DONE.match(body)
    if m and ctx.is_email:
        return [I.Found("action", {"text": I.tidy(m.group("text")), "owner": ctx.people.sender, "due": None,
                                   "due_raw": None, "status": "done"})]
    return []


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
    m = re.search(r"(?i)\b(?:it was (?:agreed|decided|resolved)|(?:agreed|decided|approved|resolved))\s+(?:"
        r"that\s+|to\s+)?"
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
