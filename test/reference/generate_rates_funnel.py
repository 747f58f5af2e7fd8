"""
Reference values for KPI.SPC's rate charts (p, u, p', u'), its "limits" output, and KPI.FUNNEL,
computed independently of the TypeScript code from the contract in FUNCTIONS.md ("KPI.SPC for
rates", "KPI.FUNNEL", "Third wave: cases ... decided"), point by point in plain Python:
- SPC rates: the periods used, centre sum(values)/sum(denominators) over the baseline, sigma_i per
  chart, Laney's sigma_z from the baseline z-scores' moving ranges / 1.128, per-point limits and
  near-limit lines (clipped at 0 and, for proportions, 1), the four rules by sliding windows,
  types, assurance from the latest point's limits, Anhoej's runs analysis on the points with the
  crossings limit from SciPy's binomial quantile;
- FUNNEL: pooled or given p0, z-scores, the winsorised phi with numpy's sort, limits at
  p0 +- 1.959963985 and 3.090232306 sigma, flags, the 50-point curve and the detail counts.
Output: test/fixtures/rates_funnel_reference.json (committed; CI needs no Python).

    python3 test/reference/generate_rates_funnel.py   # needs numpy, scipy
"""
import json
import math
import os

import numpy as np

from spc_rules import ORDER, VARIATION, assurance_of, judge, runs_of

rng = np.random.default_rng(20261201)
OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "rates_funnel_reference.json")


def rate_reference(values, dens, chart, direction, baseline, target):
    cells = len(values)
    used = [i for i in range(cells) if values[i] is not None and dens[i] is not None and dens[i] > 0]
    x = [values[i] for i in used]
    n = [dens[i] for i in used]
    ys = [x[j] / n[j] for j in range(len(used))]
    b = baseline or len(used)
    c = sum(x[:b]) / sum(n[:b])
    prop = chart in ("p", "p'")
    sigma = [math.sqrt(c * (1 - c) / nj) if prop else math.sqrt(c / nj) for nj in n]
    mr = None
    if chart in ("p'", "u'"):
        z = [(ys[j] - c) / sigma[j] for j in range(b)]
        mr = sum(abs(z[j] - z[j - 1]) for j in range(1, b)) / (b - 1)
        sigma = [s * (mr / 1.128) for s in sigma]
    cap = (lambda v: min(1.0, v)) if prop else (lambda v: v)
    lower = [max(0.0, c - 3 * s) for s in sigma]
    upper = [cap(c + 3 * s) for s in sigma]
    near_lower = [max(0.0, c - 2 * s) for s in sigma]
    near_upper = [cap(c + 2 * s) for s in sigma]
    return finish(ys, used, cells, c, mr, lower, upper, near_lower, near_upper, direction, b, target)


def xmr_reference(values, direction, baseline, target):
    cells = len(values)
    used = [i for i in range(cells) if values[i] is not None]
    ys = [values[i] for i in used]
    b = baseline or len(ys)
    c = sum(ys[:b]) / b
    mr = sum(abs(ys[j] - ys[j - 1]) for j in range(1, b)) / (b - 1)
    k = len(ys)
    lower, upper = [c - 2.66 * mr] * k, [c + 2.66 * mr] * k
    near_lower, near_upper = [c - 2.0 / 3.0 * 2.66 * mr] * k, [c + 2.0 / 3.0 * 2.66 * mr] * k
    return finish(ys, used, cells, c, mr, lower, upper, near_lower, near_upper, direction, b, target)


def finish(ys, used, cells, c, mr, lower, upper, near_lower, near_upper, direction, b, target):
    types, flags = judge(ys, c, lower, upper, near_lower, near_upper, direction)
    med = float(np.median(ys[:b]))
    cell_types = [""] * cells
    limits = [None] * cells
    for j, i in enumerate(used):
        cell_types[i] = types[j]
        limits[i] = [ys[j], c, lower[j], upper[j], near_lower[j], near_upper[j]]
    return {"centre": c, "mr": mr, "lower": lower[-1], "upper": upper[-1], "types": cell_types, "limits": limits,
            "rules": ", ".join(r for r in ORDER if r in flags[-1]), "variation": VARIATION[types[-1]],
            "assurance": assurance_of(target, direction, lower[-1], upper[-1]), "median": med, "runs": runs_of(ys, med)}


def spc_cases():
    cases = []

    def add(name, values, dens, chart, direction="higher", baseline=None, target=None):
        expected = xmr_reference(values, direction, baseline, target) if chart == "xmr" else rate_reference(values, dens, chart, direction, baseline, target)
        cases.append({"name": name, "values": values, "denominators": dens, "chart": chart, "direction": direction,
                      "baseline": baseline, "target": target, "expected": expected})

    def gappy(values, dens):
        # A blank value, a blank denominator and a denominator of 0 (skipped whatever its value).
        values, dens = list(values), list(dens)
        for i in rng.choice(len(values), size=3, replace=False):
            kind = int(rng.integers(0, 3))
            if kind == 0:
                values[i] = None
            elif kind == 1:
                dens[i] = None
            else:
                dens[i] = 0.0
        return values, dens

    # Montgomery (Introduction to Statistical Quality Control, Example 7.1 / Table 7.4 of the 8th ed.): orange juice cans.
    cans = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]
    add("Montgomery's orange juice cans, p", [float(v) for v in cans], [50.0] * 30, "p", "lower", None, 0.3)
    for k in range(8):
        m = int(rng.integers(12, 60))
        dens = [float(v) for v in rng.integers(50, 400, m)]
        p = float(rng.uniform(0.05, 0.6))
        drift = rng.normal(0, 0.03 * (k % 3), m)
        values = [float(min(d, rng.binomial(int(d), min(0.99, max(0.01, p + e))))) for d, e in zip(dens, drift)]
        for chart in ("p", "p'"):
            v, d = gappy(values, dens) if k % 2 else (values, dens)
            add(f"random proportions {k}, {chart}", v, d, chart, ["higher", "lower", "neutral"][k % 3],
                int(rng.integers(3, m - 3)) if k % 4 == 1 else None, round(p + float(rng.normal(0, 0.05)), 3) if k % 3 else None)
    for k in range(8):
        m = int(rng.integers(12, 60))
        dens = [float(v) for v in np.round(rng.uniform(0.5, 30, m), 2)]
        rate = float(rng.uniform(0.2, 5))
        values = [float(rng.poisson(d * rate * math.exp(rng.normal(0, 0.2 * (k % 3))))) for d in dens]
        for chart in ("u", "u'"):
            v, d = gappy(values, dens) if k % 2 else (values, dens)
            add(f"random rates {k}, {chart}", v, d, chart, ["lower", "higher", "neutral"][k % 3],
                int(rng.integers(3, m - 3)) if k % 4 == 2 else None, round(rate * float(rng.uniform(0.5, 1.5)), 2) if k % 2 else None)
    # Very large denominators, overdispersed: p flags most points, p' few (Laney's motivation).
    big = [float(v) for v in rng.integers(200_000, 400_000, 24)]
    share = [float(np.clip(rng.normal(0.9, 0.01), 0, 1)) for _ in big]
    counts = [float(round(d * s)) for d, s in zip(big, share)]
    for chart in ("p", "p'"):
        add(f"four-hour attendances with large denominators, {chart}", counts, big, chart, "higher", None, 0.95)
    # Clipping: a rare event in small groups (lower lines at 0), a near-certain one (upper at 1).
    add("rare events, lower limits clipped at 0", [0, 1, 0, 2, 0, 1, 3, 0, 1, 0, 0, 1], [20.0] * 12, "p", "lower")
    add("near-certain, upper limits clipped at 1", [19, 20, 20, 18, 20, 19, 20, 20, 17, 20], [20.0] * 10, "p", "higher")
    add("rare events, u", [0, 1, 0, 2, 0, 1, 3, 0, 1, 0, 5, 6, 7], [2.0, 1.5, 3, 2, 2.5, 1, 2, 2, 3, 2, 2, 2, 2], "u", "lower", 10)
    # A shift upward and a trend, judged against per-point limits.
    sizes = [float(v) for v in rng.integers(80, 120, 30)]
    shift = [float(rng.binomial(int(d), 0.2 if i < 15 else 0.3)) for i, d in enumerate(sizes)]
    add("a shift upward after 15, p, baseline 15", shift, sizes, "p", "lower", 15, 0.25)
    add("a trend, u", [float(v) for v in [5, 6, 5, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]], [5.0] * 13, "u", "higher")
    # The new "limits" output of the XmR chart.
    add("xmr limits", [float(v) for v in np.round(rng.normal(100, 5, 20), 2)], None, "xmr", "higher", None, 95)
    xs = [float(v) for v in np.round(rng.normal(10, 1, 16), 1)]
    xs[3] = None
    xs[9] = None
    add("xmr limits with gaps and a baseline", xs, None, "xmr", "neutral", 8)
    return cases


def funnel_reference(nums, dens, target, chart, od):
    cells = len(nums)
    used = [i for i in range(cells) if nums[i] is not None and dens[i] is not None and dens[i] != 0]
    x = [nums[i] for i in used]
    n = [dens[i] for i in used]
    k = len(used)
    p0 = target if target is not None else sum(x) / sum(n)
    var = p0 * (1 - p0) if chart == "proportion" else p0
    r = [x[j] / n[j] for j in range(k)]
    sigma = [math.sqrt(var / nj) for nj in n]
    z = [(r[j] - p0) / sigma[j] for j in range(k)]
    phi = 1.0
    factor = 1.0
    if od:
        g = int(math.floor(0.1 * k))
        zs = sorted(z)
        lo, hi = zs[g], zs[k - 1 - g]
        w = [lo] * g + zs[g:k - g] + [hi] * g
        phi = sum(v * v for v in w) / k
        if phi > 1:
            factor = math.sqrt(phi)
    cap = (lambda v: min(1.0, v)) if chart == "proportion" else (lambda v: v)

    def limits(s):
        return [max(0.0, p0 - 1.959963985 * s), cap(p0 + 1.959963985 * s), max(0.0, p0 - 3.090232306 * s), cap(p0 + 3.090232306 * s)]

    table = [None] * cells
    counts = {"Above 99.8%": 0, "Above 95%": 0, "Below 95%": 0, "Below 99.8%": 0, "Within": 0}
    for j, i in enumerate(used):
        s = sigma[j] * factor
        lo95, hi95, lo998, hi998 = limits(s)
        rate = r[j]
        flag = ("Above 99.8%" if rate > hi998 else "Above 95%" if rate > hi95 else "Below 99.8%" if rate < lo998
                else "Below 95%" if rate < lo95 else "Within")
        counts[flag] += 1
        table[i] = [rate, (rate - p0) / s, lo95, hi95, lo998, hi998, flag]
    nmin, nmax = min(n), max(n)
    sizes = [nmin] if nmin == nmax else [nmin * (nmax / nmin) ** (j / 49) for j in range(50)]
    curve = [[m] + limits(math.sqrt(var / m) * factor) for m in sizes]
    detail = {"target": p0, "segments": k, "phi": phi, "above_998": counts["Above 99.8%"], "above_95": counts["Above 95%"],
              "below_95": counts["Below 95%"], "below_998": counts["Below 99.8%"]}
    return {"table": table, "curve": curve, "detail": detail}


def funnel_cases():
    cases = []

    def add(name, nums, dens, target=None, chart="proportion", od=False, orientation="column"):
        cases.append({"name": name, "numerators": nums, "denominators": dens, "target": target, "chart": chart,
                      "overdispersion": od, "orientation": orientation, "expected": funnel_reference(nums, dens, target, chart, od)})

    for k in range(10):
        m = int(rng.integers(5, 80))
        dens = [float(v) for v in rng.integers(20, 3000, m)]
        p = float(rng.uniform(0.02, 0.5))
        spread = 0.0 if k % 3 == 0 else float(rng.uniform(0.01, 0.4))
        nums = [float(rng.binomial(int(d), float(np.clip(p * math.exp(rng.normal(0, spread)), 0, 1)))) for d in dens]
        if k % 2:
            for i in rng.choice(m, size=min(3, m - 2), replace=False):
                if rng.integers(0, 2):
                    nums[i] = None
                else:
                    dens[i] = 0.0
        target = round(p, 3) if k % 4 == 1 else None
        add(f"random proportions {k}", nums, dens, target, "proportion", k % 2 == 0 or k % 5 == 1, "row" if k % 3 == 2 else "column")
    for k in range(6):
        m = int(rng.integers(5, 60))
        dens = [float(v) for v in np.round(rng.uniform(100, 50000, m), 1)]
        rate = float(rng.uniform(0.001, 0.05))
        nums = [float(rng.poisson(d * rate * math.exp(rng.normal(0, 0.3 * (k % 3))))) for d in dens]
        add(f"random rates {k}", nums, dens, round(rate, 4) if k % 2 else None, "rate", k % 3 != 1)
    # phi below 1: overdispersion asked for, limits unchanged, phi reported.
    add("underdispersed, phi below 1", [50.0, 51, 49, 50, 50, 52, 48, 50, 51, 49, 50, 50], [1000.0] * 12, None, "proportion", True)
    add("equal sizes, one-row curve", [3.0, 9, 5, 14], [100.0] * 4, 0.05, "proportion", False)
    add("winsorising 10% of 30: three each side", [float(v) for v in rng.integers(0, 60, 30)], [float(v) for v in rng.integers(200, 600, 30)], None, "proportion", True)
    return cases


def main():
    reference = {"spc_rates": spc_cases(), "funnel": funnel_cases()}
    with open(OUT, "w") as f:
        json.dump(reference, f)
        f.write("\n")
    print(f"wrote {OUT}: {len(reference['spc_rates'])} SPC cases, {len(reference['funnel'])} FUNNEL cases")


if __name__ == "__main__":
    main()
