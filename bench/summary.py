#!/usr/bin/env python3
# summary.py TMPDIR: the tables of bench/results.txt from the raw outputs
# that bench/run.sh collects in TMPDIR.
import json, re, statistics, sys, os
tmp = sys.argv[1]

def parse(path):
    """benchmark name -> list of {metric: value}"""
    res = {}
    if not os.path.exists(path):
        return res
    fileTag = ""
    for line in open(path):
        if line.startswith("# file: "):
            fileTag = line[8:].strip()
            continue
        if not line.startswith("Benchmark"):
            continue
        f = line.split()
        name = f[0]
        if fileTag:
            name += "@" + fileTag
        m = {}
        for i in range(2, len(f) - 1, 2):
            try:
                m[f[i + 1]] = float(f[i])
            except ValueError:
                pass
        res.setdefault(name, []).append(m)
    return res

def med(runs, key):
    xs = [r[key] for r in runs if key in r]
    return statistics.median(xs) if xs else float("nan")

go = parse(os.path.join(tmp, "go.txt"))
print("## Stages (median of runs; MB/s wall-clock, MB/cpu-s per second of CPU time)")
print()
print("| benchmark | cores | MB/s | MB/cpu-s | articles/s | allocs/op | B/op |")
print("|---|---:|---:|---:|---:|---:|---:|")
rows = {}
for name, runs in sorted(go.items()):
    base, _, cpu = name.rpartition("-")
    if not cpu.isdigit():
        base, cpu = name, "1"
    base = base.removeprefix("Benchmark")
    rows.setdefault(base, {})[cpu] = runs
    print(f"| {base} | {cpu} | {med(runs,'MB/s'):.1f} | {med(runs,'MB/cpu-s'):.1f} | {med(runs,'articles/s'):.0f} | {med(runs,'allocs/op'):.0f} | {med(runs,'B/op'):.0f} |")
print()
print("## Two cores against one (wall-clock MB/s ratio)")
print()
for base, byCPU in sorted(rows.items()):
    if "1" in byCPU and "2" in byCPU:
        r = med(byCPU["2"], "MB/s") / med(byCPU["1"], "MB/s")
        print(f"- {base}: {r:.2f}x")
print()

gse = parse(os.path.join(tmp, "gse.txt"))
if gse:
    print("## Entities against gse's Segment (entities package, one core)")
    print()
    for name, runs in sorted(gse.items()):
        if "x-segment" in runs[0]:
            print(f"- {name}: Entities at {med(runs,'x-segment'):.2f}x gse Segment (CPU time, interleaved in one process); "
                  f"{med(runs,'entities-MB/cpu-s'):.2f} against {med(runs,'segment-MB/cpu-s'):.2f} MB/cpu-s")
            continue
        print(f"- {name}: {med(runs,'MB/s'):.2f} MB/s, {med(runs,'MB/cpu-s'):.2f} MB/cpu-s, {med(runs,'allocs/op'):.0f} allocs/op, {med(runs,'B/op'):.0f} B/op")
    seg = [v for k, v in gse.items() if "GseSegment/Segment" in k]
    if seg:
        s = med(seg[0], "MB/cpu-s") or med(seg[0], "MB/s")
        for k, v in gse.items():
            if k.startswith("BenchmarkEntities/"):
                e = med(v, "MB/cpu-s") or med(v, "MB/s")
                print(f"- {k} / gse Segment, separate runs: {e/s:.2f}x")
    print()

peer = [json.loads(l) for l in open(os.path.join(tmp, "peer.jsonl")) if l.strip()]
pgo = parse(os.path.join(tmp, "peer-go.txt"))
if peer:
    print("## Numbers: our claim extractor against Recognizers-Text (JavaScript), same sentences, one core")
    print()
    print("| sentences | bytes | peer models | peer MB/s (warm) | our claims MB/s | our MB/cpu-s | ratio (ours / peer) |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for p in peer:
        f = p["file"]
        ours = [v for k, v in pgo.items() if k.endswith("@" + f)]
        pm = p["utf8_bytes"] / p["warm_pass_s"] / 1e6
        if ours:
            o = med(ours[0], "MB/s")
            oc = med(ours[0], "MB/cpu-s")
            print(f"| {f} | {p['utf8_bytes']} | {p['models']} | {pm:.3f} | {o:.1f} | {oc:.1f} | {o/pm:.0f}x |")
        else:
            print(f"| {f} | {p['utf8_bytes']} | {p['models']} | {pm:.3f} | – | – | – |")
    print()
