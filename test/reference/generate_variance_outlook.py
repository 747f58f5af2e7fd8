"""
Reference values for KPI.VARIANCE and KPI.OUTLOOK, computed independently of the TypeScript
code from the contract in /work/shared/FUNCTIONS.md ("KPI.VARIANCE", "KPI.OUTLOOK" and "Third
wave: cases ... decided"), written from its text:
- VARIANCE: v = actual - target, v / |target|, the labels, the materiality rule (every threshold
  given strictly exceeded; the percentage test |v| > p·|target|), "total" over the periods where
  both are numbers, and "explain": material AND a special cause on the XmR chart of the variance
  series, the chart of KPI.SPC(variances, , "neutral") (centre, limits 2.66·mR, near-limit lines
  (2/3)·2.66·mR, rules 1-4) written here again point by point, window by window;
- OUTLOOK: the trend's fit and the landing's standard error from statsmodels' OLS (params,
  scale, cov_params(): se² = s²·f + uᵀ·Cov·u for the sum, the matrix formula of the contract
  with Cov = s²·(XᵀX)⁻¹), the average method from its formula, Student's t quantiles and
  probabilities from scipy.stats.t (ppf, sf, cdf).
Output: test/fixtures/variance_outlook_reference.json (committed; CI needs no Python).

    python3 test/reference/generate_variance_outlook.py   # needs numpy, scipy, statsmodels
"""
import json
import os

import numpy as np
import statsmodels.api as sm
from scipy import stats

rng = np.random.default_rng(20261201)
OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "variance_outlook_reference.json")


def err(code):
    return {"error": code}


# ------------------------------------------------------------------ VARIANCE

def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def is_gap(x):
    return x is None or x == "" or x == {"error": "#N/A"}


def label(v, direction):
    if v == 0:
        return "On target"
    if direction == "within":
        return "Over" if v > 0 else "Under"
    favourable = v > 0 if direction == "higher" else v < 0
    return "Favourable" if favourable else "Unfavourable"


def thresholds(materiality):
    """(amount, share) from None, a number, "5%" or a pair of one of each."""
    items = [] if materiality is None else materiality if isinstance(materiality, list) else [materiality]
    amount = share = None
    for m in items:
        if isinstance(m, str):
            share = float(m.strip()[:-1]) / 100
        else:
            amount = float(m)
    return amount, share


def material(v, t, materiality):
    amount, share = thresholds(materiality)
    if amount is None and share is None:
        return v != 0
    if amount is not None and not abs(v) > amount:
        return False
    if share is not None and not abs(v) > share * abs(t):
        return False
    return True


def special_causes(xs):
    """KPI.SPC(xs, , "neutral"): is each point flagged by any of rules 1-4?"""
    n = len(xs)
    centre = sum(xs) / n
    mr = sum(abs(xs[i] - xs[i - 1]) for i in range(1, n)) / (n - 1)
    upper, lower, near = centre + 2.66 * mr, centre - 2.66 * mr, 2.0 / 3.0 * 2.66 * mr
    flagged = [x > upper or x < lower for x in xs]
    for i in range(n - 6):
        w = xs[i:i + 7]
        shift = all(v > centre for v in w) or all(v < centre for v in w)
        trend = all(w[k] > w[k - 1] for k in range(1, 7)) or all(w[k] < w[k - 1] for k in range(1, 7))
        if shift or trend:
            for j in range(i, i + 7):
                flagged[j] = True
    for i in range(n - 2):
        w = xs[i:i + 3]
        for side in (1, -1):
            if all(side * (v - centre) > 0 for v in w) and sum(1 for v in w if side * (v - centre) > near) >= 2:
                for j in range(i, i + 3):
                    flagged[j] = True
    return flagged


def variance_case(name, actual, target, direction="higher", materiality=None, series=True):
    """actual: rows of cells; target: a number or rows of the same shape."""
    rows, cols = len(actual), len(actual[0])
    t_at = (lambda r, c: target) if not isinstance(target, list) else (lambda r, c: target[r][c])
    cells = {}
    for r in range(rows):
        for c in range(cols):
            a, t = actual[r][c], t_at(r, c)
            if is_gap(a):
                cells[(r, c)] = None
            elif not is_number(a) or not is_number(t):
                cells[(r, c)] = "bad"
            else:
                cells[(r, c)] = (float(a), float(t), float(a) - float(t))
    data = [(k, v) for k, v in sorted(cells.items()) if isinstance(v, tuple)]

    def per_cell(f):
        out = []
        for r in range(rows):
            line = []
            for c in range(cols):
                p = cells[(r, c)]
                line.append("" if p is None else err("#VALUE!") if p == "bad" else f(p))
            out.append(line)
        return out

    expected = {
        "variance": per_cell(lambda p: p[2]),
        "percent": per_cell(lambda p: err("#DIV/0!") if p[1] == 0 else p[2] / abs(p[1])),
        "label": per_cell(lambda p: label(p[2], direction)),
        "material": per_cell(lambda p: material(p[2], p[1], materiality)),
    }
    if data:
        sa = sum(p[0] for _, p in data)
        st = sum(p[1] for _, p in data)
        v = sa - st
        expected["total"] = [["actual", "target", "variance", "percent", "label", "material"],
                             [sa, st, v, err("#DIV/0!") if st == 0 else v / abs(st), label(v, direction), material(v, st, materiality)]]
    else:
        expected["total"] = [[err("#N/A")]]
    if series:
        if len(data) >= 3:
            flags = dict(zip([k for k, _ in data], special_causes([p[2] for _, p in data])))
            explain = lambda k: flags[k] and material(cells[k][2], cells[k][1], materiality)
            expected["explain"] = per_cell(lambda p: None)
            for r in range(rows):
                for c in range(cols):
                    if isinstance(cells[(r, c)], tuple):
                        expected["explain"][r][c] = explain((r, c))
        else:
            explain = lambda k: err("#N/A")
            expected["explain"] = [[err("#N/A")]]
        detail = [["actual", "target", "variance", "percent", "label", "material", "explain"]]
        for r in range(rows):
            for c in range(cols):
                p, t = cells[(r, c)], t_at(r, c)
                given_t = "" if t is None else t
                if p is None:
                    detail.append(["", given_t] + [""] * 5)
                elif p == "bad":
                    detail.append([actual[r][c], given_t] + [err("#VALUE!")] * 5)
                else:
                    detail.append([p[0], p[1], p[2], expected["percent"][r][c], expected["label"][r][c], expected["material"][r][c], explain((r, c))])
        expected["detail"] = detail
    return {"name": name, "actual": actual, "target": target, "direction": direction, "materiality": materiality, "expected": expected}


def column(xs):
    return [[x] for x in xs]


def variance_cases():
    cases = []
    budget = 1250.0
    cases.append(variance_case("FUNCTIONS.md's example", [[1180]], 1250, "higher", [50, "5%"], series=False))
    # A year of monthly revenue against a flat budget, one month far off plan.
    months = list(np.round(budget + rng.normal(0, 40, 12), 0))
    months[8] = 1720.0
    cases.append(variance_case("a year against a flat budget, one month far off", column(months), budget, "higher", [100, "5%"]))
    # Costs against a budget per month (lower is better), two months not reported.
    plan = list(np.round(800 + 50 * np.sin(np.arange(12) / 2), 0))
    costs = [float(round(p + rng.normal(0, 20), 1)) for p in plan]
    costs[10] = None
    costs[11] = None
    costs[4] = costs[4] + 180
    cases.append(variance_case("costs against a budget per month, two months open", column(costs), column(plan), "lower", "3%"))
    # A row of periods, headcount kept within plan, with ="" and #N/A as gaps and a target of 0.
    row = [[float(v) for v in np.round(rng.normal(0, 3, 10), 0)]]
    row[0][3] = ""
    row[0][6] = err("#N/A")
    cases.append(variance_case("a row around a target of 0, within", row, 0, "within", 2))
    # A drifting variance series: the shift and trend rules fire.
    drift = [float(round(1000 + 8 * k + rng.normal(0, 5), 1)) for k in range(24)]
    cases.append(variance_case("a variance that drifts away from budget", column(drift), 1000, "higher", 25))
    cases.append(variance_case("the same with no materiality", column(drift), 1000, "higher", None))
    # Bad cells: text and TRUE in actual, a blank and a text target.
    actual = column([1200.0, "n/a", True, 1300.0, 1250.0, 1190.0, None, 1270.0])
    target = column([1250.0, 1250.0, 1250.0, None, "tbd", 1250.0, None, 1250.0])
    cases.append(variance_case("text, TRUE and bad targets are errors in their cells only", actual, target, "higher", 30))
    cases.append(variance_case("two periods with data: explain has too few", column([10.0, None, 14.0]), 12, "higher", None))
    for k in range(16):
        n = int(rng.integers(3, 50))
        scale = float(rng.choice([1, 100, 1e4, 0.01]))
        targets = np.round(rng.normal(50, 10, n) * scale, 2)
        values = [float(round(t + rng.normal(0, 6) * scale, 2)) for t in targets]
        for _ in range(int(rng.integers(0, 4))):
            values[int(rng.integers(0, n))] = None
        if k % 3 == 0:
            spike = int(rng.integers(0, n))
            if values[spike] is not None:
                values[spike] += 60 * scale
        per_period = k % 2 == 0
        target = column([float(t) for t in targets]) if per_period else float(np.round(50 * scale, 2))
        direction = ["higher", "lower", "within"][k % 3]
        materiality = [None, float(round(4 * scale, 2)), "8%", [float(round(3 * scale, 2)), "6%"]][k % 4]
        actual = column(values)
        if k % 5 == 4:
            actual = [values]
            target = [[float(t) for t in targets]] if per_period else target
        cases.append(variance_case(f"random series {k}", actual, target, direction, materiality))
    # Blocks of cells (per-cell outputs and total only).
    for k in range(4):
        r, c = int(rng.integers(2, 6)), int(rng.integers(2, 5))
        targets = np.round(rng.normal(200, 30, (r, c)), 1)
        values = [[float(round(targets[i][j] + rng.normal(0, 15), 1)) for j in range(c)] for i in range(r)]
        values[0][1] = None
        target = [[float(x) for x in line] for line in targets] if k % 2 else 200.0
        cases.append(variance_case(f"a block {k}", values, target, ["higher", "lower"][k % 2], [None, "5%"][k % 2], series=False))
    return cases


# ------------------------------------------------------------------ OUTLOOK

def outlook_reference(actual, target, direction, method, rollup, level):
    N = len(actual)
    reported = [i + 1 for i, v in enumerate(actual) if is_number(v)]
    open_ = [i + 1 for i, v in enumerate(actual) if not is_number(v)]
    n, f = len(reported), len(open_)
    per_period = target if isinstance(target, list) else None
    if per_period is not None:
        T = sum(per_period) if rollup == "sum" else sum(per_period) / N if rollup == "average" else per_period[-1]
    else:
        T = target
    y = np.array([actual[i - 1] for i in reported], dtype=float)
    if method == "trend":
        # y measured from its first value: the same model (the intercept moves by it), well conditioned at any offset.
        origin = y[0]
        X = np.column_stack([np.ones(n), np.array(reported, dtype=float)])
        res = sm.OLS(y - origin, X).fit()
        forecast = {i: origin + res.params[0] + res.params[1] * i for i in open_}
        s2, df, cov = res.scale, res.df_resid, res.cov_params()
        u = np.array([f, sum(open_)], dtype=float)
        var_sum = s2 * f + u @ cov @ u
        xN = np.array([1.0, N])
        var_last = s2 + xN @ cov @ xN
    elif method == "average":
        mean = float(np.mean(y))
        s2, df = float(np.var(y, ddof=1)), n - 1
        forecast = {i: mean for i in open_}
        var_sum = s2 * (f + f * f / n)
        var_last = s2 * (1 + 1 / n)
    else:
        forecast = {i: per_period[i - 1] for i in open_}
        var_sum = var_last = 0.0
        df = None
    full = [actual[i - 1] if is_number(actual[i - 1]) else forecast[i] for i in range(1, N + 1)]
    total = sum(full)
    if rollup == "sum":
        L, var = total, (var_sum if f else 0.0)
    elif rollup == "average":
        L, var = total / N, (var_sum / N ** 2 if f else 0.0)
    else:
        L, var = full[-1], (var_last if N in open_ else 0.0)
    se = float(np.sqrt(var))
    if method == "budget":
        lower = upper = L
        probability = ""
    elif se == 0:
        lower = upper = L
        probability = 1.0 if (L >= T if direction == "higher" else L <= T) else 0.0
    else:
        half = stats.t.ppf((1 + level) / 2, df) * se
        lower, upper = L - half, L + half
        z = (T - L) / se
        probability = float(stats.t.sf(z, df) if direction == "higher" else stats.t.cdf(z, df))
    periods = ["" if is_number(actual[i - 1]) else float(forecast[i]) for i in range(1, N + 1)]
    return {"landing": float(L), "lower": float(lower), "upper": float(upper), "target": float(T), "probability": probability,
            "standard_error": se, "periods": periods}


def outlook_case(name, actual, target, direction="higher", method="trend", rollup="sum", level=0.8, as_row=False, target_as_row=False):
    return {"name": name, "actual": actual, "target": target, "direction": direction, "method": method, "rollup": rollup, "level": level,
            "as_row": as_row, "target_as_row": target_as_row, "expected": outlook_reference(actual, target, direction, method, rollup, level)}


def outlook_cases():
    cases = []
    budget = [float(v) for v in np.round(1000 + 30 * np.arange(12) + rng.normal(0, 10, 12), 0)]
    revenue = [float(round(b + rng.normal(15, 40), 0)) for b in budget[:7]] + [None] * 5
    year = float(sum(budget))
    for method in ("trend", "average"):
        for rollup in ("sum", "average", "last"):
            target = year if rollup == "sum" else year / 12 if rollup == "average" else budget[-1]
            cases.append(outlook_case(f"revenue, 7 of 12 months, {method}, {rollup}", revenue, target, "higher", method, rollup))
    for rollup in ("sum", "average", "last"):
        cases.append(outlook_case(f"revenue, budget method, {rollup}", revenue, budget, "higher", "budget", rollup, as_row=True))
    cases.append(outlook_case("revenue, trend against the monthly budget as a row", revenue, budget, "higher", "trend", "sum", 0.9, target_as_row=True))
    churn = [float(round(v, 5)) for v in 0.021 + 0.0004 * np.arange(12) + rng.normal(0, 0.001, 12)]
    churn[9:] = ["", "", {"error": "#N/A"}]
    cases.append(outlook_case("churn rate, lower is better, average rollup", churn, 0.024, "lower", "trend", "average", 0.95))
    headcount = [120.0, 122.0, None, 125.0, 127.0, 126.0, 130.0, None, None, None, None, None]
    cases.append(outlook_case("headcount with a month missing, last", headcount, 140, "higher", "trend", "last", 0.8))
    cases.append(outlook_case("the closing period reported: last has no interval", [5.0, 6.0, None, 7.5], 7, "higher", "trend", "last"))
    cases.append(outlook_case("every period reported", [10.0, 12.0, 11.0, 13.0], 40, "lower", "average", "sum"))
    offset = [float(v) for v in 1e6 + np.arange(9) * 3.5 + rng.normal(0, 0.5, 9)] + [None] * 3
    cases.append(outlook_case("an offset of 1e6 with a small spread", offset, 12e6 + 200, "higher", "trend", "sum", 0.8))
    cases.append(outlook_case("three reported, trend's minimum", [3.0, 5.0, 4.0, None, None, None], 30, "higher", "trend", "sum", 0.5))
    cases.append(outlook_case("two reported, average's minimum", [3.0, 5.0, None, None], 15, "lower", "average", "sum", 0.99))
    for k in range(14):
        N = int(rng.choice([6, 12, 13, 24, 36]))
        method = ["trend", "average", "budget"][k % 3]
        n = int(rng.integers(3, N + 1))
        level_ = float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.99]))
        slope = float(rng.normal(0, 5))
        base = float(rng.choice([100.0, 5000.0, 2.5]))
        values = [float(round(base + slope * i + rng.normal(0, base / 20), 3)) for i in range(N)]
        actual = values[:n] + [None] * (N - n)
        if n > 4 and k % 2:
            actual[int(rng.integers(1, n - 1))] = None
        targets = [float(round(base + slope * i * 0.8, 3)) for i in range(N)]
        rollup = ["sum", "average", "last"][k % 3 if k % 4 else (k + 1) % 3]
        single = method != "budget" and k % 2 == 0
        target = (sum(targets) if rollup == "sum" else sum(targets) / N if rollup == "average" else targets[-1]) * float(rng.choice([0.97, 1.0, 1.03])) if single else targets
        cases.append(outlook_case(f"random {k}", actual, target, ["higher", "lower"][k % 2], method, rollup, level_, as_row=k % 5 == 1, target_as_row=k % 3 == 2))
    return cases


with open(OUT, "w") as fh:
    json.dump({"variance": variance_cases(), "outlook": outlook_cases()}, fh, indent=1)
print("wrote", OUT)
