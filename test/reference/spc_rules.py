"""
KPI.SPC's four special-cause rules, Anhoej's runs analysis and the assurance, as FUNCTIONS.md states
them, for the Python references of the XmR chart (generate_spc_forecast.py) and of the rate charts
(generate_rates_funnel.py): each point against its own lines, so a chart with one pair of limits
passes the same line for every point. Written from the contract's text, independently of the
TypeScript code.
"""
import math

from scipy import stats

ORDER = ["outside", "shift", "trend", "two of three"]
VARIATION = {"Common cause": "Common cause", "Improvement": "Special cause improvement", "Concern": "Special cause concern",
             "High": "Special cause high", "Low": "Special cause low"}


def judge(ys, centre, lower, upper, near_lower, near_upper, direction):
    """The four rules of KPI.SPC, each point against its own lines; returns types and rule sets."""
    n = len(ys)
    flags = [set() for _ in range(n)]
    trend_dir = [0] * n
    for i in range(n):
        if ys[i] > upper[i] or ys[i] < lower[i]:
            flags[i].add("outside")
    for i in range(n - 6):
        w = ys[i:i + 7]
        if all(v > centre for v in w) or all(v < centre for v in w):
            for j in range(i, i + 7):
                flags[j].add("shift")
        up = all(w[k] > w[k - 1] for k in range(1, 7))
        down = all(w[k] < w[k - 1] for k in range(1, 7))
        if up or down:
            for j in range(i, i + 7):
                flags[j].add("trend")
                trend_dir[j] = 1 if up else -1
    for i in range(n - 2):
        idx = range(i, i + 3)
        if all(ys[j] > centre for j in idx) and sum(1 for j in idx if ys[j] > near_upper[j]) >= 2:
            for j in idx:
                flags[j].add("two of three")
        if all(ys[j] < centre for j in idx) and sum(1 for j in idx if ys[j] < near_lower[j]) >= 2:
            for j in idx:
                flags[j].add("two of three")
    types = []
    for i in range(n):
        if not flags[i]:
            types.append("Common cause")
            continue
        side = 1 if ys[i] > centre else -1 if ys[i] < centre else trend_dir[i]
        if direction == "neutral":
            types.append("High" if side > 0 else "Low")
        elif (side > 0) == (direction == "higher"):
            types.append("Improvement")
        else:
            types.append("Concern")
    return types, flags


def runs_of(ys, med):
    sides = [1 if y > med else -1 for y in ys if y != med]
    u = len(sides)
    if u < 10:
        return None
    longest, cur = 1, 1
    for k in range(1, u):
        cur = cur + 1 if sides[k] == sides[k - 1] else 1
        longest = max(longest, cur)
    crossings = sum(1 for k in range(1, u) if sides[k] != sides[k - 1])
    longest_limit = int(round(math.log2(u) + 3))
    crossings_limit = int(stats.binom.ppf(0.05, u - 1, 0.5))
    label = "Non-random variation" if longest > longest_limit or crossings < crossings_limit else "Random variation"
    return {"useful": u, "longest": longest, "longest_limit": longest_limit, "crossings": crossings,
            "crossings_limit": crossings_limit, "label": label}


def assurance_of(target, direction, lower, upper):
    if target is None or direction == "neutral":
        return None
    if direction == "higher":
        return "Consistently passes" if target < lower else "Consistently fails" if target > upper else "Hit and miss"
    return "Consistently passes" if target > upper else "Consistently fails" if target < lower else "Hit and miss"
