/**
 * The card's process behaviour chart at any length (issue 23): up to MAX_POINTS periods it is the
 * whole chart; beyond, the last N periods (a chooser of 60, 120 or 240, and Earlier / Later to page
 * through the rest), so 5,000 periods never become 5,000 overlapping dots in 280 pixels, and the
 * chart's table of numbers (for screen readers) holds only the periods shown. The limits are those
 * of the whole chart (KPI.SPC's): a window only chooses what is drawn. A rate KPI's chart (p, u,
 * p′, u′) has each point's own limits, drawn as stepped lines, and says which chart and why.
 */
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { LimitLines, SpcResult } from "../../core/analysis/spc";
import type { RateSummary } from "../../core/model/rateSummary";
import { rateChartReason } from "../../core/model/rates";
import { ChartFigures } from "./ChartFigures";
import { ChartPoints } from "./ChartPoints";
import { XmrChart } from "./XmrChart";
import { formatNumber, formatWith } from "../locale";

export interface ChartWindowProps {
  chart: SpcResult;
  /** The charted points, in order (KpiSummary.spcValues). */
  values: readonly number[];
  title: string;
  target: number | null;
  /** Each charted point's own target, when it has one per period (drawn by XmrChart on a whole chart). */
  targets?: readonly (number | null)[] | null;
  /** A rate KPI's chart and why (rateSummary.ts). */
  rate?: RateSummary;
  /** The periods the limits were computed from (KpiSummary.spcBaseline); none: every charted point. */
  baseline?: number | null;
  /** The user's locale, for the numbers it shows (locale.ts). */
  locale?: string;
}

/** Beyond this many points a chart in the 280 px pane is drawn by windows (about 2 px a point). */
export const MAX_POINTS = 120;
export const WINDOW_SIZES = [60, 120, 240] as const;

/**
 * Why this rate chart, in the user's locale: written again from the choice (rates.ts
 * rateChartReason, over the baseline's moving ranges); a summary with no chart (no threshold
 * computed) keeps its own words.
 */
function reasonOf(rate: RateSummary, movingRanges: number, locale: string): string {
  if (!Number.isFinite(rate.threshold)) return rate.reason;
  return rateChartReason({ chart: rate.chart, sigmaZ: rate.sigmaZ, threshold: rate.threshold, movingRanges }, locale);
}

/** Points from..to−1 of a chart, their limits with them (by the points' own index). */
export function windowOf(chart: SpcResult, from: number, to: number): SpcResult {
  const l = chart.lines;
  const lines: LimitLines = {
    centre: l.centre,
    lower: (i) => l.lower(i + from),
    upper: (i) => l.upper(i + from),
    nearLower: (i) => l.nearLower(i + from),
    nearUpper: (i) => l.nearUpper(i + from),
    beyondNear: (v, i, side) => l.beyondNear(v, i + from, side),
  };
  return { ...chart, types: chart.types.slice(from, to), flags: chart.flags.subarray(from, to), lines };
}

export function ChartWindow(props: ChartWindowProps) {
  const { chart, values, title, target, targets, rate, baseline, locale = "en-US" } = props;
  const n = values.length;
  const [size, setSize] = useState<number>(MAX_POINTS);
  const [end, setEnd] = useState<number | null>(null);
  const windowed = n > MAX_POINTS;
  const to = windowed ? Math.min(n, Math.max(size, end ?? n)) : n;
  const from = windowed ? Math.max(0, to - size) : 0;
  const shown = from === 0 && to === n ? chart : windowOf(chart, from, to);
  const slice = values.slice(from, to);
  const move = (by: number) => setEnd(Math.min(n, Math.max(size, to + by)));
  return (
    <>
      {rate && (
        <Text size={200} data-testid="rate-chart">
          {reasonOf(rate, (baseline ?? values.length) - 1, locale)}
        </Text>
      )}
      {windowed && (
        <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
          <Field label="Periods shown" size="small">
            <Select size="small" value={String(size)} onChange={(_, d) => setSize(Number(d.value))}>
              {WINDOW_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s} at a time
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" disabled={from === 0} onClick={() => move(-size)} aria-label={`Earlier periods of ${title}`}>
            Earlier
          </Button>
          <Button size="small" disabled={to === n} onClick={() => move(size)} aria-label={`Later periods of ${title}`}>
            Later
          </Button>
          <Text size={200} data-testid="chart-window">
            Points {formatNumber(from + 1, locale, 0)}–{formatNumber(to, locale, 0)} of {formatNumber(n, locale, 0)}
          </Text>
        </div>
      )}
      {/* A window keeps its periods' own numbers in the table; XmrChart (the whole chart) numbers from 1. */}
      {rate || windowed ? (
        <PointsChart chart={shown} values={slice} title={title} first={from} valueLabel={rate ? "Rate" : "Value"} locale={locale} />
      ) : (
        <XmrChart
          chart={shown}
          values={slice}
          title={title}
          target={target}
          targets={targets && targets.length === n ? targets.slice(from, to) : targets}
          locale={locale}
        />
      )}
    </>
  );
}

/** A chart with each point's own limits (a rate's c ± 3σ_i; the XmR chart's are one pair) and near-limit lines as steps, the centre, the points by type. */
function PointsChart({
  chart,
  values,
  title,
  first,
  valueLabel,
  locale,
}: {
  chart: SpcResult;
  values: readonly number[];
  title: string;
  first: number;
  valueLabel: string;
  locale: string;
}) {
  const fmt = (v: number) => formatWith(v, locale, { maximumSignificantDigits: 4 });
  const width = 280;
  const height = 110;
  const pad = 6;
  const { lines } = chart;
  const idx = values.map((_, i) => i);
  const lo = Math.min(...values, ...idx.map((i) => lines.lower(i)));
  const hi = Math.max(...values, ...idx.map((i) => lines.upper(i)));
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) / (hi - lo)) * (height - 2 * pad));
  const step = (width - 2 * pad) / Math.max(1, values.length);
  const x = (i: number) => pad + (i + 0.5) * step;
  const steps = (at: (i: number) => number) => idx.map((i) => `${i === 0 ? "M" : "L"}${pad + i * step},${y(at(i))}H${pad + (i + 1) * step}`).join("");
  const special = chart.types.filter((t) => t !== "Common cause").length;
  const last = values.length - 1;
  const label = `${title}: ${values.length} points, centre ${fmt(chart.centre)}, latest limits ${fmt(lines.lower(last))} to ${fmt(lines.upper(last))}, ${special} special-cause point${special === 1 ? "" : "s"}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="rate-chart-svg" style={{ maxWidth: width }}>
        <path d={steps(lines.upper)} fill="none" stroke="#A6A6A6" strokeDasharray="4 3" />
        <path d={steps(lines.lower)} fill="none" stroke="#A6A6A6" strokeDasharray="4 3" />
        <path d={steps(lines.nearUpper)} fill="none" stroke="#BFBFBF" strokeDasharray="1 3" />
        <path d={steps(lines.nearLower)} fill="none" stroke="#BFBFBF" strokeDasharray="1 3" />
        <line x1={pad} x2={width - pad} y1={y(chart.centre)} y2={y(chart.centre)} stroke="#595959" />
        <polyline fill="none" stroke="#A6A6A6" points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
        {/* A special cause is larger as well as coloured, so colour is not its only mark. */}
        <ChartPoints points={values.map((v, i) => ({ x: x(i), y: y(v), type: chart.types[i] }))} radius={(type) => (type === "Common cause" ? 2.2 : 3.4)} />
      </svg>
      <ChartFigures
        label={title}
        headers={["Point", valueLabel, "Lower limit", "Upper limit", "Type"]}
        rows={() => values.map((v, i) => [first + i + 1, fmt(v), fmt(lines.lower(i)), fmt(lines.upper(i)), chart.types[i]])}
      />
    </figure>
  );
}
