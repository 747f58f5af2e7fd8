/**
 * Structural sharing across the pane's reads: every refresh reads every KPI afresh, so without it
 * each KPI's definition, values, summary and month-end figures are new objects after any change,
 * and every memoised card (KpiCard) renders again. These keep the previous object of an entry
 * whose content is the same (compared as JSON: functions, such as a chart's limit lines, are
 * derived from the data compared), so only the KPIs that changed render (issue 25: 300 KPIs).
 */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** `next`, with each entry that equals `previous`'s under the same key taken from `previous`. */
export function keepUnchangedEntries<T>(previous: Readonly<Record<string, T>> | undefined, next: Record<string, T>): Record<string, T> {
  if (!previous) return next;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(next)) out[key] = key in previous && same(previous[key], value) ? previous[key] : value;
  return out;
}

/** `next`, with each item that equals the previous item of the same key taken from `previous`. */
export function keepUnchangedItems<T>(previous: readonly T[] | undefined, next: T[], keyOf: (item: T) => string): T[] {
  if (!previous) return next;
  const before = new Map(previous.map((item) => [keyOf(item), item]));
  return next.map((item) => {
    const old = before.get(keyOf(item));
    return old !== undefined && same(old, item) ? old : item;
  });
}

/** A portfolio whose unchanged KPIs keep the previous portfolio's summary and month-end card. */
export function keepUnchangedPortfolio<P extends { summaries: Record<string, unknown>; pack: { cards: Record<string, unknown> } }>(
  previous: P | null,
  next: P,
): P {
  return {
    ...next,
    summaries: keepUnchangedEntries(previous?.summaries, next.summaries),
    pack: { ...next.pack, cards: keepUnchangedEntries(previous?.pack.cards, next.pack.cards) },
  };
}
