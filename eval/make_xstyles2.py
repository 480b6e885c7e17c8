#!/usr/bin/env python3
"""Generate eval/xstyles2/: a third labeled cross-style corpus for signalscan (held-out house styles).

Written blind to the extraction code, in styles unlike ../shared/eval/dev and eval/xstyles:

* ``banksia-payroll`` — an Australian state agency's payroll replacement, five fortnightly Wednesday
  Project Control Boards (May-July 2026). PCB minutes (.docx) with "Members present / Apologies / In
  attendance", a Decisions Register table (Ref | Decision | Status | Date Raised | Date Decided), an escalated
  Risk Register table (ID | Risk Description | Rating | Risk Owner | Treatment) and a carried-forward Action
  Register (ID | Description | Assigned To | Date Raised | Due | Status | Notes; Open / WIP / Complete /
  Superseded; dd/mm/yyyy), plus a consultancy weekly status report PDF ("Status: AMBER ↑", a workstream table
  with single-letter R/A/G and trend arrows, Key Achievements / Next Steps / Issues & Risks / Decisions Required).
* ``nordlicht-s4`` — a German/Dutch manufacturer's S/4HANA rollout, five weekly Thursday Steering Boards
  (May-June 2026). A Confluence meeting page exported as HTML (Participants / Excused, a discussion-items
  table, Decisions and Open decisions lists, Action items as "[ ] @Name do X by 21.05.2026" / "[x] ..."
  checkbox lines, "KW 21" calendar-week dues) and a .pptx whose status table holds a single RAG letter in a
  coloured cell while the per-workstream narrative sits in the speaker notes; actions on slides as
  "Item: J. Vogt — 21.05.2026", vague owner "N.N.", risks with a "Measure" column.
* ``tidewater-claims`` — a Canadian insurer's claims-modernisation agile release train, four weekly Monday
  ART syncs (Sept-Oct 2026). Meeting transcripts (.txt, "Speaker: text" lines; actions and decisions spoken),
  an ART sync page in Markdown (program board with emoji health 🟢/🟠/🔴, ROAM risk table, task-list actions)
  and HTML-only status e-mails (.eml).

Labels follow ../../shared/eval/README.md and SPEC.md (dues resolved against the meeting date: "Thursday" is
the meeting week's Thursday, "end of month" its last day, "next sync" the next meeting; vendors and roles kept
as owners; "TBA", "TBD", "N.N.", "someone from Finance" are no owner). "KW 21"-style dues carry
`due_ambiguous`. expected_signals are re-derived from the labels with SPEC.md's definitions (meeting weeks, as
of each program's last meeting) and must equal the planted list. Deterministic: run
``.venv/bin/python eval/make_xstyles2.py`` to regenerate.
"""
import datetime as dt
import email.policy
import email.utils
import html
import json
import re
import shutil
import zipfile
from collections import defaultdict
from email.message import EmailMessage
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from pptx import Presentation
from pptx.dml.color import RGBColor as PRGB
from pptx.util import Inches, Pt as PPt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
OUT = HERE / "xstyles2"
D = dt.date
FIXED = dt.datetime(2026, 1, 1, 9, 0, 0)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


# =============================================================== labels
class Doc:
    def __init__(self, program, relpath, date, kind):
        self.program, self.relpath, self.date, self.kind = program, relpath, date, kind
        self.actions, self.decisions, self.risks, self.statuses = [], [], [], []
        self.attendees, self.apologies = [], []

    def act(self, thread, text, owner, due, status="open", ambiguous=False):
        assert status in ("open", "in_progress", "done", "cancelled"), status
        item = {"text": text, "owner": owner, "due": due.isoformat() if isinstance(due, D) else due,
                "status": status, "thread": thread}
        if ambiguous:
            item["due_ambiguous"] = True
        self.actions.append(item)

    def dec(self, thread, text, status):
        assert status in ("made", "pending", "deferred"), status
        self.decisions.append({"text": text, "status": status, "thread": thread})

    def risk(self, thread, text, owner=None, mitigation=None):
        self.risks.append({"text": text, "owner": owner, "mitigation": mitigation, "thread": thread})

    def stat(self, ws, rag, pct):
        assert rag in ("green", "amber", "red"), rag
        self.statuses.append({"workstream": ws, "reported": rag, "percent_complete": pct})

    def label(self):
        return {"path": self.relpath, "program": self.program, "meeting_date": self.date.isoformat(),
                "kind": self.kind, "actions": self.actions, "decisions": self.decisions,
                "risks": self.risks, "statuses": self.statuses,
                "attendees": self.attendees, "apologies": self.apologies}


# =============================================================== common writers
def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def core(props, title, author):
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = FIXED
    props.revision = 1


def write_text(path, text):
    path.write_text(text.strip("\n") + "\n", encoding="utf-8")


def au(d):
    return d.strftime("%d/%m/%Y")


def eu(d):
    return d.strftime("%d.%m.%Y")


def shade(cell, hexcolour):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolour)
    tcPr.append(shd)


def word_table(doc, header, rows, widths=None):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        c.text = ""
        r = c.paragraphs[0].add_run(h)
        r.bold = True
        r.font.size = Pt(9)
        shade(c, "1F3864")
        r.font.color.rgb = docx.shared.RGBColor(0xFF, 0xFF, 0xFF)
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = ""
            cells[i].paragraphs[0].add_run(str(v)).font.size = Pt(9)
    return t


# =============================================================== signal derivation (SPEC.md, meeting weeks)
def week_of(date, meetings):
    best = min(meetings, key=lambda m: abs((m - date).days))
    assert abs((best - date).days) <= 3, ("document outside every meeting week", date)
    return best


def derive(docs, meetings, problems):
    """Re-derive the execution-gap signals from the labels, as SPEC.md defines them."""
    found = {}
    acts, decs, risks = defaultdict(list), defaultdict(list), defaultdict(list)
    rag, pct = defaultdict(set), defaultdict(dict)
    for d in docs:
        w = week_of(d.date, meetings)
        for a in d.actions:
            acts[a["thread"]].append((w, a))
        for x in d.decisions:
            decs[x["thread"]].append((w, x))
        for r in d.risks:
            risks[r["thread"]].append((w, r))
        for st in d.statuses:
            rag[(w, st["workstream"])].add(st["reported"])
            if st["percent_complete"] is not None:
                prev = pct[st["workstream"]].get(w)
                assert prev in (None, st["percent_complete"]), ("two different % in one week", st)
                pct[st["workstream"]][w] = st["percent_complete"]
    for key, vals in rag.items():
        assert len(vals) == 1, ("conflicting RAG in one week", key)
    for t, ms in acts.items():
        weeks = sorted({w for w, _ in ms})
        closed, due = {}, {}
        for w in weeks:
            group = [a for x, a in ms if x == w]
            flags = {a["status"] in ("done", "cancelled") for a in group}
            dues = {a["due"] for a in group if a["due"]}
            assert len(flags) == 1 and len(dues) <= 1, ("mentions disagree within a week", t, w)
            closed[w], due[w] = flags.pop(), (dues.pop() if dues else None)
        open_weeks = [w for w in weeks if not closed[w]]
        if any(closed.values()):
            first = min(w for w in weeks if closed[w])
            assert all(closed[w] for w in weeks if w >= first), ("reopened", t)
            assert len(open_weeks) <= 2, ("closed after 3+ open weeks: ambiguous", t)
        dated = [D.fromisoformat(due[w]) for w in open_weeks if due[w]]
        moves = [b for a, b in zip(dated, dated[1:]) if b != a]
        assert all(b > a for a, b in zip(dated, dated[1:]) if b != a), ("due moved earlier", t)
        if len(open_weeks) >= 3:
            last = open_weeks[-1]
            overdue = due[last] is not None and D.fromisoformat(due[last]) < last
            if overdue or due[last] is None or len(set(dated)) > 1:
                found[("stale_action", t)] = (open_weeks[0], last)
        if len(moves) >= 2:
            found[("due_date_slip", t)] = (weeks[0], weeks[-1])
        owners = [a["owner"] for _, a in ms]
        if all(o is None for o in owners):
            assert not any(closed.values()), ("closed unowned action: ambiguous", t)
            found[("unowned_action", t)] = (weeks[0], weeks[-1])
        else:
            assert all(owners), ("owner missing in some mentions only", t)
    for t, ms in decs.items():
        waiting = sorted({w for w, x in ms if x["status"] != "made"})
        made = sorted({w for w, x in ms if x["status"] == "made"})
        if made:
            assert all(w <= made[0] for w in waiting), ("pending again after made", t)
        if len(waiting) >= 2:
            found[("deferred_decision", t)] = (waiting[0], waiting[-1])
    for t, ms in risks.items():
        bare, mixed = [], []
        for w in sorted({w for w, _ in ms}):
            group = [r for x, r in ms if x == w]
            flags = [not r["owner"] and not r["mitigation"] for r in group]
            (bare if all(flags) else mixed if any(flags) else []).append(w)
        assert not mixed, ("bare in some mentions of a week only", t)
        if len(bare) >= 2:
            found[("unmitigated_risk", t)] = (bare[0], bare[-1])
    for ws, series in pct.items():
        seq = sorted(series.items())
        run = [seq[0]]
        for item in seq[1:]:
            run = run + [item] if item[1] == run[-1][1] else [item]
            if len(run) >= 3 and item[1] < 100:
                found[("frozen_progress", ws)] = (run[0][0], item[0])
    melon = defaultdict(list)
    for (w, ws), vals in sorted(rag.items()):
        if vals == {"green"} and (w, ws) in problems:
            melon[ws].append(w)
    for (w, ws) in problems:
        assert (w, ws) in rag, ("problem week without a reported status", w, ws)
    for ws, weeks in melon.items():
        idx = [meetings.index(w) for w in weeks]
        assert idx == list(range(idx[0], idx[-1] + 1)), ("two watermelon runs", ws)
        found[("watermelon", ws)] = (weeks[0], weeks[-1])
    minutes = sorted((d for d in docs if d.kind == "minutes"), key=lambda d: d.date)
    assert [d.date for d in minutes] == meetings, "one minutes document per meeting"
    for d in minutes:
        if not d.actions and not any(x["status"] == "made" for x in d.decisions):
            found[("meeting_without_outcome", d.date.isoformat())] = (d.date, d.date)
    for person in {p for d in minutes for p in d.apologies}:
        run, best = [], []
        for d in minutes:
            run = run + [d.date] if person in d.apologies else []
            best = run if len(run) > len(best) else best
        if len(best) >= 3:
            found[("attendance_decline", person)] = (best[0], best[-1])
    return found


def expected(program, docs, meetings, problems, planted, thread_ws):
    found = derive(docs, meetings, problems)
    want = {(t, k) for t, k, *_ in planted}
    if set(found) != want:
        raise SystemExit(f"{program}: labels disagree with planted signals: missing={sorted(want - set(found))} "
                         f"extra={sorted(set(found) - want)}")
    out = []
    for t, key, subject, owner, note in planted:
        first, last = found[(t, key)]
        is_thread = re.match(r"[ADR]-", key) is not None
        ws = thread_ws.get(key) if is_thread else (key if t in ("watermelon", "frozen_progress") else None)
        sig = {"type": t, "subject": subject, "workstream": ws, "owner": owner,
               "first_week": first.isoformat(), "last_week": last.isoformat(), "note": note}
        if is_thread:
            sig["thread"] = key
        out.append(sig)
    return out


def doc_text(path):
    """Plain text of a generated file, for the label self-check."""
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        return "\n".join([p.text for p in d.paragraphs] +
                         [c.text for t in d.tables for row in t.rows for c in row.cells])
    if path.suffix == ".pptx":
        out = []
        for s in Presentation(str(path)).slides:
            for sh in s.shapes:
                if sh.has_text_frame:
                    out.append(sh.text_frame.text)
                if getattr(sh, "has_table", False) and sh.has_table:
                    out += [c.text for row in sh.table.rows for c in row.cells]
            if s.has_notes_slide:
                out.append(s.notes_slide.notes_text_frame.text)
        return "\n".join(out)
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".eml":
        import email as em
        msg = em.message_from_string(raw, policy=email.policy.default)
        part = msg.get_body(preferencelist=("html", "plain"))
        raw = str(msg["Subject"]) + "\n" + part.get_content()
    if path.suffix in (".eml", ".html"):
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw


def verify_quotes(docs):
    """Every labeled word (over 3 letters) must occur in its document; names of attendees too."""
    norm = lambda s: re.sub(r"\s+", " ", s.lower())
    for d in docs:
        body = norm(doc_text(OUT / d.relpath))
        for kind in ("actions", "decisions", "risks"):
            for it in getattr(d, kind):
                words = [w for w in re.findall(r"[a-z0-9]+", it["text"].lower()) if len(w) > 3]
                missing = [w for w in words if w not in body]
                assert not missing, (d.relpath, it["text"], missing)
        for person in d.attendees + d.apologies:
            assert person.lower() in body, (d.relpath, person)
        for st in d.statuses:
            assert st["workstream"].lower() in body, (d.relpath, st["workstream"])


# =============================================================== banksia-payroll (AU Project Control Board)
BP = "banksia-payroll"
BP_MEET = [D(2026, 5, 6), D(2026, 5, 20), D(2026, 6, 3), D(2026, 6, 17), D(2026, 7, 1)]
BP_MEMBERS = [("Margaret Eastaugh", "Executive Director Corporate Services, SRO and Chair"),
              ("Rohan Kapadia", "Program Director"),
              ("Liesl Varga", "Payroll Business Lead"),
              ("Tomasz Brennan", "Data Migration Lead"),
              ("Sanjay Pillai", "Integration Lead"),
              ("Aroha Ngata", "Change and Communications Lead"),
              ("Colin Ferraby", "CFO Delegate"),
              ("Priscilla Yeo", "Engagement Manager, Corvane")]
BP_ATTENDING = [("Gus Whitlam", "Engagement Lead, Merriweather Advisory"), ("Nadia Ruiz", "PMO, Secretariat")]
BP_STATUS = {"Open": "open", "WIP": "in_progress", "Complete": "done", "Superseded": "cancelled"}
BP_DEC = {"Pending": "pending", "Deferred": "deferred", "Approved": "made"}
BP_VAGUE = {"TBA", "Someone from Finance"}
TREND = {"up": "↑", "flat": "→", "down": "↓"}


def write_pcb_minutes(path, m):
    doc = docx.Document()
    core(doc.core_properties, f"PCB Minutes {au(m['date'])}", "Nadia Ruiz")
    st = doc.styles["Normal"]
    st.font.name, st.font.size = "Arial", Pt(10)
    p = doc.add_paragraph()
    r = p.add_run("OFFICIAL: Sensitive")
    r.bold, r.font.size = True, Pt(8)
    doc.add_heading("Banksia Payroll Renewal Program", level=0)
    doc.add_paragraph(f"Project Control Board (PCB) — Minutes of Meeting No. {m['no']}")
    info = word_table(doc, ["Date", "Time", "Location", "Chair"],
                      [[m["date"].strftime("%A ") + au(m["date"]), "10:00–11:30 AEST",
                        "Level 4 Boardroom, 60 Phillip Street / MS Teams", "Margaret Eastaugh"]])
    info.autofit = True
    doc.add_heading("1. Welcome, attendance and apologies", level=1)
    present = [f"{n} ({r})" for n, r in BP_MEMBERS if n not in m["apologies"]]
    doc.add_paragraph("Members present: " + "; ".join(present) + ".")
    doc.add_paragraph("In attendance: " + "; ".join(f"{n} ({r})" for n, r in BP_ATTENDING) + ".")
    ap = [f"{n} ({r})" for n, r in BP_MEMBERS if n in m["apologies"]]
    doc.add_paragraph("Apologies: " + ("; ".join(ap) + "." if ap else "Nil."))
    doc.add_paragraph("The Chair acknowledged the Traditional Custodians of the land on which the meeting took place.")
    doc.add_heading("2. Minutes of the previous meeting", level=1)
    doc.add_paragraph(m.get("prev", "The minutes of the previous meeting were accepted as a true and accurate record."))
    doc.add_heading("3. Program status", level=1)
    for para in m["discussion"]:
        doc.add_paragraph(para)
    doc.add_heading("4. Decisions Register", level=1)
    if m["decisions"]:
        word_table(doc, ["Ref", "Decision", "Status", "Date Raised", "Date Decided"],
                   [[d[0], d[1], d[2], d[3], d[4]] for d in m["decisions"]])
    else:
        doc.add_paragraph("No decisions were sought at this meeting.")
    doc.add_heading("5. Risk Register — Extreme and High risks escalated to the PCB", level=1)
    word_table(doc, ["ID", "Risk Description", "Rating", "Risk Owner", "Treatment"], m["risks"])
    doc.add_heading("6. Action Register", level=1)
    doc.add_paragraph("Completed and superseded actions are archived on the PMO SharePoint after the meeting "
                      "at which they are closed.")
    word_table(doc, ["ID", "Description", "Assigned To", "Date Raised", "Due", "Status", "Notes"], m["actions"])
    doc.add_heading("7. Other business", level=1)
    doc.add_paragraph(m.get("other", "Nil."))
    nxt = m.get("next")
    doc.add_paragraph(f"Next meeting: {nxt.strftime('%A ')}{au(nxt)}, 10:00 AEST." if nxt else
                      "Next meeting: to be scheduled by the Secretariat.")
    doc.add_paragraph("Minutes confirmed by the Chair: ____________________")
    doc.save(path)
    normalize_zip(path)


_FONTS = False


def _fonts():
    global _FONTS
    if not _FONTS:
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        _FONTS = True


def write_consultancy_pdf(path, k):
    _fonts()
    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=ss["Normal"], fontName="DejaVu", fontSize=9, leading=12)
    h = ParagraphStyle("h", parent=ss["Heading2"], fontName="DejaVu-Bold", fontSize=12,
                       textColor=colors.HexColor("#4B2E83"))
    title = ParagraphStyle("t", parent=ss["Title"], fontName="DejaVu-Bold", fontSize=16, alignment=0)
    story = [Paragraph("MERRIWEATHER ADVISORY", body),
             Paragraph("Banksia Payroll Renewal — Weekly Status Report", title),
             Paragraph(f"Week ending {k['date'].strftime('%A')} {au(k['date'])} · Prepared for the Project "
                       f"Control Board · Report #{k['no']}", body),
             Spacer(1, 6),
             Paragraph(f"<b>Status: {k['overall'][0]} {TREND[k['overall'][1]]}</b> &nbsp; {k['overall'][2]}", body),
             Spacer(1, 8), Paragraph("Workstream summary", h)]
    rows = [["Workstream", "R/A/G", "Trend", "% complete", "Commentary"]]
    fills = []
    for i, (ws, rag, trend, pct, note) in enumerate(k["ws"], start=1):
        letter = rag[0].upper()
        rows.append([ws, letter, TREND[trend], f"{pct}%", Paragraph(note, body)])
        fills.append(("BACKGROUND", (1, i), (1, i),
                      colors.HexColor({"G": "#2E9E44", "A": "#F2A900", "R": "#C8102E"}[letter])))
    t = Table(rows, colWidths=[95, 38, 36, 58, 250])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                           ("FONTNAME", (0, 0), (-1, 0), "DejaVu-Bold"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E2F2")),
                           ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("ALIGN", (1, 1), (3, -1), "CENTER")] + fills))
    story.append(t)
    for heading, key in (("Key Achievements", "achievements"), ("Next Steps", "next"),
                         ("Issues & Risks", "issues"), ("Decisions Required", "decisions")):
        story.append(Paragraph(heading, h))
        items = k.get(key) or ["None this period."]
        for it in items:
            story.append(Paragraph("• " + it, body))
    story.append(Spacer(1, 10))
    story.append(Paragraph("Commercial-in-confidence. Prepared by Merriweather Advisory for the Department of "
                           "Community Housing.", body))
    SimpleDocTemplate(str(path), pagesize=A4, title=f"Banksia weekly status {au(k['date'])}",
                      author="Merriweather Advisory", invariant=1,
                      leftMargin=40, rightMargin=40, topMargin=36, bottomMargin=36).build(story)


def bp_minutes(docs, idx, apologies, discussion, decisions, risks, actions, **extra):
    """decisions: (thread, ref, text, status-word, raised, decided); risks: (thread, id, text, rating, owner,
    treatment); actions: (thread, id, text, assigned, raised, due, status-word, notes)."""
    date = BP_MEET[idx]
    rel = f"{BP}/pcb-minutes/PCB_Minutes_{date.strftime('%Y%m%d')}.docx"
    d = Doc(BP, rel, date, "minutes")
    d.attendees = [n for n, _ in BP_MEMBERS if n not in apologies] + [n for n, _ in BP_ATTENDING]
    d.apologies = list(apologies)
    for th, ref, text, stw, raised, decided in decisions:
        d.dec(th, text, BP_DEC[stw])
    for th, rid, text, rating, owner, treat in risks:
        d.risk(th, text, None if owner == "TBA" else owner, None if treat == "TBA" else treat)
    for th, aid, text, who, raised, due, stw, notes in actions:
        d.act(th, text, None if who in BP_VAGUE else who, due, BP_STATUS[stw])
    m = {"date": date, "no": 6 + idx, "apologies": apologies, "discussion": discussion,
         "decisions": [(ref, text, stw, au(raised), au(decided) if decided else "—")
                       for th, ref, text, stw, raised, decided in decisions],
         "risks": [(rid, text, rating, owner, treat) for th, rid, text, rating, owner, treat in risks],
         "actions": [(aid, text, who, au(raised), au(due) if due else "TBA", stw, notes)
                     for th, aid, text, who, raised, due, stw, notes in actions],
         "next": BP_MEET[idx + 1] if idx + 1 < len(BP_MEET) else D(2026, 7, 15), **extra}
    write_pcb_minutes(OUT / rel, m)
    docs.append(d)
    return d


def bp_report(docs, idx, overall, ws, achievements, nxt, issues, decisions):
    """ws: (name, rag, trend, pct, note); nxt: (thread, text-label, rendered, owner, due, status);
    issues: (thread, label, rendered, owner, mitigation) or plain strings; decisions: (thread, label, rendered, status)."""
    date = BP_MEET[idx] + dt.timedelta(days=2)
    rel = f"{BP}/status-reports/Merriweather_Banksia_Weekly_Status_{date.isoformat()}.pdf"
    d = Doc(BP, rel, date, "status_report")
    for name, rag, trend, pct, note in ws:
        d.stat(name, {"G": "green", "A": "amber", "R": "red"}[rag], pct)
    for th, label, rendered, owner, due, status in nxt:
        d.act(th, label, owner, due, status)
    for it in issues:
        if isinstance(it, tuple):
            th, label, rendered, owner, mit = it
            d.risk(th, label, owner, mit)
    for th, label, rendered, status in decisions:
        d.dec(th, label, status)
    k = {"date": date, "no": 10 + idx, "overall": overall, "ws": ws, "achievements": achievements,
         "next": [r for _, _, r, *_ in nxt], "issues": [i if isinstance(i, str) else i[2] for i in issues],
         "decisions": [r for _, _, r, _ in decisions]}
    write_consultancy_pdf(OUT / rel, k)
    docs.append(d)
    return d


def build_banksia():
    docs = []
    W = BP_MEET
    PC, DM, INT, CT = "Payroll Configuration", "Data Migration", "Integrations", "Change & Training"
    a01 = "Confirm award interpretation rules for shift penalties with Industrial Relations"
    a02 = "Deliver the Single Touch Payroll (STP) Phase 2 reporting file specification"
    a03 = "Circulate the revised Change Impact Assessment to business units"
    a04 = "Provide costed options for a third parallel pay run"
    a05 = "Extract leave balances from the legacy PayMaster system for mock load 2"
    a06 = "Reconcile the GL cost centre mapping against the new organisational structure"
    a07 = "Book training rooms for the payroll officer sessions"
    a08 = "Brief the Minister's office on the go-live readiness assessment"
    a09 = "Update the Data Migration plan to reflect the mock load 2 rerun"
    a10 = "Confirm the superannuation clearing house interface test window"
    a11 = "Prepare the hypercare roster for the first three pay cycles"
    d01 = "Number of parallel pay runs before go-live (two or three)"
    r01 = "Loss of key payroll SME knowledge before go-live (single point of failure)"
    r02 = "Corvane may not achieve STP Phase 2 certification before go-live"
    r03 = "Industrial action affecting payroll officer availability during cutover"
    r02t = "Weekly vendor checkpoint; manual STP lodgement fallback prepared"
    day = lambda dd, mm: D(2026, mm, dd)

    # ---- meeting 1 (06/05)
    bp_minutes(docs, 0, [],
               ["The PCB noted the Merriweather weekly status report (taken as read). The Program Director advised "
                "that configuration sprint 3 closed on schedule and that mock load 1 reconciled to within tolerance "
                "apart from leave balances.",
                "Members discussed whether two or three parallel pay runs are needed before go-live. The CFO "
                "Delegate asked for costed options before the PCB commits."],
               [("D-BP-01", "D-014", d01, "Pending", W[0], None),
                ("D-BP-02", "D-015", "Engage Corvane for eight weeks of post go-live hypercare support",
                 "Approved", W[0], W[0])],
               [("R-BP-02", "R-007", r02, "High", "Rohan Kapadia", r02t),
                ("R-BP-03", "R-009", r03, "High", "Margaret Eastaugh", "Monitor enterprise agreement negotiations")],
               [("A-BP-01", "A-031", a01, "Liesl Varga", W[0], day(20, 5), "Open", ""),
                ("A-BP-02", "A-032", a02, "Corvane", W[0], day(22, 5), "Open", ""),
                ("A-BP-03", "A-033", a03, "Aroha Ngata", W[0], day(15, 5), "Open", ""),
                ("A-BP-04", "A-034", a04, "Rohan Kapadia", W[0], day(20, 5), "Open", "Input to D-014")])
    bp_report(docs, 0, ("AMBER", "flat", "Configuration on plan; leave balance reconciliation outstanding."),
              [(PC, "G", "flat", 35, "Sprint 3 closed on schedule."),
               (DM, "A", "flat", 48, "Mock load 1 reconciled except leave balances; root cause in legacy accrual codes."),
               (INT, "G", "up", 30, "Bank file and super clearing house designs signed off."),
               (CT, "G", "flat", 20, "Change impact assessment revised following union feedback.")],
              ["Configuration sprint 3 closed on schedule", "Mock load 1 completed and reconciled (exc. leave)"],
              [("A-BP-01", "Confirm award interpretation rules with Industrial Relations",
                "Confirm award interpretation rules with Industrial Relations — L. Varga — 20/05",
                "Liesl Varga", day(20, 5), "open"),
               ("A-BP-02", "Corvane to deliver the STP Phase 2 reporting file specification",
                "Corvane to deliver the STP Phase 2 reporting file specification — 22/05",
                "Corvane", day(22, 5), "open")],
              [("R-BP-02", "Corvane STP Phase 2 certification timing",
                "Corvane STP Phase 2 certification timing — owner R. Kapadia; mitigation: weekly vendor "
                "checkpoint, manual lodgement fallback.", "Rohan Kapadia", "weekly vendor checkpoint")],
              [("D-BP-01", "PCB to decide the number of parallel pay runs (two or three)",
                "PCB to decide the number of parallel pay runs (two or three) before go-live.", "pending")])

    # ---- meeting 2 (20/05)
    bp_minutes(docs, 1, ["Colin Ferraby"],
               ["The PCB noted the status report. Payroll Configuration moved to amber: Industrial Relations advice "
                "on shift penalty interpretation has not yet been received and the related action has been re-dated.",
                "Costed options for a third parallel pay run were tabled. In the absence of the CFO Delegate the "
                "Chair deferred the decision to the next PCB."],
               [("D-BP-01", "D-014", d01, "Deferred", W[0], None)],
               [("R-BP-01", "R-011", r01, "High", "TBA", "TBA"),
                ("R-BP-02", "R-007", r02, "High", "Rohan Kapadia", r02t),
                ("R-BP-03", "R-009", r03, "Medium", "Margaret Eastaugh",
                 "Risk closed — enterprise agreement ratified 14/05/2026")],
               [("A-BP-01", "A-031", a01, "Liesl Varga", W[0], day(3, 6), "WIP", "Re-dated from 20/05 — IR advice outstanding"),
                ("A-BP-02", "A-032", a02, "Corvane", W[0], day(22, 5), "WIP", "Corvane confirmed delivery for 22/05"),
                ("A-BP-03", "A-033", a03, "Aroha Ngata", W[0], day(15, 5), "Complete", "Circulated 14/05"),
                ("A-BP-04", "A-034", a04, "Rohan Kapadia", W[0], day(20, 5), "Complete", "Tabled at this meeting"),
                ("A-BP-05", "A-035", a05, "Tomasz Brennan", W[1], day(29, 5), "Open", ""),
                ("A-BP-10", "A-036", a10, "Corvane", W[1], day(5, 6), "Open", "")])
    bp_report(docs, 1, ("AMBER", "down", "Award interpretation advice late; decision on parallel runs deferred."),
              [(PC, "A", "down", 42, "Award interpretation rules awaiting Industrial Relations advice; action re-dated to 03/06."),
               (DM, "A", "up", 55, "Leave balance defects fixed in the transformation scripts; mock load 2 scheduled."),
               (INT, "A", "down", 33, "STP Phase 2 file specification due from Corvane 22/05."),
               (CT, "G", "up", 25, "Change impact assessment circulated to business units.")],
              ["Change Impact Assessment circulated (14/05)", "Costed parallel pay run options tabled at PCB"],
              [("A-BP-01", "Confirm award interpretation rules with Industrial Relations",
                "Confirm award interpretation rules with Industrial Relations — L. Varga — 03/06 (re-dated)",
                "Liesl Varga", day(3, 6), "in_progress"),
               ("A-BP-05", "Extract leave balances from PayMaster for mock load 2",
                "Extract leave balances from PayMaster for mock load 2 — T. Brennan — 29/05",
                "Tomasz Brennan", day(29, 5), "open")],
              ["Issue: Industrial Relations advice on shift penalties outstanding (see Next Steps)."],
              [("D-BP-01", "Number of parallel pay runs (two or three) — deferred by the PCB",
                "Number of parallel pay runs (two or three) — deferred by the PCB to 03/06.", "deferred")])

    # ---- meeting 3 (03/06)
    bp_minutes(docs, 2, ["Colin Ferraby"],
               ["The PCB noted the status report. Integrations is now red: the STP Phase 2 specification from Corvane "
                "is overdue and Corvane has not provided a revised date. Ms Yeo undertook to escalate internally.",
                "Data Migration remains at 55% pending the mock load 2 rerun. The Chair noted that the single point "
                "of failure risk still has no owner and asked the Program Director to resolve this out of session.",
                "Having considered the costed options circulated out of session, the PCB approved three parallel "
                "pay runs."],
               [("D-BP-01", "D-014", "Three parallel pay runs before go-live", "Approved", W[0], W[2])],
               [("R-BP-01", "R-011", r01, "High", "TBA", "TBA"),
                ("R-BP-02", "R-007", r02, "Extreme", "Rohan Kapadia", r02t)],
               [("A-BP-01", "A-031", a01, "Liesl Varga", W[0], day(17, 6), "WIP", "Re-dated again; IR advice received 01/06, rules being validated"),
                ("A-BP-02", "A-032", a02, "Corvane", W[0], day(22, 5), "Open", "Overdue — Corvane advised the specification has slipped, no revised date"),
                ("A-BP-05", "A-035", a05, "Tomasz Brennan", W[1], day(29, 5), "Complete", ""),
                ("A-BP-10", "A-036", a10, "Corvane", W[1], day(5, 6), "WIP", ""),
                ("A-BP-09", "A-037", a09, "Tomasz Brennan", W[2], day(10, 6), "Open", "")])
    bp_report(docs, 2, ("AMBER", "down", "STP specification overdue; Integrations red."),
              [(PC, "A", "flat", 50, "IR advice received 01/06; rules being validated, action re-dated to 17/06."),
               (DM, "A", "flat", 55, "Mock load 2 rerun required after leave balance extract issues."),
               (INT, "R", "down", 36, "STP Phase 2 specification overdue from Corvane; no revised date."),
               (CT, "G", "up", 30, "Training schedule published; no delay anticipated.")],
              ["Three parallel pay runs approved by the PCB", "Leave balances extracted for mock load 2"],
              [("A-BP-01", "Confirm award interpretation rules with Industrial Relations",
                "Confirm award interpretation rules with Industrial Relations — L. Varga — 17/06",
                "Liesl Varga", day(17, 6), "in_progress"),
               ("A-BP-09", "Update the Data Migration plan for the mock load 2 rerun",
                "Update the Data Migration plan for the mock load 2 rerun — T. Brennan — 10/06",
                "Tomasz Brennan", day(10, 6), "open")],
              [("R-BP-01", "Key payroll SME single point of failure",
                "Key payroll SME single point of failure — owner and treatment to be assigned.", None, None)],
              [])

    # ---- meeting 4 (17/06)
    bp_minutes(docs, 3, ["Colin Ferraby"],
               ["The PCB noted the status report. Corvane's account director has been engaged on the overdue STP "
                "specification. The Chair asked that the single point of failure risk be given an owner before the "
                "next meeting.",
                "The PCB approved the whole-of-government leave accrual rounding rule for the new system."],
               [("D-BP-03", "D-016", "Adopt the whole-of-government leave accrual rounding rule", "Approved", W[3], W[3])],
               [("R-BP-01", "R-011", r01, "High", "TBA", "TBA"),
                ("R-BP-02", "R-007", r02, "Extreme", "Rohan Kapadia", r02t)],
               [("A-BP-01", "A-031", a01, "Liesl Varga", W[0], day(17, 6), "WIP", "Validation with IR continuing"),
                ("A-BP-02", "A-032", a02, "Corvane", W[0], day(22, 5), "Open", "Overdue — escalated to the Corvane account director"),
                ("A-BP-10", "A-036", a10, "Corvane", W[1], day(5, 6), "Complete", "Window agreed: 6–10 July"),
                ("A-BP-09", "A-037", a09, "Tomasz Brennan", W[2], day(10, 6), "Complete", ""),
                ("A-BP-06", "A-038", a06, "Someone from Finance", W[3], day(3, 7), "Open", "Owner to be confirmed by the CFO Delegate"),
                ("A-BP-08", "A-039", a08, "Margaret Eastaugh", W[3], day(26, 6), "Open", "")])
    bp_report(docs, 3, ("AMBER", "flat", "STP specification still outstanding; escalated."),
              [(PC, "A", "up", 58, "Award rules under validation with Industrial Relations."),
               (DM, "A", "flat", 55, "Mock load 2 rerun planned; plan updated."),
               (INT, "R", "flat", 40, "STP Phase 2 specification still overdue; escalated to Corvane account director."),
               (CT, "G", "up", 38, "Payroll officer training sessions scheduled for July.")],
              ["Superannuation clearing house test window agreed (6–10 July)"],
              [("A-BP-02", "Corvane to deliver the STP Phase 2 file specification",
                "Corvane to deliver the STP Phase 2 file specification — overdue since 22/05",
                "Corvane", day(22, 5), "open"),
               ("A-BP-08", "Brief the Minister's office on go-live readiness",
                "Brief the Minister's office on go-live readiness — M. Eastaugh — 26/06",
                "Margaret Eastaugh", day(26, 6), "open")],
              [("R-BP-02", "Corvane may not achieve STP Phase 2 certification before go-live",
                "Corvane may not achieve STP Phase 2 certification before go-live — owner R. Kapadia; "
                "mitigation: manual lodgement fallback prepared.", "Rohan Kapadia", "manual lodgement fallback prepared")],
              [])

    # ---- meeting 5 (01/07)
    bp_minutes(docs, 4, ["Aroha Ngata"],
               ["The PCB noted the status report. Corvane delivered a draft STP specification on 29 June; it is "
                "under review. The single point of failure risk now has an owner and an approved treatment.",
                "The PCB discussed whether PayMaster should be decommissioned at go-live or retained read-only. "
                "Legal advice on records retention is pending; the decision remains open."],
               [("D-BP-04", "D-017", "Retain PayMaster read-only for seven years after go-live, or decommission at go-live",
                 "Pending", W[4], None)],
               [("R-BP-01", "R-011", r01, "High", "Liesl Varga", "Backfill approved; knowledge transfer sessions scheduled"),
                ("R-BP-02", "R-007", r02, "High", "Rohan Kapadia", r02t)],
               [("A-BP-01", "A-031", a01, "Liesl Varga", W[0], day(17, 6), "WIP", "Awaiting final IR sign-off"),
                ("A-BP-02", "A-032", a02, "Corvane", W[0], day(22, 5), "Open", "Draft received 29/06, under review"),
                ("A-BP-06", "A-038", a06, "Someone from Finance", W[3], day(3, 7), "Open", "No owner yet"),
                ("A-BP-08", "A-039", a08, "Margaret Eastaugh", W[3], day(26, 6), "Complete", "Briefed 25/06"),
                ("A-BP-07", "A-040", a07, "TBA", W[4], day(24, 7), "Open", ""),
                ("A-BP-11", "A-041", a11, "Liesl Varga", W[4], day(15, 7), "Open", "")])
    bp_report(docs, 4, ("AMBER", "up", "Draft STP specification received; SME risk treated."),
              [(PC, "A", "up", 66, "Final Industrial Relations sign-off on award rules awaited."),
               (DM, "A", "up", 62, "Mock load 2 rerun under way."),
               (INT, "A", "up", 48, "Draft STP specification received 29/06 and under review."),
               (CT, "G", "up", 45, "Training materials signed off.")],
              ["Draft STP Phase 2 specification received from Corvane", "Minister's office briefed (25/06)"],
              [("A-BP-11", "Prepare the hypercare roster for the first three pay cycles",
                "Prepare the hypercare roster for the first three pay cycles — L. Varga — 15/07",
                "Liesl Varga", day(15, 7), "open")],
              [],
              [("D-BP-04", "Decommission PayMaster at go-live or retain it read-only",
                "Decommission PayMaster at go-live or retain it read-only (legal advice pending).", "pending")])

    problems = set()
    planted = [
        ("stale_action", "A-BP-01", a01, "Liesl Varga",
         "Not closed in five meeting weeks; re-dated twice (20/05 -> 03/06 -> 17/06) and overdue at the last mention."),
        ("due_date_slip", "A-BP-01", a01, "Liesl Varga", "Due moved later twice: 20/05 -> 03/06 -> 17/06."),
        ("stale_action", "A-BP-02", a02, "Corvane", "Not closed in five meeting weeks; due 22/05 and overdue since."),
        ("deferred_decision", "D-BP-01", d01, None, "Pending on 6 May and deferred on 20 May before approval on 3 June."),
        ("unowned_action", "A-BP-06", a06, None, "Open, assigned to 'Someone from Finance' (17 June, 1 July)."),
        ("unowned_action", "A-BP-07", a07, None, "Open, assigned to 'TBA'."),
        ("unmitigated_risk", "R-BP-01", r01, None,
         "Owner TBA and treatment TBA in three meeting weeks (20 May - 17 June)."),
        ("frozen_progress", DM, DM, "Tomasz Brennan", "55% complete in three consecutive meeting weeks (20 May - 17 June)."),
        ("attendance_decline", "Colin Ferraby", "Colin Ferraby", "Colin Ferraby",
         "Apologies at 20 May, 3 June and 17 June: three consecutive PCBs."),
    ]
    thread_ws = {"A-BP-01": PC, "A-BP-02": INT, "D-BP-01": None, "A-BP-06": None, "A-BP-07": CT, "R-BP-01": PC}
    return docs, BP_MEET, problems, planted, thread_ws


# =============================================================== nordlicht-s4 (EU: Confluence page + pptx with notes)
NL = "nordlicht-s4"
NL_MEET = [D(2026, 5, 7), D(2026, 5, 14), D(2026, 5, 21), D(2026, 5, 28), D(2026, 6, 4)]
NL_MEMBERS = ["Katrin Albers", "Jens Vogt", "Marloes de Wit", "Henrik Lund", "Paolo Ricci", "Annika Svensson",
              "Lars Feldmann"]
NL_SHORT = {"Katrin Albers": "K. Albers", "Jens Vogt": "J. Vogt", "Marloes de Wit": "M. de Wit",
            "Henrik Lund": "H. Lund", "Paolo Ricci": "P. Ricci", "Annika Svensson": "A. Svensson",
            "Lars Feldmann": "L. Feldmann", None: "N.N."}
RAG_FILL = {"G": "00B050", "A": "FFC000", "R": "FF0000"}


def write_confluence(path, p):
    e = html.escape
    out = ["<!DOCTYPE html>", "<html>", "<head>",
           f"<title>Nordlicht S/4 Transformation : {p['date'].isoformat()} Steering Board</title>",
           '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
           '<link rel="stylesheet" href="styles/site.css" type="text/css">', "</head>",
           '<body class="theme-default aui-theme-default">', '<div id="page">', '<div id="main" class="aui-page-panel">',
           '<div id="main-header">', '<div id="breadcrumb-section"><ol id="breadcrumbs">',
           '<li class="first"><span><a href="index.html">Nordlicht S/4 Transformation</a></span></li>',
           '<li><span><a href="Meeting-notes_91226113.html">Meeting notes</a></span></li>', "</ol></div>",
           '<h1 id="title-heading" class="pagetitle"><span id="title-text"> Nordlicht S/4 Transformation : '
           f"{p['date'].isoformat()} Steering Board </span></h1>", "</div>",
           '<div id="content" class="view">',
           f'<div class="page-metadata">Created by <span class="author"> Jens Vogt</span>, last modified on '
           f"{p['date'].strftime('%b %d, %Y')}</div>",
           '<div id="main-content" class="wiki-content group">',
           f'<h2 id="SB-Date">Date</h2><p><time datetime="{p["date"].isoformat()}" class="date-past">'
           f"{eu(p['date'])}</time></p>",
           '<h2 id="SB-Participants">Participants</h2><ul>']
    for n in p["present"]:
        out.append(f'<li><a href="https://wiki.nordlicht.example/display/~{n.split()[-1].lower()}" '
                   f'class="confluence-userlink user-mention" data-username="{n.split()[-1].lower()}">{e(n)}</a></li>')
    out.append("</ul>")
    out.append('<h2 id="SB-Excused">Excused</h2>')
    out.append("<ul>" + "".join(f'<li><a class="confluence-userlink user-mention">{e(n)}</a></li>'
                                for n in p["excused"]) + "</ul>" if p["excused"] else "<p>—</p>")
    out.append('<h2 id="SB-Goals">Goals</h2><ul>' + "".join(f"<li>{e(g)}</li>" for g in p["goals"]) + "</ul>")
    out.append('<h2 id="SB-Discussionitems">Discussion items</h2>')
    out.append('<div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh">Time</th>'
               '<th class="confluenceTh">Item</th><th class="confluenceTh">Who</th><th class="confluenceTh">Notes</th></tr>')
    for t, item, who, notes in p["discussion"]:
        out.append(f'<tr><td class="confluenceTd">{t}</td><td class="confluenceTd">{e(item)}</td>'
                   f'<td class="confluenceTd"><a class="confluence-userlink user-mention">{e(who)}</a></td>'
                   f'<td class="confluenceTd"><p>{e(notes)}</p></td></tr>')
    out.append("</tbody></table></div>")
    out.append('<h2 id="SB-Decisions">Decisions</h2>')
    if p["decisions"]:
        out.append('<ul class="decision-list">' + "".join(
            f'<li data-decision-state="DECIDED">{e(x)}</li>' for x in p["decisions"]) + "</ul>")
    else:
        out.append("<p></p>")
    if p.get("open_decisions"):
        out.append('<h2 id="SB-Opendecisions">Open decisions</h2><ul class="decision-list">' + "".join(
            f'<li data-decision-state="UNDECIDED">{e(x)}</li>' for x in p["open_decisions"]) + "</ul>")
    out.append('<h2 id="SB-Actionitems">Action items</h2>')
    if p["actions"]:
        out.append('<ul class="inline-task-list">')
        for done, text in p["actions"]:
            cls = ' class="checked"' if done else ""
            out.append(f'<li{cls}><span>{"[x]" if done else "[ ]"} {e(text)}</span></li>')
        out.append("</ul>")
    else:
        out.append('<ul class="inline-task-list"><li><span>[ ] </span></li></ul>')
    out.append(f"<p>Next meeting: {p['next']}</p>")
    out += ["</div>", "</div>", "</div>",
            '<div id="footer" role="contentinfo"><section class="footer-body"><p>Document generated by Confluence'
            "</p></section></div>", "</div>", "</body>", "</html>"]
    write_text(path, "\n".join(out))


def write_nl_deck(path, k):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    core(prs.core_properties, f"Steering Board {eu(k['date'])}", "Jens Vogt")
    blank = prs.slide_layouts[6]

    def title(slide, text, sub=None):
        tb = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8))
        tb.text_frame.text = text
        tb.text_frame.paragraphs[0].runs[0].font.size = PPt(26)
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        if sub:
            p = tb.text_frame.add_paragraph()
            p.text = sub
            p.runs[0].font.size = PPt(14)

    def lines(slide, items, top=1.4, size=16):
        tb = slide.shapes.add_textbox(Inches(0.6), Inches(top), Inches(12.0), Inches(5.5))
        tf = tb.text_frame
        tf.word_wrap = True
        for i, s in enumerate(items):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = s
            p.runs[0].font.size = PPt(size)

    def table(slide, rows, widths, rag_col=None, top=1.4):
        shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(top),
                                       Inches(sum(widths)), Inches(0.45 * len(rows)))
        t = shape.table
        for j, w in enumerate(widths):
            t.columns[j].width = Inches(w)
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                c = t.cell(i, j)
                c.text = str(v)
                c.text_frame.paragraphs[0].runs[0].font.size = PPt(14)
                if i and j == rag_col:
                    c.fill.solid()
                    c.fill.fore_color.rgb = PRGB.from_string(RAG_FILL[v])

    s = prs.slides.add_slide(blank)
    title(s, "NORDLICHT S/4HANA Rollout", f"Steering Board · {eu(k['date'])} · {k['cw']}")
    lines(s, ["Agenda: 1. Status overview  2. Open actions  3. Decisions required  4. Risks"], top=3.0)
    s = prs.slides.add_slide(blank)
    title(s, "Status overview")
    table(s, [["Workstream", "Lead", "RAG", "Progress"]] +
          [[ws, NL_SHORT[lead], rag, f"{pct} %"] for ws, lead, rag, pct, _ in k["ws"]],
          [4.2, 2.2, 1.0, 1.6], rag_col=2)
    s.notes_slide.notes_text_frame.text = "\n".join(f"{ws}: {note}" for ws, _, _, _, note in k["ws"])
    s = prs.slides.add_slide(blank)
    title(s, "Open actions")
    lines(s, k["actions"] or ["No open actions."])
    s = prs.slides.add_slide(blank)
    title(s, "Decisions required")
    lines(s, k["decisions"] or ["No decisions required this week."])
    s = prs.slides.add_slide(blank)
    title(s, "Top risks")
    table(s, [["Risk", "Owner", "Measure"]] + [[r, NL_SHORT[o], m] for r, o, m in k["risks"]], [6.0, 1.8, 4.4])
    prs.save(path)
    normalize_zip(path)


def kw(d):
    return f"KW {d.isocalendar()[1]}"


def nl_page(docs, idx, excused, goals, discussion, decisions, open_decisions, actions):
    """decisions: (thread, text); open_decisions: (thread, label, rendered, status);
    actions: (thread, label, rendered, owner, due, done, ambiguous)."""
    date = NL_MEET[idx]
    rel = f"{NL}/confluence/{date.isoformat()}-Steering-Board.html"
    d = Doc(NL, rel, date, "minutes")
    d.attendees = [n for n in NL_MEMBERS if n not in excused]
    d.apologies = list(excused)
    for th, text in decisions:
        d.dec(th, text, "made")
    for th, label, rendered, status in open_decisions:
        d.dec(th, label, status)
    for th, label, rendered, owner, due, done, amb in actions:
        d.act(th, label, owner, due, "done" if done else "open", ambiguous=amb)
    nxt = NL_MEET[idx + 1] if idx + 1 < len(NL_MEET) else D(2026, 6, 11)
    write_confluence(OUT / rel, {"date": date, "present": d.attendees, "excused": excused, "goals": goals,
                                 "discussion": discussion, "decisions": [t for _, t in decisions],
                                 "open_decisions": [r for _, _, r, _ in open_decisions],
                                 "actions": [(done, r) for _, _, r, _, _, done, _ in actions],
                                 "next": f"{eu(nxt)}, 09:00–10:30, Emden / Teams"})
    docs.append(d)


def nl_deck(docs, idx, ws, actions, decisions, risks):
    """ws: (name, lead, rag, pct, note); actions: (thread, label, rendered, owner, due, status);
    decisions: (thread, label, rendered, status); risks: (thread, text, owner, measure)."""
    date = NL_MEET[idx]
    rel = f"{NL}/steering-decks/NL-S4_SteeringBoard_{date.strftime('%Y%m%d')}.pptx"
    d = Doc(NL, rel, date, "deck")
    for name, lead, rag, pct, note in ws:
        d.stat(name, {"G": "green", "A": "amber", "R": "red"}[rag], pct)
    for th, label, rendered, owner, due, status in actions:
        d.act(th, label, owner, due, status)
    for th, label, rendered, status in decisions:
        d.dec(th, label, status)
    for th, text, owner, measure in risks:
        d.risk(th, text, owner, measure)
    write_nl_deck(OUT / rel, {"date": date, "cw": kw(date), "ws": ws,
                              "actions": [r for _, _, r, *_ in actions],
                              "decisions": [r for _, _, r, _ in decisions],
                              "risks": [(t, o, m) for _, t, o, m in risks]})
    docs.append(d)


def build_nordlicht():
    docs = []
    W = NL_MEET
    FI, EWM, SD, DMG = "Finance (FI/CO)", "Warehouse Management (EWM)", "Sales & Distribution", "Data Migration"
    day = lambda dd, mm: D(2026, mm, dd)
    a01 = "deliver the cutover runbook v2"
    r01 = "Late delivery of the Scanlogic handheld scanners puts the EWM integration test at risk"
    r01m = "Escalation to Scanlogic management; rental devices as fallback"
    r02 = "Works council approval needed for the time recording changes"
    r03 = "Key user availability during the summer holidays (July/August)"
    r03m = "Holiday plan coordinated with department heads"
    d01 = "Label printer standard for the warehouses (buy vs. rent)"

    # ---- W1 07.05.
    nl_page(docs, 0, [], ["Confirm phase 1 scope and go-live date", "Review integration test readiness"],
            [("09:00", "Status per workstream", "Jens Vogt", "All workstreams reported on plan. Finance build at 40 %."),
             ("09:20", "Go-live date", "Katrin Albers", "Confirmed after review of the integrated plan."),
             ("09:40", "Hardware budget", "Katrin Albers", "Release for phase 2 hardware to be confirmed.")],
            [("D-NL-02", "Go-live for all entities remains 01.10.2026.")], [],
            [("A-NL-01", "Deliver the cutover runbook v2", f"@Jens Vogt {a01} by 14.05.2026", "Jens Vogt", day(14, 5), False, False),
             ("A-NL-03", "Load the material master delta into the Q system",
              "@Paolo Ricci load the material master delta into the Q system by 12.05.2026", "Paolo Ricci", day(12, 5), False, False),
             ("A-NL-09", "Confirm the budget release for phase 2 hardware",
              "@Katrin Albers confirm the budget release for phase 2 hardware by 15.05.2026", "Katrin Albers", day(15, 5), False, False)])
    nl_deck(docs, 0,
            [(FI, "Marloes de Wit", "G", 40, "Build on plan; chart of accounts mapping signed off."),
             (EWM, "Henrik Lund", "G", 30, "Warehouse layout mapping completed, on plan."),
             (SD, "Annika Svensson", "G", 25, "Order-to-cash process design confirmed with the business."),
             (DMG, "Paolo Ricci", "A", 20, "Material master quality below target; cleansing sprint under way.")],
            [("A-NL-01", "Cutover runbook v2", "Cutover runbook v2: J. Vogt — 14.05.2026", "Jens Vogt", day(14, 5), "open"),
             ("A-NL-03", "Material master delta load into Q system",
              "Material master delta load into Q system: P. Ricci — 12.05.2026", "Paolo Ricci", day(12, 5), "open")],
            [],
            [("R-NL-02", r02, "Katrin Albers", "Early involvement; information session on 12.05.2026"),
             ("R-NL-01", "Scanlogic handheld scanner delivery must arrive before the EWM integration test",
              "Henrik Lund", "Weekly call with Scanlogic")])

    # ---- W2 14.05.  (EWM green in the table, notes say blocked)
    nl_page(docs, 1, ["Paolo Ricci"], ["Review EWM integration test readiness", "Phase 1 scope"],
            [("09:00", "Status per workstream", "Jens Vogt", "Sales & Distribution amber: pricing condition "
              "migration errors. EWM: Scanlogic has not delivered the handheld scanners; RF integration testing is blocked."),
             ("09:30", "Label printers", "Henrik Lund", "Buy vs. rent still open; Procurement comparing offers."),
             ("09:45", "Phase 1 scope", "Katrin Albers", "Polish subsidiary to move to phase 2.")],
            [("D-NL-03", "Scope of phase 1 excludes the Polish subsidiary (moves to phase 2).")],
            [("D-NL-01", d01, f"{d01} — awaiting offer comparison from Procurement.", "pending")],
            [("A-NL-01", "Deliver the cutover runbook v2", f"@Jens Vogt {a01} by 21.05.2026 (moved from 14.05.)",
              "Jens Vogt", day(21, 5), False, False),
             ("A-NL-03", "Load the material master delta into the Q system",
              "@Paolo Ricci load the material master delta into the Q system", "Paolo Ricci", None, True, False),
             ("A-NL-09", "Confirm the budget release for phase 2 hardware",
              "@Katrin Albers confirm the budget release for phase 2 hardware", "Katrin Albers", None, True, False),
             ("A-NL-02", "Get a binding delivery date for the handheld scanners from Scanlogic",
              "@Henrik Lund get a binding delivery date for the handheld scanners from Scanlogic by 20.05.2026",
              "Henrik Lund", day(20, 5), False, False),
             ("A-NL-05", "Send the corrected pricing conditions file to Brückner",
              "@Annika Svensson send the corrected pricing conditions file to Brückner by KW 21",
              "Annika Svensson", day(22, 5), False, True)])
    nl_deck(docs, 1,
            [(FI, "Marloes de Wit", "G", 46, "Build on plan. No delay anticipated."),
             (EWM, "Henrik Lund", "G", 34, "Scanlogic has not delivered the handheld scanners; RF integration "
              "testing is blocked until devices arrive."),
             (SD, "Annika Svensson", "A", 28, "Errors in the pricing conditions migration; corrected file expected KW 21."),
             (DMG, "Paolo Ricci", "A", 27, "Cleansing sprint 2 completed; duplicates remain in vendor master.")],
            [("A-NL-01", "Cutover runbook v2", "Cutover runbook v2: J. Vogt — 21.05.2026", "Jens Vogt", day(21, 5), "open"),
             ("A-NL-02", "Binding delivery date for handheld scanners from Scanlogic",
              "Binding delivery date for handheld scanners from Scanlogic: H. Lund — 20.05.2026",
              "Henrik Lund", day(20, 5), "open")],
            [("D-NL-01", "Label printer standard (buy vs. rent)", "Label printer standard (buy vs. rent) — decision needed", "pending")],
            [("R-NL-01", r01, "Henrik Lund", r01m),
             ("R-NL-02", r02, "Katrin Albers", "Risk closed — works council approval obtained on 12.05.2026")])

    # ---- W3 21.05.  (discussion only: no action, no decision)
    nl_page(docs, 2, [], ["Review EWM recovery options", "Data migration quality"],
            [("09:00", "Status per workstream", "Jens Vogt", "Sales & Distribution back on track after the corrected "
              "pricing file. Finance amber: month-end close simulation found three defects."),
             ("09:20", "EWM", "Henrik Lund", "Scanners still not delivered by Scanlogic. Team is waiting for the "
              "label printer decision before the print layouts can be tested. Options for rental devices discussed."),
             ("09:50", "Data migration quality", "Paolo Ricci", "Vendor master duplicates discussed at length; "
              "no conclusion reached.")],
            [], [], [])
    nl_deck(docs, 2,
            [(FI, "Marloes de Wit", "A", 50, "Month-end close simulation found three defects; fixes planned, "
              "go-live not affected."),
             (EWM, "Henrik Lund", "G", 34, "Still blocked: no scanners from Scanlogic, and print layouts are "
              "awaiting the label printer decision."),
             (SD, "Annika Svensson", "G", 33, "Back on track after the corrected pricing conditions file."),
             (DMG, "Paolo Ricci", "A", 31, "Vendor master duplicates being resolved.")],
            [("A-NL-01", "Cutover runbook v2", "Cutover runbook v2: J. Vogt — 21.05.2026", "Jens Vogt", day(21, 5), "open"),
             ("A-NL-02", "Binding delivery date for handheld scanners from Scanlogic",
              "Binding delivery date for handheld scanners from Scanlogic: H. Lund — 20.05.2026 (overdue)",
              "Henrik Lund", day(20, 5), "open"),
             ("A-NL-04", "Rerun the month-end close simulation after defect fixes",
              "Rerun the month-end close simulation after defect fixes: M. de Wit — 27.05.2026",
              "Marloes de Wit", day(27, 5), "open"),
             ("A-NL-05", "Corrected pricing conditions file to Brückner",
              "Corrected pricing conditions file to Brückner: A. Svensson — done", "Annika Svensson", None, "done")],
            [("D-NL-01", "Label printer standard (buy vs. rent)", "Label printer standard (buy vs. rent) — still open", "pending")],
            [("R-NL-01", r01, "Henrik Lund", r01m), ("R-NL-03", r03, "Jens Vogt", r03m)])

    # ---- W4 28.05.
    nl_page(docs, 3, [], ["EWM recovery", "Data Migration resourcing"],
            [("09:00", "Status per workstream", "Jens Vogt", "Finance back to green. EWM around three weeks behind "
              "plan; Scanlogic now promises devices for mid-June."),
             ("09:30", "Label printers", "Henrik Lund", "Offer comparison incomplete; decision postponed."),
             ("09:45", "Data Migration resourcing", "Paolo Ricci", "Request for one additional Brückner consultant.")],
            [("D-NL-04", "Additional Brückner consultant for Data Migration approved until end of August.")],
            [("D-NL-01", d01, f"{d01} — postponed to the next Steering Board.", "deferred")],
            [("A-NL-01", "Deliver the cutover runbook v2", f"@Jens Vogt {a01} by 04.06.2026 (moved again)",
              "Jens Vogt", day(4, 6), False, False),
             ("A-NL-02", "Get a binding delivery date for the handheld scanners from Scanlogic",
              "@Henrik Lund get a binding delivery date for the handheld scanners from Scanlogic",
              "Henrik Lund", None, True, False),
             ("A-NL-04", "Rerun the month-end close simulation after defect fixes",
              "@Marloes de Wit rerun the month-end close simulation after defect fixes", "Marloes de Wit", None, True, False),
             ("A-NL-07", "Arrange super-user training rooms in Emden",
              "N.N. arrange super-user training rooms in Emden by 12.06.2026", None, day(12, 6), False, False)])
    nl_deck(docs, 3,
            [(FI, "Marloes de Wit", "G", 58, "Back on track: simulation rerun passed."),
             (EWM, "Henrik Lund", "G", 35, "Around three weeks behind plan; Scanlogic is not delivering the "
              "scanners before mid-June."),
             (SD, "Annika Svensson", "G", 38, "Integration test cycle 1 passed."),
             (DMG, "Paolo Ricci", "G", 40, "Additional consultant onboarding; quality targets met for customer master.")],
            [("A-NL-01", "Cutover runbook v2", "Cutover runbook v2: J. Vogt — 04.06.2026", "Jens Vogt", day(4, 6), "open"),
             ("A-NL-07", "Super-user training rooms in Emden", "Super-user training rooms in Emden: N.N. — 12.06.2026",
              None, day(12, 6), "open")],
            [("D-NL-01", "Label printer standard (buy vs. rent)", "Label printer standard (buy vs. rent) — postponed", "deferred")],
            [("R-NL-01", r01, "Henrik Lund", r01m), ("R-NL-03", r03, "Jens Vogt", r03m)])

    # ---- W5 04.06.
    nl_page(docs, 4, [], ["EWM recovery plan", "Label printer decision"],
            [("09:00", "Status per workstream", "Jens Vogt", "EWM reported red; recovery plan requested."),
             ("09:30", "Label printers", "Henrik Lund", "Offer comparison presented by Procurement."),
             ("09:50", "Intercompany pricing", "Marloes de Wit", "Conditions between NL and DE entities need a check.")],
            [("D-NL-01", "Label printers will be rented (option B) for the first 24 months.")],
            [],
            [("A-NL-01", "Deliver the cutover runbook v2", f"@Jens Vogt {a01} by 04.06.2026",
              "Jens Vogt", day(4, 6), False, False),
             ("A-NL-08", "Present the EWM recovery plan at the next Steering Board",
              "@Henrik Lund present the EWM recovery plan at the next Steering Board", "Henrik Lund", day(11, 6), False, False),
             ("A-NL-06", "Check the intercompany pricing conditions between the Dutch and German entities",
              "TBD check the intercompany pricing conditions between the Dutch and German entities by KW 24",
              None, day(12, 6), False, True)])
    nl_deck(docs, 4,
            [(FI, "Marloes de Wit", "G", 63, "On plan."),
             (EWM, "Henrik Lund", "R", 36, "Scanners delayed to mid-June; integration test replanned; recovery "
              "plan in preparation."),
             (SD, "Annika Svensson", "G", 42, "On plan."),
             (DMG, "Paolo Ricci", "G", 48, "Mock load 2 completed.")],
            [("A-NL-01", "Cutover runbook v2", "Cutover runbook v2: J. Vogt — 04.06.2026", "Jens Vogt", day(4, 6), "open"),
             ("A-NL-07", "Super-user training rooms in Emden", "Super-user training rooms in Emden: N.N. — 12.06.2026",
              None, day(12, 6), "open")],
            [],
            [("R-NL-01", r01, "Henrik Lund", r01m), ("R-NL-03", r03, "Jens Vogt", r03m)])

    problems = {(W[1], EWM), (W[2], EWM), (W[3], EWM), (W[4], EWM), (W[1], SD), (W[2], FI)}
    planted = [
        ("watermelon", EWM, EWM, "Henrik Lund",
         "RAG 'G' in the deck table on 14, 21 and 28 May while the speaker notes and the Confluence page say the "
         "scanners were not delivered, testing is blocked, awaiting the label printer decision, three weeks behind."),
        ("stale_action", "A-NL-01", "Deliver the cutover runbook v2", "Jens Vogt",
         "Open in all five meeting weeks; re-dated 14.05. -> 21.05. -> 04.06."),
        ("due_date_slip", "A-NL-01", "Deliver the cutover runbook v2", "Jens Vogt",
         "Due moved later twice: 14.05.2026 -> 21.05.2026 -> 04.06.2026."),
        ("deferred_decision", "D-NL-01", d01, None,
         "Open on 14 and 21 May, postponed on 28 May, decided on 4 June."),
        ("unowned_action", "A-NL-07", "Arrange super-user training rooms in Emden", None, "Owner 'N.N.' (28 May, 4 June)."),
        ("unowned_action", "A-NL-06", "Check the intercompany pricing conditions between the Dutch and German entities",
         None, "Owner 'TBD'."),
        ("meeting_without_outcome", "2026-05-21", "Steering Board 21.05.2026", None,
         "The 21 May Confluence page records three discussion items, no decision and no action item."),
    ]
    thread_ws = {"A-NL-01": None, "D-NL-01": EWM, "A-NL-07": None, "A-NL-06": FI}
    return docs, NL_MEET, problems, planted, thread_ws


# =============================================================== tidewater-claims (CA: transcripts, ART sync .md, HTML e-mail)
TW = "tidewater-claims"
TW_MEET = [D(2026, 9, 14), D(2026, 9, 21), D(2026, 9, 28), D(2026, 10, 5)]
TW_PEOPLE = ["Geneviève Tremblay", "Marcus Oyelaran", "Dev Malhotra", "Hannah Fitzgerald", "Owen MacLeod",
             "Émile Gagnon", "Farah Haddad", "Ben Kowalczyk", "Chloé Bergeron"]
HEALTH = {"green": "🟢", "amber": "🟠", "red": "🔴"}


def tw_transcript(docs, idx, regrets, turns, labels):
    """turns: [(speaker, text)]; labels: callables applied to the Doc."""
    date = TW_MEET[idx]
    rel = f"{TW}/transcripts/harbourline-art-sync-{date.isoformat()}.txt"
    d = Doc(TW, rel, date, "minutes")
    d.attendees = [p for p in TW_PEOPLE if p not in regrets]
    d.apologies = list(regrets)
    for f in labels:
        f(d)
    head = [f"Harbourline ART Sync — recording transcript",
            f"Date: {date.strftime('%A, %B')} {date.day}, {date.year}, 10:00 a.m. ET (Teams)",
            "Participants: " + ", ".join(d.attendees),
            "Regrets: " + (", ".join(regrets) if regrets else "none"),
            "Transcription generated automatically; lightly edited by the RTE.", ""]
    body = [f"{s}: {t}" for s, t in turns]
    write_text(OUT / rel, "\n".join(head + body))
    docs.append(d)


def tw_sync_page(docs, idx, board, roam, actions, decisions, notes):
    """board: (team, feature, sprint, rag, pct); roam: (thread, id, text, roam, owner, mitigation);
    actions: (thread, label, rendered, owner, due, status); decisions: (thread, label, rendered, status)."""
    date = TW_MEET[idx]
    rel = f"{TW}/art-sync/ART-sync-PI4-{date.isoformat()}.md"
    d = Doc(TW, rel, date, "status_report")
    for team, feat, spr, rag, pct in board:
        d.stat(team, rag, pct)
    for th, rid, text, roamv, owner, mit in roam:
        d.risk(th, text, None if owner == "—" else owner, None if mit == "—" else mit)
    for th, label, rendered, owner, due, status in actions:
        d.act(th, label, owner, due, status)
    for th, label, rendered, status in decisions:
        d.dec(th, label, status)
    lines = [f"# Harbourline ART — sync notes, PI 4 · {date.strftime('%b')} {date.day}, {date.year}", "",
             f"_RTE: Marcus Oyelaran · Iteration {4 + idx} of PI 4_", "", "## Program board", "",
             "| Team | Feature | Target iteration | % done | Health |", "|---|---|---|---|---|"]
    lines += [f"| {t} | {f} | I{s} | {p}% | {HEALTH[r]} |" for t, f, s, r, p in board]
    lines += ["", "Legend: 🟢 on track · 🟠 at risk · 🔴 off track", "", "## Notes", ""]
    lines += [f"- {n}" for n in notes]
    lines += ["", "## ROAM", "", "| # | Risk | ROAM | Owner | Mitigation / notes |", "|---|---|---|---|---|"]
    lines += [f"| {rid} | {text} | {r} | {o} | {m} |" for _, rid, text, r, o, m in roam]
    lines += ["", "ROAM: Resolved · Owned · Accepted · Mitigated · — not yet ROAMed", "", "## Decisions", ""]
    lines += [f"- {r}" for _, _, r, _ in decisions] or ["- none this week"]
    lines += ["", "## Action items", ""]
    lines += [f"- [{'x' if st == 'done' else ' '}] {r}" for _, _, r, _, _, st in actions]
    write_text(OUT / rel, "\n".join(lines))
    docs.append(d)


def tw_email(docs, date, slug, subject, html_body, fill):
    rel = f"{TW}/email/{date.isoformat()}-{slug}.eml"
    d = Doc(TW, rel, date, "email")
    fill(d)
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Marcus Oyelaran <marcus.oyelaran@tidewatermutual.example>"
    msg["To"] = "harbourline-art-leads@tidewatermutual.example"
    msg["Cc"] = "Geneviève Tremblay <genevieve.tremblay@tidewatermutual.example>"
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(dt.datetime(date.year, date.month, date.day, 16, 45,
                                                          tzinfo=dt.timezone(dt.timedelta(hours=-4))))
    msg["Message-ID"] = f"<{slug}.{date.isoformat()}@tidewatermutual.example>"
    msg.set_content(html_body, subtype="html")
    (OUT / rel).write_bytes(msg.as_bytes())
    docs.append(d)


def build_tidewater():
    docs = []
    W = TW_MEET
    CI, PS, PAY, FA = "Claims Intake", "Policy Sync", "Payments", "Fraud Analytics"
    day = lambda dd, mm: D(2026, mm, dd)
    a01 = "chase Ardent for the FNOL sandbox credentials"
    d01 = "Descope the FNOL chatbot from PI 4"
    r01 = "Ardent API rate limits could throttle FNOL volumes at catastrophe-event peaks"
    r03 = "Mainframe test environment not refreshed in time for Policy Sync regression testing"
    r03m = "Book the October refresh slot now"

    # ---- W1 Sep 14
    tw_transcript(docs, 0, [], [
        ("Marcus Oyelaran", "Morning all, let's go team by team. Owen, Intake first."),
        ("Owen MacLeod", "Intake is good. We finished the claim triage screens and we're integrating with Ardent next iteration. The only thing I'm missing is the sandbox credentials."),
        ("Marcus Oyelaran", "Who's on that?"),
        ("Owen MacLeod", "I'll chase Ardent for the FNOL sandbox credentials. I'll have them by Friday."),
        ("Émile Gagnon", "Policy Sync is amber. We can't regression test until the mainframe test environment is refreshed."),
        ("Hannah Fitzgerald", "One risk I want on the board: if the mainframe test environment isn't refreshed in time, Policy Sync can't regression test. I'll own that, and the mitigation is we book the October refresh slot now. I'll book the October mainframe refresh slot by Wednesday."),
        ("Farah Haddad", "Payments is fine. We're still negotiating the e-Transfer payout limits with the bank, I own that risk."),
        ("Geneviève Tremblay", "On the chatbot, I'm not ready to decide whether we descope the FNOL chatbot from PI 4. Let's come back to it next week."),
        ("Dev Malhotra", "Then I'll take that — I'll send the revised PI plan by Thursday, with and without the chatbot."),
        ("Marcus Oyelaran", "Great. Fraud?"),
        ("Ben Kowalczyk", "Amber, the model validation data set is late, should land this week."),
        ("Marcus Oyelaran", "Thanks everyone, same time next Monday."),
    ], [lambda d: d.act("A-TW-01", a01, "Owen MacLeod", day(18, 9)),
        lambda d: d.act("A-TW-04", "book the October mainframe refresh slot", "Hannah Fitzgerald", day(16, 9)),
        lambda d: d.act("A-TW-02", "send the revised PI plan, with and without the chatbot", "Dev Malhotra", day(17, 9)),
        lambda d: d.dec("D-TW-01", "Whether to descope the FNOL chatbot from PI 4", "deferred"),
        lambda d: d.risk("R-TW-03", "Mainframe test environment not refreshed in time: Policy Sync can't regression test", "Hannah Fitzgerald", r03m),
        lambda d: d.risk("R-TW-02", "e-Transfer payout limits with the bank", "Farah Haddad", None)])
    tw_sync_page(docs, 0,
                 [(CI, "FNOL web intake + triage", 5, "green", 45), (PS, "Policy admin sync (mainframe)", 6, "amber", 40),
                  (PAY, "Interac e-Transfer payouts", 6, "green", 60), (FA, "Fraud scoring v2", 7, "amber", 20)],
                 [("R-TW-03", "R3", r03, "Owned", "Hannah Fitzgerald", r03m),
                  ("R-TW-02", "R2", "e-Transfer payout limits too low for large claims", "Owned", "Farah Haddad",
                   "Negotiating higher limits with the bank")],
                 [("A-TW-01", "Chase Ardent for FNOL sandbox credentials",
                   "Owen MacLeod — chase Ardent for FNOL sandbox credentials — due Fri Sep 18", "Owen MacLeod", day(18, 9), "open"),
                  ("A-TW-02", "Send the revised PI plan (with / without chatbot)",
                   "Dev Malhotra — send the revised PI plan (with / without chatbot) — due Thu Sep 17", "Dev Malhotra", day(17, 9), "open"),
                  ("A-TW-04", "Book the October mainframe refresh slot",
                   "Hannah Fitzgerald — book the October mainframe refresh slot — due Wed Sep 16", "Hannah Fitzgerald", day(16, 9), "open")],
                 [("D-TW-01", d01, f"Pending: {d01}? — business owner to decide next sync", "pending")],
                 ["Intake integration with Ardent starts next iteration.",
                  "Fraud Analytics validation data set expected this week."])

    # ---- W2 Sep 21 (Intake green on the board; blocked and slipping in the room)
    tw_transcript(docs, 1, ["Chloé Bergeron"], [
        ("Marcus Oyelaran", "Okay, let's start. Chloé sent regrets. Owen?"),
        ("Owen MacLeod", "Honestly, Intake is blocked. Ardent still hasn't given us a working FNOL endpoint, and we've slipped a sprint on the integration."),
        ("Marcus Oyelaran", "And the sandbox credentials?"),
        ("Owen MacLeod", "Still chasing Ardent for the sandbox credentials. Nothing yet. I'm on it."),
        ("Hannah Fitzgerald", "The refresh slot is booked for October 19, so that risk is mitigated."),
        ("Dev Malhotra", "The revised PI plan went out Thursday, both versions."),
        ("Geneviève Tremblay", "I've read it. Park the chatbot decision one more week; I want to see the capacity numbers from Intake first."),
        ("Farah Haddad", "Good news: the bank raised the e-Transfer limits, so I'd close that risk. And I'll draft the e-Transfer reconciliation runbook by end of month."),
        ("Geneviève Tremblay", "Agreed then — e-Transfer payouts stay on the November 2 release."),
        ("Émile Gagnon", "Policy Sync is still at forty percent, same blocker until the refresh."),
        ("Ben Kowalczyk", "Fraud picked up, validation data arrived Tuesday."),
    ], [lambda d: d.act("A-TW-01", "chasing Ardent for the sandbox credentials", "Owen MacLeod", None),
        lambda d: d.act("A-TW-04", "refresh slot is booked for October 19", "Hannah Fitzgerald", None, "done"),
        lambda d: d.act("A-TW-02", "revised PI plan went out Thursday", "Dev Malhotra", None, "done"),
        lambda d: d.act("A-TW-05", "draft the e-Transfer reconciliation runbook", "Farah Haddad", day(30, 9)),
        lambda d: d.dec("D-TW-01", "Park the chatbot decision one more week", "deferred"),
        lambda d: d.dec("D-TW-02", "e-Transfer payouts stay on the November 2 release", "made")])
    tw_sync_page(docs, 1,
                 [(CI, "FNOL web intake + triage", 5, "green", 50), (PS, "Policy admin sync (mainframe)", 6, "amber", 40),
                  (PAY, "Interac e-Transfer payouts", 6, "green", 68), (FA, "Fraud scoring v2", 7, "amber", 26)],
                 [("R-TW-01", "R1", r01, "—", "—", "—"),
                  ("R-TW-02", "R2", "e-Transfer payout limits too low for large claims", "Resolved", "Farah Haddad",
                   "Risk closed — bank raised the limits"),
                  ("R-TW-03", "R3", r03, "Mitigated", "Hannah Fitzgerald", "Refresh slot booked for Oct 19")],
                 [("A-TW-01", "Chase Ardent for FNOL sandbox credentials",
                   "Owen MacLeod — chase Ardent for FNOL sandbox credentials — due Fri Sep 18 (overdue)", "Owen MacLeod", day(18, 9), "open"),
                  ("A-TW-05", "Draft the e-Transfer reconciliation runbook",
                   "Farah Haddad — draft the e-Transfer reconciliation runbook — due Sep 30", "Farah Haddad", day(30, 9), "open"),
                  ("A-TW-02", "Send the revised PI plan", "Dev Malhotra — send the revised PI plan — sent Sep 17",
                   "Dev Malhotra", None, "done")],
                 [("D-TW-02", "e-Transfer payouts stay on the November 2 release",
                   "Made: e-Transfer payouts stay on the November 2 release", "made"),
                  ("D-TW-01", d01, f"Pending: {d01} — parked until next sync", "deferred")],
                 ["Payments on track; no delay anticipated for the November 2 release."])
    tw_email(docs, day(23, 9), "art-weekly-update", "Harbourline ART — weekly update (Sept 23)",
             """<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:11pt">
<p>Hi all,</p>
<p>Quick summary after Monday's sync. Team health as reported on the program board:</p>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#0B3D5C;color:#fff"><th>Team</th><th>Health</th><th>Comment</th></tr>
<tr><td>Claims Intake</td><td style="background:#C6EFCE">Green</td><td>Integration with Ardent in progress</td></tr>
<tr><td>Policy Sync</td><td style="background:#FFE0B2">Amber</td><td>Waiting on the mainframe refresh (Oct 19)</td></tr>
<tr><td>Payments</td><td style="background:#C6EFCE">Green</td><td>November 2 release confirmed</td></tr>
<tr><td>Fraud Analytics</td><td style="background:#FFE0B2">Amber</td><td>Validation data received</td></tr>
</table>
<p><b>Open items</b></p>
<ul>
<li><b>Owen MacLeod</b>: FNOL sandbox credentials from Ardent — still outstanding (was due Sep 18).</li>
<li><b>Farah Haddad</b>: e-Transfer reconciliation runbook — due Sep 30.</li>
</ul>
<p>The chatbot descoping decision is parked until next Monday.</p>
<p>Thanks,<br>Marcus<br><span style="color:#777">Release Train Engineer, Harbourline ART · Tidewater Mutual</span></p>
</body></html>""",
             lambda d: (d.stat(CI, "green", None), d.stat(PS, "amber", None), d.stat(PAY, "green", None),
                        d.stat(FA, "amber", None),
                        d.act("A-TW-01", "FNOL sandbox credentials from Ardent", "Owen MacLeod", day(18, 9)),
                        d.act("A-TW-05", "e-Transfer reconciliation runbook", "Farah Haddad", day(30, 9)),
                        d.dec("D-TW-01", "chatbot descoping decision is parked until next Monday", "deferred")))

    # ---- W3 Sep 28
    tw_transcript(docs, 2, ["Chloé Bergeron"], [
        ("Marcus Oyelaran", "Chloé's away again. Owen, Intake."),
        ("Owen MacLeod", "We're now about two sprints behind plan on Intake. Ardent isn't delivering the endpoint, and still nothing from Ardent on the sandbox credentials either."),
        ("Geneviève Tremblay", "That's not what the board says."),
        ("Marcus Oyelaran", "Noted. Separately, we need someone from Finance to confirm the GL codes for e-Transfer payouts by next sync. Chloé would normally take it."),
        ("Geneviève Tremblay", "Okay, decision: the FNOL chatbot is out of PI 4. We descope it."),
        ("Ben Kowalczyk", "Fraud is back on track. I'll share the fraud model validation results by Friday."),
        ("Farah Haddad", "Payments is fine, no delay anticipated."),
        ("Émile Gagnon", "Policy Sync unchanged at forty, waiting on the nineteenth."),
        ("Owen MacLeod", "One more thing: our lead developer on Intake is leaving at the end of the PI. We'll accept it and do a pairing and documentation sprint."),
    ], [lambda d: d.act("A-TW-01", "still nothing from Ardent on the sandbox credentials", "Owen MacLeod", None),
        lambda d: d.act("A-TW-03", "confirm the GL codes for e-Transfer payouts", None, day(5, 10)),
        lambda d: d.act("A-TW-07", "share the fraud model validation results", "Ben Kowalczyk", day(2, 10)),
        lambda d: d.dec("D-TW-01", "The FNOL chatbot is out of PI 4; we descope it", "made"),
        lambda d: d.risk("R-TW-04", "Lead developer on Intake leaving at the end of the PI", "Owen MacLeod",
                         "pairing and documentation sprint")])
    tw_sync_page(docs, 2,
                 [(CI, "FNOL web intake + triage", 6, "green", 52), (PS, "Policy admin sync (mainframe)", 6, "amber", 40),
                  (PAY, "Interac e-Transfer payouts", 6, "green", 75), (FA, "Fraud scoring v2", 7, "green", 35)],
                 [("R-TW-01", "R1", r01, "—", "—", "—"),
                  ("R-TW-03", "R3", r03, "Mitigated", "Hannah Fitzgerald", "Refresh slot booked for Oct 19"),
                  ("R-TW-04", "R4", "Key developer on Claims Intake leaving at end of PI", "Accepted", "Owen MacLeod",
                   "Pairing and documentation sprint")],
                 [("A-TW-01", "Chase Ardent for FNOL sandbox credentials",
                   "Owen MacLeod — chase Ardent for FNOL sandbox credentials — due Fri Sep 18 (overdue)", "Owen MacLeod", day(18, 9), "open"),
                  ("A-TW-05", "Draft the e-Transfer reconciliation runbook",
                   "Farah Haddad — draft the e-Transfer reconciliation runbook — due Sep 30", "Farah Haddad", day(30, 9), "open"),
                  ("A-TW-03", "Confirm the GL codes for e-Transfer payouts",
                   "Someone from Finance — confirm the GL codes for e-Transfer payouts — due Oct 5", None, day(5, 10), "open"),
                  ("A-TW-07", "Share the fraud model validation results",
                   "Ben Kowalczyk — share the fraud model validation results — due Fri Oct 2", "Ben Kowalczyk", day(2, 10), "open")],
                 [("D-TW-01", "FNOL chatbot descoped from PI 4", "Made: FNOL chatbot descoped from PI 4", "made")],
                 ["Fraud Analytics back on track.", "Payments: no delay anticipated."])

    # ---- W4 Oct 5
    tw_transcript(docs, 3, ["Chloé Bergeron"], [
        ("Marcus Oyelaran", "Let's get going; Chloé sends regrets. I've moved Intake to red on the board."),
        ("Owen MacLeod", "Yes. Still no credentials and no working endpoint from Ardent. We can't test."),
        ("Geneviève Tremblay", "Marcus, can you set up a working session with Ardent's CTO this week?"),
        ("Marcus Oyelaran", "Yes, I'll set up the working session with Ardent's CTO for Thursday."),
        ("Geneviève Tremblay", "Decision: Claims Intake builds against Ardent's v1 API for now, and we switch when v2 is stable."),
        ("Farah Haddad", "Reconciliation runbook is done and in Confluence."),
        ("Ben Kowalczyk", "Validation results were shared Friday."),
        ("Émile Gagnon", "Environment refresh is on track for the nineteenth; Policy Sync regression prep is moving, fifty-five percent."),
        ("Marcus Oyelaran", "The GL codes for e-Transfer payouts still need an owner from Finance."),
    ], [lambda d: d.act("A-TW-01", "Still no credentials from Ardent", "Owen MacLeod", None),
        lambda d: d.act("A-TW-06", "set up a working session with Ardent's CTO", "Marcus Oyelaran", day(8, 10)),
        lambda d: d.act("A-TW-05", "Reconciliation runbook is done", "Farah Haddad", None, "done"),
        lambda d: d.act("A-TW-07", "Validation results were shared", "Ben Kowalczyk", None, "done"),
        lambda d: d.act("A-TW-03", "GL codes for e-Transfer payouts still need an owner from Finance", None, None),
        lambda d: d.dec("D-TW-03", "Claims Intake builds against Ardent's v1 API for now", "made")])
    tw_sync_page(docs, 3,
                 [(CI, "FNOL web intake + triage", 7, "red", 53), (PS, "Policy admin sync (mainframe)", 6, "amber", 55),
                  (PAY, "Interac e-Transfer payouts", 6, "green", 82), (FA, "Fraud scoring v2", 7, "green", 41)],
                 [("R-TW-01", "R1", r01, "—", "—", "—"),
                  ("R-TW-04", "R4", "Key developer on Claims Intake leaving at end of PI", "Accepted", "Owen MacLeod",
                   "Pairing and documentation sprint")],
                 [("A-TW-01", "Chase Ardent for FNOL sandbox credentials",
                   "Owen MacLeod — chase Ardent for FNOL sandbox credentials — due Fri Sep 18 (overdue)", "Owen MacLeod", day(18, 9), "open"),
                  ("A-TW-03", "Confirm the GL codes for e-Transfer payouts",
                   "TBD (Finance) — confirm the GL codes for e-Transfer payouts — due Oct 5", None, day(5, 10), "open"),
                  ("A-TW-06", "Working session with Ardent's CTO",
                   "Marcus Oyelaran — working session with Ardent's CTO — Thu Oct 8", "Marcus Oyelaran", day(8, 10), "open"),
                  ("A-TW-05", "Draft the e-Transfer reconciliation runbook",
                   "Farah Haddad — draft the e-Transfer reconciliation runbook — done", "Farah Haddad", None, "done")],
                 [("D-TW-03", "Claims Intake builds against Ardent's v1 API until v2 is stable",
                   "Made: Claims Intake builds against Ardent's v1 API until v2 is stable", "made")],
                 ["Claims Intake off track: Ardent endpoint and credentials outstanding."])
    tw_email(docs, day(7, 10), "art-weekly-update", "Harbourline ART — weekly update (Oct 7)",
             """<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:11pt">
<p>Hi all,</p>
<p>Claims Intake is now <span style="color:#C00000"><b>Red</b></span>: Ardent has not delivered a working FNOL endpoint or the sandbox credentials, so integration testing cannot start. We are building against the v1 API in the meantime.</p>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#0B3D5C;color:#fff"><th>Team</th><th>Health</th></tr>
<tr><td>Claims Intake</td><td style="background:#FFC7CE">Red</td></tr>
<tr><td>Policy Sync</td><td style="background:#FFE0B2">Amber</td></tr>
<tr><td>Payments</td><td style="background:#C6EFCE">Green</td></tr>
<tr><td>Fraud Analytics</td><td style="background:#C6EFCE">Green</td></tr>
</table>
<p><b>Actions</b></p>
<ul>
<li>Marcus Oyelaran — working session with Ardent's CTO, Thursday Oct 8.</li>
<li>GL codes for e-Transfer payouts — needs someone from Finance; due Oct 5, no owner yet.</li>
</ul>
<p>Marcus</p>
</body></html>""",
             lambda d: (d.stat(CI, "red", None), d.stat(PS, "amber", None), d.stat(PAY, "green", None),
                        d.stat(FA, "green", None),
                        d.act("A-TW-06", "working session with Ardent's CTO", "Marcus Oyelaran", day(8, 10)),
                        d.act("A-TW-03", "GL codes for e-Transfer payouts — needs someone from Finance", None, day(5, 10))))

    problems = {(W[1], CI), (W[2], CI), (W[3], CI), (W[0], PS), (W[1], PS), (W[2], PS), (W[3], PS)}
    planted = [
        ("watermelon", CI, CI, "Owen MacLeod",
         "🟢 on the program board and Green in the e-mail on 21 and 28 September while the sync transcript says "
         "Intake is blocked, slipped a sprint, two sprints behind plan, Ardent not delivering."),
        ("frozen_progress", PS, PS, "Émile Gagnon", "40% done in three consecutive syncs (14 - 28 September)."),
        ("stale_action", "A-TW-01", "Chase Ardent for the FNOL sandbox credentials", "Owen MacLeod",
         "Open in four meeting weeks; due Friday 18 September and overdue since."),
        ("deferred_decision", "D-TW-01", d01, None,
         "Not decided on 14 September, parked on 21 September; made on 28 September."),
        ("unowned_action", "A-TW-03", "Confirm the GL codes for e-Transfer payouts", None,
         "Assigned to 'someone from Finance' / 'TBD (Finance)' (28 September, 5 October)."),
        ("unmitigated_risk", "R-TW-01", r01, None,
         "Not ROAMed, no owner, no mitigation in three syncs (21 September - 5 October)."),
        ("attendance_decline", "Chloé Bergeron", "Chloé Bergeron", "Chloé Bergeron",
         "Regrets at 21 September, 28 September and 5 October: three consecutive syncs."),
    ]
    thread_ws = {"A-TW-01": CI, "D-TW-01": CI, "A-TW-03": PAY, "R-TW-01": CI}
    return docs, TW_MEET, problems, planted, thread_ws


# =============================================================== main
README = """
# signalscan cross-style corpus 2 (generated)

A third set of held-out house styles, unlike ../../shared/eval/dev and ../xstyles. Three fictional programs:

- `banksia-payroll` — Australian state agency payroll replacement, five fortnightly Wednesday Project Control
  Boards (May-July 2026): PCB minutes (.docx) with Members present / Apologies / In attendance, a Decisions
  Register table, an escalated Risk Register table (Risk Owner / Treatment, "TBA") and a carried-forward Action
  Register (ID | Description | Assigned To | Date Raised | Due | Status | Notes; Open / WIP / Complete / Superseded;
  dd/mm/yyyy); a consultancy weekly status report PDF ("Status: AMBER ↑", single-letter R/A/G with trend arrows,
  Key Achievements / Next Steps / Issues & Risks / Decisions Required; owners as "L. Varga").
- `nordlicht-s4` — German/Dutch manufacturer S/4HANA rollout, five weekly Thursday Steering Boards (May-June 2026):
  a Confluence meeting page exported as HTML (Participants / Excused, discussion-items table, Decisions / Open
  decisions, action items as "[ ] @Name do X by 21.05.2026" / "[x] ...", "KW 21" dues) and a .pptx whose status
  table has a single RAG letter in a coloured cell and the narrative in the speaker notes; slide actions as
  "Item: J. Vogt — 21.05.2026", vague owner "N.N.", risks with a "Measure" column.
- `tidewater-claims` — Canadian insurer claims-modernisation agile release train, four weekly Monday ART syncs
  (Sept-Oct 2026): meeting transcripts (.txt "Speaker: text"; spoken actions such as "I'll take that — I'll send the
  revised PI plan by Thursday"; Participants / Regrets header), an ART sync page in Markdown (program board with
  emoji health 🟢/🟠/🔴, ROAM risk table, task-list actions) and HTML-only status e-mails (.eml).

Labels: WIP is in_progress, Complete done, Superseded cancelled; 🟠 amber. Vendors (Corvane, Scanlogic, Brückner) and
people are owners; "TBA", "TBD", "N.N.", "someone from Finance" are none. Transcripts are the meeting record (kind
minutes); spoken status updates on an earlier action ("still chasing Ardent ...") are labeled as mentions of it.
"KW nn" dues carry `due_ambiguous` (labeled as that week's Friday). Regenerate with
`.venv/bin/python eval/make_xstyles2.py`; never edit by hand.
"""


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in (f"{BP}/pcb-minutes", f"{BP}/status-reports", f"{NL}/confluence", f"{NL}/steering-decks",
                f"{TW}/transcripts", f"{TW}/art-sync", f"{TW}/email"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
    all_docs, programs = [], {}
    for name, build in ((BP, build_banksia), (NL, build_nordlicht), (TW, build_tidewater)):
        docs, meetings, problems, planted, thread_ws = build()
        docs.sort(key=lambda d: (d.date, d.kind != "minutes", d.relpath))
        verify_quotes(docs)
        programs[name] = {"expected_signals": expected(name, docs, meetings, problems, planted, thread_ws)}
        all_docs += docs
    labels = {"documents": [d.label() for d in all_docs], "programs": programs}
    (OUT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_text(OUT / "README.md", README)
    n = {k: sum(len(d[k]) for d in labels["documents"]) for k in ("actions", "decisions", "risks", "statuses")}
    print(f"wrote {len(all_docs)} documents to {OUT}: {n}; "
          f"signals {[len(p['expected_signals']) for p in programs.values()]}")


if __name__ == "__main__":
    main()
