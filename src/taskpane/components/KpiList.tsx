/**
 * The KPIs grouped by objective: each with its latest value, status, a trend line and whether
 * its latest movement is a real change; each objective rolls up the worst status of its KPIs.
 */
import { Badge, Button, Card, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { asTable, filterAndSort, SortKey, StatusFilter } from "../../core/model/kpiTable";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary, targetsOf } from "../../core/model/kpiSummary";
import { CheckIn, checkInsOf, needsNote, overrideOf } from "../../core/model/checkins";
import { rateRollups, rollups } from "../../core/model/rollup";
import { periodLabel } from "../../core/model/periods";
import { Status, STATUS_LABEL, worseStatus } from "../../core/model/status";
import { KpiSeries } from "../../workbook/kpiWorkbook";
import { Sparkline } from "./Sparkline";
import { AssuranceIcon, VariationIcon } from "./SpcIcons";
import { ChartWindow } from "./ChartWindow";
import { CardPack, chartedTargets } from "../../core/model/monthEndPane";
import { MonthEndDetail } from "./MonthEndDetail";
import { chartNudge } from "../../core/review/chartNudge";
import { SegmentsDetail } from "./SegmentsDetail";
import type { SegmentData } from "../../core/model/segments";
import { formatNumber, formatWith } from "../locale";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  groupHeader: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: { padding: tokens.spacingVerticalS },
  row: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  icons: { display: "flex", gap: tokens.spacingHorizontalXS },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginBottom: tokens.spacingVerticalS },
});

const BADGE: Record<Status | "none", "success" | "warning" | "danger" | "informative"> = { on: "success", risk: "warning", off: "danger", none: "informative" };

export interface KpiListProps {
  kpis: readonly KpiDefinition[];
  series: Record<string, KpiSeries>;
  busy: boolean;
  onSelect(kpi: KpiDefinition): void;
  /** Opens the form on the KPI, at `field` when given (the chart's nudge opens it at Chart from period). */
  onEdit(kpi: KpiDefinition, field?: string): void;
  onUntag(kpi: KpiDefinition): void;
  onExtend(kpi: KpiDefinition): void;
  onReview(kpi: KpiDefinition): void;
  onFormulas(kpi: KpiDefinition): void;
  onHistory(kpi: KpiDefinition): void;
  onAddNote(kpi: KpiDefinition): void;
  /** Every KPI's summary (core/model/portfolio.ts summaryOf), computed once by the pane for all its sections. */
  summaries: Record<string, KpiSummary>;
  /** Every KPI's check-ins (the KPI Notes table). */
  checkIns: readonly CheckIn[];
  /** Every KPI's month-end pack (core/model/monthEndPane.ts): variance, outlook, restatements, the note asked for. */
  pack?: Record<string, CardPack>;
  /** The user's locale (taskpane/locale.ts): every number on the cards is written its way. */
  locale?: string;
}

/** Whether the latest point sits above the centre (a special cause high), for the icon's letter. */
function latestHigh(summary: KpiSummary): boolean {
  const v = summary.spcValues[summary.spcValues.length - 1];
  return summary.spc !== null && v > summary.spc.centre;
}

export function KpiList({ kpis, series, summaries, onCopied, ...actions }: KpiListProps & { onCopied(message: string): void }) {
  const styles = useStyles();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [owner, setOwner] = useState("");
  const [sort, setSort] = useState<SortKey>("objective");
  const listed = filterAndSort(
    kpis.map((kpi) => ({ kpi, summary: summaries[kpi.id] })),
    { status, owner },
    sort,
  );
  const groups = new Map<string, KpiDefinition[]>();
  for (const { kpi: k } of listed) groups.set(k.objective || "No objective", [...(groups.get(k.objective || "No objective") ?? []), k]);
  if (kpis.length === 0) return <Text>No KPIs yet. Select a column of values in the sheet and tag it above.</Text>;
  const owners = [...new Set(kpis.map((k) => k.owner).filter(Boolean))].sort();
  const copy = async () => {
    const text = asTable(listed);
    const copied = await copyText(text);
    onCopied(copied ? `Copied ${listed.length} KPI${listed.length === 1 ? "" : "s"} as a table: paste into Excel, an email or a slide.` : "The browser did not allow copying; select the register sheet and copy from there.");
  };
  return (
    <>
    <div className={styles.toolbar}>
      <Field label="Filter by status" size="small">
        <Select size="small" value={status} onChange={(_, d) => setStatus(d.value as StatusFilter)}>
          <option value="all">All</option>
          <option value="off">Off track</option>
          <option value="risk">At risk</option>
          <option value="on">On track</option>
          <option value="none">No data</option>
        </Select>
      </Field>
      <Field label="Filter by owner" size="small">
        <Select size="small" value={owner} onChange={(_, d) => setOwner(d.value)}>
          <option value="">Everyone</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort by" size="small">
        <Select size="small" value={sort} onChange={(_, d) => setSort(d.value as SortKey)}>
          <option value="objective">Objective</option>
          <option value="status">Status (worst first)</option>
          <option value="name">Name</option>
          <option value="owner">Owner</option>
        </Select>
      </Field>
      <Button size="small" onClick={() => void copy()}>
        Copy as table
      </Button>
    </div>
    {listed.length === 0 && <Text size={200}>No KPI matches these filters.</Text>}
    <div role="list" aria-label="KPIs by objective">
      {[...groups.entries()].map(([objective, members]) => {
        const statuses = members.map((k) => summaries[k.id].status).filter((s): s is Status => s !== null);
        const rollup = statuses.length ? statuses.reduce(worseStatus) : null;
        return (
          <div key={objective} className={styles.group} role="listitem" aria-label={`Objective ${objective}`}>
            <div className={styles.groupHeader}>
              <Text weight="semibold">{objective}</Text>
              <Badge appearance="tint" color={BADGE[rollup ?? "none"]} aria-label={`Objective status ${rollup ? STATUS_LABEL[rollup] : "No data"}`}>
                {rollup ? STATUS_LABEL[rollup] : "No data"}
              </Badge>
            </div>
            {members.map((k) => {
              const guard = kpis.find((x) => x.id === k.guardedBy);
              return <KpiCard key={k.id} kpi={k} summary={summaries[k.id]} series={series[k.id]} pair={guard ? { kpi: guard, summary: summaries[guard.id] } : null} {...actions} />;
            })}
          </div>
        );
      })}
    </div>
    </>
  );
}

function KpiCard(props: { kpi: KpiDefinition; summary: KpiSummary; series: KpiSeries | undefined; pair: { kpi: KpiDefinition; summary: KpiSummary } | null } & Omit<KpiListProps, "kpis" | "series" | "summaries">) {
  const { kpi, summary, series, pair, busy, checkIns, onSelect, onEdit, onUntag, onExtend, onReview, onFormulas, onHistory, onAddNote, pack, locale = "en-US" } = props;
  const styles = useStyles();
  // Up to 3 decimals, as a number's toLocaleString() shows it, in the user's separators.
  const number = (n: number) => formatNumber(n, locale, 3);
  const latest = summary.latest === null ? "—" : `${number(summary.latest)}${kpi.unit ? ` ${kpi.unit}` : ""}`;
  const override = summary.latestPeriod === null ? null : overrideOf(checkIns, kpi.id, summary.latestPeriod);
  const values = series?.values ?? [];
  // A rate rolls up as Σ counts / Σ denominators (rollup.ts rateRollups), never as a mean of rates.
  const denominators = (series as { denominators?: (number | null)[] | null } | undefined)?.denominators;
  const rolled = summary.rate && denominators ? rateRollups(kpi, values, denominators, targetsOf(kpi, values.length, series?.targets)) : rollups(kpi, values, targetsOf(kpi, values.length, series?.targets));
  // A rate (0.0312) keeps its significant digits; other figures one decimal.
  const fmt = (n: number) => formatWith(n, locale, summary.rate ? { maximumSignificantDigits: 4 } : { maximumFractionDigits: 1 });
  return (
    <Card className={styles.card} aria-label={`KPI ${kpi.name}`} data-kpi-id={kpi.id}>
      <div className={styles.row}>
        <Text weight="semibold">{kpi.name}</Text>
        <StatusBadge summary={summary} override={override} />
      </div>
      <div className={styles.row}>
        <Text size={200}>
          Latest {latest} · target {summary.target === null ? "none for this period" : number(summary.target)}
          {kpi.targetRange ? " (per period)" : ""}
        </Text>
        <Sparkline values={summary.rate?.rates ?? series?.values ?? []} target={summary.target} targets={targetsOf(kpi, values.length, series?.targets)} label={`Trend of ${kpi.name}`} format={summary.rate ? fmt : number} />
      </div>
      <Text size={200} data-testid="change">
        {summary.headline}
      </Text>
      <SpcDetail kpi={kpi} summary={summary} targets={chartedTargets(kpi, values, series?.targets, kpi.spcFrom ?? 1)} locale={locale} busy={busy} onEdit={onEdit} />
      {/* A KPI across segments: under its total, a small multiple per segment and the latest period's funnel. */}
      <SegmentsDetail kpi={kpi} summary={summary} segments={(series as { segments?: SegmentData | null } | undefined)?.segments} />
      {rolled && (
        <Text size={200} data-testid="rollup">
          {[rolled.ytd, rolled.qtd]
            .map((r) => `${r.label} (${summary.rate ? "Σ counts / Σ denominators" : kpi.aggregation}): ${fmt(r.actual)} vs ${r.target === null ? "no target" : fmt(r.target)}${r.status ? ` · ${STATUS_LABEL[r.status]}` : ""}`)
            .join("; ")}
        </Text>
      )}
      {pair && (
        <Text size={200} data-testid="pair">
          Guarded by {pair.kpi.name}: {pair.summary.statusLabel}
          {pair.summary.latest !== null ? ` (latest ${number(pair.summary.latest)})` : ""}
        </Text>
      )}
      <MonthEndDetail kpi={kpi} pack={pack?.[kpi.id]} locale={locale} />
      <CardNotes kpi={kpi} summary={summary} checkIns={checkIns} busy={busy} onAddNote={onAddNote} card={pack?.[kpi.id]} />
      <Text size={200}>
        Owner {kpi.owner || "none"} · {kpi.kind}
        {kpi.lastReviewed ? ` · reviewed ${kpi.lastReviewed}` : " · never reviewed"}
      </Text>
      {series?.problem && (
        <Text size={200} className={styles.problem} role="alert">
          {series.problem}
        </Text>
      )}
      {series && series.newPeriods > 0 && (
        <div className={styles.row}>
          <Text size={200}>
            {series.newPeriods} new value{series.newPeriods > 1 ? "s" : ""} after the range.
          </Text>
          <Button size="small" disabled={busy} onClick={() => onExtend(kpi)}>
            Include new periods
          </Button>
        </div>
      )}
      <CardButtons kpi={kpi} busy={busy} onSelect={onSelect} onEdit={onEdit} onReview={onReview} onFormulas={onFormulas} onHistory={onHistory} onAddNote={onAddNote} onUntag={onUntag} />
    </Card>
  );
}

/** The latest period's status, or the status a note overrode it with (and why, on hover). */
function StatusBadge({ summary, override }: { summary: KpiSummary; override: CheckIn | null }) {
  if (override?.override) {
    return (
      <Badge appearance="filled" color={BADGE[override.override]} data-testid="status" title={`Overridden by ${override.who || "someone"}: ${override.reason}. The numbers give ${summary.statusLabel}.`}>
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

/** The process behaviour chart and its icons, for a KPI with enough values for limits. */
type SpcDetailProps = { kpi: KpiDefinition; summary: KpiSummary; targets: (number | null)[]; locale: string; busy: boolean; onEdit(kpi: KpiDefinition, field?: string): void };

function SpcDetail({ kpi, summary, targets, locale, busy, onEdit }: SpcDetailProps) {
  const styles = useStyles();
  if (!summary.spc || !summary.variation) return null;
  // Most points special: the limits span a change (core/review/chartNudge.ts); a rate's chart is its own (rateSummary.ts).
  const nudge = summary.rate ? null : chartNudge(summary.spc, kpi.spcFrom);
  return (
    <>
      <div className={styles.row}>
        <span className={styles.icons}>
          <VariationIcon type={summary.variation} high={latestHigh(summary)} />
          {summary.assurance && <AssuranceIcon assurance={summary.assurance} />}
        </span>
        <Text size={200} data-testid="spc-summary">
          {summary.variationLabel}
          {summary.assurance ? ` · ${summary.assurance.toLowerCase()}` : ""}
          {summary.spcBaseline ? ` · limits from the first ${summary.spcBaseline} periods` : ""}
        </Text>
      </div>
      <ChartWindow rate={summary.rate} baseline={summary.spcBaseline} chart={summary.spc} values={summary.spcValues} title={`Process behaviour chart of ${kpi.name}`} target={summary.target} targets={targets} locale={locale} />
      {nudge && (
        <div className={styles.row}>
          <Text size={200} data-testid="chart-nudge">
            {nudge.sentence}
          </Text>
          <Button size="small" disabled={busy} onClick={() => onEdit(kpi, "spcFrom")}>
            Set Chart from period for {kpi.name}
          </Button>
        </div>
      )}
    </>
  );
}

/** The call for a note where the month-end pack asks one (monthEndPane.ts notePeriodOf), and the last two notes. */
function CardNotes(props: { kpi: KpiDefinition; summary: KpiSummary; checkIns: readonly CheckIn[]; busy: boolean; onAddNote(kpi: KpiDefinition): void; card?: CardPack }) {
  const { kpi, summary, checkIns, busy, onAddNote, card } = props;
  const styles = useStyles();
  const notes = checkInsOf(checkIns, kpi.id).slice(-2);
  const labelOf = (period: number) => periodLabel(kpi.firstPeriod, kpi.cadence, period);
  return (
    <>
      {(card ? card.notePeriod !== null : needsNote(checkIns, kpi.id, summary.latestPeriod, summary.status)) && (
        <div className={styles.row} role="alert">
          <Text size={200} className={styles.problem}>
            {card?.noteReason === "material and unusual" ? `${labelOf(summary.latestPeriod!)} is material and unusual against target` : `Off track in ${labelOf(summary.latestPeriod!)}`}: write a note saying why and what is being done.
          </Text>
          <Button size="small" appearance="primary" disabled={busy} onClick={() => onAddNote(kpi)} aria-label={`Write note for ${kpi.name}`}>
            Write note
          </Button>
        </div>
      )}
      {notes.length > 0 && (
        <ul aria-label={`Notes on ${kpi.name}`} style={{ margin: 0, paddingLeft: 16 }}>
          {notes.map((n, i) => (
            <li key={i}>
              <Text size={200}>
                {labelOf(n.period)}: {n.note}
                {n.override ? ` (status ${STATUS_LABEL[n.override]}: ${n.reason})` : ""} — {n.who || "unnamed"}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type CardButtonsProps = { kpi: KpiDefinition; busy: boolean } & Pick<KpiListProps, "onSelect" | "onEdit" | "onReview" | "onFormulas" | "onHistory" | "onAddNote" | "onUntag">;

/** What can be done with one KPI; each button's name says which KPI it acts on. */
function CardButtons({ kpi, busy, onSelect, onEdit, onReview, onFormulas, onHistory, onAddNote, onUntag }: CardButtonsProps) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button size="small" disabled={busy} onClick={() => onSelect(kpi)} aria-label={`Select range of ${kpi.name}`}>
        Select range
      </Button>
      <Button size="small" disabled={busy} onClick={() => onEdit(kpi)} aria-label={`Edit ${kpi.name}`}>
        Edit
      </Button>
      <Button size="small" disabled={busy} onClick={() => onReview(kpi)} aria-label={`Mark reviewed: ${kpi.name}`}>
        Mark reviewed
      </Button>
      <Button size="small" disabled={busy} onClick={() => onFormulas(kpi)} aria-label={`Formulas for ${kpi.name}`}>
        Formulas
      </Button>
      <Button size="small" disabled={busy} onClick={() => onHistory(kpi)} aria-label={`History of ${kpi.name}`}>
        History
      </Button>
      <Button size="small" disabled={busy} onClick={() => onAddNote(kpi)} aria-label={`Add note to ${kpi.name}`}>
        Add note
      </Button>
      <Button size="small" disabled={busy} onClick={() => onUntag(kpi)} aria-label={`Untag ${kpi.name}`}>
        Untag
      </Button>
    </div>
  );
}

/** Copies text to the clipboard; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand?.("copy") ?? false;
    area.remove();
    return ok;
  }
}
