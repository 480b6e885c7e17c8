"""The briefing as one self-contained HTML file: inline CSS, charts as data URIs, no external assets."""

from __future__ import annotations

import base64
from functools import lru_cache

from jinja2 import Environment, Template

from signalscan.briefing import charts
from signalscan.briefing.model import Briefing
from signalscan.briefing.render_md import (
    RAG_WEEKS,
    SEVERITIES,
    changes_lines,
    cite,
    rag_cell_text,
    signal_line,
    title,
)

CSS = """
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#1d1d1f;line-height:1.45}
h1{font-size:1.5em;border-bottom:3px solid #1d1d1f;padding-bottom:.3em}h2{margin-top:1.8em;font-size:1.2em}
.headline{font-size:1.1em;background:#f4f4f6;padding:.8em 1em;border-left:5px solid #444}
.trend-worse{border-color:#d1342f}.trend-better{border-color:#2e9e44}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#f0f0f0}
.sev{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff;font-size:.8em;text-transform:uppercase}
.sev-high{background:#d1342f}.sev-medium{background:#f0a202}.sev-low{background:#6c757d}
blockquote{margin:.2em 0 .2em 1.2em;color:#444;font-size:.9em}.cite{color:#666;font-size:.85em}
.rag{text-align:center;font-weight:bold;width:2.4em}.rag-green{background:#c9ecd0}.rag-amber{background:#fde6b0}
.rag-red{background:#f6c4c2}.rag-none{background:#eee}.note{color:#8a5300;font-style:italic}
img.chart{max-width:100%;border:1px solid #eee}li.change{white-space:pre-line}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{{ css }}</style></head><body>
<h1>{{ title }}</h1>
<p class="headline trend-{{ b.headline.trend }}"><strong>Headline:</strong> {{ b.headline.text }}</p>
<h2>Summary</h2><p>{{ b.summary.text }}</p>
{% if b.summary.note %}<p class="note">{{ b.summary.note }}</p>{% endif %}
<h2>Leadership questions</h2><ul>
{% for q in b.questions %}<li><strong>{{ q.question }}</strong> {{ q.answer }}
{% for c in q.citations[:3] %}<blockquote>“{{ c.quote }}” <span class="cite">{{ cite(c) }}</span></blockquote>
{% endfor %}</li>{% endfor %}</ul>
<h2>What changed{% if b.changes.since %} since {{ b.changes.since }}{% endif %}</h2><ul>
{% for line in changes %}<li class="change">{{ line }}</li>{% endfor %}</ul>
<h2>Signals by severity</h2>
{% for sev in severities %}{% set active = b.active_signals(sev) %}
<h3><span class="sev sev-{{ sev }}">{{ sev }}</span> {{ active|length }}</h3>
{% for s in active %}<p><strong>{{ signal_line(s) }}</strong><br>{{ s.signal.explanation }}</p>
{% for e in s.signal.evidence %}
<blockquote>“{{ e.quote }}” <span class="cite">{{ cite(e) }}</span></blockquote>
{% endfor %}{% else %}<p>None.</p>{% endfor %}{% endfor %}
<h2>Aging actions by owner</h2>
{% if aging_png %}
<img class="chart" id="aging-chart" alt="Open actions by owner and age" src="{{ aging_png }}">
{% endif %}
{% for o in b.actions_by_owner %}<h3>{{ o.owner }} — {{ o.open }} open, {{ o.overdue }} overdue</h3>
<table><tr><th>Action</th><th>Age (weeks)</th><th>Carried over</th><th>Due slips</th><th>Due</th>
<th>Evidence</th></tr>
{% for a in o.actions %}<tr><td>{{ a.text }}</td><td>{{ a.age_weeks }}</td><td>{{ a.carried_over }}</td>
<td>{{ a.due_slips }}</td>
<td>{{ a.due or "none" }}{% if a.overdue %} <strong>(overdue)</strong>{% endif %}</td>
<td class="cite">{% if a.evidence %}{{ cite(a.evidence) }}{% endif %}</td></tr>{% endfor %}</table>
{% else %}<p>No open actions.</p>{% endfor %}
<h2>Decisions waiting</h2>
{% if b.decisions_waiting %}<table><tr><th>Decision</th><th>Status</th><th>Since</th><th>Weeks waiting</th>
<th>Times deferred</th><th>Evidence</th></tr>
{% for d in b.decisions_waiting %}<tr><td>{{ d.text }}</td><td>{{ d.status }}</td><td>{{ d.since }}</td>
<td>{{ d.weeks_waiting }}</td><td>{{ d.times_deferred }}</td>
<td class="cite">{% if d.evidence %}{{ cite(d.evidence) }}{% endif %}</td></tr>{% endfor %}</table>
{% else %}<p>None.</p>{% endif %}
<h2>Risk register health</h2>
<table><tr><th>Open</th><th>Without owner</th><th>Without mitigation</th><th>Closed</th></tr>
<tr><td>{{ b.risk_health.open }}</td><td>{{ b.risk_health.without_owner }}</td>
<td>{{ b.risk_health.without_mitigation }}</td><td>{{ b.risk_health.closed }}</td></tr></table>
{% if b.risk_health.without_either %}<p>Open with neither owner nor mitigation:
{{ b.risk_health.without_either|join("; ") }}.</p>{% endif %}
<h2>Reported RAG against evidence</h2>
{% if rag_png %}
<img class="chart" id="rag-chart" alt="Reported RAG against evidence" src="{{ rag_png }}">
{% endif %}
{% if b.rag_grid %}<table><tr><th>Workstream</th>{% for c in b.rag_grid[0].cells[-rag_weeks:] %}
<th>{{ c.week.strftime("%d %b") }}</th>{% endfor %}</tr>
{% for row in b.rag_grid %}<tr><td>{{ row.workstream }}</td>{% for c in row.cells[-rag_weeks:] %}
<td class="rag rag-{{ c.reported or 'none' }}">{{ rag_cell(c) }}</td>{% endfor %}</tr>{% endfor %}</table>
<p class="cite">G/A/R = reported colour, · = not reported, ! = a document of that week described trouble.</p>
{% else %}<p>No workstream status reported.</p>{% endif %}
<h2>Facts cited</h2><ol>
{% for f in b.facts %}<li>{{ f.text }}{% for c in f.citations %}<blockquote>“{{ c.quote }}”
<span class="cite">{{ cite(c) }}</span></blockquote>{% endfor %}</li>{% endfor %}</ol>
</body></html>
"""


@lru_cache(maxsize=1)
def _template() -> Template:
    # compiled once per process: compiling costs more than rendering
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(TEMPLATE)


def data_uri(png: bytes | None) -> str | None:
    """A PNG as a data: URI, so the HTML needs no other file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None


def render_html(briefing: Briefing) -> str:
    """The whole briefing as one HTML page."""
    return _template().render(
        b=briefing,
        title=title(briefing),
        css=CSS,
        severities=SEVERITIES,
        rag_weeks=RAG_WEEKS,
        changes=changes_lines(briefing),
        cite=cite,
        signal_line=signal_line,
        rag_cell=rag_cell_text,
        rag_png=data_uri(charts.rag_chart(briefing)),
        aging_png=data_uri(charts.aging_chart(briefing)),
    )
