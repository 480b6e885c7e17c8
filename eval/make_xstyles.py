#!/usr/bin/env python3
"""Generate eval/xstyles/: a labeled cross-style corpus for signalscan (held-out house styles).

Two fictional programs, written blind to the extraction code and in styles unlike ../shared/eval/dev:

* ``cobalt-core`` — a US savings bank's core-banking replacement, six weekly Tuesday SteerCos.
  US minutes ("Attendees" / "Regrets", "Key Decisions", "Risks & Issues", an "Action Items" table with
  #, Task, Responsible, Target Date, Update; month-first dates like 6/12, initials, vendors, roles),
  a steering deck alternating PDF and .pptx (a "Workstream Health" table whose Health column holds
  coloured words GREEN / YELLOW / RED and a "% Done" column), and a Thursday status e-mail (.eml) with
  a RAID summary.
* ``halden-crm`` — a UK council's CRM / case-management programme, five fortnightly Programme Boards.
  British numbered minutes ("3.2 The Board NOTED ...", "4.2 AGREED that ...", inline "ACTION: SRO to ..."
  paragraphs, apologies in a sentence, a matters-arising action log in prose), a Markdown highlight
  report with a "Tolerance status" table, a .pptx dashboard whose workstreams are coloured shapes saying
  On Track / At Risk / Off Track (or "RAG: G/A/R"), and plain-text Outlook e-mail chains.

Labels follow ../../shared/eval/README.md and SPEC.md's rules (due dates resolved against the meeting
date; roles and vendors kept as owners; vague owners are null). expected_signals are re-derived from the
labels with SPEC.md's definitions (meeting weeks, as of each program's last meeting) and must equal the
planted list. Deterministic: run ``python eval/make_xstyles.py`` to regenerate.
"""
import datetime as dt
import email.policy
import email.utils
import json
import re
import shutil
import zipfile
from collections import defaultdict
from email.message import EmailMessage
from pathlib import Path

import docx
from docx.shared import Pt, RGBColor
from pptx import Presentation
from pptx.dml.color import RGBColor as PRGB
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt as PPt
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
OUT = HERE / "xstyles"
D = dt.date
FIXED = dt.datetime(2026, 1, 1, 9, 0, 0)


# =============================================================== labels
class Doc:
    def __init__(self, program, relpath, date, kind):
        self.program, self.relpath, self.date, self.kind = program, relpath, date, kind
        self.actions, self.decisions, self.risks, self.statuses = [], [], [], []
        self.attendees, self.apologies = [], []

    def act(self, thread, text, owner, due, status="open", ambiguous=False):
        assert status in ("open", "in_progress", "done", "cancelled")
        item = {"text": text, "owner": owner, "due": due, "status": status, "thread": thread}
        if ambiguous:
            item["due_ambiguous"] = True
        self.actions.append(item)
        return text

    def dec(self, thread, text, status):
        assert status in ("made", "pending", "deferred")
        self.decisions.append({"text": text, "status": status, "thread": thread})
        return text

    def risk(self, thread, text, owner=None, mitigation=None):
        self.risks.append({"text": text, "owner": owner, "mitigation": mitigation, "thread": thread})
        return text

    def stat(self, ws, rag, pct):
        assert rag in ("green", "amber", "red")
        self.statuses.append({"workstream": ws, "reported": rag, "percent_complete": pct})

    def label(self):
        return {"path": self.relpath, "program": self.program, "meeting_date": self.date.isoformat(),
                "kind": self.kind, "actions": self.actions, "decisions": self.decisions,
                "risks": self.risks, "statuses": self.statuses,
                "attendees": self.attendees, "apologies": self.apologies}


# =============================================================== writers
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


def p_(doc, text, bold=False, size=None, style=None, italic=False):
    p = doc.add_paragraph(style=style)
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    return p


US_HEALTH = {"green": ("GREEN", "00A651"), "amber": ("YELLOW", "E6B800"), "red": ("RED", "D0021B")}


def write_us_minutes(path, m):
    """US house style: header block, Attendees / Regrets lines, Discussion bullets, Key Decisions,
    Risks & Issues, Action Items table."""
    d = docx.Document()
    core(d.core_properties, m["title"], "Priya Raman")
    p_(d, "Cobalt Federal Savings Bank", bold=True, size=10)
    p_(d, "Core Banking Modernization Program — Steering Committee", bold=True, size=16)
    p_(d, "Meeting Minutes", bold=True, size=13)
    p_(d, m["when"])
    p_(d, "Facilitator: Jennifer Okafor   |   Scribe: Priya Raman (PMO)", size=9)
    para = d.add_paragraph()
    para.add_run("Attendees: ").bold = True
    para.add_run(m["attendees"])
    para = d.add_paragraph()
    para.add_run("Regrets: ").bold = True
    para.add_run(m["regrets"])
    d.add_heading("Discussion", level=2)
    for t in m["discussion"]:
        p_(d, t, style="List Bullet")
    d.add_heading("Key Decisions", level=2)
    for t in m["decisions"] or ["None."]:
        p_(d, t, style="List Number" if m["decisions"] else None)
    if m.get("risks"):
        d.add_heading("Risks & Issues", level=2)
        for t in m["risks"]:
            p_(d, t, style="List Bullet")
    d.add_heading("Action Items", level=2)
    if m["actions"]:
        rows = [("#", "Task", "Responsible", "Target Date", "Update")] + m["actions"]
        t = d.add_table(rows=len(rows), cols=5)
        t.style = "Light Grid Accent 1"
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    else:
        p_(d, m["no_actions"])
    p_(d, "")
    p_(d, m["next"], italic=True, size=9)
    d.save(path)
    normalize_zip(path)


def _pptx_title(slide, text, size=26):
    box = slide.shapes.add_textbox(Inches(0.4), Inches(0.25), Inches(12.5), Inches(0.8))
    box.text_frame.text = text
    r = box.text_frame.paragraphs[0].runs[0]
    r.font.size, r.font.bold = PPt(size), True


def _bullets(slide, top, lines, size=16, left=0.6, width=12.0):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(0.5 * len(lines) + 0.5))
    tf = box.text_frame
    tf.word_wrap = True
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = line
        p.runs[0].font.size = PPt(size)


def _pptx_table(slide, top, rows, widths, health_col=None, size=12):
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.4), Inches(top),
                                   Inches(sum(widths)), Inches(0.4 * len(rows)))
    tbl = shape.table
    for c, w in enumerate(widths):
        tbl.columns[c].width = Inches(w)
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            cell = tbl.cell(r, c)
            cell.text = val
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size = PPt(size)
            if r and c == health_col:
                word = val.strip().upper()
                hexc = {"GREEN": "00A651", "YELLOW": "E6B800", "RED": "D0021B"}[word]
                run.font.bold = True
                run.font.color.rgb = PRGB.from_string(hexc)


def write_us_pptx(path, k):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    core(prs.core_properties, k["title"], "Priya Raman")
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Core Banking Modernization"
    s.placeholders[1].text = "Steering Committee  |  " + k["when"]
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _pptx_title(s, "Workstream Health")
    rows = [("Workstream", "Lead", "Health", "% Done", "Commentary")] + [
        (ws, lead, US_HEALTH[rag][0], f"{pct}%", note) for ws, lead, rag, pct, note in k["health"]]
    _pptx_table(s, 1.2, rows, [3.0, 1.6, 1.2, 1.0, 5.6], health_col=2)
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _pptx_title(s, "Decisions Needed from SteerCo")
    _bullets(s, 1.3, k["decisions"] or ["None this week."])
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _pptx_title(s, "Top Risks")
    if k["risks"]:
        _pptx_table(s, 1.2, [("Risk", "Owner", "Mitigation")] + k["risks"], [6.0, 1.8, 4.6])
    else:
        _bullets(s, 1.3, ["No new or escalated risks."])
    prs.save(path)
    normalize_zip(path)


def write_us_pdf(path, k):
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(letter), title=k["title"], author="Priya Raman",
                            invariant=1)
    flow = [Paragraph("Core Banking Modernization", styles["Title"]),
            Paragraph("Steering Committee  |  " + k["when"], styles["Heading2"]),
            Paragraph("Cobalt Federal Savings Bank — Program Management Office", body), PageBreak(),
            Paragraph("Workstream Health", styles["Heading1"])]
    rows = [[Paragraph(f"<b>{h}</b>", body) for h in ("Workstream", "Lead", "Health", "% Done", "Commentary")]]
    for ws, lead, rag, pct, note in k["health"]:
        word, hexc = US_HEALTH[rag]
        rows.append([Paragraph(ws, body), Paragraph(lead, body),
                     Paragraph(f'<font color="#{hexc}"><b>{word}</b></font>', body),
                     Paragraph(f"{pct}%", body), Paragraph(note, body)])
    t = Table(rows, colWidths=[170, 90, 60, 50, 330])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow += [t, PageBreak(), Paragraph("Decisions Needed from SteerCo", styles["Heading1"])]
    for line in k["decisions"] or ["None this week."]:
        flow.append(Paragraph("• " + line, body))
    flow += [PageBreak(), Paragraph("Top Risks", styles["Heading1"])]
    rows = [[Paragraph(f"<b>{h}</b>", body) for h in ("Risk", "Owner", "Mitigation")]]
    rows += [[Paragraph(c, body) for c in r] for r in k["risks"]]
    t = Table(rows, colWidths=[330, 110, 260])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow.append(t)
    if k.get("actions"):
        flow += [PageBreak(), Paragraph("Open Action Items", styles["Heading1"])]
        rows = [[Paragraph(f"<b>{h}</b>", body) for h in ("#", "Task", "Responsible", "Target Date", "Status")]]
        rows += [[Paragraph(c, body) for c in r] for r in k["actions"]]
        t = Table(rows, colWidths=[30, 330, 110, 80, 150])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        flow.append(t)
    flow += [Spacer(1, 12), Paragraph("Source: PMO status tracker. Commentary by workstream leads.", body)]
    doc.build(flow)


def write_eml(path, sender, to, cc, subject, when, body):
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = f"<{when.strftime('%Y%m%d%H%M')}.status@cobaltfederal.example>"
    msg.set_content(body)
    path.write_bytes(msg.as_bytes())


def write_uk_minutes(path, m):
    """UK formal style: numbered paragraphs, NOTED / AGREED / DEFERRED, inline ACTION paragraphs."""
    d = docx.Document()
    core(d.core_properties, m["title"], "Fiona Grant")
    p_(d, "HALDEN BOROUGH COUNCIL", bold=True, size=12)
    p_(d, "CUSTOMER FIRST PROGRAMME BOARD", bold=True, size=14)
    p_(d, m["held"])
    para = d.add_paragraph()
    para.add_run("Present: ").bold = True
    para.add_run(m["present"])
    para = d.add_paragraph()
    para.add_run("In attendance: ").bold = True
    para.add_run(m["in_attendance"])
    for heading, items in m["sections"]:
        p_(d, heading, bold=True)
        for t in items:
            if t.startswith("ACTION:"):
                para = d.add_paragraph()
                r = para.add_run(t)
                r.bold = True
            else:
                p_(d, t)
    p_(d, "")
    p_(d, m["next"], bold=True)
    p_(d, "Signed as a correct record: ______________________  (Chair)", size=9)
    d.save(path)
    normalize_zip(path)


RAG_FILL = {"green": PRGB(0x2E, 0x9E, 0x4F), "amber": PRGB(0xF5, 0xA6, 0x23), "red": PRGB(0xC6, 0x28, 0x28)}


def write_uk_dashboard(path, k):
    """Workstreams as coloured tiles (shapes, not a table)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    core(prs.core_properties, k["title"], "Fiona Grant")
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Customer First Programme"
    s.placeholders[1].text = "Programme Board dashboard — " + k["when"]
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _pptx_title(s, "Where we are: workstream status")
    for i, (ws, rag, word, pct, note) in enumerate(k["tiles"]):
        left = 0.4 + (i % 3) * 4.2
        top = 1.3 + (i // 3) * 2.9
        tile = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(top), Inches(4.0), Inches(2.6))
        tile.fill.solid()
        tile.fill.fore_color.rgb = RAG_FILL[rag]
        tf = tile.text_frame
        tf.word_wrap = True
        lines = [(ws, 18, True), (word, 16, True), (f"{pct}% complete", 14, False), (note, 12, False)]
        for j, (text, size, bold) in enumerate(lines):
            p = tf.paragraphs[0] if j == 0 else tf.add_paragraph()
            p.text = text
            p.runs[0].font.size, p.runs[0].font.bold = PPt(size), bold
            p.runs[0].font.color.rgb = PRGB(0xFF, 0xFF, 0xFF)
    for title, lines in k["slides"]:
        s = prs.slides.add_slide(prs.slide_layouts[6])
        _pptx_title(s, title)
        _bullets(s, 1.3, lines, size=15)
    prs.save(path)
    normalize_zip(path)


def write_text(path, text):
    path.write_text(text.strip("\n") + "\n", encoding="utf-8")


# =============================================================== program 1: cobalt-core (US)
P1 = "cobalt-core"
CB_MEET = [D(2026, 6, 2), D(2026, 6, 9), D(2026, 6, 16), D(2026, 6, 23), D(2026, 6, 30), D(2026, 7, 7)]
CB_PEOPLE = [("Marcus Delgado", "EVP Operations, Executive Sponsor"), ("Jennifer Okafor", "Program Director"),
             ("Tom Brennan", "CIO"), ("Raj Patel", "Chief Risk Officer"), ("Linda Chu", "Controller"),
             ("Kevin Walsh", "Payments Lead"), ("Alicia Romero", "Data Migration Lead"),
             ("Derek Simmons", "Test Manager"), ("Nora Fitzgerald", "Change Lead"),
             ("Priya Raman", "PMO Lead"), ("Sam Whitaker", "Fintrex")]
CB_WS = {"core": "Core Platform Configuration", "pay": "Payments & Card Interfaces",
         "mig": "Customer Data Migration", "test": "Testing & Release", "org": "Org Readiness & Training"}
CB_LEAD = {"core": "T. Brennan", "pay": "K. Walsh", "mig": "A. Romero", "test": "D. Simmons", "org": "N. Fitzgerald"}
CB_LEAD_NAME = {"core": "Tom Brennan", "pay": "Kevin Walsh", "mig": "Alicia Romero", "test": "Derek Simmons",
                "org": "Nora Fitzgerald"}
ISO = "Deliver final ISO 20022 message specification for card settlement"
ESCH = "Identify a business owner for the dormant account escheatment rules"
SURVEY = "Complete branch hardware readiness survey"


def us_long(d):
    return f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}, {d.year}"


def cb_attendance(doc, regrets):
    present = [(n, r) for n, r in CB_PEOPLE if n not in regrets]
    doc.attendees = [n for n, _ in present]
    doc.apologies = list(regrets)
    return "; ".join(f"{n} ({r})" for n, r in present), (", ".join(regrets) if regrets else "None")


def cb_deck(docs, week, health, decisions, risks, actions=None, pdf=False):
    d = CB_MEET[week]
    ext = "pdf" if pdf else "pptx"
    rel = f"{P1}/steerco-decks/CBM SteerCo Deck {d.month}-{d.day}-{d.year}.{ext}"
    doc = Doc(P1, rel, d, "deck")
    rows = []
    for key, rag, pct, note in health:
        doc.stat(CB_WS[key], rag, pct)
        rows.append((CB_WS[key], CB_LEAD[key], rag, pct, note))
    k = {"title": f"Core Banking Modernization SteerCo {d.month}/{d.day}/{d.year}",
         "when": f"{d.strftime('%B')} {d.day}, {d.year}", "health": rows,
         "decisions": [x[1] for x in decisions], "risks": [], "actions": []}
    for thread, text, status in decisions:
        doc.dec(thread, text, status)
    for thread, text, owner_shown, owner, mit_shown, mit in risks:
        doc.risk(thread, text, owner, mit)
        k["risks"].append((text, owner_shown, mit_shown))
    for num, thread, text, resp, owner, target, due, status_shown, status in actions or []:
        doc.act(thread, text, owner, due, status)
        k["actions"].append((num, text, resp, target, status_shown))
    (write_us_pdf if pdf else write_us_pptx)(OUT / rel, k)
    docs.append(doc)


def cb_minutes(docs, week, regrets, discussion, decisions, risks, actions, no_actions=None):
    d = CB_MEET[week]
    rel = f"{P1}/minutes/CBM_SteerCo_Minutes_{d.strftime('%m%d%y')}.docx"
    doc = Doc(P1, rel, d, "minutes")
    att, reg = cb_attendance(doc, regrets)
    m = {"title": f"SteerCo Minutes {d.month}/{d.day}/{d.year}",
         "when": f"Meeting Date: {us_long(d)}  |  9:00–10:30 AM CT  |  Conf Rm 14B / Teams",
         "attendees": att, "regrets": reg, "discussion": discussion, "decisions": [], "risks": [],
         "actions": [], "no_actions": no_actions,
         "next": f"Next meeting: {us_long(d + dt.timedelta(days=7))}, 9:00 AM CT."}
    for thread, shown, text, status in decisions:
        doc.dec(thread, text, status)
        if shown:
            m["decisions"].append(shown)
    for thread, shown, text, owner, mit in risks:
        doc.risk(thread, text, owner, mit)
        m["risks"].append(shown)
    for num, thread, text, resp, owner, target, due, update, status in actions:
        doc.act(thread, text, owner, due, status)
        m["actions"].append((num, text, resp, target, update))
    write_us_minutes(OUT / rel, m)
    docs.append(doc)


def cb_email(docs, week, day_offset, subject, body, labels):
    d = CB_MEET[week] + dt.timedelta(days=day_offset)
    rel = f"{P1}/status-email/Weekly Status - {d.strftime('%m-%d-%Y')}.eml"
    doc = Doc(P1, rel, d, "email")
    for kind, args in labels:
        getattr(doc, kind)(*args)
    when = dt.datetime(d.year, d.month, d.day, 16, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    write_eml(OUT / rel, "Priya Raman <praman@cobaltfederal.example>",
              "CBM SteerCo Distribution <cbm-steerco@cobaltfederal.example>",
              "Jennifer Okafor <jokafor@cobaltfederal.example>", subject, when, body)
    docs.append(doc)


def d_(m, day, y=2026):
    return D(y, m, day).isoformat()


def build_cobalt():
    docs = []
    # ---------------------------------------------------------------- week 1: 6/2
    cb_minutes(docs, 0, [], [
        "Program status: Jennifer walked the committee through the dashboard. Configuration sprint 3 closed "
        "last Friday and all workstreams are tracking to the baseline plan.",
        "Payments: Kevin confirmed that interface design for card settlement is complete. NorthStar has "
        "committed to issue the final message specification by 6/12.",
        "Data migration: mock conversion 2 ran over the weekend and loaded 99.2% of deposit accounts. "
        "Reconciliation results will follow this week.",
        "Fintrex: Sam reported that one of the senior Fintrex developers has resigned; two named backup "
        "developers are already on the account.",
    ], [
        ("D-CB-02", "Approved Fintrex change order #7 to add the real-time payments module, funded from "
         "program contingency.", "Fintrex change order #7 to add the real-time payments module", "made"),
    ], [
        ("R-CB-02", "Fintrex key-person risk: a senior developer has resigned. Owner: Sam Whitaker. "
         "Mitigation: two named backup developers already on the account.",
         "Fintrex key-person risk: a senior developer has resigned", "Sam Whitaker",
         "two named backup developers already on the account"),
    ], [
        ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "6/12", d_(6, 12), "New", "open"),
        ("2", "A-CB-04", "Send mock conversion 2 reconciliation results to Finance", "AR", "Alicia Romero",
         "Fri 6/5", d_(6, 5), "New", "open"),
        ("3", "A-CB-05", "Confirm Fed wire cutoff times with Treasury Ops", "K. Walsh", "Kevin Walsh", "6/10",
         d_(6, 10), "New", "open"),
        ("4", "A-CB-06", "Schedule CRO walkthrough of the conversion controls", "PMO", "PMO", "6/16", d_(6, 16),
         "New", "open"),
        ("5", "A-CB-13", "Draft regulatory notification letter to the OCC", "RP", "Raj Patel", "6/26",
         d_(6, 26), "New", "open"),
        ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "New", "open"),
    ])
    cb_deck(docs, 0, [
        ("core", "green", 45, "Sprint 3 closed; sprint 4 backlog groomed."),
        ("pay", "green", 30, "Card settlement interface design complete."),
        ("mig", "green", 25, "Mock conversion 2 loaded 99.2% of deposit accounts."),
        ("test", "green", 10, "SIT entry criteria drafted."),
        ("org", "green", 30, "Change impact assessment underway."),
    ], [("D-CB-03", "Approve a third mock conversion before go-live (PMO recommends yes)", "pending")],
        [("R-CB-02", "Fintrex key-person risk – senior developer resigned", "S. Whitaker", "Sam Whitaker",
          "Two named backup developers on the account", "two named backup developers on the account")],
        pdf=True)

    # ---------------------------------------------------------------- week 2: 6/9
    cb_minutes(docs, 1, ["Tom Brennan"], [
        "Core platform: in Tom's absence Jennifer reported that configuration sprint 4 closed on schedule.",
        "Payments: NorthStar confirmed the specification is in final review and remains on course for 6/12.",
        "Data migration: the mock 2 reconciliation shows breaks in 0.8% of deposit balances, mostly "
        "accrued-interest rounding. Alicia flagged that this puts mock 3 readiness at risk.",
        "Escheatment: nobody in the business currently owns the dormant account escheatment rules.",
    ], [
        ("D-CB-03", "Approved a third mock conversion, scheduled for the weekend of 7/18.",
         "third mock conversion, scheduled for the weekend of 7/18", "made"),
    ], [
        ("R-CB-04", "Deposit balance reconciliation breaks could delay mock 3. Owner: Alicia Romero. "
         "Mitigation: daily reconciliation triage with Finance.",
         "Deposit balance reconciliation breaks could delay mock 3", "Alicia Romero",
         "daily reconciliation triage with Finance"),
    ], [
        ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "6/12", d_(6, 12), "In progress – in final review",
         "in_progress"),
        ("2", "A-CB-04", "Send mock conversion 2 reconciliation results to Finance", "A. Romero",
         "Alicia Romero", "6/5", d_(6, 5), "Complete", "done"),
        ("3", "A-CB-05", "Confirm Fed wire cutoff times with Treasury Ops", "K. Walsh", "Kevin Walsh", "6/10",
         d_(6, 10), "Closed – 5:00 PM ET cutoff confirmed", "done"),
        ("4", "A-CB-06", "Schedule CRO walkthrough of the conversion controls", "PMO", "PMO", "6/16",
         d_(6, 16), "In progress – booking for 6/15", "in_progress"),
        ("5", "A-CB-13", "Draft regulatory notification letter to the OCC", "RP", "Raj Patel", "6/26",
         d_(6, 26), "In progress", "in_progress"),
        ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "Open – 40 of 62 branches returned",
         "open"),
        ("7", "A-CB-02", ESCH, "JO", "Jennifer Okafor", "TBD", None, "New", "open"),
    ])
    cb_deck(docs, 1, [
        ("core", "green", 50, "Sprint 4 closed on schedule; no slippage expected."),
        ("pay", "green", 35, "ISO 20022 specification in final review at NorthStar."),
        ("mig", "amber", 28, "Reconciliation breaks in 0.8% of deposit balances; daily triage in place."),
        ("test", "green", 12, "SIT environment build started."),
        ("org", "green", 35, "Change impact assessment 80% complete."),
    ], [], [("R-CB-04", "Deposit balance reconciliation breaks could delay mock 3", "A. Romero", "Alicia Romero",
             "Daily reconciliation triage with Finance", "daily reconciliation triage with Finance")])
    cb_email(docs, 1, 2, "CBM Weekly Status & RAID Summary – week of 6/8", """
Team,

Summary of where we landed after Tuesday's SteerCo.

HEADLINES
- Configuration sprint 4 closed on schedule.
- A third mock conversion is approved for the weekend of 7/18.

RAID SUMMARY

Risks
- R-02 Fintrex key-person risk – RETIRED. The backfill developers are onboarded and productive. Owner: Sam Whitaker.
- R-04 Deposit balance reconciliation breaks could delay mock 3. Owner: Alicia Romero. Mitigation: daily reconciliation triage with Finance.

Actions (open)
- ISO 20022 card settlement specification – NorthStar – due 6/12
- Business owner for the escheatment rules – Jennifer Okafor – TBD

Issues
- None new this week.

Decisions
- Third mock conversion approved (weekend of 7/18).

Thanks,
Priya Raman | PMO Lead | Core Banking Modernization
""", [
        ("risk", ("R-CB-02", "Fintrex key-person risk – retired, backfill developers onboarded", "Sam Whitaker",
                  "backfill developers onboarded and productive")),
        ("risk", ("R-CB-04", "Deposit balance reconciliation breaks could delay mock 3", "Alicia Romero",
                  "daily reconciliation triage with Finance")),
        ("act", ("A-CB-01", "ISO 20022 card settlement specification", "NorthStar", d_(6, 12), "open")),
        ("act", ("A-CB-02", "Business owner for the escheatment rules", "Jennifer Okafor", None, "open")),
        ("dec", ("D-CB-03", "Third mock conversion approved (weekend of 7/18)", "made")),
    ])

    # ---------------------------------------------------------------- week 3: 6/16
    cb_minutes(docs, 2, ["Linda Chu"], [
        "Payments: NorthStar did not deliver the message specification on 6/12. Kevin reported that the card "
        "settlement interface build is blocked until it arrives; NorthStar has offered 6/19.",
        "Data migration: the accrued-interest rounding fix is deployed; the deposit balance reconciliation "
        "needs a rerun to confirm.",
        "Conversion weekend: the committee compared Labor Day weekend (9/5) with Columbus Day weekend (10/10). "
        "Fintrex has to confirm command-center staffing before a choice can be made.",
    ], [
        ("D-CB-07", "Approved the revised SIT entry criteria.", "revised SIT entry criteria", "made"),
        ("D-CB-01", "Conversion weekend – Labor Day (9/5) or Columbus Day (10/10): decision pending Fintrex "
         "staffing confirmation.", "Conversion weekend – Labor Day (9/5) or Columbus Day (10/10)", "pending"),
    ], [
        ("R-CB-01", "Raj raised a new risk: the Q3 regulatory exam may pull Finance and Risk SMEs away from UAT. "
         "No owner or mitigation was agreed.",
         "the Q3 regulatory exam may pull Finance and Risk SMEs away from UAT", None, None),
    ], [
        ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "6/19", d_(6, 19),
         "Not received 6/12 – re-dated to 6/19", "open"),
        ("4", "A-CB-06", "Schedule CRO walkthrough of the conversion controls", "PMO", "PMO", "6/16", d_(6, 16),
         "Complete – held 6/15", "done"),
        ("5", "A-CB-13", "Draft regulatory notification letter to the OCC", "RP", "Raj Patel", "6/26",
         d_(6, 26), "Complete – with Legal for review", "done"),
        ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "Open – 51 of 62 returned", "open"),
        ("7", "A-CB-02", ESCH, "JO", "Jennifer Okafor", "TBD", None, "Open – approaching candidates", "open"),
        ("8", "A-CB-09", "Rerun the deposit balance reconciliation after the rounding fix", "AR", "Alicia Romero",
         "6/19", d_(6, 19), "New", "open"),
        ("9", "A-CB-12", "Confirm Fintrex command-center staffing for both conversion weekend options",
         "S. Whitaker", "Sam Whitaker", "COB Thursday", d_(6, 18), "New", "open"),
    ])
    cb_deck(docs, 2, [
        ("core", "green", 55, "Sprint 5 in progress."),
        ("pay", "green", 38, "Interface design signed off; build mobilizing."),
        ("mig", "amber", 30, "Rounding fix deployed; reconciliation rerun this week."),
        ("test", "green", 15, "SIT entry criteria approved."),
        ("org", "amber", 40, "Training vendor SOW not yet signed."),
    ], [("D-CB-01", "Conversion weekend: Labor Day (9/5) vs. Columbus Day (10/10)", "pending")],
        [("R-CB-04", "Deposit balance reconciliation breaks could delay mock 3", "A. Romero", "Alicia Romero",
          "Daily reconciliation triage with Finance", "daily reconciliation triage with Finance"),
         ("R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs from UAT", "TBD", None, "—", None)],
        pdf=True)

    # ---------------------------------------------------------------- week 4: 6/23
    cb_minutes(docs, 3, ["Raj Patel"], [
        "Payments: the NorthStar specification has still not arrived. Kevin said the card settlement "
        "interface build is now two weeks behind plan.",
        "Data migration: the reconciliation rerun came back clean apart from 40 accounts, which Alicia expects "
        "to close this week.",
        "Conversion weekend: Fintrex can staff Columbus Day but needs two more engineers for Labor Day; "
        "internal backfill for Labor Day is being explored before the committee chooses.",
        "Training: Procurement expects the revised training vendor SOW next week.",
    ], [
        ("D-CB-05", "Approved an $85K overtime budget for the data migration team through mock 3.",
         "$85K overtime budget for the data migration team through mock 3", "made"),
        ("D-CB-01", "Conversion weekend selection DEFERRED to the 6/30 SteerCo pending the internal backfill "
         "review.", "Conversion weekend selection", "deferred"),
    ], [], [
        ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "6/26", d_(6, 26),
         "Still outstanding – NorthStar now committing to 6/26", "open"),
        ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "Open – 58 of 62 returned", "open"),
        ("7", "A-CB-02", ESCH, "JO", "Jennifer Okafor", "TBD", None, "Open", "open"),
        ("8", "A-CB-09", "Rerun the deposit balance reconciliation after the rounding fix", "AR",
         "Alicia Romero", "6/19", d_(6, 19), "Complete", "done"),
        ("9", "A-CB-12", "Confirm Fintrex command-center staffing for both conversion weekend options",
         "S. Whitaker", "Sam Whitaker", "6/18", d_(6, 18), "Complete – Columbus Day only without backfill",
         "done"),
        ("10", "A-CB-10", "Provide the revised training vendor SOW", "Procurement", "Procurement", "7/2",
         d_(7, 2), "New", "open"),
    ])
    cb_deck(docs, 3, [
        ("core", "green", 60, "Sprint 5 closed; sprint 6 started."),
        ("pay", "green", 41, "Build mobilizing; NorthStar engagement continuing."),
        ("mig", "amber", 33, "Reconciliation rerun clean bar 40 accounts."),
        ("test", "green", 20, "SIT cycle 1 scripts 70% written."),
        ("org", "amber", 40, "Training vendor SOW revision pending."),
    ], [("D-CB-01", "Conversion weekend: Labor Day vs. Columbus Day (deferred from 6/16)", "deferred")],
        [("R-CB-03", "NorthStar may not certify card settlement in time for conversion", "K. Walsh", "Kevin Walsh",
          "TBD", None)])
    cb_email(docs, 3, 2, "CBM Weekly Status & RAID Summary – week of 6/22", """
All,

Weekly status following the 6/23 SteerCo.

RAID SUMMARY

Risks
- R-05 Q3 regulatory exam may pull Finance and Risk SMEs away from UAT. Owner: TBD. Mitigation: none yet.
- R-06 NorthStar may not certify card settlement in time for conversion. Owner: Kevin Walsh. Mitigation: to be agreed.

Actions
- ISO 20022 card settlement specification (NorthStar) – now due 6/26, originally 6/12.
- Revised training vendor SOW (Procurement) – due 7/2.

Issues
- I-03 The card settlement interface build is blocked waiting on the NorthStar specification and is two weeks behind plan.

Decisions
- $85K overtime budget for the data migration team approved.
- Conversion weekend: deferred to the 6/30 SteerCo.

Priya
""", [
        ("risk", ("R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs away from UAT", None, None)),
        ("risk", ("R-CB-03", "NorthStar may not certify card settlement in time for conversion", "Kevin Walsh",
                  None)),
        ("act", ("A-CB-01", "ISO 20022 card settlement specification", "NorthStar", d_(6, 26), "open")),
        ("act", ("A-CB-10", "Revised training vendor SOW", "Procurement", d_(7, 2), "open")),
        ("dec", ("D-CB-05", "$85K overtime budget for the data migration team approved", "made")),
        ("dec", ("D-CB-01", "Conversion weekend", "deferred")),
    ])

    # ---------------------------------------------------------------- week 5: 6/30 (no outcome)
    cb_minutes(docs, 4, ["Raj Patel", "Tom Brennan"], [
        "The meeting was given over to the conversion weekend. Jennifer presented the trade-offs: Labor Day "
        "leaves five more weeks of hypercare before year-end; Columbus Day gives Fintrex time to staff the "
        "command center.",
        "Members discussed the impact on branch staffing and the holiday schedule at length. No decision was "
        "reached and the item stays open for the 7/7 SteerCo.",
        "Kevin noted that the card settlement interface is now three weeks behind plan.",
        "Alicia confirmed that the data migration workstream has recovered to plan following the "
        "reconciliation fix.",
        "The action log was not reviewed due to time.",
    ], [
        ("D-CB-01", None, "conversion weekend – no decision was reached and the item stays open for the 7/7 "
         "SteerCo", "pending"),
    ], [], [], no_actions="No new action items.")
    cb_deck(docs, 4, [
        ("core", "green", 65, "Sprint 6 on track."),
        ("pay", "green", 44, "Interface build in progress."),
        ("mig", "green", 40, "Reconciliation breaks closed; recovered to plan."),
        ("test", "green", 25, "SIT cycle 1 scripts complete."),
        ("org", "amber", 40, "Training vendor SOW due 7/2."),
    ], [("D-CB-01", "Conversion weekend: Labor Day (9/5) vs. Columbus Day (10/10)", "pending")],
        [("R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs from UAT", "TBD", None, "—", None),
         ("R-CB-03", "NorthStar may not certify card settlement in time for conversion", "K. Walsh", "Kevin Walsh",
          "Escalation path to NorthStar's executive sponsor", "escalation path to NorthStar's executive sponsor")],
        actions=[
            ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "6/26", d_(6, 26), "Overdue", "open"),
            ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "Open", "open"),
            ("7", "A-CB-02", ESCH, "JO", "Jennifer Okafor", "TBD", None, "Open", "open"),
            ("10", "A-CB-10", "Provide the revised training vendor SOW", "Procurement", "Procurement", "7/2",
             d_(7, 2), "Open", "open"),
        ], pdf=True)

    # ---------------------------------------------------------------- week 6: 7/7
    cb_minutes(docs, 5, ["Raj Patel"], [
        "Conversion weekend: Tom confirmed two internal engineers can backfill Fintrex for the command center.",
        "Payments: NorthStar has moved the specification again, now to 7/10. Kevin has moved Payments to "
        "Yellow this week.",
        "Regulatory exam: Linda agreed to take the UAT resourcing risk.",
    ], [
        ("D-CB-01", "Approved Columbus Day weekend (10/10) for the core conversion.",
         "Columbus Day weekend (10/10) for the core conversion", "made"),
        ("D-CB-06", "Agreed to escalate the NorthStar delays to NorthStar's executive sponsor.",
         "escalate the NorthStar delays to NorthStar's executive sponsor", "made"),
    ], [
        ("R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs from UAT. Owner: Linda Chu. Mitigation: "
         "backfill UAT with contract testers.", "Q3 regulatory exam may pull Finance and Risk SMEs from UAT",
         "Linda Chu", "backfill UAT with contract testers"),
        ("R-CB-03", "NorthStar may not certify card settlement in time for the October conversion. Owner: Kevin "
         "Walsh. Mitigation: executive escalation (decision 2).",
         "NorthStar may not certify card settlement in time for the October conversion", "Kevin Walsh",
         "executive escalation"),
    ], [
        ("1", "A-CB-01", ISO, "NorthStar", "NorthStar", "7/10", d_(7, 10), "Overdue since 6/12 – re-dated to 7/10",
         "open"),
        ("6", "A-CB-03", SURVEY, "NF", "Nora Fitzgerald", "7/31", d_(7, 31), "Open – 61 of 62 returned", "open"),
        ("7", "A-CB-02", ESCH, "JO", "Jennifer Okafor", "TBD", None, "Open – no candidate yet", "open"),
        ("10", "A-CB-10", "Provide the revised training vendor SOW", "Procurement", "Procurement", "7/2",
         d_(7, 2), "Complete – SOW signed 7/1", "done"),
        ("11", "A-CB-07", "Update the cutover war-room RACI", "TBD", None, "7/17", d_(7, 17), "New", "open"),
        ("12", "A-CB-08", "Circulate lessons learned from mock conversion 2", "All", None, "7/14", d_(7, 14),
         "New", "open"),
        ("13", "A-CB-11", "Book the conversion weekend command center", "PR", "Priya Raman", "7/17", d_(7, 17),
         "New", "open"),
    ])
    cb_deck(docs, 5, [
        ("core", "green", 70, "Sprint 6 closed."),
        ("pay", "amber", 46, "NorthStar specification re-dated to 7/10; build three weeks behind."),
        ("mig", "green", 48, "Recovered to plan; mock 3 preparation on track."),
        ("test", "green", 30, "SIT cycle 1 starts 7/13."),
        ("org", "amber", 40, "SOW signed 7/1; training vendor mobilizing."),
    ], [], [("R-CB-03", "NorthStar may not certify card settlement in time for conversion", "K. Walsh",
             "Kevin Walsh", "Executive escalation to NorthStar", "executive escalation to NorthStar")])
    cb_email(docs, 5, 2, "CBM Weekly Status & RAID Summary – week of 7/6", """
Team,

Status after the 7/7 SteerCo. Payments is Yellow this week.

RAID SUMMARY

Risks
- R-05 Q3 regulatory exam may pull Finance and Risk SMEs away from UAT. Owner: Linda Chu. Mitigation: backfill UAT with contract testers.
- R-06 NorthStar may not certify card settlement in time for conversion. Owner: Kevin Walsh. Mitigation: executive escalation.

Actions
- ISO 20022 card settlement specification – NorthStar – now 7/10
- Business owner for the escheatment rules – Jennifer Okafor – TBD
- Cutover war-room RACI – owner TBD – 7/17
- Book the conversion weekend command center – Priya Raman – 7/17

Issues
- I-03 Card settlement interface build blocked pending the NorthStar specification; three weeks behind plan.

Decisions
- Columbus Day weekend (10/10) approved for conversion.
- NorthStar delays escalated to their executive sponsor.

Priya
""", [
        ("risk", ("R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs away from UAT", "Linda Chu",
                  "backfill UAT with contract testers")),
        ("risk", ("R-CB-03", "NorthStar may not certify card settlement in time for conversion", "Kevin Walsh",
                  "executive escalation")),
        ("act", ("A-CB-01", "ISO 20022 card settlement specification", "NorthStar", d_(7, 10), "open")),
        ("act", ("A-CB-02", "Business owner for the escheatment rules", "Jennifer Okafor", None, "open")),
        ("act", ("A-CB-07", "Cutover war-room RACI", None, d_(7, 17), "open")),
        ("act", ("A-CB-11", "Book the conversion weekend command center", "Priya Raman", d_(7, 17), "open")),
        ("dec", ("D-CB-01", "Columbus Day weekend (10/10) approved for conversion", "made")),
        ("dec", ("D-CB-06", "NorthStar delays escalated to their executive sponsor", "made")),
    ])
    # (week, workstream) pairs whose documents describe material problems (hand-kept watermelon evidence)
    problems = {(CB_MEET[2], CB_WS["pay"]), (CB_MEET[3], CB_WS["pay"]), (CB_MEET[4], CB_WS["pay"]),
                (CB_MEET[5], CB_WS["pay"]), (CB_MEET[1], CB_WS["mig"]), (CB_MEET[2], CB_WS["org"]),
                (CB_MEET[3], CB_WS["org"])}
    planted = [
        ("watermelon", CB_WS["pay"], CB_WS["pay"], "Kevin Walsh",
         "Reported GREEN in the 6/16, 6/23 and 6/30 decks while the same week's minutes and RAID e-mail say "
         "NorthStar has not delivered the specification and the card settlement build is blocked and weeks "
         "behind plan; reported Yellow on 7/7."),
        ("stale_action", "A-CB-01", "NorthStar to deliver the final ISO 20022 message specification", "NorthStar",
         "Open in all six meeting weeks; re-dated 6/12 -> 6/19 -> 6/26 -> 7/10."),
        ("stale_action", "A-CB-02", "Identify a business owner for the dormant account escheatment rules",
         "Jennifer Okafor", "Open in five meeting weeks (6/9 - 7/7) with target date TBD."),
        ("due_date_slip", "A-CB-01", "NorthStar to deliver the final ISO 20022 message specification", "NorthStar",
         "Due moved later three times: 6/12 -> 6/19 -> 6/26 -> 7/10."),
        ("deferred_decision", "D-CB-01", "Conversion weekend: Labor Day or Columbus Day", None,
         "Pending 6/16, deferred 6/23, no decision reached 6/30; approved 7/7."),
        ("unowned_action", "A-CB-07", "Update the cutover war-room RACI", None, "Responsible: TBD."),
        ("unowned_action", "A-CB-08", "Circulate lessons learned from mock conversion 2", None, "Responsible: All."),
        ("unmitigated_risk", "R-CB-01", "Q3 regulatory exam may pull Finance and Risk SMEs away from UAT", None,
         "No owner and no mitigation at 6/16, 6/23 and 6/30; owned by Linda Chu on 7/7."),
        ("frozen_progress", CB_WS["org"], CB_WS["org"], "Nora Fitzgerald",
         "40% done in four consecutive decks (6/16 - 7/7)."),
        ("meeting_without_outcome", "2026-06-30", "SteerCo 6/30/2026", None,
         "The 6/30 minutes record a long discussion of the conversion weekend, no decision and no action items."),
        ("attendance_decline", "Raj Patel", "Raj Patel", "Raj Patel", "Regrets at 6/23, 6/30 and 7/7."),
    ]
    thread_ws = {"A-CB-01": CB_WS["pay"], "A-CB-02": CB_WS["mig"], "R-CB-01": CB_WS["test"],
                 "A-CB-07": None, "A-CB-08": None, "D-CB-01": None}
    return docs, CB_MEET, problems, planted, thread_ws


# =============================================================== program 2: halden-crm (UK)
P2 = "halden-crm"
HC_MEET = [D(2026, 1, 15), D(2026, 1, 29), D(2026, 2, 12), D(2026, 2, 26), D(2026, 3, 12)]
HC_PRESENT = [("Angela Price", "Director of Customer Services and SRO, Chair"), ("Gareth Lloyd", "Director of Finance"),
              ("Martin Hale", "Programme Manager"), ("Priya Nandra", "Head of ICT"),
              ("Claire Osei", "Head of Revenues & Benefits"), ("David Kerr", "Data Protection Officer"),
              ("Rebecca Sim", "Business Change Lead"), ("Owen Tully", "Account Director, Caseworx Ltd")]
HC_WS = {"crm": "CRM Platform Build", "case": "Case Management Migration", "int": "Integrations",
         "dfd": "Digital Front Door", "bct": "Business Change & Training"}
DPIA = "complete the data protection impact assessment (DPIA) for the case management data migration"
RETAIN = "confirm the retention schedule for legacy benefit files"
API = "deliver the council tax API to the test environment"
BENEFITS = "refresh the benefits realisation plan"
SME_RISK = "key Revenues subject matter experts will be unavailable during annual billing in March"


def uk_long(d):
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')} {d.year}"


def hc_minutes(docs, week, apologies, sections):
    """sections: [(heading, [text | ("act"|"dec"|"risk", shown, args)])]."""
    d = HC_MEET[week]
    rel = f"{P2}/board-minutes/PB-{d.isoformat()}-minutes.docx"
    doc = Doc(P2, rel, d, "minutes")
    present = [(n, r) for n, r in HC_PRESENT if n not in apologies]
    doc.attendees = [n for n, _ in present] + ["Fiona Grant"]
    doc.apologies = list(apologies)
    out = []
    for heading, items in sections:
        texts = []
        for it in items:
            if isinstance(it, str):
                texts.append(it)
            else:
                kind, shown, args = it
                getattr(doc, kind)(*args)
                texts.append(shown)
        out.append((heading, texts))
    nxt = HC_MEET[week + 1] if week + 1 < len(HC_MEET) else D(2026, 3, 26)
    m = {"title": f"Customer First Programme Board minutes {d.isoformat()}",
         "held": f"Minutes of the meeting held on {uk_long(d)} at 10.00 in Committee Room 2, Civic Centre",
         "present": "; ".join(f"{n} ({r})" for n, r in present),
         "in_attendance": "Fiona Grant (PMO, minutes)",
         "sections": out, "next": f"Date of next meeting: {uk_long(nxt)}, 10.00, Committee Room 2."}
    write_uk_minutes(OUT / rel, m)
    docs.append(doc)


def hc_apologies(names_roles):
    if not names_roles:
        return "1.1 The Chair welcomed members. There were no apologies."
    parts = [f"{n} ({r})" for n, r in names_roles]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"1.1 The Chair welcomed members. Apologies were received from {joined}."


def hc_report(docs, week, report_date, number, summary, tiles, risks, decisions, next_period):
    rel = f"{P2}/highlight-reports/Highlight-Report-{number:02d}_{report_date.isoformat()}.md"
    doc = Doc(P2, rel, report_date, "status_report")
    word = {"green": "GREEN", "amber": "AMBER", "red": "RED"}
    lines = [f"# Customer First Programme — Highlight Report No. {number}", "",
             f"**Report date:** {report_date.day} {report_date.strftime('%B %Y')}  ",
             f"**For:** Programme Board, {uk_long(HC_MEET[week])}  ",
             "**Prepared by:** Fiona Grant, PMO", "", "## Summary", "", summary, "",
             "## Tolerance status", "",
             "| Workstream | Tolerance status | % complete | Commentary |",
             "|---|---|---|---|"]
    for key, rag, pct, note in tiles:
        doc.stat(HC_WS[key], rag, pct)
        lines.append(f"| {HC_WS[key]} | {word[rag]} | {pct}% | {note} |")
    lines += ["", "## Key risks", "", "| Ref | Description | Owner | Mitigation |", "|---|---|---|---|"]
    for ref, thread, text, owner_shown, owner, mit_shown, mit in risks:
        doc.risk(thread, text, owner, mit)
        lines.append(f"| {ref} | {text} | {owner_shown} | {mit_shown} |")
    if decisions:
        lines += ["", "## Decisions required of the Board", ""]
        for thread, text, status, shown in decisions:
            doc.dec(thread, text, status)
            lines.append(f"- {shown}")
    lines += ["", "## Next period", ""] + [f"- {x}" for x in next_period]
    write_text(OUT / rel, "\n".join(lines))
    docs.append(doc)


def hc_dashboard(docs, week, tiles, style, slides):
    d = HC_MEET[week]
    rel = f"{P2}/dashboards/Board-Dashboard-{d.day:02d}{d.strftime('%b%Y')}.pptx"
    doc = Doc(P2, rel, d, "deck")
    words = {"onoff": {"green": "On Track", "amber": "At Risk", "red": "Off Track"},
             "letters": {"green": "RAG: G", "amber": "RAG: A", "red": "RAG: R"}}[style]
    shown_tiles = []
    for key, rag, pct, note in tiles:
        doc.stat(HC_WS[key], rag, pct)
        shown_tiles.append((HC_WS[key], rag, words[rag], pct, note))
    out_slides = []
    for title, items in slides:
        lines = []
        for it in items:
            if isinstance(it, str):
                lines.append(it)
            else:
                kind, shown, args = it
                getattr(doc, kind)(*args)
                lines.append(shown)
        out_slides.append((title, lines))
    write_uk_dashboard(OUT / rel, {"title": f"Customer First Board dashboard {d.isoformat()}",
                                   "when": f"{d.day} {d.strftime('%B %Y')}", "tiles": shown_tiles,
                                   "slides": out_slides})
    docs.append(doc)


def hc_chain(docs, date, slug, text, labels):
    rel = f"{P2}/correspondence/{slug}_{date.day:02d}{date.strftime('%b%Y')}.txt"
    doc = Doc(P2, rel, date, "email")
    for kind, args in labels:
        getattr(doc, kind)(*args)
    write_text(OUT / rel, text)
    docs.append(doc)


def build_halden():
    docs = []
    GL = ("Gareth Lloyd", "Director of Finance")
    # ---------------------------------------------------------------- board 1: 15 January
    hc_minutes(docs, 0, ["Owen Tully"], [
        ("1. Welcome and apologies", [hc_apologies([("Owen Tully", "Caseworx")])]),
        ("2. Minutes of the previous meeting and action log", [
            "2.1 The minutes of the meeting held on 18 December 2025 were AGREED as an accurate record.",
            ("act", "2.2 Action 12/04 (PMO to issue the revised governance terms of reference) – complete.",
             ("A-HC-14", "issue the revised governance terms of reference", "PMO", None, "done")),
        ]),
        ("3. Programme highlight report", [
            "3.1 The Programme Manager presented Highlight Report No. 11. The Board NOTED that the CRM platform "
            "build and the digital front door are within tolerance and that case management migration is at an "
            "early stage.",
            ("risk", "3.2 The Board NOTED the risk that poor data quality in legacy benefit records could delay the "
             "case management migration. The risk is owned by Claire Osei and is being mitigated through a data "
             "cleansing sprint.",
             ("R-HC-03", "poor data quality in legacy benefit records could delay the case management migration",
              "Claire Osei", "a data cleansing sprint")),
            ("act", "ACTION: PMO to circulate the revised programme plan to Board members by Friday.",
             ("A-HC-04", "circulate the revised programme plan to Board members", "PMO", d_(1, 16))),
            ("act", f"ACTION: DPO to {DPIA} by 30 January.", ("A-HC-01", DPIA, "DPO", d_(1, 30))),
        ]),
        ("4. Contact centre pilot", [
            "4.1 The Board considered the options paper on the sequence of the contact centre pilot.",
            ("dec", "4.2 AGREED that the contact centre pilot will go live first with the Revenues team.",
             ("D-HC-02", "the contact centre pilot will go live first with the Revenues team", "made")),
            ("dec", "4.3 AGREED to release £40,000 from programme contingency for additional Caseworx "
             "configuration days.",
             ("D-HC-03", "release £40,000 from programme contingency for additional Caseworx configuration days",
              "made")),
            ("act", f"ACTION: CO to {RETAIN}; date TBC.", ("A-HC-02", RETAIN, "Claire Osei", None)),
            ("act", "ACTION: RS to complete the training needs analysis for contact centre staff by 13/02.",
             ("A-HC-10", "complete the training needs analysis for contact centre staff", "Rebecca Sim",
              d_(2, 13))),
        ]),
        ("5. Any other business", ["5.1 None."]),
    ])
    hc_report(docs, 0, D(2026, 1, 13), 11,
              "A good period. The CRM platform build completed configuration iteration 2 and the digital front "
              "door published six new web forms. The integration design with Caseworx has been agreed and "
              "build has started.",
              [("crm", "green", 40, "Iteration 2 configured and demonstrated to service leads."),
               ("case", "green", 20, "Data profiling of legacy benefit records under way."),
               ("int", "green", 35, "Interface design agreed with Caseworx; build started."),
               ("dfd", "green", 50, "Six web forms live."),
               ("bct", "green", 15, "Change champion network recruited.")],
              [("R12", "R-HC-03", "Poor data quality in legacy benefit records could delay the migration",
                "Claire Osei", "Claire Osei", "Data cleansing sprint", "data cleansing sprint"),
               ("R15", "R-HC-04", "Insufficient ICT capacity to support go-live", "Priya Nandra", "Priya Nandra",
                "—", None)],
              [("D-HC-02", "sequence of the contact centre pilot", "pending",
                "Confirm the sequence of the contact centre pilot (options paper attached).")],
              ["Configuration iteration 3.", "Complete interface build for council tax and benefits.",
               "Launch the training needs analysis."])

    # ---------------------------------------------------------------- board 2: 29 January
    hc_chain(docs, D(2026, 1, 27), "RE_Council_tax_API_Caseworx", """
From: Priya Nandra <priya.nandra@halden.gov.example>
Sent: 27 January 2026 16:42
To: Martin Hale <martin.hale@halden.gov.example>
Cc: Angela Price <angela.price@halden.gov.example>
Subject: RE: Council tax API - Caseworx

Martin,

Short version: we are blocked. Caseworx have not delivered the council tax API to the test environment and our integration build cannot progress until they do. Integrations is now about two weeks behind plan.

I spoke to Owen this afternoon. Caseworx to provide a revised delivery date for the council tax API by COB Friday.

Priya

-----Original Message-----
From: Martin Hale <martin.hale@halden.gov.example>
Sent: 26 January 2026 09:15
To: Priya Nandra <priya.nandra@halden.gov.example>
Subject: Council tax API - Caseworx

Priya - where are we with the council tax API? Thursday's dashboard still has Integrations On Track and I want to be sure that is right before it goes to the Board.

Thanks
Martin
""", [("act", ("A-HC-08", "provide a revised delivery date for the council tax API", "Caseworx", d_(1, 30)))])
    hc_minutes(docs, 1, ["Gareth Lloyd"], [
        ("1. Welcome and apologies", [hc_apologies([GL])]),
        ("2. Minutes of the previous meeting and action log", [
            "2.1 The minutes of the meeting held on 15 January were AGREED.",
            ("act", "2.2 Action 01/01 (PMO – revised programme plan) – complete.",
             ("A-HC-04", "revised programme plan", "PMO", None, "done")),
            ("act", "2.3 Action 01/02 (DPO – DPIA for the case management migration) – not complete; revised "
             "target 13 February.", ("A-HC-01", "DPIA for the case management migration", "DPO", d_(2, 13))),
            ("act", "2.4 Action 01/03 (CO – retention schedule for legacy benefit files) – outstanding, date TBC.",
             ("A-HC-02", "retention schedule for legacy benefit files", "Claire Osei", None)),
            ("act", "2.5 Action 01/04 (RS – training needs analysis) – in progress, on course for 13 February.",
             ("A-HC-10", "training needs analysis", "Rebecca Sim", d_(2, 13), "in_progress")),
        ]),
        ("3. Programme dashboard", [
            "3.1 The Programme Manager presented the dashboard.",
            ("risk", f"3.2 The Board NOTED a new risk that {SME_RISK}. No owner or mitigation has yet been "
             "identified.", ("R-HC-01", SME_RISK, None, None)),
            ("risk", "3.3 The Board NOTED the risk that Caseworx's delivery of the council tax API slips beyond "
             "March. Martin Hale owns the risk and has set up a weekly supplier checkpoint.",
             ("R-HC-02", "Caseworx's delivery of the council tax API slips beyond March", "Martin Hale",
              "a weekly supplier checkpoint")),
            ("act", "ACTION: SRO to write to the Caseworx managing director about the council tax API delivery, "
             "by the next Board.",
             ("A-HC-03", "write to the Caseworx managing director about the council tax API delivery", "SRO",
              d_(2, 12))),
            ("act", "ACTION: MH to present options for backfilling Revenues SMEs during annual billing, "
             "w/c 9 February.",
             ("A-HC-05", "present options for backfilling Revenues SMEs during annual billing", "Martin Hale",
              d_(2, 9), "open", True)),
        ]),
        ("4. Legacy CRM", [
            "4.1 The Board considered whether to decommission the legacy Orbis CRM at go-live or keep it "
            "read-only for twelve months. The Director of Finance's view on running costs is needed.",
            ("dec", "4.2 The decision was DEFERRED to the March Board, pending a cost comparison from Finance.",
             ("D-HC-01", "whether to decommission the legacy Orbis CRM at go-live or keep it read-only for twelve "
              "months", "deferred")),
        ]),
    ])
    hc_dashboard(docs, 1, [
        ("crm", "green", 48, "Iteration 3 in progress."),
        ("case", "amber", 24, "DPIA not yet complete; profiling found 11% duplicate claimant records."),
        ("int", "green", 38, "API build with Caseworx in progress."),
        ("dfd", "green", 58, "Housing repairs form in user testing."),
        ("bct", "green", 30, "Training needs analysis in progress."),
    ], "onoff", [
        ("Risks for Board attention", [
            ("risk", "Revenues SMEs unavailable during annual billing (March) — owner: TBC; mitigation: TBC",
             ("R-HC-01", "Revenues SMEs unavailable during annual billing (March)", None, None)),
            ("risk", "Council tax API delivery slips beyond March — owner: Martin Hale; mitigation: weekly "
             "supplier checkpoint", ("R-HC-02", "Council tax API delivery slips beyond March", "Martin Hale",
                                     "weekly supplier checkpoint")),
        ]),
    ])

    # ---------------------------------------------------------------- board 3: 12 February
    hc_report(docs, 2, D(2026, 2, 10), 12,
              "The CRM platform build accepted iteration 3. Case management migration remains at risk while "
              "duplicate claimant records are cleansed and the DPIA is outstanding. The digital front door "
              "continues to deliver to plan.",
              [("crm", "green", 55, "Iteration 3 accepted by service leads."),
               ("case", "amber", 27, "Duplicate claimant records being cleansed; DPIA outstanding."),
               ("int", "green", 40, "API build continuing with Caseworx."),
               ("dfd", "green", 66, "Council tax payments form live; no slippage expected."),
               ("bct", "amber", 30, "Training needs analysis complete; trainer backfill not yet agreed.")],
              [("R12", "R-HC-03", "Poor data quality in legacy benefit records (retired – cleansing sprint "
                "complete)", "Claire Osei", "Claire Osei", "Data cleansing sprint", "data cleansing sprint"),
               ("R15", "R-HC-04", "Insufficient ICT capacity to support go-live", "Priya Nandra", "Priya Nandra",
                "—", None),
               ("R18", "R-HC-01", "Revenues SMEs unavailable during annual billing in March", "TBC", None,
                "To be identified", None),
               ("R19", "R-HC-02", "Caseworx council tax API delivery slips beyond March", "Martin Hale",
                "Martin Hale", "Weekly supplier checkpoint", "weekly supplier checkpoint")],
              [("D-HC-01", "Orbis CRM decommissioning", "deferred",
                "Orbis CRM decommissioning — deferred to the March Board (cost comparison awaited).")],
              ["Iteration 4 configuration.", "Trainer backfill proposal to the Board."])
    hc_minutes(docs, 2, ["Gareth Lloyd"], [
        ("1. Welcome and apologies", [hc_apologies([GL])]),
        ("2. Minutes of the previous meeting and matters arising", [
            "2.1 The minutes of the meeting held on 29 January were AGREED.",
            ("act", "2.2 Action 01/02 (DPO – DPIA) – revised target 27 February; awaiting supplier data-flow "
             "diagrams.", ("A-HC-01", "DPIA", "DPO", d_(2, 27))),
            ("act", "2.3 Action 01/03 (CO – retention schedule) – outstanding, date TBC.",
             ("A-HC-02", "retention schedule", "Claire Osei", None)),
            ("act", "2.4 Action 01/04 (RS – training needs analysis) – complete.",
             ("A-HC-10", "training needs analysis", "Rebecca Sim", None, "done")),
            ("act", "2.5 Action 02/01 (SRO – letter to the Caseworx managing director) – complete; letter sent "
             "3 February.", ("A-HC-03", "letter to the Caseworx managing director", "SRO", None, "done")),
            ("act", "2.6 Action 02/02 (MH – Revenues SME backfill options) – Closed – see minute 5.2.",
             ("A-HC-05", "Revenues SME backfill options", "Martin Hale", None, "done")),
            ("act", "2.7 Action 02/03 (Caseworx – revised API delivery date) – complete; Caseworx have given "
             "6 March.", ("A-HC-08", "revised API delivery date", "Caseworx", None, "done")),
        ]),
        ("3. Integrations", [
            "3.1 The Board NOTED that the Integrations workstream is behind plan while the council tax API "
            "remains undelivered.",
            ("act", f"ACTION: Caseworx to {API} by 6 March.", ("A-HC-09", API, "Caseworx", d_(3, 6))),
            ("act", "ACTION: MH to re-baseline the Integrations plan once the API date is confirmed, by the next "
             "Board.", ("A-HC-13", "re-baseline the Integrations plan once the API date is confirmed",
                        "Martin Hale", d_(2, 26))),
            ("dec", "3.2 Approval of the re-baselined Integrations plan will be sought once the API date is "
             "confirmed.", ("D-HC-05", "approval of the re-baselined Integrations plan", "pending")),
        ]),
        ("4. Commercial", [
            ("dec", "4.1 AGREED to extend the Tamarind Digital contract by three months to cover the extended "
             "build.", ("D-HC-04", "extend the Tamarind Digital contract by three months", "made")),
            ("act", f"ACTION: The team to {BENEFITS} by end of March.", ("A-HC-06", BENEFITS, None, d_(3, 31))),
        ]),
        ("5. Revenues SME backfill", [
            "5.1 The Programme Manager presented three options for backfilling Revenues SMEs.",
            ("risk", "5.2 The Board NOTED the options. The risk of losing Revenues SMEs to annual billing still "
             "has no owner or mitigation.",
             ("R-HC-01", "losing Revenues SMEs to annual billing", None, None)),
        ]),
    ])

    # ---------------------------------------------------------------- board 4: 26 February (no outcome)
    hc_chain(docs, D(2026, 2, 25), "RE_Integrations_position_for_Board", """
From: Martin Hale <martin.hale@halden.gov.example>
Sent: 25 February 2026 18:05
To: Angela Price <angela.price@halden.gov.example>
Subject: RE: Integrations - position for tomorrow's Board

Angela,

Straight answer: Integrations is behind plan by about four weeks. The council tax API is still not in our test environment and Owen is now talking about "mid-March" rather than 6 March, so that date is slipping too.

The dashboard still shows Integrations as G. I'd suggest we leave it for tomorrow while Owen presents Caseworx's recovery approach, and take it to Red at the March Board if the date goes.

Martin

-----Original Message-----
From: Angela Price <angela.price@halden.gov.example>
Sent: 25 February 2026 11:20
To: Martin Hale <martin.hale@halden.gov.example>
Subject: Integrations - position for tomorrow's Board

Martin - can you give me a straight answer on Integrations before tomorrow? Members will ask.

Angela
""", [])
    hc_minutes(docs, 3, ["Gareth Lloyd"], [
        ("1. Welcome and apologies", [hc_apologies([GL])]),
        ("2. Minutes of the previous meeting", [
            "2.1 The minutes of the meeting held on 12 February were AGREED as a correct record. The action log "
            "was taken as read.",
        ]),
        ("3. Integrations deep dive", [
            "3.1 Owen Tully (Caseworx) presented the supplier's recovery approach for the council tax API.",
            "3.2 Members questioned the supplier's resourcing and the realism of its dates. The Board NOTED the "
            "presentation.",
            ("risk", "3.3 The Board NOTED that the risk of losing Revenues SMEs to annual billing remains without "
             "an owner or mitigation.", ("R-HC-01", "losing Revenues SMEs to annual billing", None, None)),
        ]),
        ("4. Any other business", ["4.1 None. No decisions were taken and no new actions were agreed."]),
    ])
    hc_dashboard(docs, 3, [
        ("crm", "green", 61, "Iteration 4 configured."),
        ("case", "amber", 30, "Cleansing 70% complete; DPIA still outstanding."),
        ("int", "green", 42, "API build continuing."),
        ("dfd", "green", 74, "Housing repairs form live."),
        ("bct", "amber", 30, "Trainer backfill not yet agreed."),
    ], "letters", [
        ("Open actions", [
            ("act", "DPIA for the case management migration — DPO — 27 Feb",
             ("A-HC-01", "DPIA for the case management migration", "DPO", d_(2, 27))),
            ("act", "Retention schedule for legacy benefit files — CO — TBC",
             ("A-HC-02", "Retention schedule for legacy benefit files", "Claire Osei", None)),
            ("act", "Council tax API to the test environment — Caseworx — 6 Mar",
             ("A-HC-09", "Council tax API to the test environment", "Caseworx", d_(3, 6))),
            ("act", "Re-baseline the Integrations plan — MH — 26 Feb",
             ("A-HC-13", "Re-baseline the Integrations plan", "Martin Hale", d_(2, 26))),
            ("act", "Refresh the benefits realisation plan — the team — 31 Mar",
             ("A-HC-06", "Refresh the benefits realisation plan", None, d_(3, 31))),
        ]),
        ("Decisions for the Board", ["None this period."]),
    ])

    # ---------------------------------------------------------------- board 5: 12 March
    hc_report(docs, 4, D(2026, 3, 10), 13,
              "Integrations is now reported Red: Caseworx has not delivered the council tax API and a re-baselined "
              "plan comes to this Board. The CRM platform build and the digital front door remain on plan.",
              [("crm", "green", 68, "Iteration 5 in progress."),
               ("case", "amber", 36, "Cleansing complete; DPIA still outstanding."),
               ("int", "red", 43, "Council tax API not delivered; re-baselined plan to the Board."),
               ("dfd", "green", 80, "Accessibility fixes on the payments form; no slippage expected."),
               ("bct", "amber", 30, "Trainer backfill still not agreed.")],
              [("R15", "R-HC-04", "Insufficient ICT capacity to support go-live", "Priya Nandra", "Priya Nandra",
                "Temporary contractors approved for go-live", "temporary contractors approved for go-live"),
               ("R19", "R-HC-02", "Caseworx council tax API delivery slips beyond March", "Martin Hale",
                "Martin Hale", "Weekly supplier checkpoint; escalated to the SRO",
                "weekly supplier checkpoint; escalated to the SRO")],
              [], ["Go-live readiness assessment.", "Trainer backfill decision."])
    hc_minutes(docs, 4, ["Rebecca Sim"], [
        ("1. Welcome and apologies", [hc_apologies([("Rebecca Sim", "Business Change Lead")])]),
        ("2. Minutes of the previous meeting and action log", [
            "2.1 The minutes of the meeting held on 26 February were AGREED.",
            ("act", "2.2 Action 01/02 (DPO – DPIA) – not complete; the DPO advised that it will now be 20 March.",
             ("A-HC-01", "DPIA", "DPO", d_(3, 20))),
            ("act", "2.3 Action 01/03 (CO – retention schedule) – outstanding, date TBC.",
             ("A-HC-02", "retention schedule", "Claire Osei", None)),
            ("act", "2.4 Action 03/01 (Caseworx – council tax API to the test environment) – not delivered; "
             "overdue since 6 March.",
             ("A-HC-09", "council tax API to the test environment", "Caseworx", d_(3, 6))),
            ("act", "2.5 Action 03/02 (MH – re-baseline the Integrations plan) – complete.",
             ("A-HC-13", "re-baseline the Integrations plan", "Martin Hale", None, "done")),
            ("act", "2.6 Action 03/03 (the team – benefits realisation plan) – in progress, end of March.",
             ("A-HC-06", "benefits realisation plan", None, d_(3, 31), "in_progress")),
        ]),
        ("3. Legacy CRM (deferred from 29 January)", [
            "3.1 The Director of Finance presented the cost comparison.",
            ("dec", "3.2 AGREED that the Orbis CRM will be decommissioned at go-live, with a read-only archive "
             "retained for six years.",
             ("D-HC-01", "the Orbis CRM will be decommissioned at go-live, with a read-only archive retained for "
              "six years", "made")),
            ("act", "ACTION: SRO to brief the Cabinet Member on the Orbis decommissioning decision by 31 March.",
             ("A-HC-12", "brief the Cabinet Member on the Orbis decommissioning decision", "SRO", d_(3, 31))),
        ]),
        ("4. Integrations", [
            "4.1 The Board NOTED that Integrations is now reported Red.",
            ("dec", "4.2 AGREED the re-baselined Integrations plan.",
             ("D-HC-05", "the re-baselined Integrations plan", "made")),
            ("dec", "4.3 AGREED a go-live date of 8 June 2026 for the contact centre pilot.",
             ("D-HC-06", "a go-live date of 8 June 2026 for the contact centre pilot", "made")),
            ("risk", "4.4 The Board NOTED that the risk of losing Revenues SMEs during annual billing is now owned "
             "by Claire Osei and mitigated by agency backfill for the billing period.",
             ("R-HC-01", "losing Revenues SMEs during annual billing", "Claire Osei",
              "agency backfill for the billing period")),
            ("act", "ACTION: PN to confirm the go-live change freeze window with ICT operations by 26 March.",
             ("A-HC-11", "confirm the go-live change freeze window with ICT operations", "Priya Nandra",
              d_(3, 26))),
            ("act", "ACTION: Owner TBC – arrange accessibility testing of the new web forms by end of Q2.",
             ("A-HC-07", "arrange accessibility testing of the new web forms", None, d_(6, 30), "open", True)),
        ]),
    ])
    problems = {(HC_MEET[1], HC_WS["int"]), (HC_MEET[2], HC_WS["int"]), (HC_MEET[3], HC_WS["int"]),
                (HC_MEET[4], HC_WS["int"]), (HC_MEET[1], HC_WS["case"]), (HC_MEET[2], HC_WS["case"]),
                (HC_MEET[3], HC_WS["case"]), (HC_MEET[4], HC_WS["case"]), (HC_MEET[2], HC_WS["bct"]),
                (HC_MEET[3], HC_WS["bct"]), (HC_MEET[4], HC_WS["bct"])}
    planted = [
        ("watermelon", HC_WS["int"], HC_WS["int"], "Priya Nandra",
         "Shown On Track / GREEN / G on 29 Jan, 12 Feb and 26 Feb while the same fortnight's e-mails and minutes "
         "say the build is blocked on the Caseworx API and weeks behind plan; reported Red on 12 March."),
        ("stale_action", "A-HC-01", "DPO to complete the DPIA for the case management data migration", "DPO",
         "Open at all five Boards; re-dated 30 Jan -> 13 Feb -> 27 Feb -> 20 Mar."),
        ("stale_action", "A-HC-02", "Confirm the retention schedule for legacy benefit files", "Claire Osei",
         "Open at all five Boards with the date TBC."),
        ("stale_action", "A-HC-09", "Caseworx to deliver the council tax API to the test environment", "Caseworx",
         "Open at three Boards (12 Feb - 12 Mar); due 6 March and overdue at the last mention."),
        ("due_date_slip", "A-HC-01", "DPO to complete the DPIA for the case management data migration", "DPO",
         "Due moved later three times: 30 Jan -> 13 Feb -> 27 Feb -> 20 Mar."),
        ("deferred_decision", "D-HC-01", "Decommission the legacy Orbis CRM at go-live or keep it read-only", None,
         "Deferred on 29 January and still deferred in the 10 February highlight report; agreed 12 March."),
        ("unowned_action", "A-HC-06", "Refresh the benefits realisation plan", None, "Owner 'the team'."),
        ("unowned_action", "A-HC-07", "Arrange accessibility testing of the new web forms", None, "Owner TBC."),
        ("unmitigated_risk", "R-HC-01", "Revenues SMEs unavailable during annual billing", None,
         "No owner or mitigation at the 29 Jan, 12 Feb and 26 Feb Boards; owned on 12 March."),
        ("frozen_progress", HC_WS["bct"], HC_WS["bct"], "Rebecca Sim",
         "30% complete at four consecutive Boards (29 Jan - 12 Mar)."),
        ("meeting_without_outcome", "2026-02-26", "Programme Board 26 February 2026", None,
         "The 26 February minutes record a supplier deep dive; no decisions were taken and no actions agreed."),
        ("attendance_decline", "Gareth Lloyd", "Gareth Lloyd", "Gareth Lloyd",
         "Apologies at 29 Jan, 12 Feb and 26 Feb: three consecutive Boards."),
    ]
    thread_ws = {"A-HC-01": HC_WS["case"], "A-HC-02": HC_WS["case"], "A-HC-09": HC_WS["int"],
                 "A-HC-06": None, "A-HC-07": HC_WS["dfd"], "D-HC-01": None, "R-HC-01": HC_WS["case"]}
    return docs, HC_MEET, problems, planted, thread_ws


# =============================================================== signal derivation (SPEC.md, meeting weeks)
def week_of(date, meetings):
    best = min(meetings, key=lambda m: abs((m - date).days))
    assert abs((best - date).days) <= 3, ("document outside every meeting week", date)
    return best


def derive(docs, meetings, problems):
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
                assert w not in pct[st["workstream"]], ("two % reports in one week", st)
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
        dated = [D.fromisoformat(due[w]) for w in weeks if due[w] and not closed[w]]
        moves = [b for a, b in zip(dated, dated[1:]) if b != a]
        assert all(b > a for a, b in zip(dated, dated[1:]) if b != a), ("due moved earlier", t)
        if len(open_weeks) >= 3:
            last = open_weeks[-1]
            upto = [D.fromisoformat(due[w]) for w in open_weeks if due[w]]
            overdue = bool(upto) and due[last] is not None and D.fromisoformat(due[last]) < last
            if overdue or due[last] is None or len(set(upto)) > 1:
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
        if len(bare) >= 2:
            found[("unmitigated_risk", t)] = (bare[0], bare[-1])
        assert not mixed, ("bare in some mentions of a week only", t)
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
    for ws, weeks in melon.items():
        idx = [meetings.index(w) for w in weeks]
        assert idx == list(range(idx[0], idx[-1] + 1)), ("two watermelon runs", ws)
        found[("watermelon", ws)] = (weeks[0], weeks[-1])
    minutes = sorted((d for d in docs if d.kind == "minutes"), key=lambda d: d.date)
    assert [d.date for d in minutes] == meetings
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


def verify_quotes(docs):
    """Every labeled item's words must appear in its document (catches typos between text and labels)."""
    from pptx import Presentation as P

    def text_of(path):
        if path.suffix == ".docx":
            d = docx.Document(str(path))
            return "\n".join([p.text for p in d.paragraphs] +
                             [c.text for t in d.tables for row in t.rows for c in row.cells])
        if path.suffix == ".pptx":
            out = []
            for s in P(str(path)).slides:
                for sh in s.shapes:
                    if sh.has_text_frame:
                        out.append(sh.text_frame.text)
                    if getattr(sh, "has_table", False) and sh.has_table:
                        out += [c.text for row in sh.table.rows for c in row.cells]
            return "\n".join(out)
        if path.suffix == ".pdf":
            return None
        return path.read_text(encoding="utf-8", errors="replace")

    norm = lambda s: re.sub(r"\s+", " ", s.lower())
    for d in docs:
        body = text_of(OUT / d.relpath)
        if body is None:
            continue
        body = norm(body)
        for kind in ("actions", "decisions", "risks"):
            for it in getattr(d, kind):
                words = [w for w in re.findall(r"[a-z0-9]+", it["text"].lower()) if len(w) > 3]
                missing = [w for w in words if w not in body]
                assert not missing, (d.relpath, it["text"], missing)


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in ("cobalt-core/minutes", "cobalt-core/steerco-decks", "cobalt-core/status-email",
                "halden-crm/board-minutes", "halden-crm/highlight-reports", "halden-crm/dashboards",
                "halden-crm/correspondence"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
    all_docs, programs = [], {}
    for name, build in (("cobalt-core", build_cobalt), ("halden-crm", build_halden)):
        docs, meetings, problems, planted, thread_ws = build()
        docs.sort(key=lambda d: (d.date, d.kind != "minutes", d.relpath))
        verify_quotes(docs)
        programs[name] = {"expected_signals": expected(name, docs, meetings, problems, planted, thread_ws)}
        all_docs += docs
    labels = {"documents": [d.label() for d in all_docs], "programs": programs}
    (OUT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_text(OUT / "README.md", """
# signalscan cross-style corpus (generated)

Held-out house styles, unlike ../../shared/eval/dev. Two fictional programs:

- `cobalt-core` — US savings bank core-banking replacement, six weekly Tuesday SteerCos (June-July 2026):
  US minutes (Attendees / Regrets, Key Decisions, Risks & Issues, Action Items table with #, Task, Responsible,
  Target Date, Update; month-first dates, initials, vendors, roles, TBD / All owners), a steering deck alternating
  PDF and .pptx (Health column with coloured GREEN / YELLOW / RED words, % Done), and a Thursday RAID e-mail (.eml).
- `halden-crm` — UK council CRM and case-management programme, five fortnightly Programme Boards (Jan-Mar 2026):
  numbered formal minutes (NOTED / AGREED / DEFERRED, inline "ACTION: SRO to ...", apologies in a sentence, a
  matters-arising action log in prose), a Markdown highlight report with a "Tolerance status" table, a .pptx
  dashboard of coloured tiles (On Track / At Risk / Off Track, or "RAG: G/A/R") and plain-text e-mail chains.

YELLOW is labeled amber. Roles (SRO, DPO, PMO, Procurement) and vendors (NorthStar, Caseworx) are kept as owners;
initials resolve to the attendee list; TBD / TBC / All / "the team" owners are null. "w/c 9 February" and
"end of Q2" dues carry `due_ambiguous`. RAID "Issues" and e-mail narrative are not labeled as risks / actions.
Regenerate with `.venv/bin/python eval/make_xstyles.py`; never edit by hand.
""")
    n = {k: sum(len(d[k]) for d in labels["documents"]) for k in ("actions", "decisions", "risks", "statuses")}
    print(f"wrote {len(all_docs)} documents to {OUT}: {n}; "
          f"signals {[len(p['expected_signals']) for p in programs.values()]}")


if __name__ == "__main__":
    main()
