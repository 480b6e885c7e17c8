"""Tables: action logs, risk/RAID logs, decision logs, RAG status tables and attendance tables,
whatever their column names and order ("Action | Owner | Due | Status", "Task | Lead | By when |
Progress", "Workstream | Lead | RAG | % complete | Commentary", "Type | Description | Owner")."""

from __future__ import annotations

import re

from signalscan.extraction.rules import items as I
from signalscan.extraction.rules import patterns as P
from signalscan.extraction.rules.attendance import register, split_names
from signalscan.extraction.rules.context import Context, Unit
from signalscan.parsing.colours import rag_of_rgb

COLUMN_ROLES = (
    ("ref", re.compile(r"(?i)^\W*(?:no\.?|#|id|ref\.?|ref(?:erence)? ?(?:no\.?|#)?|number|item ?(?:no\.?|#)|"
                       r"action ?(?:no\.?|#|id)|risk ?(?:no\.?|#|id)|s/?n)\W*$")),
    ("type", re.compile(r"(?i)^\W*(?:type|category|kind|raid(?: type)?|log)\W*$")),
    ("percent", re.compile(r"(?i)%|percent|complete\b|completion")),
    ("rag", re.compile(r"(?i)\b(?:rag|r/a/g|health|rating|status)\b")),
    ("mitigation", re.compile(r"(?i)\b(?:mitigation|mitigating|response|treatment|contingency|resolution pl"
        r"an)")),
    ("severity", re.compile(r"(?i)\b(?:severity|impact|priority|criticality|risk rating)\b")),
    ("owner", re.compile(r"(?i)\b(?:owner|lead|by whom|responsible|who|assigned|accountable|actionee|assign"
        r"ee|"
                         r"person|name)\b")),
    ("due", re.compile(r"(?i)\b(?:due|by when|deadline|target|date|when|completion date|by)\b")),
    ("workstream", re.compile(r"(?i)\b(?:workstream|work ?stream|stream|area|project|function|track|team"
        r")\b")),
    ("text", re.compile(r"(?i)\b(?:actions?|tasks?|descriptions?|items?|activity|activities|deliverables?|w"
        r"hat|"
                        r"next steps?|titles?|risks?|issues?|decisions?|summary|subject|topic|details?)\b")),
    ("comment", re.compile(r"(?i)\b(?:comments?|commentary|notes?|remarks?|updates?|progress|narrative|"
                           r"highlights?|summary)\b")),
)
STATUS_HEADER = re.compile(r"(?i)\b(?:status|state|progress)\b")
# when an item was logged or closed, never when it is due ("Date Raised", "Opened", "Date Closed")
EVENT_DATE_HEADER = re.compile(r"(?i)\b(?:raised|opened|created|logged|added|identified|submitted|closed|"
                               r"decided|completed|resolved|updated|last (?:update|review)|modified)\b")
DUE_WORDS = re.compile(r"(?i)%|percent|\b(?:due|target|deadline|by when)\b")


def cells_of(unit: Unit) -> list[str]:
    """A table row's cells (markdown rows are split on pipes)."""
    if unit.block.cells is not None:
        return [c.strip() for c in unit.block.cells]
    return [c.strip() for c in unit.text.strip().strip("|").split("|")]


def is_separator(cells: list[str]) -> bool:
    """A markdown header separator row (|---|:---:|)."""
    return bool(cells) and all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells)


def _header_roles(header: list[str], rows: list[list[str]]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, name in enumerate(header):
        if EVENT_DATE_HEADER.search(name) and not DUE_WORDS.search(name):
            continue
        for role, pattern in COLUMN_ROLES:
            if pattern.search(name) and role not in roles:
                if role == "rag" and STATUS_HEADER.search(name) and not _mostly_rag(rows, i):
                    roles.setdefault("status", i)
                    break
                roles[role] = i
                break
    if "rag" in roles and not _mostly_rag(rows, roles["rag"]):
        roles.setdefault("status", roles.pop("rag"))
    for i in range(len(header)):  # a column of RAG words is the RAG, whatever it is called
        if "rag" not in roles and i not in roles.values() and _mostly_rag(rows, i):
            roles["rag"] = i
    if "percent" not in roles:  # "Progress" holding "70%" is % complete
        for holder in ("comment", "status", None):  # a column read as another role, else a free one
            free = (j for j in range(len(header)) if j not in roles.values())
            col = roles.get(holder) if holder else next(free, None)
            if col is not None and _mostly_percent(rows, col):
                roles["percent"] = col
                if holder:
                    del roles[holder]
                break
    return roles


def _cell_fill_rag(u: Unit, col: int | None) -> str | None:
    fills = u.block.fills or []
    return rag_of_rgb(fills[col]) if col is not None and col < len(fills) else None


def _fill_words(u: Unit, cells: list[str]) -> list[str]:
    """An empty cell shaded green, amber or red (or holding only a coloured "●") reads as that RAG word
    (a RAG column shown only in colour)."""
    fills = u.block.fills
    if not fills or len(fills) != len(cells):
        return cells
    out = list(cells)
    for i, (cell, fill) in enumerate(zip(cells, fills, strict=True)):
        rag = None if any(c.isalnum() for c in cell) else rag_of_rgb(fill)
        if rag:
            out[i] = rag.capitalize()
    return out


def _filled_column(header: list[str], body: list[tuple[Unit, list[str]]]) -> int | None:
    """The column whose cells are shaded green/amber/red in most rows, a RAG-named one first."""
    if not body:
        return None
    hits = [i for i in range(len(header))
            if sum(_cell_fill_rag(u, i) is not None for u, _ in body) >= max(1, 0.6 * len(body))]
    named = [i for i in hits if dict(COLUMN_ROLES)["rag"].search(header[i])]
    return (named or hits)[0] if hits else None


def _mostly_percent(rows: list[list[str]], col: int) -> bool:
    values = [r[col] for r in rows if col < len(r) and r[col].strip()]
    return bool(values) and sum(bool(re.fullmatch(r"\s*\d{1,3}\s*%\s"
        r"*", v)) for v in values) >= len(values) * 0.6


def _mostly_rag(rows: list[list[str]], col: int) -> bool:
    values = [r[col] for r in rows if col < len(r) and r[col].strip()]
    return bool(values) and sum(P.rag_of(v) is not None for v in values) >= max(1, len(values) * 0.6)


def _looks_like_header(cells: list[str]) -> bool:
    hits = sum(any(p.search(c) for _, p in COLUMN_ROLES) for c in cells if c)
    return hits >= max(1, len([c for c in cells if c]) // 2) and not any(P.rag_of(c) for c in cells)


def read_table(units: list[Unit], ctx: Context, out: dict[str, list]) -> None:
    """Turn one table's rows into attendees, statuses, actions, decisions or risks."""
    rows = [(u, cells_of(u)) for u in units]
    rows = [(u, c) for u, c in rows if not is_separator(c) and any(x.strip() for x in c)]
    if not rows:
        return
    header = rows[0][1] if _looks_like_header(rows[0][1]) else []
    body = rows[1:] if header else rows
    body = [(u, _fill_words(u, c)) for u, c in body]
    roles = _header_roles(header, [c for _, c in body]) if header else {}
    if header and "rag" not in roles and ("percent" in roles or "workstream" in roles):
        filled = _filled_column(header, body)
        if filled is not None:  # the RAG is the colour of cells that say something else (the name)
            roles["rag_fill"] = filled
    section = ctx.section.kind
    if section in ("attendance", "attendance_absent") or (header and re.match(r"(?i)^\W*name\W*$", header[0])
                                                         and "due" not in roles and "rag" not in roles):
        which = "apologies" if section == "attendance_absent" else "attendees"
        for u, cells in body:
            names = register(ctx.people, split_names(cells[0]), u.text)
            out[which].extend(n for n in names if n not in out[which])
        return
    if "rag" in roles or "rag_fill" in roles:
        _status_rows(body, roles, ctx, out)
        return
    kind = _table_kind(header, roles, section)
    for u, cells in body:
        row_kind = _row_kind(cells, roles) or kind
        if row_kind:
            _item_row(u, cells, roles, row_kind, ctx, out)


def _table_kind(header: list[str], roles: dict[str, int], section: str | None) -> str | None:
    text_header = header[roles["text"]].lower() if "text" in roles else ""
    joined = " ".join(header).lower()
    if re.search(r"\brisks?\b|\bissues?\b", text_header) or "mitigation" in roles:
        return "risk"
    if re.search(r"\bdecisions?\b", text_header):
        return "decision"
    if re.search(r"\b(?:actions?|tasks?|next steps?"
        r")\b", text_header) or ("owner" in roles and "due" in roles):
        return "action"
    if section in ("actions", "decisions", "risks"):
        return section[:-1]
    # "Item | Who | Notes" with no due or status column is an agenda or discussion table, not a log
    if "owner" in roles and "status" in roles and "workstream" not in joined:
        return "action"
    return None


def _row_kind(cells: list[str], roles: dict[str, int]) -> str | None:
    if "type" not in roles:
        return None
    value = _cell(cells, roles, "type").lower()
    for kind in ("action", "decision", "risk"):
        if kind in value or (kind == "risk" and "issue" in value):
            return kind
    return "skip" if value else None


def _cell(cells: list[str], roles: dict[str, int], role: str) -> str:
    i = roles.get(role)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _text_cell(cells: list[str], roles: dict[str, int]) -> str:
    if "text" in roles:
        return _cell(cells, roles, "text")
    used = set(roles.values())
    free = [c for i, c in enumerate(cells) if i not in used and c.strip()]
    return max(free, key=len) if free else ""


def _item_row(u: Unit, cells: list[str], roles: dict[str, int], kind: str, ctx: Context, out: dict) -> None:
    if kind == "skip":
        return
    text = _text_cell(cells, roles)
    if not text or re.fullmatch(r"\W*(?:none|n/a|nil|-)?\W*", text, flags=re.I):
        return
    quote = text if text in u.block.text else None
    struck = _row_struck(u, roles)
    owner_raw = _cell(cells, roles, "owner")
    owner = ctx.people.resolve(owner_raw) if owner_raw else None
    status_text = " ".join(filter(None, [_cell(cells, roles, "status"), _cell(cells, roles, "comment")]))
    common = {"ref": _cell(cells, roles, "ref") or None, "workstream": _cell(cells, roles, "workstrea"
        "m") or None}
    if kind == "action":
        due_raw = _cell(cells, roles, "due")
        status = "done" if struck else P.action_status(status_text, "open")
        due = ctx.dates.parse(due_raw) if due_raw else None
        fields = {"text": I.tidy(text), "owner": owner, "due": due, "due_raw": due_raw or None, "statu"
            "s": status}
    elif kind == "decision":
        fields = {"text": I.tidy(text), "statu"
            "s": P.decision_status(status_text or None, text), "owner": owner}
    else:
        mitigation = _cell(cells, roles, "mitigation")
        severity = P.SEVERITY.search(_cell(cells, roles, "severity"))
        closed = struck or bool(P.RISK_CLOSED.search(status_text))
        fields = {"text": I.tidy(text), "owner": owner, "severity": I._severity(severity),
                  "mitigation": None if not mitigation or P.NO_MITIGATION.search(mitigation)
                  or re.fullmatch(r"(?i)\W*(?:none|tbc|tbd|n/a|-)?\W*", mitigation) else mitigation,
                  "status": "closed" if closed else "open"}
    fields.update(common)
    out["found"].append((u, I.Found(kind, fields, quote)))


def _row_struck(u: Unit, roles: dict[str, int]) -> bool:
    if u.block.is_struck:
        return True
    struck = u.block.struck or []
    i = roles.get("text")
    return bool(struck) and (all(struck) or (i is not None and i < len(struck) and struck[i]))


def _status_rows(body: list, roles: dict[str, int], ctx: Context, out: dict) -> None:
    ws_col = roles.get("workstream", 0 if roles.get("rag") != 0 else 1)
    for u, cells in body:
        rag = P.rag_of(_cell(cells, roles, "rag")) or _cell_fill_rag(u, roles.get("rag_fill"))
        workstream = cells[ws_col].strip() if ws_col < len(cells) else ""
        if not workstream or not rag and not _cell(cells, roles, "percent"):
            continue
        pct = P.PERCENT.search(_cell(cells, roles, "percent")) if "percent" in roles else None
        owner = _cell(cells, roles, "owner")
        narrative = _cell(cells, roles, "comment") or _cell(cells, roles, "text") or None
        fields = {"workstream": I.tidy(workstream), "reported": rag,
                  "percent_complete": int(pct.group(1)) if pct else None, "narrative": narrative,
                  "owner": ctx.people.resolve(owner) if owner else None}
        out["found"].append((u, I.Found("statu"
            "s", fields, workstream if workstream in u.block.text else None)))
