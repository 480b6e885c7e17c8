"""PNG charts for the briefing (matplotlib Figure on the Agg canvas, imported lazily; never pyplot)."""

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
DPI = 100


MAX_LABEL = 32  # characters of a workstream or owner name on an axis


class _Canvas:
    """A matplotlib Figure on the Agg canvas, laid out by measuring its labels once.

    No pyplot (no global state) and no `bbox_inches="tight"`, which draws every figure twice.
    """

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(dpi=DPI)
        self.canvas = FigureCanvasAgg(self.figure)

    def text_inches(self, texts: list[str], size: float) -> float:
        """The width of the widest text at a font size, in inches."""
        from matplotlib.font_manager import FontProperties

        renderer, font = self.canvas.get_renderer(), FontProperties(size=size)
        widths = [renderer.get_text_width_height_descent(t, font, ismath=False)[0] for t in texts]
        return max(widths, default=0.0) / DPI

    def axes(self, left: float, width: float, right: float, bottom: float, height: float, top: float):
        """Size the figure around a plot area (inches) and return its axes."""
        total_w, total_h = left + width + right, bottom + height + top
        self.figure.set_size_inches(total_w, total_h)
        return self.figure.add_axes((left / total_w, bottom / total_h, width / total_w, height / total_h))

    def png(self) -> bytes:
        """The figure as PNG bytes."""
        buffer = io.BytesIO()
        self.canvas.print_png(buffer)
        return buffer.getvalue()


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


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
    """Draw the reported-RAG-against-evidence grid as a PNG (one image, one marker line; no patch a cell)."""
    rows = briefing.rag_grid
    if not rows or not rows[0].cells:
        return None
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch

    weeks = rows[0].cells[-max_weeks:]
    names = [_short(r.workstream) for r in reversed(rows)]
    grid = [[to_rgb(RAG_COLOURS[c.reported]) for c in row.cells[-max_weeks:]] for row in reversed(rows)]
    trouble = [
        (x + 0.5, y + 0.5)
        for y, row in enumerate(reversed(rows))
        for x, cell in enumerate(row.cells[-max_weeks:])
        if cell.trouble
    ]
    legend = [Patch(color=RAG_COLOURS[c], label=f"reported {c or 'nothing'}") for c in RAG_COLOURS]
    legend.append(Patch(color="white", label="! evidence of trouble"))
    chart = _Canvas()
    left = chart.text_inches(names, 9) + 0.15
    right = chart.text_inches([str(h.get_label()) for h in legend], 8) + 0.55
    ax = chart.axes(left, max(2.2, 0.55 * len(weeks)), right, 0.6, 0.42 * len(rows), 0.35)
    extent = (0, len(weeks), 0, len(rows))
    ax.imshow(grid, origin="lower", extent=extent, aspect="auto", interpolation="nearest")
    # white gutters between the cells
    ax.vlines(range(1, len(weeks)), 0, len(rows), colors="white", linewidth=3)
    ax.hlines(range(1, len(rows)), 0, len(weeks), colors="white", linewidth=3)
    if trouble:
        xs, ys = zip(*trouble, strict=True)
        ax.plot(xs, ys, linestyle="none", marker="$!$", markersize=9, color="black")
    ax.set_xlim(0, len(weeks))
    ax.set_ylim(0, len(rows))
    ax.set_xticks(
        [x + 0.5 for x in range(len(weeks))],
        [c.week.strftime("%d %b") for c in weeks],
        rotation=45,
        ha="right",
        rotation_mode="anchor",
        fontsize=8,
    )
    ax.set_yticks([y + 0.5 for y in range(len(rows))], names, fontsize=9)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Reported RAG against evidence, by meeting week", fontsize=10)
    return chart.png()


def draw_aging_chart(briefing: Briefing, max_owners: int = MAX_OWNERS) -> bytes | None:
    """Draw open actions per owner, stacked by how many weeks they have been open, as a PNG."""
    owners = briefing.actions_by_owner[:max_owners]
    if not owners:
        return None
    from matplotlib.ticker import MaxNLocator

    names = [_short(o.owner) for o in reversed(owners)]
    chart = _Canvas()
    left = chart.text_inches(names, 10) + 0.15
    right = chart.text_inches([b[2] for b in AGE_BUCKETS], 8) + 0.55
    ax = chart.axes(left, max(3.0, 7 - left - right), right, 0.55, 0.4 * len(owners), 0.35)
    positions = list(range(len(owners)))  # numbers, not category names: no categorical-axis machinery
    left_edges = [0] * len(owners)
    for low, high, label, colour in AGE_BUCKETS:
        counts = [sum(low <= a.age_weeks <= high for a in o.actions) for o in reversed(owners)]
        ax.barh(positions, counts, left=left_edges, color=colour, label=label)
        left_edges = [a + b for a, b in zip(left_edges, counts, strict=True)]
    ax.set_yticks(positions, names, fontsize=10)
    ax.set_ylim(-0.6, len(owners) - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("open actions")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Open actions by owner and age", fontsize=10)
    return chart.png()
