"""
Reference values for one KPI across segments (issue 23, item 3), computed independently of the
TypeScript code from what the card promises (src/core/model/segments.ts and segmentView.ts say it
in words) and FUNCTIONS.md's KPI.FUNNEL contract, in plain Python:
- totals per period across the segments: a rate's sum of numerators over sum of denominators, a
  flow's or stock's sum, a level's mean; no total where a segment lacks a value (or a denominator
  above 0); total targets rolled up alike (a rate's sum of t_s * d_s over sum of d_s);
- each segment's latest status by KPI_STATUS's bands (at risk a percentage of the target, or a
  fixed boundary; k segments of a sum move a fixed boundary k distances away), and the order worst
  first (off, at risk, on, none; then the furthest below target relative to it);
- the funnel of the latest period with at least two segments: pooled p0 = sum x / sum n, z, limits
  p0 +- 1.959963985 and 3.090232306 sigma (proportions clipped to [0, 1], rates at 0), flags.
Output: test/fixtures/segments_reference.json (committed; CI needs no Python).

    python3 test/reference/generate_segments.py   # needs numpy
"""
import json
import math
import os

import numpy as np

rng = np.random.default_rng(20260417)
OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "segments_reference.json")
Z95, Z998 = 1.959963985, 3.090232306
SCORE = {"off": -1, "risk": 0, "on": 1}


def classify(actual, target, at_risk, direction):
    if direction == "within":
        tol, dist = abs(at_risk - target), abs(actual - target)
        return "on" if dist <= tol / 2 else "risk" if dist <= tol else "off"
    if direction == "higher":
        return "on" if actual >= target else "risk" if actual >= at_risk else "off"
    return "on" if actual <= target else "risk" if actual <= at_risk else "off"


def boundary(target, at_risk, percent, direction):
    if at_risk is not None:
        return at_risk
    share = (10 if percent is None else percent) / 100
    return target + share * abs(target) if direction == "lower" else target - share * abs(target)


def totals(case):
    k, periods = len(case["names"]), len(case["values"][0])
    rate = case["denominators"] is not None
    out_v, out_d, out_t = [], [], []
    targets = case["targets"]
    for p in range(periods):
        xs = [case["values"][s][p] for s in range(k)]
        ds = [case["denominators"][s][p] if rate else 1 for s in range(k)]
        complete = all(x is not None and d is not None and d > 0 for x, d in zip(xs, ds))
        targeted = all(t is not None for t in targets)
        if not complete:
            out_v.append(None)
            out_d.append(None)
            out_t.append(None if rate or not targeted else (sum(targets) / k if case["aggregation"] == "average" else sum(targets)))
            continue
        if rate:
            out_v.append(float(sum(xs)))
            out_d.append(float(sum(ds)))
            out_t.append(sum(t * d for t, d in zip(targets, ds)) / sum(ds) if targeted else None)
        else:
            out_v.append(sum(xs) / k if case["aggregation"] == "average" else float(sum(xs)))
            out_d.append(None)
            out_t.append(None if not targeted else (sum(targets) / k if case["aggregation"] == "average" else sum(targets)))
    return {"values": out_v, "denominators": out_d if rate else None, "targets": out_t}


def latest_status(values, dens, target, at_risk, percent, direction, per):
    for p in range(len(values) - 1, -1, -1):
        v = values[p]
        if dens is not None:
            d = dens[p]
            v = None if v is None or d is None or not d > 0 else v / d * (per or 1)
        if v is not None:
            if target is None:
                return {"latest": v, "status": None}
            return {"latest": v, "status": classify(v, target, boundary(target, at_risk, percent, direction), direction)}
    return {"latest": None, "status": None}


def segments(case):
    rows = []
    for s, name in enumerate(case["names"]):
        dens = case["denominators"][s] if case["denominators"] is not None else None
        got = latest_status(case["values"][s], dens, case["targets"][s], case["atRisk"], case["atRiskPercent"], case["direction"], case["ratePer"])
        rows.append({"name": name, "index": s, "target": case["targets"][s], **got})

    def shortfall(r):
        if r["latest"] is None or r["target"] is None:
            return -math.inf
        gap = (r["latest"] - r["target"]) / (abs(r["target"]) or 1)
        return -gap if case["direction"] == "higher" else gap if case["direction"] == "lower" else abs(gap)

    order = sorted(rows, key=lambda r: (2 if r["status"] is None else SCORE[r["status"]], -shortfall(r), r["index"]))
    return rows, [r["name"] for r in order]


def total_status(case, tot):
    k = len(case["names"])
    t, a = case["target"], case["atRisk"]
    if t is not None and case["denominators"] is None and case["aggregation"] != "average":
        t, a = k * t, None if a is None else k * a
    for p in range(len(tot["values"]) - 1, -1, -1):
        v = tot["values"][p]
        if v is None:
            continue
        if tot["denominators"] is not None:
            v = v / tot["denominators"][p] * (case["ratePer"] or 1)
        target = t if t is not None else tot["targets"][p]
        return {"period": p + 1, "latest": v, "target": target,
                "status": None if target is None else classify(v, target, boundary(target, a, case["atRiskPercent"], case["direction"]), case["direction"])}
    return None


def funnel(case):
    if case["denominators"] is None:
        return None
    k, periods = len(case["names"]), len(case["values"][0])
    for p in range(periods - 1, -1, -1):
        used = [s for s in range(k) if case["values"][s][p] is not None and case["denominators"][s][p] is not None and case["denominators"][s][p] > 0]
        if len(used) >= 2:
            break
    else:
        return None
    x = np.array([case["values"][s][p] for s in used], dtype=float)
    n = np.array([case["denominators"][s][p] for s in used], dtype=float)
    prop = case["ratePer"] is None
    p0 = x.sum() / n.sum()
    sigma = np.sqrt((p0 * (1 - p0) if prop else p0) / n)
    r = x / n
    z = (r - p0) / sigma
    per = case["ratePer"] or 1
    top = (lambda v: min(1.0, v)) if prop else (lambda v: v)
    points = []
    for j, s in enumerate(used):
        lo95, hi95 = max(0.0, p0 - Z95 * sigma[j]), top(p0 + Z95 * sigma[j])
        lo998, hi998 = max(0.0, p0 - Z998 * sigma[j]), top(p0 + Z998 * sigma[j])
        flag = "Above 99.8%" if r[j] > hi998 else "Above 95%" if r[j] > hi95 else "Below 99.8%" if r[j] < lo998 else "Below 95%" if r[j] < lo95 else "Within"
        points.append({"segment": case["names"][s], "rate": float(r[j] * per), "denominator": float(n[j]), "z": float(z[j]), "flag": flag,
                       "limits": [lo95 * per, hi95 * per, lo998 * per, hi998 * per]})
    return {"period": p + 1, "target": float(p0 * per), "points": points, "skipped": [case["names"][s] for s in range(k) if s not in used]}


def block(k, periods, base, spread, off, gap=None):
    """Rates per segment near `base`, one segment `off` times as high; binomial counts of the denominators."""
    dens = [[float(v) for v in rng.integers(spread[0], spread[1], periods)] for _ in range(k)]
    values = []
    for s in range(k):
        p = base * (off if s == k - 1 else 1) * (1 + 0.03 * s)
        values.append([float(rng.binomial(int(d), p)) for d in dens[s]])
    if gap:
        s, p, which = gap
        (values if which == "value" else dens)[s][p] = None
    return values, dens


def cases():
    out = []

    def add(name, names, values, dens, **kw):
        case = {"name": name, "names": names, "values": values, "denominators": dens, "direction": "higher", "aggregation": "sum",
                "target": None, "targets": None, "atRisk": None, "atRiskPercent": None, "ratePer": None}
        case.update(kw)
        if case["targets"] is None:
            case["targets"] = [case["target"]] * len(names)
        tot = totals(case)
        rows, order = segments(case)
        case["expected"] = {"totals": tot, "total": total_status(case, tot), "segments": rows, "worstFirst": order, "funnel": funnel(case)}
        out.append(case)

    regions = ["North", "South", "East", "West"]
    v, d = block(4, 12, 0.031, (20_000, 60_000), 0.72)
    add("conversion by region, one region off, one target", regions, v, d, target=0.03, atRiskPercent=5)
    v, d = block(4, 12, 0.031, (20_000, 60_000), 0.72, gap=(1, 11, "value"))
    add("conversion by region, the latest month of South missing, a target per region", regions, v, d,
        targets=[0.031, 0.03, 0.032, 0.029], atRiskPercent=10)
    v, d = block(5, 10, 0.004, (2_000, 9_000), 2.5, gap=(0, 3, "denominator"))
    add("complaints per 1000 customers by team, lower is better", ["A", "B", "C", "D", "E"], v, d, direction="lower", target=4.5,
        atRiskPercent=20, ratePer=1000)
    flows = [[float(round(1000 + 80 * rng.normal() + 30 * s)) for _ in range(8)] for s in range(3)]
    flows[2][5] = None
    add("revenue by region, a flow: sums, a fixed at risk", ["North", "South", "West"], flows, None, target=1000, atRisk=950)
    levels = [[float(round(30 + 6 * rng.normal() + 4 * s)) for _ in range(9)] for s in range(4)]
    add("NPS by region, a level: means, a target per region", regions, levels, None, aggregation="average", targets=[35, 32, 30, 36])
    stock = [[float(round(120 + 5 * rng.normal() - 10 * s)) for _ in range(6)] for s in range(2)]
    add("headcount by site, a stock within a tolerance", ["Paris", "Lyon"], stock, None, aggregation="last", direction="within", target=115, atRisk=105)
    return out


def main():
    reference = {"cases": cases()}
    with open(OUT, "w") as f:
        json.dump(reference, f)
    print(f"wrote {OUT}: {len(reference['cases'])} cases")


if __name__ == "__main__":
    main()
