"""Problem language in free text: the problem phrases and the negation, hedge, recovery and
"no impact" patterns that discount them (`problem_phrases`, also used by question answering)."""

from __future__ import annotations

import re

_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
# problem language: (pattern, needs-no-negation). Negation, hedging and recovery are checked per clause.
_PROBLEMS = re.compile(
    r"\b(slip(?:s|ped|ping|page)?|behind(?: plan| schedule)?|delay(?:s|ed)?|block(?:ed|er|ers|ing)?|"
    r"stuck|stall(?:ed|ing)?|standstill|fail(?:ed|s|ure|ing)?|missed|overdue|off[- ]track|"
    r"awaiting|waiting (?:on|for)|escalat\w*|unresolved|not (?:yet )?(?:delivered|received|provided|loaded)|"
    r"(?:hasn't|has not|haven't|have not|yet to|did not|didn't) (?:yet )?(?:deliver|provide|send|load)\w*|"
    r"(?:weeks?|days?|running|still|is|are|was|were) late|late (?:deliver\w*|specifications?)|"
    r"still outstanding|no recovery plan)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(no|not|never|without|nor|none|nothing|nobody|zero|no longer|n't)\W+(?:\w+\W+){0,2}$", re.I
)
_HEDGE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,1}(may|might|could|would|possible|risk)\b", re.I)
_HEDGE = re.compile(
    r"\b(may|might|could|would|if|risk of|potential(?:ly)?|possible|avoid|prevent)\W+"
    r"(?:\w+\W+){0,3}$",
    re.I,
)
_RECOVERY = re.compile(
    r"\b(recovered|resolved|back on (?:track|plan|schedule)|caught up|closed|cleared|unblocked|mitigated|"
    r"fixed|no longer|now complete|completed|done|delivered (?:on|last|this))\b",
    re.I,
)
_CLAUSES = re.compile(r"[.;!?\n]+|\s[-–—]\s|\bbut\b|\bhowever\b|\balthough\b|\bthough\b", re.I)
# a sentence that states its problem and, in the same breath, that it does not matter:
# "finished a day late, but no delay is expected to the build", "slipped a week, since recovered"
_NEUTRALISED = re.compile(
    r"\b(?:no|nil|zero|without(?: any)?)\s+(?:\w+\s+){0,2}(?:delay|impact|slippage|knock-on(?: effect)?)s?\s+"
    r"(?:is\s+|are\s+|was\s+|were\s+)?(?:now\s+)?(?:expected|anticipated|forecast|foreseen|predicted|on|to)\b|"
    r"\b(?:will|does|do|should|is|are)\s*(?:not|n't)\s+(?:expected\s+to\s+)?(?:affect|impact|delay|move)\s+"
    r"(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:plan|date|go-?live|milestone|schedule|timeline|critical path|build)\b|"
    r"\b(?:date|go-?live|milestone|plan|critical path|schedule)\s+(?:is|are|remains?)\s+"
    r"(?:not|un)\s*affected\b|"
    r"(?<!not )(?<!n't )(?<!yet )(?<!partially )(?<!partly )(?<!to be )"
    r"\brecovered\b(?! (?:one|two|some|part|half))",
    re.I,
)


# a statement that the problem is over: it clears the problems stated before it in the same cell or
# narrative ("Sandbox delayed two weeks. Recovered – delivered 27/04; back on plan.")
_RECOVERED = re.compile(
    r"(?<!not )(?<!n't )(?<!yet )(?<!partially )(?<!partly )(?<!to be )(?<!being )"
    r"\b(?:recovered|resolved|back on (?:track|plan|schedule)|caught up|unblocked|no longer (?:blocked|late|"
    r"delayed|behind|at risk))\b(?! (?:one|two|some|part|half))",
    re.I,
)
# a table row closed in its own status cell ("… | Closed - risk closed, sandbox delivered",
# "… | Delivered 27-Apr-2026"): what its other cells describe is over
_CLOSED_CELL = re.compile(r"^\W*(?:closed|resolved|recovered|complete|completed|done|delivered|mitigated|cl"
                          r"eared|fixed)\b", re.I)


def problem_phrases(text: str) -> list[str]:
    """The material-problem phrases of a text, skipping negated, hedged and recovered ones."""
    cells = [c for c in (text or "").split("|") if c.strip()]
    if len(cells) > 1 and any(_CLOSED_CELL.match(c) and not _cell_problems(c) for c in cells):
        return []
    return [p for cell in cells for p in _cell_problems(cell)]


def _cell_problems(text: str) -> list[str]:
    found: list[str] = []
    for sentence in _SENTENCES.split(text or ""):
        if _RECOVERED.search(sentence):
            found = []  # stated, then recovered
        if not _NEUTRALISED.search(sentence):
            found += _clause_problems(sentence)
    return found


def _clause_problems(sentence: str) -> list[str]:
    found = []
    for clause in _CLAUSES.split(sentence):
        if not clause or _RECOVERY.search(clause):
            continue
        for match in _PROBLEMS.finditer(clause):
            before = clause[: match.start()]
            after = clause[match.end() :]
            hedged = _NEGATION.search(before) or _HEDGE.search(before) or _HEDGE_AFTER.search(after)
            if match.group(0).lower().startswith("no ") or not hedged:
                found.append(match.group(0))
    return found
