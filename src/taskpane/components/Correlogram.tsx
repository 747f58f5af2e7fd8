/**
 * A correlogram: r by lag as bars, the significance bounds as dashed lines, the best lag
 * highlighted, with axis labels, and the same figures as a table for screen readers; every
 * figure in the user's locale (numberText.ts).
 */
import { tokens } from "@fluentui/react-components";
import { ChainAnalysis } from "../../core/model/chain";
import { formatCorrelation, formatNumber, formatSignificant } from "../../core/model/numberText";
import { ChartFigures } from "./ChartFigures";

const W = 280;
const H = 150;
const PAD = { left: 30, right: 8, top: 10, bottom: 34 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** The vertical position of a correlation r (−1 at the bottom, 1 at the top). */
const yOf = (r: number) => PAD.top + ((1 - r) / 2) * PLOT_H;

/** Where each lag's slot sits along the plot, for a chain of `lags` lags. */
function slotsOf(lags: number) {
  const slot = PLOT_W / Math.max(1, lags);
  return { slot, x: (lag: number) => PAD.left + lag * slot + slot / 2 };
}

export function Correlogram({ chain, title, unit, locale = "en-US" }: { chain: ChainAnalysis; title: string; unit: string; locale?: string }) {
  const lags = chain.rows.length;
  const summary = chain.best
    ? `${title}: ${lags} lags; best lag ${chain.best.lag} with r ${formatCorrelation(chain.best.r, locale)}.`
    : `${title}: no lag has enough pairs.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg width={W} height={H} role="img" aria-label={summary} style={{ maxWidth: "100%" }} viewBox={`0 0 ${W} ${H}`}>
        <CorrelogramScale locale={locale} />
        <CorrelogramBars chain={chain} />
        <AxisTitles unit={unit} differenced={chain.differenced} />
      </svg>
      <CorrelogramTable chain={chain} title={title} locale={locale} />
    </figure>
  );
}

/** The axes and the r scale from −1 to 1. */
function CorrelogramScale({ locale }: { locale: string }) {
  return (
    <>
      <line x1={PAD.left} x2={W - PAD.right} y1={yOf(0)} y2={yOf(0)} stroke={tokens.colorNeutralStroke1} />
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + PLOT_H} stroke={tokens.colorNeutralStroke1} />
      {[1, 0.5, 0, -0.5, -1].map((t) => (
        <text key={t} x={PAD.left - 4} y={yOf(t) + 3} fontSize={9} textAnchor="end" fill={tokens.colorNeutralForeground2}>
          {formatNumber(t, locale, 1)}
        </text>
      ))}
    </>
  );
}

/** The lag axis's title (saying when the chain is on changes) and the r axis's. */
function AxisTitles({ unit, differenced }: { unit: string; differenced: boolean }) {
  return (
    <>
      <text x={PAD.left + PLOT_W / 2} y={H - 4} fontSize={10} textAnchor="middle" fill={tokens.colorNeutralForeground1}>
        Lag ({unit}){differenced ? ", on changes" : ""}
      </text>
      <text
        x={10}
        y={PAD.top + PLOT_H / 2}
        fontSize={10}
        textAnchor="middle"
        transform={`rotate(-90 10 ${PAD.top + PLOT_H / 2})`}
        fill={tokens.colorNeutralForeground1}
      >
        r
      </text>
    </>
  );
}

/** Each lag's bar (the best lag's in the brand colour), its significance bounds and its label (every other one past 13 lags). */
function CorrelogramBars({ chain }: { chain: ChainAnalysis }) {
  const lags = chain.rows.length;
  const { slot, x } = slotsOf(lags);
  return (
    <>
      {chain.rows.map((row, i) => {
        const bound = chain.bounds[i];
        const r = typeof row.r === "number" ? row.r : null;
        const best = chain.best?.lag === row.lag;
        return (
          <g key={row.lag}>
            {bound !== null && (
              <>
                <line
                  x1={x(row.lag) - slot / 2}
                  x2={x(row.lag) + slot / 2}
                  y1={yOf(bound)}
                  y2={yOf(bound)}
                  stroke={tokens.colorPaletteRedBorder2}
                  strokeDasharray="3 2"
                />
                <line
                  x1={x(row.lag) - slot / 2}
                  x2={x(row.lag) + slot / 2}
                  y1={yOf(-bound)}
                  y2={yOf(-bound)}
                  stroke={tokens.colorPaletteRedBorder2}
                  strokeDasharray="3 2"
                />
              </>
            )}
            {r !== null && (
              <rect
                x={x(row.lag) - slot * 0.3}
                width={slot * 0.6}
                y={Math.min(yOf(r), yOf(0))}
                height={Math.max(1, Math.abs(yOf(r) - yOf(0)))}
                fill={best ? tokens.colorBrandBackground : tokens.colorNeutralForeground3}
              />
            )}
            {(lags <= 13 || row.lag % 2 === 0) && (
              <text x={x(row.lag)} y={PAD.top + PLOT_H + 12} fontSize={9} textAnchor="middle" fill={tokens.colorNeutralForeground2}>
                {row.lag}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
}

/** The same figures as a table, on demand. */
function CorrelogramTable({ chain, title, locale }: { chain: ChainAnalysis; title: string; locale: string }) {
  return (
    <ChartFigures
      label={`${title}: correlation by lag`}
      headers={["lag", "r", "p", "n"]}
      rows={() =>
        chain.rows.map((row) => [
          row.lag,
          typeof row.r === "number" ? formatCorrelation(row.r, locale, 3) : "n/a",
          typeof row.p === "number" ? formatSignificant(row.p, locale, 3) : "n/a",
          row.n,
        ])
      }
    />
  );
}
