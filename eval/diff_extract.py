#!/usr/bin/env python3
"""Per-document extraction diff against a labeled corpus, with score.py's own matching.

  python eval/diff_extract.py --corpus eval/xstyles [--cmd .venv/bin/signalscan] [--only PATH-SUBSTRING]
                              [--save preds.json | --load preds.json] [--signals]

For every document prints: gold items not matched (misses), predicted items not matched (spurious),
matched actions whose owner / due / status is wrong, decisions with the wrong status, workstream statuses
missing or with the wrong RAG / % complete, attendee and apology differences, and a wrong meeting date.
--signals also ingests each program into a fresh workspace and lists expected signals not found and
predicted signals matching nothing (as score.py signals judges them). Stdlib only; the matching functions
are imported from ../shared/eval/score.py (SCORE_PY overrides its location).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

SCORE_PY = Path(os.environ.get("SCORE_PY", "/work/shared/eval/score.py"))
sys.path.insert(0, str(SCORE_PY.parent))
import score  # noqa: E402  (match, similarity, same_owner, close_dates, map_threads, signal_matches)


def run(cmd, args):
    proc = subprocess.run(shlex.split(cmd) + args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {cmd} {' '.join(args[:3])} ...\n{proc.stderr[-2000:]}")
    return proc.stdout


def short(text, n=90):
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def diff_document(gold, pred, counts):
    lines = []
    for kind in ("actions", "decisions", "risks"):
        g_items, p_items = gold.get(kind, []), pred.get(kind) or []
        pairs = score.match(g_items, p_items)
        gm, pm = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, g in enumerate(g_items):
            if gi not in gm:
                counts[f"{kind}.missed"] += 1
                extra = f" [owner={g.get('owner')} due={g.get('due')}]" if kind == "actions" else ""
                lines.append(f"  MISS  {kind[:-1]:8s} {short(g['text'])}{extra}  ({g.get('thread')})")
        for pi, p in enumerate(p_items):
            if pi not in pm:
                counts[f"{kind}.spurious"] += 1
                loc = (p.get("evidence") or {}).get("locator", "")
                lines.append(f"  EXTRA {kind[:-1]:8s} {short(p.get('text'))}  @{loc}")
        for gi, pi in pairs:
            g, p = g_items[gi], p_items[pi]
            if kind == "actions":
                if not score.same_owner(g.get("owner"), p.get("owner")):
                    counts["owner.wrong"] += 1
                    lines.append(f"  OWNER {short(g['text'], 60)}: gold={g.get('owner')!r} pred={p.get('owner')!r}")
                if not g.get("due_ambiguous") and (g.get("due") or None) != (p.get("due") or None):
                    counts["due.wrong"] += 1
                    lines.append(f"  DUE   {short(g['text'], 60)}: gold={g.get('due')} pred={p.get('due')}")
                if (g.get("status") or "open") != (p.get("status") or "open"):
                    counts["action_status.wrong"] += 1
                    lines.append(f"  STAT  {short(g['text'], 60)}: gold={g.get('status')} pred={p.get('status')}")
            if kind == "decisions" and (g.get("status") or "made") != (p.get("status") or "made"):
                counts["decision_status.wrong"] += 1
                lines.append(f"  DSTAT {short(g['text'], 60)}: gold={g.get('status')} pred={p.get('status')}")
    preds = pred.get("statuses") or []
    for gs in gold.get("statuses", []):
        best = max(preds, default=None, key=lambda ps: score.similarity(gs["workstream"], ps.get("workstream", "")))
        if not best or score.similarity(gs["workstream"], best.get("workstream", "")) < 0.5:
            counts["rag.missing"] += 1
            lines.append(f"  RAG?  {gs['workstream']}: no status found (gold {gs['reported']} {gs['percent_complete']}%)")
            continue
        if best.get("reported") != gs["reported"]:
            counts["rag.wrong"] += 1
            lines.append(f"  RAG   {gs['workstream']}: gold={gs['reported']} pred={best.get('reported')} "
                         f"(as {best.get('workstream')!r})")
        if gs.get("percent_complete") != best.get("percent_complete"):
            counts["percent.wrong"] += 1
            lines.append(f"  PCT   {gs['workstream']}: gold={gs.get('percent_complete')} "
                         f"pred={best.get('percent_complete')}")
    gold_ws = [g["workstream"] for g in gold.get("statuses", [])]
    for ps in preds:
        if not any(score.similarity(w, ps.get("workstream", "")) >= 0.5 for w in gold_ws):
            counts["rag.spurious"] += 1
            lines.append(f"  RAG+  extra status {ps.get('workstream')!r} = {ps.get('reported')}")
    for field in ("attendees", "apologies"):
        g = {score.norm_person(x) for x in gold.get(field, [])}
        p = {score.norm_person(x) for x in pred.get(field) or []}
        if g - p:
            counts[f"{field}.missed"] += len(g - p)
            lines.append(f"  {field[:5].upper():5s} missing: {sorted(g - p)}")
        if p - g:
            counts[f"{field}.spurious"] += len(p - g)
            lines.append(f"  {field[:5].upper():5s} extra: {sorted(p - g)}")
    pdate = (pred.get("document") or {}).get("meeting_date")
    if not score.close_dates(gold.get("meeting_date"), pdate):
        counts["date.wrong"] += 1
        lines.append(f"  DATE  gold={gold.get('meeting_date')} pred={pdate}")
    return lines


def diff_signals(args, labels):
    by_program = defaultdict(list)
    for d in labels["documents"]:
        by_program[d["program"]].append(d)
    for program, docs in sorted(by_program.items()):
        home = tempfile.mkdtemp(prefix="diff-home-")
        base = args.cmd + " --home " + shlex.quote(home)
        run(base, ["ingest", *[os.path.join(args.corpus, d["path"]) for d in docs], "--program", program])
        _, _, votes = score.map_threads(docs, json.loads(run(base, ["items", "--program", program, "--json"])))
        predicted = json.loads(run(base, ["signals", "--program", program, "--json"]))
        expected = labels["programs"].get(program, {}).get("expected_signals", [])
        used = set()
        print(f"\n## signals: {program}")
        for e in expected:
            hit = next((i for i, p in enumerate(predicted) if i not in used and score.signal_matches(e, p, votes)), None)
            if hit is None:
                print(f"  MISS  {e['type']:24s} {short(e['subject'], 60)}  ({e.get('thread') or e.get('workstream')}, "
                      f"{e['first_week']}..{e['last_week']})")
            else:
                used.add(hit)
        for i, p in enumerate(predicted):
            if i not in used:
                print(f"  EXTRA {p.get('type'):24s} {short(p.get('subject'), 60)}  ({p.get('first_seen')}..{p.get('last_seen')}) "
                      f"— {short(p.get('explanation'), 80)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--cmd", default="signalscan")
    ap.add_argument("--only", help="documents whose path contains this")
    ap.add_argument("--save", help="write the raw extract output here")
    ap.add_argument("--load", help="read a saved extract output instead of running signalscan")
    ap.add_argument("--signals", action="store_true", help="also diff signals (ingests; slow)")
    args = ap.parse_args()
    labels = score.load_labels(args.corpus)
    docs = [d for d in labels["documents"] if not args.only or args.only in d["path"]]
    if args.load:
        preds = json.load(open(args.load, encoding="utf-8"))
        by_path = {p["document"]["path"]: p for p in preds}
        preds = [next(v for k, v in by_path.items() if k.endswith(d["path"])) for d in docs]
    else:
        out = run(args.cmd, ["extract", *[os.path.join(args.corpus, d["path"]) for d in docs], "--json"])
        preds = json.loads(out)
        preds = [preds] if isinstance(preds, dict) else preds
        if args.save:
            Path(args.save).write_text(json.dumps(preds, indent=1), encoding="utf-8")
    counts = defaultdict(int)
    for gold, pred in zip(docs, preds):
        lines = diff_document(gold, pred, counts)
        print(f"\n## {gold['path']}  ({gold['kind']}, {gold['meeting_date']})" + ("" if lines else "  — clean"))
        print("\n".join(lines)) if lines else None
    print("\n## totals")
    for k in sorted(counts):
        print(f"  {k:26s} {counts[k]}")
    if args.signals:
        diff_signals(args, labels)


if __name__ == "__main__":
    main()
