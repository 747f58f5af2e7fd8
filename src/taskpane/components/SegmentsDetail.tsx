/**
 * What a segmented KPI's card shows under its total (core/model/segments.ts, segmentView.ts): how
 * the total is made, the small multiples (a sparkline and status per segment, worst first, each
 * against its own target), and the funnel plot of the latest period that tells the segments that
 * really differ from those that only look different. The numbers are KPI.FUNNEL's and
 * KPI_STATUS's (the insert-formula menu offers both for the same period).
 */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { periodLabel } from "../../core/model/periods";
import { isSegmented, SegmentData, segmentLayoutOf } from "../../core/model/segments";
import { latestFunnel, SegmentCard, segmentCards, worstFirst } from "../../core/model/segmentView";
import { Status } from "../../core/model/status";
import { formatNumber } from "../locale";
import { SegmentsFunnel, rateText } from "./SegmentsFunnel";
import { Sparkline } from "./Sparkline";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(132px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  segment: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalXS },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const BADGE: Record<Status | "none", "success" | "warning" | "danger" | "informative"> = { on: "success", risk: "warning", off: "danger", none: "informative" };

/** How the total is made from the segments, in words (segments.ts segmentTotals). */
function howTotalled(kpi: KpiDefinition): string {
  if (kpi.denominatorRange) return "Σ numerators / Σ denominators";
  return kpi.aggregation === "average" ? "their mean" : "their sum";
}

/**
 * What the card says of a KPI split by a column (segmentsLongTag.ts): where its segments come
 * from, and its targets: one for every segment, or each row's own in another column of the table.
 */
function longNote(kpi: KpiDefinition): string | null {
  const layout = segmentLayoutOf(kpi.segments ?? "");
  if (layout?.kind !== "by") return null;
  const targets = kpi.targetRange ? `each row judged against its own target in ${kpi.targetRange}` : "one target for every segment";
  return `${kpi.source} split by the table's ${layout.column} column, ${targets}.`;
}

function SmallMultiple({ card, kpi, value }: { card: SegmentCard; kpi: KpiDefinition; value: (n: number) => string }) {
  const styles = useStyles();
  const { summary } = card;
  const latest = summary.rate ? (card.trend[(summary.latestPeriod ?? 0) - 1] ?? null) : summary.latest;
  return (
    <li className={styles.segment} data-testid="segment" data-segment={card.name} aria-label={`${card.name}: ${summary.statusLabel}`}>
      <div className={styles.head}>
        <Text size={200} weight="semibold">
          {card.name}
        </Text>
        <Badge size="small" appearance="filled" color={BADGE[summary.status ?? "none"]}>
          {summary.statusLabel}
        </Badge>
      </div>
      <Text size={200} data-testid="segment-latest">
        {latest === null ? "—" : value(latest)} vs {summary.target === null ? "no target" : value(summary.target)}
      </Text>
      <Sparkline values={card.trend} target={summary.target} label={`Trend of ${kpi.name} in ${card.name}`} width={116} height={26} format={value} />
    </li>
  );
}

export function SegmentsDetail({
  kpi,
  summary,
  segments,
  locale = "en-US",
}: {
  kpi: KpiDefinition;
  summary: KpiSummary;
  segments: SegmentData | null | undefined;
  locale?: string;
}) {
  const styles = useStyles();
  if (!isSegmented(kpi) || !segments) return null;
  const value = (n: number) => (kpi.denominatorRange ? rateText(n, locale) : formatNumber(n, locale, 1));
  const cards = worstFirst(kpi, segmentCards(kpi, segments));
  const funnel = latestFunnel(kpi, segments);
  const label = (p: number) => periodLabel(kpi.firstPeriod, kpi.cadence, p);
  const total = summary.latestPeriod === null || summary.latest === null ? null : `${value(summary.latest)} in ${label(summary.latestPeriod)}`;
  return (
    <section className={styles.root} aria-label={`Segments of ${kpi.name}`}>
      <Text size={200} data-testid="segment-total">
        Total of {segments.names.length} segments ({howTotalled(kpi)}): {total ?? "no period with every segment"}
      </Text>
      {longNote(kpi) && (
        <Text size={200} data-testid="segment-layout">
          {longNote(kpi)}
        </Text>
      )}
      <ul className={styles.list} aria-label={`${kpi.name} by segment, worst first`}>
        {cards.map((c) => (
          <SmallMultiple key={c.name} card={c} kpi={kpi} value={value} />
        ))}
      </ul>
      {funnel.ok ? (
        <SegmentsFunnel funnel={funnel.funnel} title={`Funnel plot of ${kpi.name}`} period={label(funnel.funnel.period)} locale={locale} />
      ) : (
        <Text size={200} data-testid="funnel-problem" className={funnel.period === null ? undefined : styles.problem}>
          {funnel.problem}
        </Text>
      )}
    </section>
  );
}
