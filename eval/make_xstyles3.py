#!/usr/bin/env python3
"""Generate eval/xstyles3/: a fourth labeled cross-style corpus for signalscan (held-out house styles).

Written blind to the extraction, tracking and signal code, in styles unlike ../shared/eval/dev, eval/xstyles and
eval/xstyles2:

* ``kestrel-billing`` — a UK water utility's customer-billing replacement delivered by an Indian IT-services
  vendor; five weekly Tuesday steering committees (April-May 2026). Per week: the vendor's Weekly Status Report
  (.docx: workstream table with Green/Amber/Red words, "Accomplishments this week / Planned for next week /
  Dependencies / Escalations", a RAID log table with a Type column (Risk / Assumption / Issue / Dependency) and
  Raised by / Owner / Target closure / Mitigation plan, and a Decision Log with "Decision required by / Decision
  owner / Status: Awaiting / Approved / Rejected / Parked"; dates 2026/04/06) and the client's steering minutes
  (.docx: Attendees / Apologies, an action table whose status is "Not started / In flight / Blocked / Closed" and
  whose owners are e-mail addresses or "Priya R."; dates 07-Apr-2026). One week's minutes record discussion only
  ("Decisions: None this week", "Actions carried forward: see log").
* ``larkspur-crm`` — a Quebec mutual insurer's CRM rollout, five weekly Thursday steering calls (May-June 2026).
  The meeting record is a Teams-style transcript export (.txt: "Name   10:32" line, then the utterance; .vtt is
  not read by signalscan), the deck (.pptx) shows each workstream's RAG ONLY as the fill colour of a circle
  (standard Office RGB greens / ambers / reds, no RAG text) and % complete as a progress-bar label, with a top-risks
  table; status e-mails (.eml) are reply chains whose quoted earlier messages ("On ..., X wrote:" and "> " lines)
  are not labeled — only what the top reply states.

Label conventions: "In flight" is in_progress, "Not started" and "Blocked" are open, "Closed" is done; Awaiting is
pending, Parked deferred, Approved and Rejected made (a rejection is a decision taken). RAID rows of Type Risk and
Issue are risks; Assumption and Dependency rows are not. Owners: e-mail addresses and "Priya R." resolve to the
attendee's full name; vendors (Meterix, Nuvola Consulting) are owners; "TBD", "the team", "someone from ..." are
none; a mitigation plan "TBD" is none. Transcripts are the meeting record (kind minutes); their speakers are the
attendees. expected_signals are re-derived from the labels with SPEC.md's definitions (meeting weeks, as of each
program's last meeting) and must equal the planted list; every labeled word must occur in its file.
Deterministic: run ``.venv/bin/python eval/make_xstyles3.py`` to regenerate.
"""
import datetime as dt
import email.policy
import email.utils
import json
import re
import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
from docx.shared import Pt
from pptx import Presentation
from pptx.dml.color import RGBColor as PRGB
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt as PPt

HERE = Path(__file__).resolve().parent
OUT = HERE / "xstyles3"
D = dt.date
FIXED = dt.datetime(2026, 1, 1, 9, 0, 0)


# =============================================================== labels and writers
# shared with the xstyles2 generator (one harness for every blind corpus)
from make_xstyles2 import (  # noqa: E402
    Doc, core, doc_text, expected, normalize_zip, write_text,
)


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


# =============================================================== helpers for this corpus
def dmy(d):
    return d.strftime("%d-%b-%Y")


def ymd(d):
    return d.strftime("%Y/%m/%d")


def grid(doc, header, rows):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Light Grid Accent 1"
    for i, h in enumerate(header):
        t.rows[0].cells[i].text = h
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = str(v)
            for p in cells[i].paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
    return t


def bullets(doc, items):
    for it in items:
        doc.add_paragraph(it, style="List Bullet")


# =============================================================== kestrel-billing (UK utility + Indian IT-services vendor)
KB = "kestrel-billing"
KB_MEET = [D(2026, 4, 7), D(2026, 4, 14), D(2026, 4, 21), D(2026, 4, 28), D(2026, 5, 5)]
KB_PEOPLE = {  # name: (role, e-mail, short form)
    "Eleanor Ashdown": ("Programme Sponsor, Fenmore Water (Chair)", "eleanor.ashdown@fenmorewater.co.uk", "Eleanor A."),
    "Gareth Pryce": ("Programme Manager, Fenmore Water", "gareth.pryce@fenmorewater.co.uk", "Gareth P."),
    "Owen Caddick": ("Business Lead - Billing Operations", "owen.caddick@fenmorewater.co.uk", "Owen C."),
    "Harriet Moss": ("Finance Business Partner", "harriet.moss@fenmorewater.co.uk", "Harriet M."),
    "Venkatesh Iyer": ("Delivery Manager, Sarvam Digital Services", "venkatesh.iyer@sarvamdigital.com", "Venkatesh I."),
    "Priya Raghunathan": ("Data Conversion Lead, Sarvam Digital Services", "priya.raghunathan@sarvamdigital.com",
                          "Priya R."),
    "Anand Kulkarni": ("Test Manager, Sarvam Digital Services", "anand.kulkarni@sarvamdigital.com", "Anand K."),
    "Lakshmi Narayanan": ("PMO Analyst, Sarvam Digital Services (minutes)", "lakshmi.narayanan@sarvamdigital.com",
                          "Lakshmi N."),
}
KB_ACT = {"Not started": "open", "In flight": "in_progress", "Blocked": "open", "Closed": "done"}
KB_DEC = {"Awaiting": "pending", "Parked": "deferred", "Approved": "made", "Rejected": "made"}
KB_VAGUE = {"TBD", "Someone from Finance", "The team"}


def kb_owner(disp):
    if disp in KB_VAGUE:
        return None
    if disp == "Meterix":
        return "Meterix"
    for name, (_, mail, short) in KB_PEOPLE.items():
        if disp in (name, mail, short):
            return name
    raise AssertionError(disp)


def kb_minutes(docs, idx, apologies, discussion, decisions, actions, no_decisions=False):
    """decisions: (thread, sentence, label_text, status); actions: (thread, text, owner display, due|None, word, note)."""
    m = KB_MEET[idx]
    rel = f"{KB}/steerco-minutes/Kestrel_SteerCo_Minutes_{m:%Y%m%d}.docx"
    d = Doc(KB, rel, m, "minutes")
    doc = docx.Document()
    core(doc.core_properties, f"Project Kestrel - Steering Committee Minutes {dmy(m)}", "Lakshmi Narayanan")
    doc.add_heading("Project Kestrel - Customer Billing Transformation", level=1)
    doc.add_paragraph(f"Steering Committee Minutes | Date: {dmy(m)} | 10:00-11:00 | Teams / Board Room 2, Fenmore House")
    present = [n for n in KB_PEOPLE if n not in apologies]
    doc.add_heading("Attendees", level=2)
    doc.add_paragraph("; ".join(f"{n} ({KB_PEOPLE[n][0]})" for n in present))
    doc.add_heading("Apologies", level=2)
    doc.add_paragraph("; ".join(apologies) if apologies else "None")
    d.attendees, d.apologies = present, list(apologies)
    doc.add_heading("Discussion", level=2)
    for i, (topic, text) in enumerate(discussion, 1):
        p = doc.add_paragraph()
        p.add_run(f"{i}. {topic}: ").bold = True
        p.add_run(text)
    doc.add_heading("Decisions", level=2)
    if no_decisions:
        doc.add_paragraph("Decisions: None this week.")
    for thread, sentence, label, status in decisions:
        doc.add_paragraph(sentence, style="List Number")
        d.dec(thread, label, status)
    doc.add_heading("Actions", level=2)
    if not actions:
        doc.add_paragraph("Actions carried forward: see log. No new actions raised.")
    else:
        rows = []
        for n, (thread, text, disp, due, word, note) in enumerate(actions, 1):
            rows.append([f"K-{thread[-2:]}", text, disp, dmy(due) if due else "TBC", word, note])
            d.act(thread, text, kb_owner(disp), due, KB_ACT[word])
        grid(doc, ["#", "Action", "Owner", "Due", "Status", "Notes"], rows)
    doc.add_paragraph(f"Next meeting: {dmy(m + dt.timedelta(days=7))}" if idx < 4 else "Next meeting: 12-May-2026")
    doc.save(OUT / rel)
    normalize_zip(OUT / rel)
    docs.append(d)


def kb_report(docs, idx, ws, accomplished, planned, dependencies, escalations, raid, declog):
    """ws: (name, word, pct, remarks); raid: (id, type, desc, raised, owner disp, target, mitigation disp, status,
    thread); declog: (id, decision, required by, owner, status word, remarks, thread)."""
    m = KB_MEET[idx]
    rd = m - dt.timedelta(days=1)
    rel = f"{KB}/weekly-status/Sarvam_WSR_Kestrel_Wk{rd.isocalendar()[1]:02d}.docx"
    d = Doc(KB, rel, rd, "status_report")
    doc = docx.Document()
    core(doc.core_properties, f"Weekly Status Report - Project Kestrel - Week {rd.isocalendar()[1]}", "Venkatesh Iyer")
    doc.add_heading("Weekly Status Report", level=1)
    doc.add_paragraph("Client: Fenmore Water plc | Engagement: Customer Billing Transformation (Project Kestrel)")
    doc.add_paragraph(f"Prepared by: Venkatesh Iyer, Delivery Manager, Sarvam Digital Services | Report date: {ymd(rd)}")
    doc.add_heading("1. Workstream Status", level=2)
    grid(doc, ["Workstream", "RAG", "% Complete", "Remarks"], [[n, w, f"{p}%", r] for n, w, p, r in ws])
    for n, w, p, r in ws:
        d.stat(n, w.lower(), p)
    for num, title, items in ((2, "Accomplishments this week", accomplished), (3, "Planned for next week", planned),
                              (4, "Dependencies", dependencies), (5, "Escalations", escalations)):
        doc.add_heading(f"{num}. {title}", level=2)
        bullets(doc, items or ["None."])
    doc.add_heading("6. RAID Log", level=2)
    grid(doc, ["ID", "Type", "Description", "Raised by", "Owner", "Target closure", "Mitigation plan", "Status"],
         [r[:8] for r in raid])
    for rid, typ, desc, raised, own, target, mit, status, thread in raid:
        if typ in ("Risk", "Issue"):
            d.risk(thread, desc, None if own in KB_VAGUE else kb_owner(own), None if mit in KB_VAGUE else mit)
    doc.add_heading("7. Decision Log", level=2)
    grid(doc, ["ID", "Decision", "Decision required by", "Decision owner", "Status", "Remarks"],
         [r[:6] for r in declog])
    for did, text, req, own, word, remarks, thread in declog:
        d.dec(thread, text, KB_DEC[word])
    doc.save(OUT / rel)
    normalize_zip(OUT / rel)
    docs.append(d)


def build_kestrel():
    docs = []
    W = KB_MEET
    A1 = "Share the tariff mapping sign-off pack with Fenmore Finance"
    A2 = "Raise a change request for the additional estimated-read rules"
    A3 = "Confirm the VAT treatment for trade-effluent charges"
    A4 = "Issue the interface SIT entry criteria"
    A5 = "Escalate the MDM sandbox delay to the Meterix account director"
    A6 = "Deliver the MDM API sandbox"
    A7 = "Schedule knowledge-transfer sessions with the outgoing billing SME"
    A8 = "Circulate the UAT business-user roster"
    DK1 = "Cut-over window for Release 1: Easter weekend or May bank holiday weekend"
    R1 = "Loss of the client-side billing SME (serving notice) before UAT"
    R2 = "Delay to the Meterix MDM API sandbox may compress the interface SIT window"
    R2M = "Stub-based build; daily follow-up call with Meterix"
    R3 = "Bill-print vendor capacity for the redesigned bill"
    I1 = "Approx. 4,200 duplicate customer accounts found in the legacy CIS extract"
    I1M = "De-duplication rules agreed with the business; clean-up scripts in progress"
    AS1 = ("AS-01", "Assumption", "Fenmore IT provides production extracts for mock load 3 by 2026/04/17", "Priya R.",
           "Gareth Pryce", "2026/04/17", "N/A", "Open", None)
    DP1 = ("DP-01", "Dependency", "Meterix to provide the MDM API sandbox for interface build", "Venkatesh Iyer",
           "Meterix", "2026/04/03", "Tracked in weekly vendor call", "Open", None)

    # ---------------- week 1 (07-Apr)
    kb_report(docs, 0,
              [("Billing Engine Configuration", "Green", 45, "Rate tables configured for domestic tariffs."),
               ("Data Conversion", "Amber", 55, "Duplicate customer accounts under analysis."),
               ("Interfaces", "Green", 30, "On track; MDM interface build starting this week."),
               ("Testing", "Amber", 10, "SIT environment unstable; two outages this week.")],
              ["Domestic tariff rate tables configured and unit tested.", "Mock load 2 executed for 1.1M accounts."],
              ["SIT cycle 1 execution to continue.", "Mock load 2 reconciliation."],
              ["Meterix - MDM API sandbox, committed for 2026/04/03.", "Fenmore IT - production extracts for mock load 3."],
              [],
              [("RK-02", "Risk", R2, "Venkatesh Iyer", "Venkatesh Iyer", "2026/04/24", R2M, "Open", "R-KB-02"),
               ("RK-03", "Risk", R3, "Owen Caddick", "Owen Caddick", "2026/04/17",
                "Capacity confirmation requested from PrintCo", "Open", "R-KB-03"), AS1, DP1],
              [("DL-07", DK1, "2026/04/14", "Eleanor Ashdown", "Awaiting", "Options paper circulated", "D-KB-01"),
               ("DL-08", "Descope paperless billing from Release 1", "2026/04/14", "Owen Caddick", "Awaiting",
                "Change request CR-014", "D-KB-03")])
    kb_minutes(docs, 0, [],
               [("Programme status", "Venkatesh Iyer presented the weekly status report. SIT environment stability "
                 "remains the main concern for Testing; Interfaces reported on track."),
                ("Tariff mapping", "Fenmore Finance needs the tariff mapping sign-off pack before the rate tables can "
                 "be frozen.")],
               [("D-KB-02", "Go-live sequencing agreed: domestic customers in Wave 1, business customers in Wave 2.",
                 "Go-live sequencing: domestic customers in Wave 1, business customers in Wave 2", "made")],
               [("A-KB-01", A1, "Priya R.", D(2026, 4, 10), "In flight", ""),
                ("A-KB-04", A4, "venkatesh.iyer@sarvamdigital.com", D(2026, 4, 17), "Not started", ""),
                ("A-KB-08", A8, "owen.caddick@fenmorewater.co.uk", D(2026, 4, 14), "Not started", "")])

    # ---------------- week 2 (14-Apr)
    rk1_bare = ("RK-01", "Risk", R1, "Anand K.", "TBD", "TBD", "TBD", "Open", "R-KB-01")
    i1 = ("IS-01", "Issue", I1, "Priya R.", "Priya Raghunathan", "2026/04/30", I1M, "Open", "R-KB-04")
    kb_report(docs, 1,
              [("Billing Engine Configuration", "Green", 52, "On plan; no slippage anticipated."),
               ("Data Conversion", "Amber", 62, "Mock load 2 reconciliation in progress."),
               ("Interfaces", "Green", 33, "Build progressing on the non-MDM interfaces."),
               ("Testing", "Green", 18, "Recovered - SIT environment stable since 2026/04/09.")],
              ["SIT cycle 1: 212 of 340 test cases executed.", "Interface SIT entry criteria issued."],
              ["Mock load 2 reconciliation sign-off.", "SIT cycle 1 completion."],
              ["Meterix - MDM API sandbox (committed 2026/04/03, not received)."],
              ["Interfaces: MDM integration build is blocked - Meterix has not delivered the MDM API sandbox "
               "(committed for 2026/04/03). Request SteerCo support to escalate."],
              [rk1_bare, ("RK-02", "Risk", R2, "Venkatesh Iyer", "Venkatesh Iyer", "2026/04/24", R2M, "Open", "R-KB-02"),
               ("RK-03", "Risk", R3, "Owen Caddick", "Owen Caddick", "2026/04/17",
                "Capacity confirmed in writing by PrintCo", "Closed - risk closed", "R-KB-03"), i1, AS1, DP1],
              [("DL-07", DK1, "2026/04/28", "Eleanor Ashdown", "Parked", "Parked until the Meterix date is firm",
                "D-KB-01"),
               ("DL-08", "Descope paperless billing from Release 1", "2026/04/14", "Owen Caddick", "Rejected",
                "Paperless billing stays in Release 1", "D-KB-03")])
    kb_minutes(docs, 1, ["Harriet Moss"],
               [("Interfaces", "The MDM integration build is blocked: Meterix has not delivered the API sandbox. "
                 "Eleanor Ashdown to escalate to the Meterix account director."),
                ("Cut-over", "The cut-over window cannot be fixed until the Meterix sandbox date is firm."),
                ("Change control", "Additional estimated-read rules need a change request; owner to be confirmed.")],
               [("D-KB-04", "Interface SIT to start with stubs for the MDM calls.",
                 "Interface SIT to start with stubs for the MDM calls", "made"),
                ("D-KB-01", "Cut-over window for Release 1 (Easter weekend or May bank holiday weekend): parked "
                 "until the Meterix sandbox date is firm.", "Cut-over window for Release 1: Easter weekend or May "
                 "bank holiday weekend", "deferred")],
               [("A-KB-01", A1, "Priya R.", D(2026, 4, 17), "In flight", "Re-dated from 10-Apr-2026"),
                ("A-KB-04", A4, "venkatesh.iyer@sarvamdigital.com", D(2026, 4, 17), "Closed", "Issued 13-Apr-2026"),
                ("A-KB-08", A8, "owen.caddick@fenmorewater.co.uk", D(2026, 4, 14), "Closed", ""),
                ("A-KB-05", A5, "eleanor.ashdown@fenmorewater.co.uk", D(2026, 4, 17), "Not started", ""),
                ("A-KB-02", A2, "TBD", D(2026, 4, 24), "Not started", "Owner to be confirmed")])

    # ---------------- week 3 (21-Apr): discussion only
    kb_report(docs, 2,
              [("Billing Engine Configuration", "Green", 60, "Business tariffs configuration started."),
               ("Data Conversion", "Amber", 62, "Mock load 2 reconciliation in progress."),
               ("Interfaces", "Green", 35, "On track for the non-MDM interfaces."),
               ("Testing", "Green", 25, "SIT cycle 1 closing.")],
              ["SIT cycle 1: 301 of 340 test cases executed."],
              ["SIT cycle 2 preparation.", "Mock load 3 dry run."],
              ["Meterix - MDM API sandbox (committed 2026/04/03, then 2026/04/17; not received)."],
              ["Interfaces: still blocked on the Meterix MDM API sandbox; Meterix has missed a second committed date "
               "(2026/04/17)."],
              [rk1_bare, ("RK-02", "Risk", R2, "Venkatesh Iyer", "Venkatesh Iyer", "2026/04/24", R2M, "Open", "R-KB-02"),
               i1, AS1, DP1],
              [("DL-07", DK1, "2026/04/28", "Eleanor Ashdown", "Awaiting", "Re-tabled for 28-Apr SteerCo", "D-KB-01")])
    kb_minutes(docs, 2, ["Harriet Moss"],
               [("Status report", "Venkatesh Iyer walked through the weekly status report. Interfaces remain blocked "
                 "on the Meterix sandbox, which has missed a second date."),
                ("Data Conversion", "Priya Raghunathan reported that de-duplication of the legacy customer accounts "
                 "continues; no change to the plan."),
                ("Business readiness", "Owen Caddick gave an update on the billing operations training plan. The "
                 "committee noted the update.")],
               [], [], no_decisions=True)

    # ---------------- week 4 (28-Apr)
    kb_report(docs, 3,
              [("Billing Engine Configuration", "Green", 68, "Business tariffs configured; no slippage anticipated."),
               ("Data Conversion", "Amber", 62, "Mock load 2 reconciliation in progress."),
               ("Interfaces", "Amber", 35, "Sandbox now expected by 2026/04/27; interface SIT window compressed."),
               ("Testing", "Green", 32, "SIT cycle 2 started on plan.")],
              ["SIT cycle 2 started.", "Business tariff rate tables configured."],
              ["Interface build on the MDM sandbox once received."],
              ["Meterix - MDM API sandbox (revised commitment 2026/04/24)."],
              ["Interfaces: Meterix sandbox slipped again; interface SIT entry is now behind plan by two weeks."],
              [rk1_bare, ("RK-02", "Risk", R2, "Venkatesh Iyer", "Venkatesh Iyer", "2026/05/08", R2M, "Open", "R-KB-02"),
               i1, DP1],
              [("DL-07", DK1, "2026/04/28", "Eleanor Ashdown", "Approved", "May bank holiday weekend", "D-KB-01"),
               ("DL-09", "Extend hypercare from four to six weeks", "2026/05/05", "Eleanor Ashdown", "Awaiting",
                "Cost impact under review", "D-KB-05")])
    kb_minutes(docs, 3, ["Harriet Moss"],
               [("Interfaces", "Reported amber this week; the sandbox slip has compressed the interface SIT window."),
                ("Finance", "VAT treatment for trade-effluent charges is unresolved; Finance to nominate a person.")],
               [("D-KB-01", "Cut-over window for Release 1 approved: May bank holiday weekend (23-25 May 2026).",
                 "Cut-over window for Release 1: May bank holiday weekend", "made")],
               [("A-KB-01", A1, "Priya R.", D(2026, 4, 24), "Blocked", "Re-dated from 17-Apr-2026; awaiting Finance "
                 "reviewer"),
                ("A-KB-05", A5, "eleanor.ashdown@fenmorewater.co.uk", D(2026, 4, 17), "Closed", "Escalated 16-Apr"),
                ("A-KB-02", A2, "TBD", D(2026, 4, 24), "Not started", "Owner still to be confirmed"),
                ("A-KB-03", A3, "Someone from Finance", D(2026, 5, 8), "Not started", ""),
                ("A-KB-06", A6, "Meterix", D(2026, 4, 24), "In flight", "Second re-commitment")])

    # ---------------- week 5 (05-May)
    kb_report(docs, 4,
              [("Billing Engine Configuration", "Green", 75, "On plan."),
               ("Data Conversion", "Amber", 70, "Mock load 2 reconciled; mock load 3 scheduled."),
               ("Interfaces", "Green", 50, "Recovered - sandbox delivered 2026/04/27; build back on plan."),
               ("Testing", "Green", 40, "SIT cycle 2 on plan.")],
              ["MDM sandbox received and connectivity tested.", "Mock load 2 reconciliation signed off."],
              ["MDM interface build.", "Mock load 3."],
              ["Fenmore IT - production extracts for mock load 3."],
              [],
              [("RK-01", "Risk", R1, "Anand K.", "Gareth Pryce", "2026/05/15",
                "Backfill contractor onboarded; knowledge-transfer sessions being scheduled", "Open", "R-KB-01"),
               ("RK-02", "Risk", R2, "Venkatesh Iyer", "Venkatesh Iyer", "2026/05/08", R2M,
                "Closed - risk closed, sandbox delivered", "R-KB-02"),
               ("IS-01", "Issue", I1, "Priya R.", "Priya Raghunathan", "2026/04/30", I1M, "Closed", "R-KB-04")],
              [("DL-09", "Extend hypercare from four to six weeks", "2026/05/05", "Eleanor Ashdown", "Approved",
                "Approved at SteerCo", "D-KB-05")])
    kb_minutes(docs, 4, [],
               [("Interfaces", "Interfaces recovered after the sandbox arrived on 27-Apr; reported green."),
                ("People", "Knowledge transfer from the outgoing billing SME to be scheduled.")],
               [("D-KB-05", "Hypercare extended from four to six weeks.", "Hypercare extended from four to six weeks",
                 "made")],
               [("A-KB-01", A1, "Priya R.", D(2026, 4, 24), "In flight", "Overdue"),
                ("A-KB-03", A3, "Someone from Finance", D(2026, 5, 8), "Not started", "Finance still to nominate"),
                ("A-KB-06", A6, "Meterix", D(2026, 4, 24), "Closed", "Delivered 27-Apr-2026"),
                ("A-KB-07", A7, "Gareth P.", D(2026, 5, 12), "Not started", "")])

    problems = {(W[1], "Interfaces"), (W[2], "Interfaces"), (W[3], "Interfaces")}
    planted = [
        ("watermelon", "Interfaces", "Interfaces", None,
         "Reported Green on 13 and 20 April while the same reports' Escalations say the MDM build is blocked by Meterix."),
        ("stale_action", "A-KB-01", A1, "Priya Raghunathan",
         "Open in four meeting weeks; re-dated 10-Apr -> 17-Apr -> 24-Apr and overdue at 5 May."),
        ("due_date_slip", "A-KB-01", A1, "Priya Raghunathan", "Due moved later twice: 10-Apr -> 17-Apr -> 24-Apr."),
        ("deferred_decision", "D-KB-01", "Cut-over window for Release 1", None,
         "Awaiting, Parked, Awaiting (7, 14, 21 April) before approval on 28 April."),
        ("unowned_action", "A-KB-02", A2, None, "Owner 'TBD' on 14 and 28 April."),
        ("unowned_action", "A-KB-03", A3, None, "Owner 'Someone from Finance' on 28 April and 5 May."),
        ("unmitigated_risk", "R-KB-01", R1, None, "Owner TBD and mitigation plan TBD in three weekly reports."),
        ("frozen_progress", "Data Conversion", "Data Conversion", None, "62% complete in three consecutive reports."),
        ("meeting_without_outcome", "2026-04-21", "Steering committee 21-Apr-2026", None,
         "'Decisions: None this week'; 'Actions carried forward: see log'."),
        ("attendance_decline", "Harriet Moss", "Harriet Moss", "Harriet Moss", "Apologies 14, 21 and 28 April."),
    ]
    thread_ws = {"A-KB-01": "Billing Engine Configuration", "R-KB-01": None, "A-KB-02": None, "A-KB-03": None,
                 "D-KB-01": None}
    return docs, W, problems, planted, thread_ws


# =============================================================== larkspur-crm (Quebec insurer, transcripts + colour decks)
LC = "larkspur-crm"
LC_MEET = [D(2026, 5, 7), D(2026, 5, 14), D(2026, 5, 21), D(2026, 5, 28), D(2026, 6, 4)]
LC_MAIL = {"Sylvie Tremblay": "sylvie.tremblay@mutuellelarkspur.ca", "Mathieu Gagnon": "mathieu.gagnon@mutuellelarkspur.ca",
           "Nadia Bouchard": "nadia.bouchard@mutuellelarkspur.ca", "Julien Côté": "julien.cote@mutuellelarkspur.ca",
           "Diego Morales": "diego.morales@nuvolaconsulting.com", "Karine Lavoie": "karine.lavoie@mutuellelarkspur.ca"}
RGB = {"green": (0x00, 0xB0, 0x50), "amber": (0xFF, 0xC0, 0x00), "red": (0xFF, 0x00, 0x00)}


def lc_transcript(docs, idx, turns, acts=(), decs=()):
    """turns: (speaker, 'hh:mm', utterance); acts: (thread, text, owner, due, status); decs: (thread, text, status)."""
    m = LC_MEET[idx]
    rel = f"{LC}/transcripts/CRM Steering - weekly {m:%Y-%m-%d} - Transcript.txt"
    d = Doc(LC, rel, m, "minutes")
    lines = ["CRM Program Steering - weekly", f"{ymd(m)}, 10:00 - 10:45", "Transcript", ""]
    for who, hhmm, text in turns:
        lines += [f"{who}   {hhmm}", text, ""]
    write_text(OUT / rel, "\n".join(lines))
    seen = []
    for who, _, _ in turns:
        if who not in seen:
            seen.append(who)
    d.attendees = seen
    for a in acts:
        d.act(*a)
    for x in decs:
        d.dec(*x)
    docs.append(d)


def lc_deck(docs, idx, board, risks):
    """board: (workstream, rag, pct); risks: (thread, risk, owner|None, mitigation|None, status)."""
    m = LC_MEET[idx]
    rel = f"{LC}/decks/CRM_SteerCo_Deck_{m:%Y%m%d}.pptx"
    d = Doc(LC, rel, m, "deck")
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    core(prs.core_properties, f"CRM Program - Steering deck - {dmy(m)}", "Mathieu Gagnon")
    blank = prs.slide_layouts[6]

    def box(slide, x, y, w, h, text, size=14, bold=False):
        tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tb.text_frame.text = text
        for p in tb.text_frame.paragraphs:
            for r in p.runs:
                r.font.size, r.font.bold = PPt(size), bold
        return tb

    s = prs.slides.add_slide(blank)
    box(s, 0.8, 2.5, 11, 1.2, "Mutuelle Larkspur - CRM Program", 36, True)
    box(s, 0.8, 3.8, 11, 0.8, f"Steering Committee | {dmy(m)}", 20)

    s = prs.slides.add_slide(blank)
    box(s, 0.6, 0.3, 12, 0.8, "Workstream health", 28, True)
    box(s, 0.6, 1.2, 4, 0.5, "Workstream", 14, True)
    box(s, 5.0, 1.2, 1.5, 0.5, "Health", 14, True)
    box(s, 7.0, 1.2, 5, 0.5, "Progress", 14, True)
    for i, (ws, rag, pct) in enumerate(board):
        y = 1.9 + i * 1.1
        box(s, 0.6, y, 4.2, 0.6, ws, 18)
        dot = s.shapes.add_shape(MSO_SHAPE.OVAL, Inches(5.3), Inches(y + 0.05), Inches(0.45), Inches(0.45))
        dot.fill.solid()
        dot.fill.fore_color.rgb = PRGB(*RGB[rag])
        dot.line.fill.background()
        track = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(7.0), Inches(y + 0.1), Inches(4.0), Inches(0.35))
        track.fill.solid()
        track.fill.fore_color.rgb = PRGB(0xD9, 0xD9, 0xD9)
        track.line.fill.background()
        if pct:
            bar = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(7.0), Inches(y + 0.1), Inches(4.0 * pct / 100),
                                     Inches(0.35))
            bar.fill.solid()
            bar.fill.fore_color.rgb = PRGB(0x44, 0x72, 0xC4)
            bar.line.fill.background()
        box(s, 11.2, y, 1.2, 0.6, f"{pct}%", 16, True)
        d.stat(ws, rag, pct)

    s = prs.slides.add_slide(blank)
    box(s, 0.6, 0.3, 12, 0.8, "Top risks", 28, True)
    shape = s.shapes.add_table(len(risks) + 1, 4, Inches(0.6), Inches(1.3), Inches(12), Inches(0.5 * (len(risks) + 1)))
    t = shape.table
    for j, h in enumerate(["Risk", "Owner", "Mitigation", "Status"]):
        t.cell(0, j).text = h
    for i, (thread, text, owner, mit, status) in enumerate(risks, 1):
        for j, v in enumerate([text, owner or "", mit or "", status]):
            t.cell(i, j).text = v
        d.risk(thread, text, owner, mit)
    prs.save(OUT / rel)
    normalize_zip(OUT / rel)
    docs.append(d)


def lc_email(docs, date, slug, sender, to, subject, body, acts=()):
    rel = f"{LC}/email/{date:%Y%m%d}_{slug}.eml"
    d = Doc(LC, rel, date, "email")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = f"{sender} <{LC_MAIL[sender]}>"
    msg["To"] = ", ".join(f"{n} <{LC_MAIL[n]}>" for n in to)
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(dt.datetime(date.year, date.month, date.day, 8, 14,
                                                          tzinfo=dt.timezone(dt.timedelta(hours=-4))))
    msg["Message-ID"] = f"<{slug}.{date:%Y%m%d}@mutuellelarkspur.ca>"
    msg.set_content(body.strip("\n") + "\n")
    (OUT / rel).write_bytes(msg.as_bytes())
    for a in acts:
        d.act(*a)
    docs.append(d)


def build_larkspur():
    docs = []
    W = LC_MEET
    A1 = "Send the revised data-mapping workbook to the broker team"
    A1b = "Send the data-mapping workbook to the broker team"
    A2 = "Validate the broker test accounts in the sandbox"
    A3 = "Book the translation agency for the French-language letter templates"
    A4 = "Escalate the SSO connector delay to Nuvola's delivery director"
    A5 = "Deliver the SSO connector build"
    A6 = "Circulate the contact-centre cutover runbook"
    A7 = "Prepare the go/no-go checklist for Wave 1"
    A8 = "Draft a fallback plan (password login for UAT)"
    A9 = "Run the final dress rehearsal of the legacy data load"
    A10 = "Prepare the reconciliation report for the legacy data load"
    A11 = "Update the broker FAQ before go-live"
    DL1 = "Approach for the broker contact records: lift-and-shift or clean-up before load"
    RL1 = "French-language letter templates may not be translated before Wave 1"
    RL2 = "Nuvola SSO connector delay compresses broker UAT"
    RL2M = "Fallback password login for UAT; weekly vendor checkpoint"
    RL3 = "Contact-centre agent availability for training during peak season"
    RL3M = "Training delivered in split shifts"
    rl1_bare = ("R-LC-01", RL1, None, None, "Open")
    rl3 = ("R-LC-03", RL3, "Karine Lavoie", RL3M, "Open")
    rl2 = ("R-LC-02", RL2, "Julien Côté", RL2M, "Open")
    CC, BP, LD, IA = "Contact Centre", "Broker Portal", "Legacy Data Load", "Identity & Access"

    # ---------------- week 1 (2026/05/07)
    lc_transcript(docs, 0, [
        ("Sylvie Tremblay", "10:01", "Bonjour everyone, let's get going. Quick round on the board, then decisions."),
        ("Mathieu Gagnon", "10:02", "Contact Centre is fine, we're at 35 percent. Legacy data load is amber, the "
         "reconciliation is taking longer than we planned."),
        ("Nadia Bouchard", "10:04", "Yes, still forty percent on the legacy load. We have to settle the approach for "
         "the broker contact records, lift-and-shift or clean-up before load. I'd like a decision next week once "
         "profiling is back."),
        ("Sylvie Tremblay", "10:05", "Fine, the broker contact records decision stays open until next week."),
        ("Mathieu Gagnon", "10:06", "Action for me: I'll send the revised data-mapping workbook to the broker team by "
         "15-May-2026."),
        ("Julien Côté", "10:07", "And I'll circulate the contact-centre cutover runbook by 2026/05/13."),
        ("Diego Morales", "10:08", "From Nuvola's side the broker portal is on track; the SSO connector build starts "
         "this week."),
        ("Sylvie Tremblay", "10:09", "Good. One decision today: the Wave 1 go-live date is confirmed for 2026/06/22. "
         "Approved."),
        ("Karine Lavoie", "10:11", "Training plan is on schedule, nothing to escalate."),
    ], acts=[("A-LC-01", A1, "Mathieu Gagnon", D(2026, 5, 15), "open"),
             ("A-LC-06", A6, "Julien Côté", D(2026, 5, 13), "open")],
        decs=[("D-LC-01", DL1, "pending"), ("D-LC-03", "Wave 1 go-live date confirmed for 2026/06/22", "made")])
    lc_deck(docs, 0, [(CC, "green", 35), (BP, "green", 20), (LD, "amber", 40), (IA, "green", 50)], [rl1_bare, rl3])

    # ---------------- week 2 (2026/05/14)
    lc_email(docs, D(2026, 5, 12), "RE_Broker_Portal_SSO_connector", "Julien Côté", ["Mathieu Gagnon", "Sylvie Tremblay"],
             "RE: Broker Portal - SSO connector", """
Mathieu,

Still nothing from Nuvola on the SSO connector; the broker portal build is blocked until it lands. So we are not
stuck, I will draft a fallback plan (password login for UAT) by 2026/05/15.

Julien

On Mon, 11 May 2026 at 16:40, Mathieu Gagnon <mathieu.gagnon@mutuellelarkspur.ca> wrote:
> Julien, where are we on the SSO connector for the broker portal?
> Also a reminder: please circulate the contact-centre cutover runbook by 2026/05/13.
>
> Thanks, Mathieu
""", acts=[("A-LC-08", A8, "Julien Côté", D(2026, 5, 15), "open")])
    lc_transcript(docs, 1, [
        ("Sylvie Tremblay", "10:00", "Okay, let's start. Julien, the broker portal?"),
        ("Julien Côté", "10:01", "Honestly, it's blocked. Nuvola has not delivered the SSO connector, it was due last "
         "Friday, and we can't test broker login without it. We are also awaiting a decision on the SSO approach for "
         "the broker portal, Azure AD B2C or the existing portal login."),
        ("Diego Morales", "10:02", "We're working on it, I'll have a new date by Monday."),
        ("Sylvie Tremblay", "10:03", "I'll escalate the SSO connector delay to Nuvola's delivery director myself, by "
         "2026/05/15."),
        ("Nadia Bouchard", "10:04", "On the broker contact records, the profiling isn't finished. Can we park the "
         "lift-and-shift versus clean-up before load decision one more week?"),
        ("Sylvie Tremblay", "10:05", "Yes, the approach for the broker contact records is parked until the profiling "
         "results are in."),
        ("Mathieu Gagnon", "10:06", "I still have to send the data-mapping workbook to the broker team, planned for "
         "15-May-2026."),
        ("Julien Côté", "10:07", "The contact-centre cutover runbook was circulated on Tuesday, so that one's closed."),
        ("Karine Lavoie", "10:08", "We also need someone from broker operations to validate the broker test accounts "
         "in the sandbox by 2026/05/20."),
        ("Sylvie Tremblay", "10:09", "Agreed. Karine, can you book the translation agency for the French-language "
         "letter templates by 22-May-2026?"),
        ("Karine Lavoie", "10:09", "Yes, I'll book it."),
    ], acts=[("A-LC-04", A4, "Sylvie Tremblay", D(2026, 5, 15), "open"),
             ("A-LC-01", A1b, "Mathieu Gagnon", D(2026, 5, 15), "open"),
             ("A-LC-06", A6, "Julien Côté", None, "done"),
             ("A-LC-02", A2, None, D(2026, 5, 20), "open"),
             ("A-LC-03", A3, "Karine Lavoie", D(2026, 5, 22), "open")],
        decs=[("D-LC-02", "SSO approach for the broker portal: Azure AD B2C or the existing portal login", "pending"),
              ("D-LC-01", DL1, "deferred")])
    lc_deck(docs, 1, [(CC, "green", 45), (BP, "green", 25), (LD, "amber", 40), (IA, "green", 60)],
            [rl1_bare, rl2, rl3])

    # ---------------- week 3 (2026/05/21)
    lc_email(docs, D(2026, 5, 19), "RE_RE_Broker_Portal_SSO_connector", "Diego Morales",
             ["Sylvie Tremblay", "Mathieu Gagnon", "Julien Côté"], "RE: RE: Broker Portal - SSO connector", """
Sylvie, Mathieu,

Confirming Nuvola will deliver the SSO connector build by 2026/05/29. I have added two developers to the team.
Apologies for the slip.

Diego Morales
Nuvola Consulting

On Fri, 15 May 2026 at 09:12, Sylvie Tremblay <sylvie.tremblay@mutuellelarkspur.ca> wrote:
> Diego, the SSO connector is now blocking the broker portal. I need a committed date, not an estimate.
>
> On Tue, 12 May 2026 at 08:05, Julien Côté <julien.cote@mutuellelarkspur.ca> wrote:
>> Still nothing from Nuvola on the SSO connector; the broker portal build is blocked until it lands.
>> I will draft a fallback plan (password login for UAT) by 2026/05/15.
""", acts=[("A-LC-05", A5, "Nuvola Consulting", D(2026, 5, 29), "open")])
    lc_transcript(docs, 2, [
        ("Sylvie Tremblay", "10:00", "Let's start with the broker portal."),
        ("Julien Côté", "10:01", "Still blocked. Nuvola now commits to deliver the SSO connector build by 2026/05/29, "
         "so we're behind plan by two weeks."),
        ("Diego Morales", "10:02", "Confirmed, 29 May for the connector build."),
        ("Sylvie Tremblay", "10:03", "I did escalate the SSO connector delay to Nuvola's delivery director on Friday, "
         "so close that action. On the SSO approach for the broker portal: we go with Azure AD B2C. Approved."),
        ("Nadia Bouchard", "10:05", "Profiling is back. For the broker contact records I propose clean-up before load, "
         "not lift-and-shift."),
        ("Sylvie Tremblay", "10:05", "Approved, clean-up before load."),
        ("Mathieu Gagnon", "10:06", "I still have to send the data-mapping workbook to the broker team; it was due "
         "15-May-2026 and it's late, sorry."),
        ("Karine Lavoie", "10:07", "For the French-language letter templates, I'll book the translation agency by "
         "22-May-2026 as planned."),
    ], acts=[("A-LC-05", A5, "Nuvola Consulting", D(2026, 5, 29), "open"),
             ("A-LC-04", A4, "Sylvie Tremblay", D(2026, 5, 15), "done"),
             ("A-LC-01", A1b, "Mathieu Gagnon", D(2026, 5, 15), "open"),
             ("A-LC-03", A3, "Karine Lavoie", D(2026, 5, 22), "open")],
        decs=[("D-LC-02", "SSO approach for the broker portal: Azure AD B2C", "made"),
              ("D-LC-01", "Broker contact records: clean-up before load", "made")])
    lc_deck(docs, 2, [(CC, "green", 55), (BP, "green", 28), (LD, "amber", 40), (IA, "green", 70)],
            [rl1_bare, rl2, rl3])

    # ---------------- week 4 (2026/05/28)
    lc_transcript(docs, 3, [
        ("Sylvie Tremblay", "10:00", "Broker portal first again."),
        ("Julien Côté", "10:01", "Broker portal is red this week, honestly. Nuvola still has to deliver the SSO "
         "connector build, due 2026/05/29, so tomorrow."),
        ("Mathieu Gagnon", "10:03", "The data-mapping workbook: I still have to send it to the broker team, it's "
         "overdue since 15-May-2026; blocked on the clean-up rules."),
        ("Karine Lavoie", "10:04", "I booked the translation agency for the French-language letter templates, so "
         "that action is closed, and I now own the templates risk."),
        ("Sylvie Tremblay", "10:05", "Nadia, please prepare the reconciliation report for the legacy data load by "
         "2026/06/03."),
        ("Nadia Bouchard", "10:05", "Will do."),
    ], acts=[("A-LC-05", A5, "Nuvola Consulting", D(2026, 5, 29), "open"),
             ("A-LC-01", A1b, "Mathieu Gagnon", D(2026, 5, 15), "open"),
             ("A-LC-03", A3, "Karine Lavoie", None, "done"),
             ("A-LC-10", A10, "Nadia Bouchard", D(2026, 6, 3), "open")])
    lc_deck(docs, 3, [(CC, "green", 65), (BP, "red", 30), (LD, "amber", 40), (IA, "green", 80)],
            [("R-LC-01", RL1, "Karine Lavoie", "Translation agency booked; templates in translation", "Open"),
             rl2, rl3])

    # ---------------- week 5 (2026/06/04)
    lc_email(docs, D(2026, 6, 2), "RE_Legacy_data_load", "Nadia Bouchard", ["Sylvie Tremblay"],
             "RE: Legacy data load - stuck at 40%?", """
Sylvie,

Good news: the reconciliation fix worked and the legacy data load has recovered; no slippage anticipated for the
Wave 1 load. The reconciliation report for the legacy data load is attached, so that action is closed. Next, I will
run the final dress rehearsal of the legacy data load by 2026/06/09.

Nadia

On Thu, 28 May 2026 at 17:30, Sylvie Tremblay <sylvie.tremblay@mutuellelarkspur.ca> wrote:
> Nadia, the legacy data load has shown 40% for four weeks now. What is really happening?
> Please also prepare the reconciliation report for the legacy data load by 2026/06/03.
""", acts=[("A-LC-10", "Reconciliation report for the legacy data load", "Nadia Bouchard", None, "done"),
           ("A-LC-09", A9, "Nadia Bouchard", D(2026, 6, 9), "open")])
    lc_transcript(docs, 4, [
        ("Sylvie Tremblay", "10:00", "Let's go. Julien?"),
        ("Julien Côté", "10:01", "Nuvola did deliver the SSO connector build on Friday; that action is closed. "
         "Broker portal is amber and recovering."),
        ("Nadia Bouchard", "10:02", "Legacy data load is moving again after the fix, see my e-mail."),
        ("Sylvie Tremblay", "10:03", "Decision: a hypercare team of four from Nuvola for six weeks. Approved."),
        ("Mathieu Gagnon", "10:04", "I'll prepare the go/no-go checklist for Wave 1 by 2026/06/11."),
        ("Karine Lavoie", "10:05", "The team will update the broker FAQ before go-live."),
    ], acts=[("A-LC-05", A5, "Nuvola Consulting", D(2026, 5, 29), "done"),
             ("A-LC-07", A7, "Mathieu Gagnon", D(2026, 6, 11), "open"),
             ("A-LC-11", A11, None, None, "open")],
        decs=[("D-LC-04", "Hypercare team of four from Nuvola for six weeks", "made")])
    lc_deck(docs, 4, [(CC, "green", 75), (BP, "amber", 45), (LD, "amber", 52), (IA, "green", 90)],
            [("R-LC-01", RL1, "Karine Lavoie", "Translation agency booked; templates in translation", "Open"),
             ("R-LC-02", RL2, "Julien Côté", RL2M, "Closed - connector delivered"), rl3])

    problems = {(W[1], BP), (W[2], BP), (W[3], BP)}
    planted = [
        ("watermelon", BP, BP, None, "Green circle on the 14 and 21 May decks while the same weeks' transcript and "
         "e-mails say the portal is blocked by Nuvola's undelivered SSO connector."),
        ("stale_action", "A-LC-01", A1, "Mathieu Gagnon", "Open in four meeting weeks; due 15-May-2026, overdue."),
        ("deferred_decision", "D-LC-01", DL1, None, "Pending 7 May, parked 14 May, made 21 May."),
        ("unowned_action", "A-LC-02", A2, None, "'someone from broker operations'."),
        ("unowned_action", "A-LC-11", A11, None, "'The team will update the broker FAQ'."),
        ("unmitigated_risk", "R-LC-01", RL1, None, "No owner and no mitigation on the 7, 14 and 21 May decks."),
        ("frozen_progress", LD, LD, None, "40% in four consecutive decks."),
    ]
    thread_ws = {"A-LC-01": LD, "D-LC-01": LD, "A-LC-02": BP, "A-LC-11": BP, "R-LC-01": CC}
    return docs, W, problems, planted, thread_ws


README = """# eval/xstyles3 - a fourth held-out cross-style corpus

Generated by `eval/make_xstyles3.py` (see its docstring for the styles and label conventions); never edit by hand.
Two programs: `kestrel-billing` (Indian IT-services weekly status reports with RAID and decision logs, Word
steering minutes with e-mail-address owners and Not started / In flight / Blocked / Closed statuses) and
`larkspur-crm` (Teams-style two-line transcripts, decks whose RAG is only a shape's fill colour, reply-chain
e-mails whose quoted text is not labeled).
"""


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in (f"{KB}/steerco-minutes", f"{KB}/weekly-status", f"{LC}/transcripts", f"{LC}/decks", f"{LC}/email"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
    all_docs, programs = [], {}
    for name, build in ((KB, build_kestrel), (LC, build_larkspur)):
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
