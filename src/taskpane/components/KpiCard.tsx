/**
 * One KPI's card: its header (name and status), its figures (latest against target, the trend,
 * what changed), its chart, its segments, its year and quarter to date, the KPI guarding it,
 * its month-end part and its footer with the buttons. The card is memoised: with 300 KPIs, a
 * change to one KPI re-renders that KPI's card alone (issue 25), so every prop is the KPI's own
 * and stays the same object while the KPI does (KpiList.tsx keeps them so).
 */
import { Badge, Card, Text } from "@fluentui/react-components";
import { memo } from "react";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary, targetsOf } from "../../core/model/kpiSummary";
import { CheckIn, overrideOf } from "../../core/model/checkins";
import { rateRollups, rollups } from "../../core/model/rollup";
import { STATUS_LABEL } from "../../core/model/status";
import { CardPack, chartedTargets } from "../../core/model/monthEndPane";
import type { SegmentData } from "../../core/model/segments";
import { KpiSeries } from "../../workbook/kpiWorkbook";
import { formatNumber, formatWith } from "../locale";
import { BADGE, useCardStyles } from "./kpiCardStyles";
import type { CardActions } from "./kpiCardActions";
import { CardChart } from "./KpiCardChart";
import { CardFooter } from "./KpiCardFooter";
import { CardMonthEnd } from "./KpiCardMonthEnd";
import { SegmentsDetail } from "./SegmentsDetail";
import { Sparkline } from "./Sparkline";

export type { CardActions } from "./kpiCardActions";

export interface KpiCardProps {
  kpi: KpiDefinition;
  summary: KpiSummary;
  series: KpiSeries | undefined;
  /** The KPI guarding this one (its guardedBy) and that KPI's summary; null for none. */
  guard: KpiDefinition | null;
  guardSummary: KpiSummary | null;
  /** This KPI's own check-ins (the KPI Notes table's rows for it). */
  checkIns: readonly CheckIn[];
  /** This KPI's month-end pack (core/model/monthEndPane.ts). */
  card: CardPack | undefined;
  busy: boolean;
  locale: string;
  /** The same object on every render of the list, so a card does not re-render for it. */
  actions: CardActions;
}

/** Up to 3 decimals, as a number's toLocaleString() shows it, in the user's separators. */
const numberIn = (locale: string) => (n: number) => formatNumber(n, locale, 3);

/** A rate (0.0312) keeps its significant digits; other figures one decimal. */
const figureIn = (locale: string, rate: boolean) => (n: number) => formatWith(n, locale, rate ? { maximumSignificantDigits: 4 } : { maximumFractionDigits: 1 });

export const KpiCard = memo(function KpiCard({ kpi, summary, series, guard, guardSummary, checkIns, card, busy, locale, actions }: KpiCardProps) {
  const styles = useCardStyles();
  const values = series?.values ?? [];
  return (
    <Card className={styles.card} aria-label={`KPI ${kpi.name}`} data-kpi-id={kpi.id}>
      <CardHeader kpi={kpi} summary={summary} checkIns={checkIns} />
      <CardFigures kpi={kpi} summary={summary} series={series} locale={locale} />
      <CardChart
        kpi={kpi}
        summary={summary}
        targets={chartedTargets(kpi, values, series?.targets, kpi.spcFrom ?? 1)}
        locale={locale}
        busy={busy}
        onEdit={actions.onEdit}
      />
      {/* A KPI across segments: under its total, a small multiple per segment and the latest period's funnel. */}
      <SegmentsDetail kpi={kpi} summary={summary} segments={(series as { segments?: SegmentData | null } | undefined)?.segments} />
      <CardToDate kpi={kpi} summary={summary} series={series} locale={locale} />
      {guard && guardSummary && (
        <Text size={200} data-testid="pair">
          Guarded by {guard.name}: {guardSummary.statusLabel}
          {guardSummary.latest !== null ? ` (latest ${numberIn(locale)(guardSummary.latest)})` : ""}
        </Text>
      )}
      <CardMonthEnd kpi={kpi} summary={summary} checkIns={checkIns} card={card} locale={locale} busy={busy} onAddNote={actions.onAddNote} />
      <CardFooter kpi={kpi} series={series} busy={busy} actions={actions} />
    </Card>
  );
});

/** The KPI's name, and the latest period's status or the status a note overrode it with. */
function CardHeader({ kpi, summary, checkIns }: { kpi: KpiDefinition; summary: KpiSummary; checkIns: readonly CheckIn[] }) {
  const styles = useCardStyles();
  const override = summary.latestPeriod === null ? null : overrideOf(checkIns, kpi.id, summary.latestPeriod);
  return (
    <div className={styles.row}>
      <Text weight="semibold">{kpi.name}</Text>
      <StatusBadge summary={summary} override={override} />
    </div>
  );
}

/** The latest period's status, or the status a note overrode it with (and why, on hover). */
function StatusBadge({ summary, override }: { summary: KpiSummary; override: CheckIn | null }) {
  if (override?.override) {
    return (
      <Badge
        appearance="filled"
        color={BADGE[override.override]}
        data-testid="status"
        title={`Overridden by ${override.who || "someone"}: ${override.reason}. The numbers give ${summary.statusLabel}.`}
      >
        {STATUS_LABEL[override.override]} (override)
      </Badge>
    );
  }
  return (
    <Badge appearance="filled" color={BADGE[summary.status ?? "none"]} data-testid="status">
      {summary.statusLabel}
    </Badge>
  );
}

type FiguresProps = { kpi: KpiDefinition; summary: KpiSummary; series: KpiSeries | undefined; locale: string };

/** The latest value against its target, the trend line, and the sentence saying what changed. */
function CardFigures({ kpi, summary, series, locale }: FiguresProps) {
  const styles = useCardStyles();
  const number = numberIn(locale);
  const latest = summary.latest === null ? "—" : `${number(summary.latest)}${kpi.unit ? ` ${kpi.unit}` : ""}`;
  const values = series?.values ?? [];
  return (
    <>
      <div className={styles.row}>
        <Text size={200}>
          Latest {latest} · target {summary.target === null ? "none for this period" : number(summary.target)}
          {kpi.targetRange ? " (per period)" : ""}
        </Text>
        <Sparkline
          values={summary.rate?.rates ?? series?.values ?? []}
          target={summary.target}
          targets={targetsOf(kpi, values.length, series?.targets)}
          label={`Trend of ${kpi.name}`}
          format={summary.rate ? figureIn(locale, true) : number}
        />
      </div>
      <Text size={200} data-testid="change">
        {summary.headline}
      </Text>
    </>
  );
}

/** Year and quarter to date against target; a rate rolls up as Σ counts / Σ denominators (rollup.ts rateRollups), never as a mean of rates. */
function CardToDate({ kpi, summary, series, locale }: FiguresProps) {
  const values = series?.values ?? [];
  const targets = targetsOf(kpi, values.length, series?.targets);
  const denominators = (series as { denominators?: (number | null)[] | null } | undefined)?.denominators;
  const rolled = summary.rate && denominators ? rateRollups(kpi, values, denominators, targets) : rollups(kpi, values, targets);
  if (!rolled) return null;
  const fmt = figureIn(locale, Boolean(summary.rate));
  return (
    <Text size={200} data-testid="rollup">
      {[rolled.ytd, rolled.qtd]
        .map(
          (r) =>
            `${r.label} (${summary.rate ? "Σ counts / Σ denominators" : kpi.aggregation}): ${fmt(r.actual)} vs ${r.target === null ? "no target" : fmt(r.target)}${r.status ? ` · ${STATUS_LABEL[r.status]}` : ""}`,
        )
        .join("; ")}
    </Text>
  );
}
