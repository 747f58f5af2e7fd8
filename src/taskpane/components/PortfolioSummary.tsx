/**
 * The pane's summary of every KPI (issue 23): one table, in the manner of the NHS "Making Data
 * Count" summary, of each KPI's latest period and value, its target, its status and its variation
 * and assurance icons (core/model/portfolioSummary.ts), worst first. Each icon has its words beside it,
 * so colour is never the only carrier; the table is as long as the register, never as the data.
 */
import { Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { periodLabel } from "../../core/model/periods";
import { summaryRows } from "../../core/model/portfolioSummary";
import { segmentCards, worstFirst } from "../../core/model/segmentView";
import type { SeriesValues } from "../../core/model/seriesValues";
import { variationOf } from "../../core/analysis/spc";
import { SimpleTable } from "./SimpleTable";
import { useRevealed } from "../useRevealed";
import { formatWith } from "../locale";
import { AssuranceIcon, VariationIcon } from "./SpcIcons";

export function PortfolioSummary({
  kpis,
  summaries,
  series = {},
  locale = "en-US",
}: {
  kpis: readonly KpiDefinition[];
  summaries: Record<string, KpiSummary>;
  /** The values read: a KPI across segments gets a row per segment under its own (its card's small multiples). */
  series?: Readonly<Record<string, SeriesValues>>;
  locale?: string;
}) {
  const number = (n: number | null) => (n === null ? "—" : formatWith(n, locale, { maximumSignificantDigits: 4 }));
  const segments = useMemo(() => segmentsOf(kpis, series), [kpis, series]);
  const all = summaryRows(kpis, summaries, segments);
  // 300 rows in one commit are one long task of layout: the first rows now, the rest a chunk a task (useRevealed.ts).
  const revealed = useRevealed(all.length);
  if (kpis.length === 0) return <Text size={200}>No KPIs yet.</Text>;
  const rows = all.slice(0, revealed).map((r) => {
    const kpi = kpis.find((k) => k.id === (r.segmentOf ?? r.id))!;
    return [
      r.name,
      r.period === null ? "—" : periodLabel(kpi.firstPeriod, kpi.cadence, r.period),
      number(r.latest),
      number(r.target),
      r.statusLabel,
      r.variation ? (
        <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 4, maxWidth: "100%" }}>
          <VariationIcon type={r.variation} high={r.high} />
          {variationOf(r.variation)} ({r.chart})
        </span>
      ) : (
        "too few values"
      ),
      r.assurance ? (
        <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 4, maxWidth: "100%" }}>
          <AssuranceIcon assurance={r.assurance} />
          {r.assurance}
        </span>
      ) : (
        "no target to assure"
      ),
    ];
  });
  return <SimpleTable label="Summary of every KPI" headers={["KPI", "Period", "Latest", "Target", "Status", "Variation", "Assurance"]} rows={rows} fit />;
}

/** Each KPI across segments' segments, worst first, as its card shows them (segmentView.ts). */
function segmentsOf(kpis: readonly KpiDefinition[], series: Readonly<Record<string, SeriesValues>>) {
  const out: Record<string, ReturnType<typeof segmentCards>> = {};
  for (const k of kpis) {
    const data = series[k.id]?.segments;
    if (data) out[k.id] = worstFirst(k, segmentCards(k, data));
  }
  return out;
}
