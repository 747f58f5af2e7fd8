/**
 * The funnel plot of a segmented KPI's latest period (core/model/segmentView.ts latestFunnel, as
 * KPI.FUNNEL computes it: Spiegelhalter's funnel, the pooled rate as benchmark): each segment's
 * rate against its size, the 95% limits dashed and the 99.8% limits solid, narrowing as the
 * denominator grows. A segment outside the 99.8% lines really differs; one between the lines may.
 * Fits the 320 px pane; every number is also in the list under it, in words.
 */
import { Text } from "@fluentui/react-components";
import { differing, FunnelPoint, SegmentFunnel } from "../../core/model/segmentView";
import { formatNumber, formatPercent, formatWith } from "../locale";

/** A rate as the card shows one: four significant digits (0.02826, 4.531), in the user's separators. */
export function rateText(v: number, locale: string): string {
  return Number.isFinite(v) ? formatWith(v, locale, { maximumSignificantDigits: 4 }) : "–";
}

const MARK: Record<FunnelPoint["flag"], string> = {
  "Above 99.8%": "#C00000",
  "Below 99.8%": "#C00000",
  "Above 95%": "#E46C0A",
  "Below 95%": "#E46C0A",
  Within: "#7F7F7F",
};

/** The curve's line through one of its limits. */
function path(funnel: SegmentFunnel, key: "lower95" | "upper95" | "lower998" | "upper998", x: (n: number) => number, y: (v: number) => number): string {
  return funnel.curve.map((c, i) => `${i === 0 ? "M" : "L"}${x(c.n).toFixed(1)},${y(c[key]).toFixed(1)}`).join("");
}

export function SegmentsFunnel({ funnel, title, period, locale = "en-US" }: { funnel: SegmentFunnel; title: string; period: string; locale?: string }) {
  const rate = (v: number) => rateText(v, locale);
  // The funnel's two limits, as the locale writes a percentage: 95% and 99.8% (en-US), 95 % and 99,8 % (de-DE).
  const [p95, p998] = [formatPercent(0.95, locale), formatPercent(0.998, locale, 1)];
  const width = 280;
  const height = 130;
  const pad = 8;
  const ns = funnel.points.map((p) => p.denominator);
  const [nLo, nHi] = [Math.min(...ns), Math.max(...ns)];
  const values = [...funnel.points.map((p) => p.rate), ...funnel.curve.flatMap((c) => [c.lower998, c.upper998])];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const x = (n: number) => (nHi === nLo ? width / 2 : pad + ((n - nLo) / (nHi - nLo)) * (width - 2 * pad));
  const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) / (hi - lo)) * (height - 2 * pad));
  const { really, possibly } = differing(funnel);
  const names = (ps: FunnelPoint[]) => ps.map((p) => p.segment).join(", ");
  const verdict =
    really.length + possibly.length === 0
      ? `Every segment is within what chance allows for its size.`
      : [
          really.length ? `${names(really)} really ${really.length === 1 ? "differs" : "differ"} (beyond the ${p998} limits)` : "",
          possibly.length ? `${names(possibly)} may (beyond ${p95} only)` : "",
        ]
          .filter(Boolean)
          .join("; ") + ".";
  return (
    <figure style={{ margin: 0 }} aria-label={`${title}, ${period}`}>
      <Text size={200} weight="semibold" as="p" style={{ margin: 0 }}>
        Funnel of {period}: which segments really differ (KPI.FUNNEL, pooled {funnel.per ? `rate per ${funnel.per}` : "rate"} {rate(funnel.target)})
      </Text>
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${funnel.points.length} segments of ${period} against ${p95} and ${p998} limits around ${rate(funnel.target)}. ${verdict}`}
        data-testid="funnel-plot"
        style={{ maxWidth: width }}
      >
        <line x1={pad} x2={width - pad} y1={y(funnel.target)} y2={y(funnel.target)} stroke="#595959" strokeWidth="1" />
        {funnel.curve.length > 1 && (
          <>
            <path d={path(funnel, "upper95", x, y)} fill="none" stroke="#A6A6A6" strokeDasharray="4 3" />
            <path d={path(funnel, "lower95", x, y)} fill="none" stroke="#A6A6A6" strokeDasharray="4 3" />
            <path d={path(funnel, "upper998", x, y)} fill="none" stroke="#7F7F7F" />
            <path d={path(funnel, "lower998", x, y)} fill="none" stroke="#7F7F7F" />
          </>
        )}
        {funnel.points.map((p) => (
          <g key={p.segment}>
            <circle cx={x(p.denominator)} cy={y(p.rate)} r="3.5" fill={MARK[p.flag]} />
            <text x={x(p.denominator)} y={y(p.rate) - 5} textAnchor="middle" fontSize="9" fill="#404040">
              {p.segment}
            </text>
          </g>
        ))}
      </svg>
      <Text size={200} as="p" style={{ margin: 0 }} data-testid="funnel-verdict">
        {verdict}
        {funnel.skipped.length > 0 ? ` Not plotted (no rate in ${period}): ${funnel.skipped.join(", ")}.` : ""}
      </Text>
      <ul aria-label={`Funnel of ${period} by segment`} style={{ margin: 0, paddingLeft: 16 }}>
        {funnel.points.map((p) => (
          <li key={p.segment} data-testid="funnel-point" data-segment={p.segment}>
            <Text size={200}>
              {p.segment}: {rate(p.rate)} of {formatNumber(p.denominator, locale, 0)} · z {formatNumber(p.z, locale, 2)} · {p998} limits{" "}
              {rate(p.limits.lower998)} to {rate(p.limits.upper998)} · {p.flag}
            </Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}
