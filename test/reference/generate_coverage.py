"""
Reference values for the forecast coverage's Wilson interval (src/core/review/coverage.ts),
computed independently of the TypeScript code with statsmodels' proportion_confint(method="wilson")
and the normal quantile from scipy.stats.norm.ppf.
Output: test/fixtures/coverage_reference.json (committed; CI needs no Python).

    python3 test/reference/generate_coverage.py   # needs scipy, statsmodels
"""
import json
import os

from scipy import stats
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "coverage_reference.json")
CASES = [(0, 1), (1, 1), (0, 10), (10, 10), (8, 10), (19, 25), (40, 50), (160, 200), (1, 3), (799, 1000)]
out = {
    "generator": "test/reference/generate_coverage.py, statsmodels proportion_confint(method='wilson'), scipy.stats.norm.ppf",
    "z975": float(stats.norm.ppf(0.975)),
    "z90": float(stats.norm.ppf(0.9)),
    "wilson95": [{"hits": h, "n": n, "low": float(lo), "high": float(hi)} for h, n in CASES for lo, hi in [proportion_confint(h, n, alpha=0.05, method="wilson")]],
}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", OUT)
