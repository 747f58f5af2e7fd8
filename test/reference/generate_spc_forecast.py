"""
Reference values for KPI.SPC and KPI.LEAD_FORECAST, computed independently of the TypeScript
code from the contract in FUNCTIONS.md:
- SPC: the limits here; the four special-cause rules, variation, assurance and Anhøj's runs
  analysis from spc_rules.py (the contract's text, point by point, no code shared with the
  TypeScript), with the crossings limit from SciPy's binomial quantile (scipy.stats.binom.ppf,
  R's qbinom) and the longest-run limit round(log2(u)) + 3;
- LEAD_FORECAST: statsmodels' OLS and get_prediction(...).summary_frame(alpha=1-level), the
  obs_ci_lower/upper columns the contract names.
Output: test/fixtures/spc_forecast_reference.json (committed; CI needs no Python).

    python3 test/reference/generate_spc_forecast.py   # needs numpy, scipy, statsmodels
"""
import json
import math
import os

import numpy as np
import statsmodels.api as sm
from scipy import stats

from spc_rules import ORDER, VARIATION, assurance_of, judge, runs_of

rng = np.random.default_rng(20261123)
OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "spc_forecast_reference.json")


def spc_reference(xs, direction, baseline, target):
    n = len(xs)
    b = baseline or n
    base = xs[:b]
    centre = sum(base) / b
    mr = sum(abs(base[i] - base[i - 1]) for i in range(1, b)) / (b - 1)
    upper = centre + 2.66 * mr
    lower = centre - 2.66 * mr
    near = 2.0 / 3.0 * 2.66 * mr
    # One pair of limits and of near lines for every point.
    types, flags = judge(xs, centre, [lower] * n, [upper] * n, [centre - near] * n, [centre + near] * n, direction)
    med = float(np.median(base))
    return {"centre": centre, "mr": mr, "lower": lower, "upper": upper, "types": types, "variation": VARIATION[types[-1]],
            "rules": ", ".join(r for r in ORDER if r in flags[-1]), "assurance": assurance_of(target, direction, lower, upper),
            "median": med, "runs": runs_of(xs, med)}


def spc_cases():
    cases = []
    def add(name, xs, direction="higher", baseline=None, target=None):
        cases.append({"name": name, "values": [float(v) for v in xs], "direction": direction, "baseline": baseline, "target": target,
                      "expected": spc_reference([float(v) for v in xs], direction, baseline, target)})
    add("stable noise", rng.normal(100, 5, 30), target=90)
    add("a shift upward after 15", list(rng.normal(100, 3, 15)) + list(rng.normal(106, 3, 15)), baseline=15, target=104)
    add("a rising trend", [10, 11, 10, 12, 11, 12, 13, 14, 15, 16, 17, 18, 19], direction="lower", target=12)
    add("an outlier last", list(rng.normal(50, 2, 24)) + [70], direction="lower", target=60)
    add("two of three low", [20, 21, 19, 20, 22, 21, 20, 19, 21, 20, 15.5, 20.5, 15.2], direction="neutral")
    add("integers with ties on the centre", [5, 5, 6, 4, 5, 5, 6, 4, 5, 5, 6, 4, 5, 5], target=5)
    add("short", [3, 4, 5], target=10)
    add("offset 1e9 small spread", list(1e9 + rng.normal(0, 1e-3, 40)), baseline=20, target=1e9)
    for k in range(20):
        n = int(rng.integers(5, 80))
        xs = list(np.round(rng.normal(0, 1, n).cumsum() * rng.choice([1, 10, 0.1]) + rng.normal(0, 1, n), int(rng.integers(0, 3))))
        direction = ["higher", "lower", "neutral"][k % 3]
        baseline = int(rng.integers(3, n + 1)) if k % 2 else None
        target = float(np.round(np.mean(xs) + rng.normal(0, 3), 1)) if k % 4 else None
        add(f"random {k}", xs, direction, baseline, target)
    return cases


def forecast_cases():
    cases = []
    def add(name, lead, lagv, lag, level=0.8):
        xs, ys = [], []
        last = max(i for i, v in enumerate(lagv) if v is not None)
        for t in range(len(lagv)):
            if lagv[t] is not None and t - lag >= 0 and lead[t - lag] is not None:
                xs.append(lead[t - lag]); ys.append(lagv[t])
        # The regressor is centred before statsmodels sees it: the same model (only the intercept
        # moves, by slope * mean), but well conditioned when x sits at an offset such as 1e6.
        centre = float(np.mean(xs))
        model = sm.OLS(np.array(ys), sm.add_constant(np.array(xs) - centre)).fit()
        rows = []
        for k in range(1, lag + 1):
            x0 = lead[last + k - lag]
            if x0 is None:
                rows.append({"period": last + k + 1, "forecast": None})
                continue
            frame = model.get_prediction(np.array([[1.0, x0 - centre]])).summary_frame(alpha=1 - level)
            rows.append({"period": last + k + 1, "forecast": float(frame["mean"].iloc[0]), "lower": float(frame["obs_ci_lower"].iloc[0]),
                         "upper": float(frame["obs_ci_upper"].iloc[0])})
        cases.append({"name": name, "leading": lead, "lagging": lagv, "lag": lag, "level": level, "rows": rows,
                      "fit": {"intercept": float(model.params[0] - model.params[1] * centre), "slope": float(model.params[1]), "r2": float(model.rsquared),
                              "n": int(model.nobs), "std_error": float(math.sqrt(model.scale))}})
    lead = [float(v) for v in np.round(200 + rng.normal(0, 20, 36), 1)]
    lagv = [None if t < 2 else float(round(3.5 * lead[t - 2] + 400 + rng.normal(0, 25), 1)) for t in range(36)]
    lagv[-1] = None; lagv[-2] = None
    add("leads two months ahead, two months not reported", lead, lagv, 2)
    add("the same at 95%", lead, lagv, 2, 0.95)
    lead2 = [float(v) for v in rng.normal(5, 1, 20)]
    lead2[15] = None
    lag2 = [float(2 * (lead2[t - 1] or 5) + rng.normal(0, 0.5)) if t >= 1 else None for t in range(20)]
    lag2[5] = None; lag2[-1] = None
    add("gaps on both sides", lead2, lag2, 1)
    lead3 = [float(v) for v in 1e6 + rng.normal(0, 1, 15)]
    lag3 = [float(0.5 * lead3[t - 3] + rng.normal(0, 0.1)) if t >= 3 else None for t in range(15)]
    lag3[-1] = None
    add("offset 1e6, lag 3", lead3, lag3, 3, 0.9)
    for k in range(8):
        n = int(rng.integers(8, 60))
        lagk = int(rng.integers(1, 5))
        x = [float(v) for v in np.round(rng.normal(50, 10, n), 2)]
        y = [float(round(rng.normal(1, 0.5) * x[t - lagk] + rng.normal(0, 5), 2)) if t >= lagk else None for t in range(n)]
        for _ in range(int(rng.integers(0, lagk + 1))):
            y[-1 - _] = None
        add(f"random {k}", x, y, lagk, [0.8, 0.9, 0.95, 0.5][k % 4])
    return cases


def runs_limits():
    """The runs-analysis limits for u = 10 … 100 useful points (Anhøj's published table)."""
    return [{"useful": u, "longest_run_limit": int(round(math.log2(u) + 3)), "crossings_limit": int(stats.binom.ppf(0.05, u - 1, 0.5))} for u in range(10, 101)]


with open(OUT, "w") as f:
    json.dump({"spc": spc_cases(), "forecast": forecast_cases(), "runs_limits": runs_limits()}, f, indent=1)
print("wrote", OUT)
