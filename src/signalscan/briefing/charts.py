"""PNG charts for the briefing (matplotlib, Agg, imported lazily; no pyplot global state)."""

from __future__ import annotations

import io

from signalscan.briefing.model import Briefing

RAG_COLOURS = {"green": "#2e9e44", "amber": "#f0a202", "red": "#d1342f", None: "#d9d9d9"}
AGE_BUCKETS = (
    (0, 1, "0-1 weeks", "#9ecae1"),
    (2, 3, "2-3 weeks", "#4292c6"),
    (4, 7, "4-7 weeks", "#08519c"),
    (8, 10_000, "8+ weeks", "#08306b"),
)
MAX_WEEKS = 12
MAX_OWNERS = 12


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def rag_chart(briefing: Briefing) -> bytes | None:
    """Reported RAG per workstream and week, with a marker where evidence described trouble (cached)."""
    if "rag" not in briefing._charts:
        briefing._charts["rag"] = draw_rag_chart(briefing)
    return briefing._charts["rag"]


def aging_chart(briefing: Briefing) -> bytes | None:
    """Open actions per owner, stacked by weeks open (cached)."""
    if "aging" not in briefing._charts:
        briefing._charts["aging"] = draw_aging_chart(briefing)
    return briefing._charts["aging"]


def draw_rag_chart(briefing: Briefing, max_weeks: int = MAX_WEEKS) -> bytes | None:
    """Draw the reported-RAG-against-evidence grid as a PNG."""
    rows = briefing.rag_grid
    if not rows or not rows[0].cells:
        return None
    from matplotlib.patches import Patch, Rectangle

    weeks = rows[0].cells[-max_weeks:]
    figure = _figure(1.6 + 0.55 * len(weeks), 0.9 + 0.42 * len(rows))
    ax = figure.add_subplot()
    for y, row in enumerate(reversed(rows)):
        for x, cell in enumerate(row.cells[-max_weeks:]):
            ax.add_patch(Rectangle((x + 0.05, y + 0.05), 0.9, 0.9, color=RAG_COLOURS[cell.reported]))
            if cell.trouble:
                ax.text(x + 0.5, y + 0.5, "!", ha="center", va="center", fontsize=13, fontweight="bold")
    ax.set_xlim(0, len(weeks))
    ax.set_ylim(0, len(rows))
    ax.set_xticks(
        [x + 0.5 for x in range(len(weeks))],
        [c.week.strftime("%d %b") for c in weeks],
        rotation=45,
        ha="right",
        fontsize=8,
    )
    ax.set_yticks([y + 0.5 for y in range(len(rows))], [r.workstream for r in reversed(rows)], fontsize=9)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    legend = [Patch(color=RAG_COLOURS[c], label=f"reported {c or 'nothing'}") for c in RAG_COLOURS]
    legend.append(Patch(color="white", label="! evidence of trouble"))
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Reported RAG against evidence, by meeting week", fontsize=10)
    return _png(figure)


def draw_aging_chart(briefing: Briefing, max_owners: int = MAX_OWNERS) -> bytes | None:
    """Draw open actions per owner, stacked by how many weeks they have been open, as a PNG."""
    owners = briefing.actions_by_owner[:max_owners]
    if not owners:
        return None
    figure = _figure(7, 0.9 + 0.4 * len(owners))
    ax = figure.add_subplot()
    names = [o.owner for o in reversed(owners)]
    left = [0] * len(owners)
    for low, high, label, colour in AGE_BUCKETS:
        counts = [sum(low <= a.age_weeks <= high for a in o.actions) for o in reversed(owners)]
        ax.barh(names, counts, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("open actions")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Open actions by owner and age", fontsize=10)
    return _png(figure)
