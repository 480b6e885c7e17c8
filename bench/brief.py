"""Benchmark: a briefing over a year of weekly meetings (52 weeks, synthetic), beside a naive baseline.

The briefing (this week built, the previous week's signal counts, template summary,
md + html + docx + json, two charts) must take under 3 s. The baseline renders the raw signal
list as Markdown.
Run: .venv/bin/python bench/brief.py [--weeks 52] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time

from signalscan.briefing import generate_briefing, render, sample
from signalscan.briefing.sources import SampleSource
from signalscan.models import Signal

TARGET_SECONDS = 3.0


def baseline(signals: list[Signal]) -> str:
    """The naive briefing: every signal as one Markdown line with its first quote."""
    lines = ["# Signals", ""]
    for s in sorted(signals, key=lambda s: (s.severity, s.subject)):
        quote = s.evidence[0].quote if s.evidence else ""
        lines.append(f"- **{s.severity}** {s.type}: {s.subject} — {s.explanation} “{quote}”")
    return "\n".join(lines)


def briefing_all_formats(source: SampleSource) -> dict[str, int]:
    """Build the briefing and render every format; returns the size of each."""
    briefing = generate_briefing(source)
    return {fmt: len(render(briefing, fmt)) for fmt in ("md", "html", "docx", "json")}


class Materialized:
    """The synthetic program's inputs computed before timing, so the clock measures the briefing only."""

    def __init__(self, source: SampleSource, dates: list) -> None:
        self.program = source.program
        self._extractions = source.extractions(None)
        self._threads = {d: source.threads(d) for d in dates}
        self._signals = {d: source.signals(d) for d in dates}

    def extractions(self, as_of):
        return [e for e in self._extractions if as_of is None or e.extraction.document.meeting_date <= as_of]

    def threads(self, as_of):
        return self._threads[as_of]

    def signals(self, as_of):
        return self._signals[as_of]


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Best wall-clock and CPU seconds over `repeat` runs (CPU shows the cost on a shared machine)."""
    best_wall, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data, signals = sample.synthetic_year(args.weeks)
    raw = SampleSource(data, lambda as_of: [s for s in signals if s.first_seen and s.first_seen <= as_of])
    source = Materialized(raw, data.meetings[-2:])
    docs = len(source.extractions(None))
    import matplotlib  # noqa: F401 - the import is paid once per process, not per briefing

    briefing_all_formats(source)  # warm-up: font cache, first-draw costs
    ours, ours_cpu, sizes = timed(lambda: briefing_all_formats(source), args.repeat)
    base, base_cpu, _ = timed(lambda: baseline(source.signals(data.meetings[-1])), args.repeat)
    verdict = "OK" if ours < TARGET_SECONDS else "TOO SLOW"
    print(f"program: {args.weeks} weekly meetings, {docs} documents, {len(data.items)} items, "
          f"{len(signals)} signals")
    print(f"baseline (raw signal list as md): {base:.4f} s wall, {base_cpu:.4f} s CPU")
    print(f"briefing (build + previous counts + md/html/docx/json + 2 charts): {ours:.3f} s wall, "
          f"{ours_cpu:.3f} s CPU; target < {TARGET_SECONDS} s: {verdict}")
    print(f"ratio briefing/baseline (wall): {ours / base:.0f}x")
    print(json.dumps({"weeks": args.weeks, "briefing_s": round(ours, 3), "briefing_cpu_s": round(ours_cpu, 3),
                      "baseline_s": round(base, 5), "ratio": round(ours / base, 1), "sizes": sizes,
                      "target_s": TARGET_SECONDS}))


if __name__ == "__main__":
    main()
