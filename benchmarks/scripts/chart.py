#!/usr/bin/env python3
"""Turns JMH JSON results into a Markdown table and an SVG bar chart.

Needs nothing but python3's standard library.

    python3 benchmarks/scripts/chart.py --title "In memory" --out docs/images/inmemory.svg \
        before=benchmarks/results/inmemory-before.json after=benchmarks/results/inmemory-after.json

Each LABEL=FILE is one JMH run (`-rf json -rff FILE`). For every benchmark the table
shows the wall-clock score (mean, and p50/p99 and calls per second for sample-time
runs, and the medians of `startMs` and `readyMs` over the JVMs of a start-up run),
the JVM's CPU time per call when the run reports `cpuNanosPerCall`, the
allocation per call when the run used `-prof gc`, and the ratios of each to the
`--reference` benchmark of the same run (default `rawWebClient`): only ratios
measured side by side in one run are compared. The chart draws the CPU time per call
(or, without it, the wall time) on a logarithmic scale, one bar per run.
"""

import argparse
import html
import json
import math
import statistics
import sys

COLOURS = ["#9aa5b1", "#2f6fdf", "#e8833a", "#3aa76d"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def key(entry):
    name = entry["benchmark"].rsplit(".", 1)[-1]
    params = entry.get("params") or {}
    suffix = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
    threads = entry.get("threads", 1)
    if threads != 1 or entry.get("mode") == "sample":
        suffix = (suffix + "," if suffix else "") + f"t={threads}"
    return f"{name} [{suffix}]" if suffix else name


def to_ns(value, unit):
    scale = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
    return value * scale[unit]


def figures(entry):
    metric = entry["primaryMetric"]
    unit = metric["scoreUnit"]
    result = {"mean_ns": to_ns(metric["score"], unit), "error_ns": to_ns(metric.get("scoreError") or 0, unit)}
    percentiles = metric.get("scorePercentiles") or {}
    if entry.get("mode") == "sample":
        result["p50_ns"] = to_ns(percentiles.get("50.0", metric["score"]), unit)
        result["p99_ns"] = to_ns(percentiles.get("99.0", metric["score"]), unit)
        result["ops_per_s"] = entry.get("threads", 1) / (result["mean_ns"] / 1e9)
    secondary = entry.get("secondaryMetrics") or {}
    alloc = secondary.get("gc.alloc.rate.norm")
    if alloc:
        result["bytes"] = alloc["score"]
    cpu = secondary.get("cpuNanosPerCall")
    if cpu:
        # an EVENTS counter: JMH sums the iterations; each iteration holds its own mean
        per_iteration = [v for fork in cpu.get("rawData", []) for v in fork]
        result["cpu_ns"] = sum(per_iteration) / len(per_iteration) if per_iteration else cpu["score"]
    # the start-up benchmark: one value per fresh JVM, summarised by the median
    for counter, field in (("startMs", "start_ns"), ("readyMs", "ready_ns")):
        values = [v for fork in (secondary.get(counter) or {}).get("rawData", []) for v in fork]
        if values:
            result[field] = statistics.median(values) * 1e6
    return result


def human_ns(ns):
    if ns < 1e3:
        return f"{ns:.2f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns / 1e6:.2f} ms"


def human_bytes(b):
    return f"{b / 1024:.1f} KB" if b >= 1024 else f"{b:.0f} B"


def table(runs, reference):
    """One row per benchmark; for each run: wall time, JVM CPU per call, allocation per
    call, and the ratios of each to the reference benchmark of the same run."""
    lines = []
    labels = [label for label, _ in runs]
    lines.append("| benchmark | " + " | ".join(
        f"{label}: wall time | {label}: CPU/call | {label}: alloc/call | {label}: ÷ {reference} (wall, CPU, alloc)"
        for label in labels) + " |")
    lines.append("| --- |" + " ---: | ---: | ---: | ---: |" * len(labels))
    names = []
    for _, results in runs:
        for name in results:
            if name not in names:
                names.append(name)
    for name in names:
        cells = []
        for _, results in runs:
            r = results.get(name)
            if r is None:
                cells += ["", "", "", ""]
                continue
            time = human_ns(r["mean_ns"])
            if "p50_ns" in r:
                time += f" (p50 {human_ns(r['p50_ns'])}, p99 {human_ns(r['p99_ns'])}, {r['ops_per_s']:.0f} calls/s)"
            ref = reference_of(results, name, reference)
            ratios = []
            if ref:
                ratios.append(f"{r['mean_ns'] / ref['mean_ns']:.2f}")
                for k in ("cpu_ns", "bytes"):
                    if k in r and ref.get(k):
                        ratios.append(f"{r[k] / ref[k]:.2f}")
            if "start_ns" in r:
                time += f" (start-up {human_ns(r['start_ns'])}" + (
                    f", until warm {human_ns(r['ready_ns'])})" if "ready_ns" in r else ")")
            cells += [time, human_ns(r["cpu_ns"]) if "cpu_ns" in r else "",
                      human_bytes(r["bytes"]) if "bytes" in r else "", ", ".join(ratios)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def reference_of(results, name, reference):
    """The reference benchmark measured with the same parameters and threads."""
    suffix = name[name.index(" "):] if " " in name else ""
    return results.get(reference + suffix)


def human(metric, value):
    return human_bytes(value) if metric == "bytes" else human_ns(value)


def svg(runs, title, metric=None):
    names = []
    for _, results in runs:
        for name in results:
            if name not in names:
                names.append(name)
    if metric is None:
        metric = "cpu_ns" if all("cpu_ns" in r for _, results in runs for r in results.values()) else "mean_ns"
    what = {"cpu_ns": "JVM CPU time per call", "mean_ns": "time per call", "bytes": "bytes allocated per call",
            "start_ns": "start-up, median of the JVMs",
            "ready_ns": "until the client is warm, median of the JVMs"}[metric]
    values = [r[metric] for _, results in runs for r in results.values() if r.get(metric, 0) > 0]
    low = max(10 ** math.floor(math.log10(min(values))), 1)
    high = 10 ** math.ceil(math.log10(max(values)))
    bar, gap, left, width = 14, 10, 300, 520
    group = bar * len(runs) + gap
    height = 60 + group * len(names) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 120}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<text x="10" y="20" font-size="15" font-weight="bold">{html.escape(title)}</text>',
           f'<text x="10" y="38" fill="#555">{what}, logarithmic scale (shorter is better)</text>']

    def x(ns):
        return left + width * (math.log10(ns) - math.log10(low)) / (math.log10(high) - math.log10(low))

    decade = low
    while decade <= high:
        out.append(f'<line x1="{x(decade):.1f}" y1="50" x2="{x(decade):.1f}" y2="{height - 35}" stroke="#ddd"/>')
        out.append(f'<text x="{x(decade):.1f}" y="{height - 20}" text-anchor="middle" fill="#555">'
                   f'{html.escape(human(metric, decade))}</text>')
        decade *= 10
    y = 55
    for name in names:
        out.append(f'<text x="{left - 8}" y="{y + bar * len(runs) / 2 + 4:.1f}" text-anchor="end">'
                   f'{html.escape(name)}</text>')
        for i, (label, results) in enumerate(runs):
            r = results.get(name)
            if r is not None and r.get(metric, 0) > 0:
                w = max(x(r[metric]) - left, 1)
                out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar - 2}" '
                           f'fill="{COLOURS[i % len(COLOURS)]}"/>')
                out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 4}" fill="#333">'
                           f'{html.escape(human(metric, r[metric]))}</text>')
            y += bar
        y += gap
    for i, (label, _) in enumerate(runs):
        lx = left + i * 110
        out.append(f'<rect x="{lx}" y="{height - 14}" width="10" height="10" fill="{COLOURS[i % len(COLOURS)]}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 5}">{html.escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="+", help="LABEL=FILE of a JMH JSON result")
    parser.add_argument("--out", help="the SVG file to write")
    parser.add_argument("--title", default="Specora benchmarks")
    parser.add_argument("--reference", default="rawWebClient", help="the benchmark the ratios are relative to")
    parser.add_argument("--metric", choices=["mean_ns", "cpu_ns", "bytes", "start_ns", "ready_ns"],
                        help="what the chart draws (default: CPU time per call when reported, else wall time)")
    args = parser.parse_args(argv)
    runs = []
    for spec in args.runs:
        label, _, path = spec.partition("=")
        runs.append((label, {key(e): figures(e) for e in load(path)}))
    print(table(runs, args.reference))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(svg(runs, args.title, args.metric))


if __name__ == "__main__":
    main(sys.argv[1:])
