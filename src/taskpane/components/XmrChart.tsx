/**
 * The KPI's process behaviour chart, as KPI.SPC computes it: points coloured by type (blue
 * improvement, orange concern, grey common cause), the centre line, the process limits (dashed)
 * and the near-limit lines (dotted). Fits the 320 px pane; the numbers are a button away (ChartFigures.tsx).
 */
import { SpcResult } from "../../core/analysis/spc";
import { ChartFigures } from "./ChartFigures";
import { ChartPoints } from "./ChartPoints";
import { varies } from "./Sparkline";
import { formatNumber } from "../locale";

export interface XmrChartProps {
  chart: SpcResult;
  values: readonly number[];
  title: string;
  /** The latest period's target. */
  target: number | null;
  /** Each charted point's own target (monthEndPane.ts chartedTargets): the budget line, when it varies. */
  targets?: readonly (number | null)[] | null;
  /** The user's locale, for the numbers it names (locale.ts). */
  locale?: string;
}

export function XmrChart({ chart, values, title, target, targets, locale = "en-US" }: XmrChartProps) {
  const fmt = (v: number) => formatNumber(v, locale, 2);
  const width = 280;
  const height = 110;
  const pad = 6;
  const near = (2 / 3) * (chart.upper - chart.centre);
  const budget = varies(targets) && targets.length === values.length ? targets : null;
  const extra = [...(target === null ? [] : [target]), ...(budget ?? []).filter((t): t is number => t !== null)];
  const lo = Math.min(chart.lower, ...values, ...extra);
  const hi = Math.max(chart.upper, ...values, ...extra);
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) / (hi - lo)) * (height - 2 * pad));
  const x = (i: number) => (values.length < 2 ? width / 2 : pad + (i / (values.length - 1)) * (width - 2 * pad));
  const line = (v: number, dash: string, colour: string, key: string) => (
    <line key={key} x1={pad} x2={width - pad} y1={y(v)} y2={y(v)} stroke={colour} strokeDasharray={dash} strokeWidth="1" />
  );
  const special = chart.types.filter((t) => t !== "Common cause").length;
  const known = (budget ?? []).filter((t): t is number => t !== null);
  const budgetText = budget ? `, budget from ${fmt(known[0])} to ${fmt(known[known.length - 1])}` : "";
  const label = `${title}: ${values.length} points, centre ${fmt(chart.centre)}, limits ${fmt(chart.lower)} to ${fmt(chart.upper)}${budgetText}, ${special} special-cause point${special === 1 ? "" : "s"}`;
  // The budget as the line it is: through each period's own target, broken where one is missing.
  const budgetPath = budget ? budget.map((t, i) => (t === null ? "" : `${i === 0 || budget[i - 1] === null ? "M" : "L"}${x(i)},${y(t)}`)).join("") : "";
  return (
    <figure style={{ margin: 0 }}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="xmr-chart" style={{ maxWidth: width }}>
        {line(chart.upper, "4 3", "#A6A6A6", "upper")}
        {line(chart.lower, "4 3", "#A6A6A6", "lower")}
        {line(chart.centre + near, "1 3", "#BFBFBF", "near-up")}
        {line(chart.centre - near, "1 3", "#BFBFBF", "near-down")}
        {line(chart.centre, "", "#595959", "centre")}
        {budget ? (
          <path d={budgetPath} fill="none" stroke="#C00000" strokeDasharray="6 2" strokeWidth="1" data-testid="xmr-budget" />
        ) : (
          target !== null && line(target, "6 2", "#C00000", "target")
        )}
        <polyline fill="none" stroke="#A6A6A6" strokeWidth="1" points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
        <ChartPoints points={values.map((v, i) => ({ x: x(i), y: y(v), type: chart.types[i] }))} radius={() => 2.6} />
      </svg>
      <ChartFigures
        label={title}
        headers={["Period", "Value", "Type", ...(budget ? ["Target"] : [])]}
        rows={() => values.map((v, i) => [i + 1, v, chart.types[i], ...(budget ? [budget[i] ?? ""] : [])])}
      />
    </figure>
  );
}
