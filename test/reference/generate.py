"""
Reference values for KPI Lens's statistics, computed independently of the TypeScript code:
correlations in 60-digit decimal arithmetic, tail probabilities and tests with SciPy, and the
XmR rules re-implemented here from Wheeler's definitions. The output is committed as
test/fixtures/reference.json, so CI needs no Python.

    python3 test/reference/generate.py   # needs numpy and scipy
"""
import json
import math
import os
from decimal import Decimal, getcontext

import numpy as np
import scipy
from scipy import stats

getcontext().prec = 60
rng = np.random.default_rng(20261122)
OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "reference.json")


def clean(v):
    """JSON has no NaN: gaps are written as null, as Excel on the web passes a blank."""
    return [None if (x is None or (isinstance(x, float) and math.isnan(x))) else float(x) for x in v]


# ---------------------------------------------------------------- correlation
def exact_r(xs, ys):
    """Pearson r and 1 - r^2 in 60-digit decimals (floats convert to Decimal exactly)."""
    n = len(xs)
    dx = [Decimal(float(x)) for x in xs]
    dy = [Decimal(float(y)) for y in ys]
    mx = sum(dx) / n
    my = sum(dy) / n
    sxx = sum((a - mx) ** 2 for a in dx)
    syy = sum((b - my) ** 2 for b in dy)
    sxy = sum((a - mx) * (b - my) for a, b in zip(dx, dy))
    if sxx == 0 or syy == 0:
        return None, None
    r = sxy / (sxx.sqrt() * syy.sqrt())
    one_minus = (sxx * syy - sxy * sxy) / (sxx * syy)
    return r, one_minus


def corr_p(r, one_minus, n):
    if one_minus == 0:
        return 0.0
    t = r * ((Decimal(n - 2) / one_minus).sqrt())
    return float(2 * stats.t.sf(abs(float(t)), n - 2))


def average_ranks(v):
    return stats.rankdata(v, method="average")


def lag_table(lead, lag_series, max_lag, method, difference):
    x = np.array([np.nan if v is None else v for v in lead], dtype=float)
    y = np.array([np.nan if v is None else v for v in lag_series], dtype=float)
    if difference:
        x = np.diff(x)
        y = np.diff(y)
    rows = []
    for k in range(max_lag + 1):
        a = x[: len(x) - k] if k > 0 else x
        b = y[k:]
        a = a[: len(b)]
        keep = ~np.isnan(a) & ~np.isnan(b)
        a, b = a[keep], b[keep]
        n = int(len(a))
        if n < 3:
            rows.append({"lag": k, "r": "#N/A", "p": "#N/A", "n": n})
            continue
        if method == "spearman":
            a, b = average_ranks(a), average_ranks(b)
        r, one_minus = exact_r(a, b)
        if r is None:
            rows.append({"lag": k, "r": "#DIV/0!", "p": "#DIV/0!", "n": n})
            continue
        rows.append({"lag": k, "r": float(r), "p": corr_p(r, one_minus, n), "n": n})
    return rows


def best_of(rows):
    valid = [row for row in rows if isinstance(row["r"], float)]
    if not valid:
        return "#N/A"
    best = valid[0]
    for row in valid[1:]:
        if abs(row["r"]) > abs(best["r"]):
            best = row
    return {"lag": best["lag"], "r": best["r"], "p": min(1.0, best["p"] * len(valid)), "n": best["n"]}


def with_gaps(v, share):
    v = list(map(float, v))
    for i in rng.choice(len(v), int(len(v) * share), replace=False):
        v[i] = None
    return v


def leadlag_cases():
    cases = []
    n = 48
    driver = np.cumsum(rng.normal(0, 1, n + 3))
    lead = driver[3:] + rng.normal(0, 0.4, n)
    outcome = 2.5 * driver[:n] + rng.normal(0, 0.8, n)  # outcome follows lead by 3 periods
    lead_g, outcome_g = with_gaps(lead, 0.08), with_gaps(outcome, 0.08)
    for method in ("pearson", "spearman"):
        for difference in (False, True):
            cases.append({"name": f"gappy 48, {method}, difference {difference}", "leading": lead_g, "lagging": outcome_g,
                          "max_lag": 6, "method": method, "difference": difference})
    ties_lead = [float(v) for v in rng.integers(1, 6, 30)]
    ties_out = [float(v) for v in (np.array(ties_lead) + rng.integers(0, 3, 30))]
    cases.append({"name": "tied integers, spearman", "leading": ties_lead, "lagging": ties_out,
                  "max_lag": 4, "method": "spearman", "difference": False})
    long_n = 5000
    base = rng.normal(0, 1, long_n + 2)
    long_lead = list(1e9 + np.round(1e-3 * base[2:], 9))
    long_out = list(-4e9 + np.round(7e-3 * base[:long_n] + 1e-3 * rng.normal(0, 1, long_n), 9))
    cases.append({"name": "5000 points, offset 1e9, spread 1e-3", "leading": long_lead, "lagging": long_out,
                  "max_lag": 4, "method": "pearson", "difference": False})
    near = np.linspace(0, 1, 2000)
    cases.append({"name": "near-perfect correlation", "leading": list(near),
                  "lagging": list(3 * near + 1e-9 * rng.normal(0, 1, 2000)), "max_lag": 1, "method": "pearson",
                  "difference": False})
    six = np.arange(1.0, 7.0)
    cases.append({"name": "near-perfect, 6 points", "leading": list(six),
                  "lagging": list(2 * six + 1e-5 * rng.normal(0, 1, 6)), "max_lag": 0, "method": "pearson",
                  "difference": False})
    trend = np.arange(60, dtype=float)
    cases.append({"name": "two trends", "leading": list(trend + rng.normal(0, 2, 60)),
                  "lagging": list(0.5 * trend + rng.normal(0, 2, 60)), "max_lag": 3, "method": "pearson",
                  "difference": True})
    for case in cases:
        case["rows"] = lag_table(case["leading"], case["lagging"], case["max_lag"], case["method"], case["difference"])
        case["best"] = best_of(case["rows"])
        case["leading"] = clean(case["leading"])
        case["lagging"] = clean(case["lagging"])
    return cases


# ---------------------------------------------------------------- significance
def dec_mean_var(v):
    d = [Decimal(float(x)) for x in v]
    m = sum(d) / len(d)
    return m, sum((x - m) ** 2 for x in d) / (len(d) - 1)


def t_case(values, recent, alpha):
    """Means and variances in 60-digit decimals (SciPy's own ttest loses digits at offset 1e9);
    SciPy gives the t distribution, and its ttest_ind cross-checks the ordinary cases."""
    base, rec = values[: len(values) - recent], values[len(values) - recent:]
    nb, nr = len(base), len(rec)
    mb, vb = dec_mean_var(base)
    if recent == 1:
        mr = Decimal(rec[0])
        se = (vb * (1 + Decimal(1) / nb)).sqrt()
        df = float(nb - 1)
    else:
        mr, vr = dec_mean_var(rec)
        a, b = vb / nb, vr / nr
        se = (a + b).sqrt()
        df = float((a + b) ** 2 / (a * a / (nb - 1) + b * b / (nr - 1)))
    t = float((mr - mb) / se)
    p = float(2 * stats.t.sf(abs(t), df))
    if recent >= 2 and abs(float(mb)) < 1e6:
        check = stats.ttest_ind(rec, base, equal_var=False)
        assert math.isclose(check.pvalue, p, rel_tol=1e-9), (check.pvalue, p)
    margin = Decimal(float(stats.t.ppf(1 - alpha / 2, df))) * se
    return {"statistic": t, "p": p, "df": df, "lower": float(mb - margin), "upper": float(mb + margin),
            "baseline_mean": float(mb), "recent_mean": float(mr)}


def mw_case(values, recent):
    base = np.array(values[: len(values) - recent])
    rec = np.array(values[len(values) - recent:])
    res = stats.mannwhitneyu(rec, base, use_continuity=True, alternative="two-sided", method="asymptotic")
    n1, n2 = len(rec), len(base)
    ranks = stats.rankdata(np.concatenate([base, rec]))
    u = ranks[n2:].sum() - n1 * (n1 + 1) / 2
    _, counts = np.unique(np.concatenate([base, rec]), return_counts=True)
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - (counts ** 3 - counts).sum() / (n * (n - 1))))
    d = u - n1 * n2 / 2
    z = math.copysign(max(0.0, abs(d) - 0.5), d) / sigma
    return {"statistic": z, "p": float(res.pvalue), "u": float(u), "baseline_mean": float(base.mean()),
            "recent_mean": float(rec.mean())}


def xmr_case(values, recent):
    """Wheeler's XmR chart, written from its definition."""
    base = values[: len(values) - recent]
    centre = sum(base) / len(base)
    mr = sum(abs(base[i] - base[i - 1]) for i in range(1, len(base))) / (len(base) - 1)
    lower, upper = centre - 2.66 * mr, centre + 2.66 * mr
    rule, side = 0, 0
    for v in reversed(values[len(values) - recent:]):
        if v > upper or v < lower:
            rule, side = 1, (1 if v > upper else -1)
            break
    if rule == 0 and len(values) >= 8:
        last8 = values[-8:]
        if all(v > centre for v in last8):
            rule, side = 2, 1
        elif all(v < centre for v in last8):
            rule, side = 2, -1
    if rule == 0 and len(values) >= 4:
        last4 = values[-4:]
        if sum(v > centre + 1.33 * mr for v in last4) >= 3:
            rule, side = 3, 1
        elif sum(v < centre - 1.33 * mr for v in last4) >= 3:
            rule, side = 3, -1
    rec = values[len(values) - recent:]
    return {"statistic": rule, "side": side, "lower": lower, "upper": upper, "baseline_mean": centre,
            "recent_mean": sum(rec) / len(rec)}


def sig_cases():
    cases = []
    stable = list(100 + rng.normal(0, 5, 30))
    jump = stable[:-1] + [125.0]
    shifted = stable[:-6] + list(112 + rng.normal(0, 5, 6))
    run = list(100 + rng.normal(0, 5, 24)) + list(104 + np.abs(rng.normal(0, 1, 8)))
    series = {
        "stable 30": stable,
        "jump at the end": jump,
        "shift of the last 6": shifted,
        "run of 8 above": run,
        "3 of 4 beyond 1.33 mR": [98.0, 102.0] * 10 + [106.0, 99.0, 107.0, 108.0],
        "large offset 1e9": list(1e9 + 1e-3 * rng.normal(0, 1, 400)),
        "long 20000": list(np.round(50 + rng.normal(0, 3, 20000), 6)),
        "ties": [float(v) for v in rng.integers(1, 5, 40)],
    }
    for name, values in series.items():
        values = [float(v) for v in values]
        series[name] = values
        for recent in (1, 2, 6, 30):
            if len(values) - recent < 3:
                continue
            for alpha in (0.05, 0.01):
                cases.append({"series": name, "recent": recent, "alpha": alpha, "method": "t",
                              "expected": t_case(values, recent, alpha)})
            cases.append({"series": name, "recent": recent, "alpha": 0.05, "method": "xmr",
                          "expected": xmr_case(values, recent)})
            if recent >= 2:
                cases.append({"series": name, "recent": recent, "alpha": 0.05,
                              "method": "mann-whitney", "expected": mw_case(values, recent)})
    return {"series": series, "cases": cases}


def distribution_cases():
    rows = []
    for df in (1, 2, 5, 30, 1000, 1e5, 1e7):
        for t in (0.1, 1.0, 2.5, 8.0, 40.0):
            rows.append({"t": t, "df": df, "p": float(2 * stats.t.sf(t, df))})
    crit = [{"alpha": a, "df": df, "t": float(stats.t.ppf(1 - a / 2, df))} for a in (0.05, 0.01, 1e-6) for df in (1, 4, 60, 1e6)]
    normal = [{"z": z, "p": float(2 * stats.norm.sf(z))} for z in (0.0, 0.5, 1.96, 4.0, 9.0, 30.0)]
    return {"t_two_sided": rows, "t_critical": crit, "normal_two_sided": normal}


if __name__ == "__main__":
    data = {
        "generator": f"test/reference/generate.py with numpy {np.__version__}, scipy {scipy.__version__}",
        "leadlag": leadlag_cases(),
        "sigchange": sig_cases(),
        "distributions": distribution_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print(f"wrote {OUT}: {os.path.getsize(OUT)} bytes")
