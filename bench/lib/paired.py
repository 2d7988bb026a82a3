#!/usr/bin/env python3
"""Markdown table of paired runs: paired.py RUNS.jsonl TOOL_A TOOL_B "Name A" "Name B"

RUNS.jsonl holds one JSON object per run: round, scenario, tool, wall (s), and optionally objects, bytes and copies.
For each scenario: each tool's median wall time (min-max), the median of the per-round ratios B / A (above 1
when A is faster), and what each sent (median objects and bytes, with their range when rounds differ); a column
of server-side copies (objects made inside S3, no bytes sent) when any run counts them.
"""
import json
import statistics
import sys


def spread(values, fmt):
    low, high = min(values), max(values)
    return fmt(statistics.median(values)) + ("" if low == high else f" ({fmt(low)}-{fmt(high)})")


def main(path, a, b, name_a, name_b):
    runs = [json.loads(line) for line in open(path) if line.strip()]
    scenarios = list(dict.fromkeys(r["scenario"] for r in runs))
    seconds = lambda v: f"{v:.2f} s"
    count = lambda v: f"{v:,.0f}"
    with_copies = any("copies" in r for r in runs)
    print(f"| scenario | {name_a} | {name_b} | ratio ({name_b} / {name_a}) | objects sent: {name_a} / {name_b} | bytes sent: {name_a} / {name_b} |"
          + (f" server-side copies: {name_a} / {name_b} |" if with_copies else ""))
    print("| --- | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if with_copies else ""))
    for scenario in scenarios:
        by_round = {}
        for r in runs:
            if r["scenario"] == scenario:
                by_round.setdefault(r["round"], {})[r["tool"]] = r
        pairs = [v for v in by_round.values() if a in v and b in v]
        wa = [p[a]["wall"] for p in pairs]
        wb = [p[b]["wall"] for p in pairs]
        ratios = [p[b]["wall"] / p[a]["wall"] for p in pairs]
        sent = lambda tool, key: spread([p[tool].get(key, 0) for p in pairs], count)
        print(f"| {scenario} | {spread(wa, seconds)} | {spread(wb, seconds)} | **{statistics.median(ratios):.2f}x** "
              f"({min(ratios):.2f}-{max(ratios):.2f}) | {sent(a, 'objects')} / {sent(b, 'objects')} | {sent(a, 'bytes')} / {sent(b, 'bytes')} |"
              + (f" {sent(a, 'copies')} / {sent(b, 'copies')} |" if with_copies else ""))
    loads = [r["load"] for r in runs if "load" in r]
    if loads:
        print(f"\n{len(set(r['round'] for r in runs))} rounds; load average {min(loads):.1f}-{max(loads):.1f} at the start of the runs.")


if __name__ == "__main__":
    main(*sys.argv[1:6])
