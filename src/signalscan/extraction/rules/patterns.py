"""The vocabulary of PMO documents: section labels, item prefixes, statuses and RAG words.

Everything is compiled once at import; nothing here is specific to one program or house style.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- sections
SECTION_KINDS = (
    # order matters: the first kind whose pattern matches a label names the section
    ("attendance_absent", re.compile(r"(?i)^\W*(?:apologies|regrets|absent|absentees|not present|sent apolo"
        r"gies|excused)\b")),
    ("attendance", re.compile(r"(?i)^\W*(?:present|attendees|attendance|in attendance|participants|members "
        r"present|"
                              r"attending|who was there)\b")),
    # a log of issues alone: problems that have happened, not risks (a "Risks and issues" section is risks)
    ("issues", re.compile(r"(?i)^\W*(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?"
                          r"(?:(?:key|open|new|current|top|live)\s+)?issues?"
                          r"(?:\s+(?:log|register|list))?(?:\s*\(.*\))?\W*$")),
    ("actions", re.compile(r"(?i)\b(?:actions?|action (?:log|tracker|items?|register|points?|summary)|next "
        r"steps?|"
                           r"follow[- ]?ups?|matters arising|to[- ]?dos?|tasks?|actions? due|open actions|"
                           r"what'?s next|carried forward|outstanding items)\b")),
    ("decisions", re.compile(r"(?i)\b(?:decisions?|decided|agreed|resolutions?|approvals?|asks? of|asks\b|"
                             r"for decision|decisions? (?:log|register|required|needed|awaited|made|taken)"
                             r")")),
    # dependencies and assumptions on their own: what the plan relies on, not risks ("4. Dependencies")
    ("dependencies", re.compile(r"(?i)^\W*(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?(?:(?:key|external|open|critical|"
                                r"internal|cross-?\w+|inter-?\w+)\s+)?(?:dependenc(?:y|ies)|assumptions?)"
                                r"(?:\s*(?:&|and|/)\s*(?:dependenc(?:y|ies)|assumptions?))?"
                                r"(?:\s+(?:log|register|list|tracker))?(?:\s*\(.*\))?\W*$")),
    ("risks", re.compile(r"(?i)\b(?:risks?|issues?|raid|watch ?list|risk register|risk log|dependencies)\b")),
    ("status", re.compile(r"(?i)\b(?:workstream|status|rag|progress|round the table|updates?|dashboard|"
                          r"where we are|summary|highlights?|overview)\b")),
)
CARRY_SECTION = re.compile(r"(?i)^\W*(?:still open|open items?|pending|awaiting|outstanding|carried (?:over"
    r"|forward)|"
                           r"parked|deferred|on hold|in progress|closed|completed?|done)\W*$")
BOILERPLATE = re.compile(
    r"(?i)^\W*(?:minutes?(?:\s+taken)?(?:\s+by)?|minuted by|note[- ]?taker|chair(?:ed by)?|(?:date of )?nex"
    r"t meeting|"
    r"approved by|signed|distribution|circulation|location|venue|time|date|copy to|cc|sources?|"
    r"data source)\s*[:\-–—]"
)
SIGN_OFF = re.compile(r"(?i)^\W*(?:thanks|many thanks|thank you|thx|regards|kind regards|best regards|"
                      r"warm regards|best wishes|best|cheers|sincerely|yours sincerely|br)\W*$")
QUOTED_MESSAGE = re.compile(r"(?i)^\W*(?:-{2,}\s*original message|from:\s|on .{5,80} wrote:|sent from my)")
NEGATED_SECTION = re.compile(r"(?i)\b(?:no|none)\b.*\b(?:actions?|decisions?|risks?)\b")
BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙●○■□➢➤►✓✔*\-–—]\s*|\d{1,2}[.)]\s+(?=[A-Za-z])|[a-z][.)]\s+|\(\w\)\s+)")
REF = re.compile(
    r"^(?P<ref>(?:[A-Z]{1,4}[-_ ]?\d{1,4}(?:\.\d+)?|\d{1,2}(?:\.\d{1,2})+|#\d+))(?:[.):]|\s+[-–—:]?)\s*(?=\S)"
)
# a log reference that may name an action: "A-03", "AP3", "T-12" — not a decision's, risk's or
# issue's ("D-2", "R-01", "ISS-4") and not a minute number ("3.2")
ACTION_REF_ID = re.compile(
    r"(?i)^(?!(?:d|dec|r|rsk|rk|risk|i|iss|issue|dep)[-_ ]?\d)[a-z]{1,4}[-_ ]?\d{1,4}$"
)
# what follows a leading ref when the line reports on logged items rather than stating one:
# "[A-07] and A-08 are complete", "[A-03] remains open and has been re-dated", "[A-05], A-06 closed"
REF_UPDATE = re.compile(
    r"(?i)^(?:(?:,|and|&|or|plus)\s*(?:[A-Z]{1,4}[-_ ]?\d{1,4}\s*))*"
    r"(?:(?:is|are|was|were|remains?|stays?|has|have|had|now|still|both|all)\b|"
    r"(?:,|and|&)\s*[A-Z]{1,4}[-_ ]?\d{1,4}\b)"
)
# a short line that reports a move, so it is a statement, not a heading
STATES_A_MOVE = re.compile(r"(?i)\b(?:deferred|postponed|moved|pushed|carried|parked|adjourned)\s+"
                           r"(?:again\s+)?(?:to|until|till)\b")
MARKDOWN = re.compile(r"\*\*|__|`|^#+\s*")

# ---------------------------------------------------------------- item labels ("Action:", "DECISION MADE:")
LABEL = re.compile(
    r"(?i)^(?P<label>"
    r"action\s+points?|actions?|ap|todo|to-?do|next\s+step|follow[- ]?up"
    r"|decision\s+made|decisions?\s+(?:required|needed|requested|pending|awaited|sought|taken)(?:\s+\w+\s"
    r"+\w+)??"
    r"|decision\s+(?:requested|required|needed)\s+next\s+(?:week|meeting)"
    r"|for\s+decision(?:\s+at\s+the\s+next\s+meeting|\s+next\s+(?:week|meeting))?|decisions?|decided|agreed"
    r"|approved(?:\s+this\s+week)?"
    r"|deferred(?:\s+again)?|parked|postponed|pending(?:\s+decision)?|open\s+question(?:\s+for\s+next\s+(?:"
    r"week|meeting))?"
    r"|risk|new\s+risk|issue|new\s+issue|raid"
    r")\s*(?:\((?P<who>[^)]{1,40})\))?\s*(?:[:=]|\s[-–—]\s?|-\s)\s*"
)
NEW_MARK = re.compile(r"(?i)^(?:new|update|updated)\s*[:\-–—]\s*|\s*\((?:new|updated)\)\s*")
LABEL_KIND = (
    ("decision", re.compile(r"(?i)^(?:decision|decided|agreed|approved|deferred|parked|postponed|pending|op"
        r"en question|for decision)")),
    ("risk", re.compile(r"(?i)^(?:risk|new risk|issue|new issue|raid)")),
    ("action", re.compile(r"(?i)^(?:action|ap|todo|to-?do|next step|follow)")),
)

# ---------------------------------------------------------------- decisions
DECISION_DEFERRED = re.compile(
    r"(?i)\b(?:deferred|defer|parked|postponed|put back|pushed back|on hold|referred (?:to|up)|"
    r"taken offline|(?:moved|pushed|deferred) to (?:the )?next meeting|carried (?:over|forward)|tabled unti"
    r"l)\b"
)
DECISION_PENDING = re.compile(
    r"(?i)\b(?:for decision|decisions? (?:required|needed|requested|sought|awaited|pending|still pending)|"
    r"needs? (?:a )?decision|pending|awaiting|awaited|to be decided|tbd|open question|still no decision|"
    r"no decision|not yet decided|undecided|remains open|still open|waiting (?:on|for)|asked to decide|"
    r"(?:still )?awaiting (?:sign[- ]?off|approval)|whether|options? paper)\b|\?\s*$|\?\s"
)
DECISION_MADE = re.compile(
    r"(?i)\b(?:decided|decision made|agreed|approved|endorsed|signed off|ratified|confirmed|resolved|"
    r"chose|selected|will go live|go decision)\b"
)
DECISION_NARRATIVE = re.compile(
    r"(?i)\b(?:it was (?:agreed|decided|resolved)|(?:the )?(?:board|committee|steering (?:group|committee)|"
    r"steerco|sponsor|sro|group|members|we) (?:agreed|approved|decided|endorsed|resolved|signed off|deferred|"
    r"parked|postponed)"
    r"|(?:was|were|has been|have been) (?:approved|agreed|endorsed|ratified|deferred|parked|postponed)"
    r"|parked until|deferred (?:to|until)|still awaiting (?:sign[- ]?off|approval|a decision)|"
    r"decision (?:is )?(?:still )?pending)\b"
)
NOT_A_DECISION = re.compile(r"(?i)\b(?:minutes of|previous meeting|(?:accurate|correct|true) record|"
    r"taken as read)\b|^\W*no decisions?\b"
    # progress reported, not a decision taken: "the design has been agreed and build has started"
    r"|\b(?:has|have) been (?:agreed|approved|signed off)\b[^.;]{0,40}\band\s+(?:the\s+)?[\w-]+"
    r"(?:\s+[\w-]+)?\s+(?:has|have|is|are)\s+(?:now\s+)?(?:started|begun|commenced|under\s*way)\b")
# formal minutes set the resolution verb in capitals: "4.2 AGREED that …", "The Board APPROVED …"
UPPER_DECISION = re.compile(r"\b(?:AGREED|RESOLVED|DECIDED|APPROVED|ENDORSED|RATIFIED|DEFERRED)\b")
LEADING_DECISION = re.compile(r"^(?:Agreed|Resolved|Decided|Approved|Endorsed|Deferred)\b(?=\s+(?:that|to|"
    r"the|an?)\b|\s*[:–—-])")
# a decision that is still to come: "Approval of X will be sought …", "no decision was reached … stays open"
DECISION_SOUGHT = re.compile(
    r"(?i)^(?P<text>(?:approval|sign[- ]?off|endorsement|agreement|a decision)\b.{3,120}?)\s+(?:will|is to|"
    r"needs to|is expected to)\s+be\s+(?:sought|requested|brought|taken|made|put)\b"
)
NO_DECISION_YET = re.compile(
    r"(?i)\bno decision (?:was|has been|could be|can be) (?:reached|made|taken|agreed)\b.*\b(?:open|carried|"
    r"deferred|next|until|pending|return|back to|revisit)"
)

# ---------------------------------------------------------------- actions
ACTION_DONE = re.compile(
    r"(?i)\b(?:done|complete|completed|closed|delivered|received|finished|achieved|held|resolved|"
    r"circulated|submitted|published|sent|shared|booked|confirmed|nominated|in place|actioned)\b|✓|✔"
)
ACTION_CANCELLED = re.compile(
    r"(?i)\b(?:cancell?ed|no longer (?:needed|required)|not (?:needed|required)|dropped|withdrawn|superseded|"
    r"descoped|de-scoped|abandoned|n/a)\b"
)
ACTION_IN_PROGRESS = re.compile(
    r"(?i)\b(?:in progress|in-progress|under ?way|ongoing|on ?going|started|drafting|progressing|wip|"
    r"in[- ]?flight|in hand|in train|being worked(?: on)?|"
    r"on track|partially|part[- ]done|(?:\d+|one|two|three|four|five|half) of (?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)|about half|\d{1,2}\s*% (?:done|complete|trained))\b"
)
ACTION_OPEN = re.compile(
    r"(?i)\b(?:open|new|not started|overdue|outstanding|not (?:yet )?(?:delivered|received|done|complete|"
    r"completed|finished|started|scheduled|arrived)|hasn'?t|has not|have not|haven'?t|still open|late|slipp"
    r"(?:ed|ing)|"
    r"missed|chased|escalated|pending|re-?opened|blocked|behind|at risk|nothing from)\b"
)
STATUS_WORD_CELL = re.compile(
    r"(?i)^\W*(?:done|complete|completed|closed|open|new|in progress|on track|overdue|cancell?ed|ongoing|"
    r"in[- ]?flight|under ?way|started|on hold|dropped|withdrawn|"
    r"not started|outstanding|pending|received|delivered|late|blocked|at risk|off track|in-progress|wip)\b"
)

# ---------------------------------------------------------------- risks
RISK_CLOSED = re.compile(r"(?i)\b(?:risk closed|closed|retired|no longer a risk|resolved|mitigated)\b")
NO_MITIGATION = re.compile(
    r"(?i)\b(?:no (?:agreed )?mitigation|mitigation[:\s]*(?:none|tbd|tbc|not (?:yet )?agreed|to be (?:agreed|"
    r"confirmed|defined))|none agreed|no mitigation plan|without mitigation)\b"
)
MITIGATION = re.compile(
    r"(?i)\b(?:mitigation|mitigations|mitigating actions?|response|treatment)(?:\s+(?:on track|in place|agr"
    r"eed))?"
    r"\s*(?::|—|–|-|is|was)\s*(?P<text>[^;|]+?)\s*(?:$|;|\||\.\s|\.$|\s[—–]\s)"
)
MITIGATION_PLAN = re.compile(
    r"(?i)\b(?:plan is to|mitigated by|mitigate by|we will mitigate by|risk closed\s*[:—–-])\s*(?P<text>[^;"
    r".]+)"
    r"|^(?P<text2>[^;.]+?)\s+(?:remains? |now )?in place\b"
)
SEVERITY = re.compile(
    r"(?i)\b(?:(?P<high>high|critical|severe|major|red)|(?P<medium>medium|med|moderate|amber)|(?P<low>low|m"
    r"inor|green))\b"
)

# ---------------------------------------------------------------- statuses (RAG)
RAG_WORD = re.compile(
    r"(?i)^\W*(?P<rag>green|amber|red|yellow|g|a|r|y|on[- ]track|at[- ]risk|off[- ]track|on[- ]plan|"
    r"off[- ]plan|behind(?: plan)?|ahead(?: of plan)?|delayed|slipping)\W*$"
)
RAG_MAP = {
    "green": "green", "g": "green", "on track": "green", "on plan": "green", "ahead": "green",
    "ahead of plan": "green", "amber": "amber", "a": "amber", "yellow": "amber", "y": "amber",
    "at risk": "amber", "behind": "amber", "behind plan": "amber", "red": "red", "r": "red",
    "off track": "red", "off plan": "red", "delayed": "red", "slipping": "amber",
}
RAG_INLINE = re.compile(
    r"(?i)^(?P<ws>[A-Z][^:—–|]{1,60}?)\s*(?:\((?P<who>[^)]{1,40})\))?\s*(?:[—–:-]\s*)?"
    r"(?:(?:RAG|status|rating|health)(?:\s+(?:this\s+week|overall|update|rating))?\s*(?:is|[:=—–-])?\s*)"
    r"\**(?P<rag>green|amber|red|yellow|on[- ]track|at[- ]risk|off[- ]track|[GAR](?=\W|$))\b\**"
)
RAG_LEADING = re.compile(
    r"^(?P<ws>[A-Z][\w&/,()' .-]{1,50}?)\s*[—–:-]\s*\**(?P<rag>Green|Amber|Red|GREEN|AMBER|RED)\b\**\s*(?:["
    r".:;—–-]|$)"
)
OVERALL = re.compile(r"(?i)^\W*(?:\d+\.\s*)?overall(?:\s+(?:programme|program|project))?(?:\s+(?:status|rag"
    r"|rating))?\s*[:=—–-]\s*\**(?P<rag>green|amber|red|[GAR])\b")
PERCENT = re.compile(r"(?<![\d.])(\d{1,3})(?:\.\d+)?\s*%")
PERCENT_COMPLETE = re.compile(r"(?i)(?<![\d.])(\d{1,3})\s*%\s*(?:complete|completed|done)\b")


RAG_EMOJI = {"\U0001f7e2": "green", "\U0001f7e9": "green", "\U0001f7e0": "amber", "\U0001f7e1": "amber",
             "\U0001f7e7": "amber", "\U0001f7e8": "amber", "\U0001f534": "red", "\U0001f7e5": "red"}


def rag_of(text: str | None) -> str | None:
    """A RAG rating from a cell or word ("Amber", "A", "At Risk", "on track", "🟠"), else None."""
    emoji = [RAG_EMOJI[c] for c in text or "" if c in RAG_EMOJI]
    if len(set(emoji)) == 1:  # "🟢" or "🟢 On track": the colour, unless the words beside it disagree
        rest = "".join(c for c in text or "" if c not in RAG_EMOJI).strip(" \ufe0f\u200d")
        return emoji[0] if not re.search(r"\w", rest) or rag_of(rest) == emoji[0] else None
    m = RAG_WORD.match(text or "")
    if not m:
        return None
    key = re.sub(r"[- ]+", " ", m.group("rag").lower())
    return RAG_MAP.get(key)


def section_kind(label: str) -> str | None:
    """What a heading or label introduces: actions, decisions, risks, status, attendance, or None."""
    if NEGATED_SECTION.search(label):
        return "none"
    kinds = [kind for kind, pattern in SECTION_KINDS if pattern.search(label)]
    if not kinds:
        return None
    item_kinds = [k for k in kinds if k in ("actions", "decisions", "risks")]
    if len(item_kinds) > 1:  # "Decisions, risks and key actions": the sub-labels below will say
        return None
    return kinds[0]


def action_status(text: str, default: str = "open") -> str:
    """The status words nearest the start of `text` decide; struck-through or ticked items are done."""
    candidates = []
    for status, pattern in (("cancelled", ACTION_CANCELLED), ("open", ACTION_OPEN),
                            ("in_progress", ACTION_IN_PROGRESS), ("done", ACTION_DONE)):
        m = pattern.search(text)
        if m:
            candidates.append((m.start(), status))
    if not candidates:
        return default
    candidates.sort(key=lambda c: (c[0], ["cancelled", "open", "in_progress", "done"].index(c[1])))
    return candidates[0][1]


def decision_status(label: str | None, body: str) -> str:
    """Made, pending or deferred, from the item's own label first and its wording second."""
    if label:
        if DECISION_DEFERRED.search(label):
            return "deferred"
        if DECISION_PENDING.search(label) and not DECISION_DEFERRED.search(body):
            return "pending"
        if re.search(r"(?i)decided|decision made|agreed|approved", label):
            return "made"
    if DECISION_DEFERRED.search(body):
        return "deferred"
    if DECISION_PENDING.search(body):
        return "pending"
    return "made"
