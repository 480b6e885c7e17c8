#!/usr/bin/env python3
"""Generate eval/xstyles4/: a fifth labeled cross-style corpus for signalscan (held-out house styles).

Written blind to the extraction, tracking and signal code, in styles unlike ../shared/eval/dev and eval/xstyles,
xstyles2, xstyles3:

* ``tallowood-wms`` — an Australian distributor's warehouse-management-system rollout (vendor Korvane Systems,
  carrier Freightline); four weekly Wednesday steering committees (15 Apr - 6 May 2026), 13 documents:
  - minutes (.docx) written as numbered discussion paragraphs with the actions embedded in prose
    ("3. Carrier labels: Halima Osei to confirm ... by 17/04/2026."), "Agreed: ..." and "It was noted that ..."
    sentences, no action table; attendance is a table Name | Role | Present/Apologies;
  - a steering pack (.pptx) with a "Workstream summary" table (Workstream | Status | % complete | Commentary)
    whose status words are On Track / At Risk / Delayed / Complete, and a "Milestones" table
    (Milestone | Baseline | Forecast | Status) whose forecast dates slip week to week;
  - a "RAID summary" status report (.md, weeks 1 and 3) of bullets with inline tags
    ("[RISK][HIGH] ... Owner: TBC. Mitigation: none yet.", "[DEC] ...", "[DEC][PENDING] ...",
    "[ACT] ... @Halima Osei due 17 Apr");
  - e-mails from the vendor (.eml, weeks 2 and 4) with numbered "Next steps" items ("1. Korvane Systems: deliver
    ... by Friday.");
  - a one-page PDF "Executive dashboard" (week 4) with KPIs and a "Top 3 risks" list.

Label conventions: On Track and Complete are green, At Risk amber, Delayed red. Milestone rows are not workstream
statuses (not labeled). "@TBD" and "TBC" owners are none; "Mitigation: none yet" / "TBC" / "owner and mitigation not
yet assigned" are none. Korvane Systems is an owner (a vendor). Only the attendance table names attendees; people
marked Apologies are apologies. "Friday" in an e-mail is the Friday of its meeting week, "end of month" the last day
of the meeting's month. expected_signals are re-derived from the labels with SPEC.md's definitions (meeting weeks,
as of the last meeting) by make_xstyles3.derive and must equal the planted list; every labeled word must occur in
its file. Hard negatives: a green workstream with "no delay expected"; a risk bare in one week only and closed with
an owner later; a decision pending in one week only, then agreed; an action re-dated once and then closed; a % equal
in two weeks only; apologies at two consecutive meetings only.
Deterministic: run ``.venv/bin/python eval/make_xstyles4.py`` to regenerate.
"""
import datetime as dt
import email.policy
import email.utils
import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
from pptx import Presentation
from pptx.util import Inches, Pt as PPt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import make_xstyles3 as x3
from make_xstyles2 import Doc, core, normalize_zip, word_table, write_text

HERE = Path(__file__).resolve().parent
OUT = HERE / "xstyles4"
x3.OUT = OUT  # verify_quotes reads the generated files from here
D = dt.date
P = "tallowood-wms"
W1, W2, W3, W4 = D(2026, 4, 15), D(2026, 4, 22), D(2026, 4, 29), D(2026, 5, 6)
MEETINGS = [W1, W2, W3, W4]
RAG = {"On Track": "green", "Complete": "green", "At Risk": "amber", "Delayed": "red"}
ROLES = [("Deborah Whitlock", "Program Sponsor (COO)"), ("Tomasz Wierzbicki", "Program Manager"),
         ("Halima Osei", "Logistics Lead"), ("Keanu Mahe", "Integration Lead"),
         ("Siobhan Gallagher", "Change & Training Lead"), ("Bronwyn Tait", "Finance Business Partner"),
         ("Mateus Ferreira", "Delivery Manager, Korvane Systems")]
MAIL = {"Mateus Ferreira": "mateus.ferreira@korvane.example", "Tomasz Wierzbicki": "t.wierzbicki@tallowood.example",
        "Deborah Whitlock": "d.whitlock@tallowood.example"}


def au(d):
    return d.strftime("%d/%m/%Y")


# =============================================================== writers
def minutes(docs, date, apologies, paras, acts=(), decs=(), risks=()):
    rel = f"{P}/minutes/SteerCo minutes {date:%d-%m-%Y}.docx"
    d = Doc(P, rel, date, "minutes")
    doc = docx.Document()
    core(doc.core_properties, "WMS Program Steering Committee - minutes", "Tomasz Wierzbicki")
    doc.add_heading("Tallowood Distribution - WMS Program Steering Committee", level=1)
    doc.add_paragraph(f"Minutes of the meeting held on Wednesday {au(date)}, 10:00-11:30, Level 3 boardroom, Altona")
    doc.add_heading("Attendance", level=2)
    word_table(doc, ["Name", "Role", "Present/Apologies"],
               [(n, r, "Apologies" if n in apologies else "Present") for n, r in ROLES])
    doc.add_heading("Discussion", level=2)
    for i, p in enumerate(paras, 1):
        doc.add_paragraph(f"{i}. {p}")
    doc.add_paragraph("Next meeting: Wednesday " + au(date + dt.timedelta(days=7)) + ". Minutes taken by Tomasz Wierzbicki.")
    path = OUT / rel
    doc.save(str(path))
    normalize_zip(path)
    d.attendees = [n for n, _ in ROLES if n not in apologies]
    d.apologies = list(apologies)
    for a in acts:
        d.act(*a)
    for x in decs:
        d.dec(*x)
    for r in risks:
        d.risk(*r)
    docs.append(d)


def deck(docs, date, rows, milestones):
    rel = f"{P}/decks/Steering pack {date:%Y-%m-%d}.pptx"
    d = Doc(P, rel, date, "deck")
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    core(prs.core_properties, f"WMS Program steering pack {au(date)}", "Tomasz Wierzbicki")
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "WMS Program - Steering Pack"
    s.placeholders[1].text = f"Steering committee, {date:%d %B %Y}"

    def table_slide(title, header, body, widths):
        s = prs.slides.add_slide(prs.slide_layouts[5])
        s.shapes.title.text = title
        shp = s.shapes.add_table(len(body) + 1, len(header), Inches(0.5), Inches(1.5), Inches(12.3),
                                 Inches(0.5) * (len(body) + 1))
        t = shp.table
        for i, w in enumerate(widths):
            t.columns[i].width = Inches(w)
        for r, row in enumerate([header] + body):
            for c, v in enumerate(row):
                t.cell(r, c).text = str(v)
                for para in t.cell(r, c).text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size = PPt(14)

    table_slide("Workstream summary", ["Workstream", "Status", "% complete", "Commentary"],
                [(ws, st, f"{pct}%", note) for ws, st, pct, note in rows], [3.0, 1.8, 1.5, 6.0])
    table_slide("Milestones", ["Milestone", "Baseline", "Forecast", "Status"], milestones, [4.3, 2.5, 2.5, 3.0])
    path = OUT / rel
    prs.save(str(path))
    normalize_zip(path)
    for ws, st, pct, _ in rows:
        d.stat(ws, RAG[st], pct)
    docs.append(d)


def raid(docs, date, week_ending, lines, acts=(), decs=(), risks=()):
    rel = f"{P}/reports/RAID summary {date:%Y-%m-%d}.md"
    d = Doc(P, rel, date, "status_report")
    write_text(OUT / rel, f"# WMS Program - RAID summary\n\nWeek ending {week_ending} | Prepared by Tomasz Wierzbicki, "
               f"{au(date)}\n\n" + "\n".join(lines))
    for a in acts:
        d.act(*a)
    for x in decs:
        d.dec(*x)
    for r in risks:
        d.risk(*r)
    docs.append(d)


def vendor_mail(docs, date, subject, body, acts=()):
    rel = f"{P}/email/{date:%Y%m%d} Korvane weekly update.eml"
    d = Doc(P, rel, date, "email")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = f"Mateus Ferreira <{MAIL['Mateus Ferreira']}>"
    msg["To"] = f"Tomasz Wierzbicki <{MAIL['Tomasz Wierzbicki']}>"
    msg["Cc"] = f"Deborah Whitlock <{MAIL['Deborah Whitlock']}>"
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(dt.datetime(date.year, date.month, date.day, 16, 42,
                                                          tzinfo=dt.timezone(dt.timedelta(hours=10))))
    msg["Message-ID"] = f"<wms-update.{date:%Y%m%d}@korvane.example>"
    msg.set_content(body.strip("\n") + "\n")
    (OUT / rel).write_bytes(msg.as_bytes())
    for a in acts:
        d.act(*a)
    docs.append(d)


def dashboard(docs, date, kpis, top_risks, risks=()):
    rel = f"{P}/reports/Executive dashboard {date:%Y-%m-%d}.pdf"
    d = Doc(P, rel, date, "status_report")
    c = canvas.Canvas(str(OUT / rel), pagesize=A4, invariant=1)
    c.setTitle("WMS Program - Executive dashboard")
    c.setAuthor("Tomasz Wierzbicki")
    w, h = A4
    y = h - 60
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, y, "Tallowood WMS Program - Executive dashboard")
    y -= 20
    c.setFont("Helvetica", 10)
    c.drawString(50, y, f"Reporting date: {au(date)}")
    y -= 34
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "Key indicators")
    y -= 18
    c.setFont("Helvetica", 10)
    for k, v in kpis:
        c.drawString(60, y, k)
        c.drawString(260, y, v)
        y -= 15
    y -= 20
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "Top 3 risks")
    y -= 18
    c.setFont("Helvetica", 10)
    for i, lines in enumerate(top_risks, 1):
        c.drawString(60, y, f"{i}. {lines[0]}")
        for extra in lines[1:]:
            y -= 14
            c.drawString(75, y, extra)
        y -= 20
    c.showPage()
    c.save()
    for r in risks:
        d.risk(*r)
    docs.append(d)


# =============================================================== the program
def build():
    docs = []
    A1 = "Confirm the pallet-label format with Freightline"
    A2 = "Draft the super-user training schedule"
    A4T = "Confirm cost-centre coding for the handheld scanner lease"
    R1 = "Peak-season volumes in November could overlap the Altona hypercare period"
    R2 = "Fire-suppression sign-off for the Altona mezzanine may not arrive before racking install"
    R4 = "Freightline label API late, delaying carrier integration testing"

    # ---------------------------------------------------------------- week 1
    minutes(docs, W1, ["Siobhan Gallagher"], [
        "Previous minutes: the minutes of 08/04/2026 were accepted without amendment.",
        "Site configuration: It was noted that the racking survey at Altona finished a week early; "
        "no delay expected to the Altona build.",
        "Carrier labels: Halima Osei to confirm the pallet-label format with Freightline by 17/04/2026.",
        "Go-live sequence: the committee could not yet decide which site goes live first, Dandenong or Altona. "
        "Decision deferred to the next meeting pending the labour-hire quote.",
        "Scanner hardware: Agreed: the program will lease 120 Honeywell handhelds rather than purchase them.",
        "Training: Siobhan Gallagher (in absentia) to draft the super-user training schedule by 24/04/2026.",
        "Wave-picking: Mateus Ferreira to demonstrate wave-picking in the Korvane sandbox by 22/04/2026.",
    ], acts=[("A-TW-01", A1, "Halima Osei", W1.replace(day=17)),
             ("A-TW-02", A2, "Siobhan Gallagher", D(2026, 4, 24)),
             ("A-TW-03", "Demonstrate wave-picking in the Korvane sandbox", "Mateus Ferreira", D(2026, 4, 22))],
        decs=[("D-TW-01", "Decide which site goes live first, Dandenong or Altona", "deferred"),
              ("D-TW-02", "Lease 120 Honeywell handhelds rather than purchase them", "made")])
    deck(docs, W1, [
        ("Site Configuration", "On Track", 40, "Racking survey complete at Altona."),
        ("Carrier Integration", "On Track", 20, "API specification agreed with Freightline."),
        ("Inventory Data", "At Risk", 30, "Duplicate SKUs found in the legacy extract."),
        ("People & Training", "On Track", 10, "Training needs analysis started."),
    ], [("Design sign-off", "03/04/2026", "03/04/2026", "Complete"),
        ("Sandbox build", "17/04/2026", "17/04/2026", "On Track"),
        ("Integration test start", "11/05/2026", "11/05/2026", "On Track"),
        ("Dandenong go-live", "29/06/2026", "29/06/2026", "On Track")])
    raid(docs, D(2026, 4, 16), "17 Apr 2026", [
        "## Risks",
        f"- [RISK][HIGH] {R1}. Owner: TBC. Mitigation: none yet.",
        f"- [RISK][MED] {R2}. Owner: TBC. Mitigation: TBC.",
        "- [RISK][LOW] Duplicate SKUs in the legacy extract could corrupt opening stock. Owner: Keanu Mahe. "
        "Mitigation: de-duplication script before each trial load.",
        "",
        "## Decisions",
        "- [DEC] Lease 120 Honeywell handhelds rather than purchase them (SteerCo 15 Apr).",
        "- [DEC][PENDING] Which site goes live first, Dandenong or Altona - deferred at the 15 Apr SteerCo "
        "until the labour-hire quote is in.",
        "",
        "## Actions",
        f"- [ACT] {A1} @Halima Osei due 17 Apr",
        f"- [ACT] {A4T} @TBD due 24 Apr",
        f"- [ACT] {A2} @Siobhan Gallagher due 24 Apr",
    ], acts=[("A-TW-01", A1, "Halima Osei", D(2026, 4, 17)),
             ("A-TW-04", A4T, None, D(2026, 4, 24)),
             ("A-TW-02", A2, "Siobhan Gallagher", D(2026, 4, 24))],
        decs=[("D-TW-02", "Lease 120 Honeywell handhelds rather than purchase them", "made"),
              ("D-TW-01", "Which site goes live first, Dandenong or Altona", "deferred")],
        risks=[("R-TW-01", R1), ("R-TW-02", R2),
               ("R-TW-03", "Duplicate SKUs in the legacy extract could corrupt opening stock", "Keanu Mahe",
                "de-duplication script before each trial load")])

    # ---------------------------------------------------------------- week 2
    minutes(docs, W2, ["Bronwyn Tait", "Mateus Ferreira"], [
        "Previous minutes: accepted. Mateus Ferreira demonstrated wave-picking in the Korvane sandbox on "
        "20/04/2026; action closed.",
        "Carrier integration: It was noted that the Freightline carrier-label API has still not been delivered "
        "and integration testing is now two weeks behind plan.",
        "Carrier labels: the pallet-label format is still not confirmed. Halima Osei to confirm it with "
        "Freightline by 24/04/2026.",
        "Go-live sequence: the labour-hire quote has not arrived; the decision on which site goes live first "
        "remains pending.",
        "Training: Siobhan Gallagher reported that the super-user training schedule needs the shift roster from "
        "Korvane; she will now draft it by 01/05/2026.",
        "Scanner lease: Agreed: the handheld lease will run for 36 months.",
    ], acts=[("A-TW-03", "Demonstrate wave-picking in the Korvane sandbox", "Mateus Ferreira", None, "done"),
             ("A-TW-01", "Confirm the pallet-label format with Freightline", "Halima Osei", D(2026, 4, 24)),
             ("A-TW-02", "Draft the super-user training schedule", "Siobhan Gallagher", D(2026, 5, 1))],
        decs=[("D-TW-01", "Decision on which site goes live first remains pending", "pending"),
              ("D-TW-03", "The handheld lease will run for 36 months", "made")])
    deck(docs, W2, [
        ("Site Configuration", "On Track", 55, "Altona racking install under way."),
        ("Carrier Integration", "On Track", 35, "Build progressing with Korvane."),
        ("Inventory Data", "At Risk", 45, "First trial load done; duplicates remain."),
        ("People & Training", "On Track", 20, "Super-user nominations received."),
    ], [("Sandbox build", "17/04/2026", "17/04/2026", "Complete"),
        ("Integration test start", "11/05/2026", "18/05/2026", "Delayed"),
        ("Dandenong go-live", "29/06/2026", "29/06/2026", "On Track")])
    vendor_mail(docs, D(2026, 4, 21), "Korvane weekly update - WMS build", """
Hi Tomasz,

A quick update ahead of tomorrow's SteerCo. The wave-picking demo in the sandbox went well on Monday.

On carrier integration we are blocked: Freightline has not delivered the label API, so our integration build is
behind plan.

Next steps:
1. Korvane Systems: deliver the wave-picking patch (release 2.3) by Friday.
2. Korvane Systems: circulate the revised integration test plan by 28 April.
3. Halima Osei: confirm the pallet-label format with Freightline by 24 April.

Regards,
Mateus Ferreira
Delivery Manager, Korvane Systems
""", acts=[("A-TW-05", "Deliver the wave-picking patch (release 2.3)", "Korvane Systems", D(2026, 4, 24)),
           ("A-TW-06", "Circulate the revised integration test plan", "Korvane Systems", D(2026, 4, 28)),
           ("A-TW-01", A1, "Halima Osei", D(2026, 4, 24))])

    # ---------------------------------------------------------------- week 3
    minutes(docs, W3, ["Bronwyn Tait", "Mateus Ferreira"], [
        "Previous minutes: accepted.",
        "Carrier integration: It was noted that Freightline has still not delivered the label API; Keanu Mahe "
        "advised that the integration test start will slip a further week.",
        "Carrier labels: Halima Osei to confirm the pallet-label format with Freightline, now by 01/05/2026.",
        "Go-live sequence: Agreed: Dandenong goes live first, Altona four weeks later.",
        "Training: the super-user training schedule was circulated on 27/04/2026; action closed.",
        "Cut-over: the cut-over weekend for Dandenong was discussed; a decision is needed at the next meeting "
        "once Korvane confirms support cover.",
        "Inventory data: Keanu Mahe to re-run the SKU de-duplication before the second trial load by 08/05/2026.",
    ], acts=[("A-TW-01", A1, "Halima Osei", D(2026, 5, 1)),
             ("A-TW-02", "Super-user training schedule was circulated", "Siobhan Gallagher", None, "done"),
             ("A-TW-07", "Re-run the SKU de-duplication before the second trial load", "Keanu Mahe",
              D(2026, 5, 8))],
        decs=[("D-TW-01", "Dandenong goes live first, Altona four weeks later", "made"),
              ("D-TW-04", "Cut-over weekend for Dandenong", "pending")])
    deck(docs, W3, [
        ("Site Configuration", "On Track", 70, "Racking install complete; scanners configured."),
        ("Carrier Integration", "On Track", 35, "Korvane build complete for internal flows."),
        ("Inventory Data", "At Risk", 45, "Second trial load being prepared."),
        ("People & Training", "On Track", 35, "Super-user schedule issued."),
    ], [("Integration test start", "11/05/2026", "25/05/2026", "Delayed"),
        ("Dandenong go-live", "29/06/2026", "29/06/2026", "On Track"),
        ("Altona go-live", "27/07/2026", "27/07/2026", "On Track")])
    raid(docs, D(2026, 4, 30), "1 May 2026", [
        "## Risks",
        f"- [RISK][HIGH] {R1}. Owner: TBC. Mitigation: none yet.",
        f"- [RISK][HIGH] {R4}. Owner: Keanu Mahe. Mitigation: escalate to the Freightline account director; "
        "stub the API for early tests.",
        f"- [RISK][MED] {R2} - CLOSED 28 Apr, certificate received. Owner: Halima Osei.",
        "",
        "## Decisions",
        "- [DEC] Dandenong goes live first, Altona four weeks later (SteerCo 29 Apr).",
        "- [DEC][PENDING] Cut-over weekend for Dandenong - awaiting Korvane support cover.",
        "",
        "## Actions",
        f"- [ACT] {A1} @Halima Osei due 1 May",
        f"- [ACT] {A4T} @TBD due 8 May",
        "- [ACT] Re-run the SKU de-duplication before the second trial load @Keanu Mahe due 8 May",
    ], acts=[("A-TW-01", A1, "Halima Osei", D(2026, 5, 1)),
             ("A-TW-04", A4T, None, D(2026, 5, 8)),
             ("A-TW-07", "Re-run the SKU de-duplication before the second trial load", "Keanu Mahe",
              D(2026, 5, 8))],
        decs=[("D-TW-01", "Dandenong goes live first, Altona four weeks later", "made"),
              ("D-TW-04", "Cut-over weekend for Dandenong - awaiting Korvane support cover", "pending")],
        risks=[("R-TW-01", R1),
               ("R-TW-04", R4, "Keanu Mahe",
                "escalate to the Freightline account director; stub the API for early tests"),
               ("R-TW-02", R2, "Halima Osei", None)])

    # ---------------------------------------------------------------- week 4
    vendor_mail(docs, D(2026, 5, 5), "Korvane weekly update - carrier integration", """
Hi Tomasz,

Freightline delivered the label API yesterday and we have started wiring it in. The wave-picking patch
(release 2.3) went live in the test environment on 24 April as planned, so that item is closed.

Next steps:
1. Korvane Systems: deploy release 2.4 (carrier label printing) to the test environment by 22 May.
2. Korvane Systems: provide named support cover for the Dandenong cut-over weekend by 08/05/2026.
3. Halima Osei: nominate three UAT testers from the Dandenong floor team by end of month.

Regards,
Mateus Ferreira
Delivery Manager, Korvane Systems
""", acts=[("A-TW-05", "The wave-picking patch (release 2.3) went live in the test environment",
            "Korvane Systems", None, "done"),
           ("A-TW-08", "Deploy release 2.4 (carrier label printing) to the test environment", "Korvane Systems",
            D(2026, 5, 22)),
           ("A-TW-09", "Provide named support cover for the Dandenong cut-over weekend", "Korvane Systems",
            D(2026, 5, 8)),
           ("A-TW-10", "Nominate three UAT testers from the Dandenong floor team", "Halima Osei",
            D(2026, 5, 31))])
    minutes(docs, W4, ["Bronwyn Tait"], [
        "Previous minutes: accepted.",
        "Carrier integration: Freightline delivered the label API on 04/05/2026; integration testing now starts "
        "01/06/2026, three weeks behind the baseline.",
        "Carrier labels: Halima Osei to confirm the pallet-label format with Freightline; the action remains open "
        "against the 01/05/2026 date.",
        "Cut-over: Agreed: the Dandenong cut-over will take place over the weekend of 13-14 June 2026.",
        "Inventory data: Keanu Mahe to complete the second trial load by 15/05/2026.",
        "Training: Siobhan Gallagher to book the Dandenong training rooms by 13/05/2026.",
    ], acts=[("A-TW-01", A1, "Halima Osei", D(2026, 5, 1)),
             ("A-TW-11", "Complete the second trial load", "Keanu Mahe", D(2026, 5, 15)),
             ("A-TW-12", "Book the Dandenong training rooms", "Siobhan Gallagher", D(2026, 5, 13))],
        decs=[("D-TW-04", "The Dandenong cut-over will take place over the weekend of 13-14 June 2026", "made")])
    deck(docs, W4, [
        ("Site Configuration", "On Track", 85, "Dandenong racking survey complete; no delay expected."),
        ("Carrier Integration", "Delayed", 40, "Label API received 4 May; testing moved to 1 June."),
        ("Inventory Data", "At Risk", 45, "Second trial load scheduled."),
        ("People & Training", "On Track", 50, "Training rooms being booked."),
    ], [("Integration test start", "11/05/2026", "01/06/2026", "Delayed"),
        ("Dandenong go-live", "29/06/2026", "06/07/2026", "Delayed"),
        ("Altona go-live", "27/07/2026", "03/08/2026", "Delayed")])
    dashboard(docs, D(2026, 5, 7), [
        ("Budget spent", "$2.4m of $6.1m (39%)"),
        ("Milestones on track", "0 of 3 open milestones"),
        ("Open actions", "9 (2 overdue)"),
        ("Schedule variance", "3 weeks (integration testing)"),
    ], [
        [f"{R1}", "- owner and mitigation not yet assigned."],
        [f"{R4}.", "Owner: Keanu Mahe. Mitigation: API stub in place; testing re-planned."],
        ["Key super-user availability during the June stock-take.",
         "Owner: Siobhan Gallagher. Mitigation: backfill from the Altona day shift."],
    ], risks=[("R-TW-01", R1),
              ("R-TW-04", R4, "Keanu Mahe", "API stub in place; testing re-planned"),
              ("R-TW-05", "Key super-user availability during the June stock-take", "Siobhan Gallagher",
               "backfill from the Altona day shift")])

    problems = {(W2, "Carrier Integration"), (W3, "Carrier Integration"), (W4, "Carrier Integration")}
    planted = [
        ("watermelon", "Carrier Integration", "Carrier Integration", None,
         "On Track on 22 and 29 April while the same weeks' minutes and vendor e-mail say the Freightline label API "
         "is not delivered and integration testing is behind plan (Delayed on 6 May ends the run)."),
        ("stale_action", "A-TW-01", A1, "Halima Osei",
         "Open in all four meeting weeks; re-dated 17/04 -> 24/04 -> 01/05 and overdue at 6 May."),
        ("due_date_slip", "A-TW-01", A1, "Halima Osei", "Due moved later twice: 17/04 -> 24/04 -> 01/05."),
        ("deferred_decision", "D-TW-01", "Which site goes live first, Dandenong or Altona", None,
         "Deferred on 15 April, still pending on 22 April, agreed on 29 April."),
        ("unowned_action", "A-TW-04", A4T, None, "Owner '@TBD' in the RAID summaries of 16 and 30 April."),
        ("unmitigated_risk", "R-TW-01", R1, None,
         "Owner TBC and 'Mitigation: none yet' on 16 and 30 April; 'owner and mitigation not yet assigned' on the "
         "7 May dashboard."),
        ("frozen_progress", "Inventory Data", "Inventory Data", None, "45% complete in the 22 Apr, 29 Apr and 6 May packs."),
        ("attendance_decline", "Bronwyn Tait", "Bronwyn Tait", None,
         "Apologies on 22 April, 29 April and 6 May (attendance table)."),
    ]
    thread_ws = {"A-TW-01": "Carrier Integration", "A-TW-04": None, "D-TW-01": None, "R-TW-01": None}
    return docs, MEETINGS, problems, planted, thread_ws


README = """# xstyles4 — a fifth held-out cross-style corpus

Generated by `eval/make_xstyles4.py` (see its docstring for the styles and label conventions). One program,
`tallowood-wms`: four weekly steering committees, 13 documents — numbered-paragraph Word minutes with an attendance
table and prose actions, .pptx packs with "Workstream summary" (On Track / At Risk / Delayed) and "Milestones"
(Baseline / Forecast) tables, "RAID summary" Markdown with inline [RISK]/[DEC]/[ACT] tags, vendor e-mails with
numbered "Next steps", and a one-page PDF executive dashboard with a "Top 3 risks" list.
"""


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in ("minutes", "decks", "reports", "email"):
        (OUT / P / sub).mkdir(parents=True, exist_ok=True)
    docs, meetings, problems, planted, thread_ws = build()
    docs.sort(key=lambda d: (d.date, d.kind != "minutes", d.relpath))
    x3.verify_quotes(docs)
    programs = {P: {"expected_signals": x3.expected(P, docs, meetings, problems, planted, thread_ws)}}
    labels = {"documents": [d.label() for d in docs], "programs": programs}
    (OUT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_text(OUT / "README.md", README)
    n = {k: sum(len(d[k]) for d in labels["documents"]) for k in ("actions", "decisions", "risks", "statuses")}
    print(f"wrote {len(docs)} documents to {OUT}: {n}; signals {len(programs[P]['expected_signals'])}")


if __name__ == "__main__":
    main()
