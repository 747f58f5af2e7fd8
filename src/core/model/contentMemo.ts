/**
 * A pure function's answers kept by the content of its arguments, for the pane's per-KPI work at
 * every refresh (a KPI's summary, its month-end figures): a refresh reads every KPI afresh, so its
 * objects are new even where nothing changed, and 300 KPIs recomputed took ~60–90 ms of one task
 * (issue 25: a long task is over 50 ms). Keyed by the arguments as JSON (a non-finite number kept
 * apart from null), so an unchanged KPI's answer is the same object as before, which is also what
 * lets its card skip rendering (keepUnchanged.ts). The answers are shared: callers never mutate them.
 */

/** Wraps `f`; at most `limit` answers are kept, all dropped when it is reached (a workbook's KPIs fit many times over). */
export function memoByContent<A extends unknown[], R>(f: (...args: A) => R, limit = 4096): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args, keepNonFinite);
    const hit = kept.get(key);
    if (hit !== undefined || kept.has(key)) return hit as R;
    if (kept.size >= limit) kept.clear();
    const answer = f(...args);
    kept.set(key, answer);
    return answer;
  };
}

/** JSON writes NaN and ±Infinity as null: kept distinct, so they never share an answer with a gap. */
function keepNonFinite(_key: string, v: unknown): unknown {
  return typeof v === "number" && !Number.isFinite(v) ? `#number:${v}` : v;
}
