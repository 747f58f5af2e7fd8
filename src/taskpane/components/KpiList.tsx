/**
 * The KPIs grouped by objective: each with its latest value, status, a trend line and whether
 * its latest movement is a real change; each objective rolls up the worst status of its KPIs.
 * Each card (KpiCard.tsx) is given only its own KPI's values and the same handlers on every
 * render, so a change to one KPI re-renders that card alone (issue 25).
 */
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { keepUnchangedEntries } from "../keepUnchanged";
import { useRevealed } from "../useRevealed";
import { asTable, filterAndSort, SortKey, StatusFilter } from "../../core/model/kpiTable";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { CheckIn } from "../../core/model/checkins";
import { Status, STATUS_LABEL, worseStatus } from "../../core/model/status";
import { KpiSeries } from "../../workbook/kpiWorkbook";
import { CardPack } from "../../core/model/monthEndPane";
import { CardActions, KpiCard, KpiCardProps } from "./KpiCard";
import { BADGE } from "./kpiCardStyles";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  groupHeader: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginBottom: tokens.spacingVerticalS },
});

export interface KpiListProps extends CardActions {
  kpis: readonly KpiDefinition[];
  series: Record<string, KpiSeries>;
  busy: boolean;
  /** Every KPI's summary (core/model/portfolio.ts summaryOf), computed once by the pane for all its sections. */
  summaries: Record<string, KpiSummary>;
  /** Every KPI's check-ins (the KPI Notes table). */
  checkIns: readonly CheckIn[];
  /** Every KPI's month-end pack (core/model/monthEndPane.ts): variance, outlook, restatements, the note asked for. */
  pack?: Record<string, CardPack>;
  /** The user's locale (taskpane/locale.ts): every number on the cards is written its way. */
  locale?: string;
}

const NO_CHECKINS: readonly CheckIn[] = [];

export function KpiList({
  kpis,
  series,
  summaries,
  checkIns,
  pack,
  busy,
  locale = "en-US",
  onCopied,
  ...handlers
}: KpiListProps & { onCopied(message: string): void }) {
  const styles = useStyles();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [owner, setOwner] = useState("");
  const [sort, setSort] = useState<SortKey>("objective");
  const actions = useStableActions(handlers);
  const notesOf = useCheckInsByKpi(checkIns);
  // 300 cards in one commit is one long task: the first screenful now, the rest a chunk a task (useRevealed.ts).
  const revealed = useRevealed(kpis.length);
  // Each card's guard by id (the first KPI of an id, as a search finds it), made once a register:
  // every chunk of the reveal renders the list again, and a search per card was 300 × 300 steps.
  const byId = useMemo(() => new Map([...kpis].reverse().map((k) => [k.id, k])), [kpis]);
  if (kpis.length === 0) return <Text>No KPIs yet. Select a column of values in the sheet and tag it above.</Text>;
  const listed = filterAndSort(
    kpis.map((kpi) => ({ kpi, summary: summaries[kpi.id] })),
    { status, owner },
    sort,
  );
  const cardOf = (k: KpiDefinition): KpiCardProps => {
    const guard = (k.guardedBy && byId.get(k.guardedBy)) || null;
    const guardSummary = guard ? summaries[guard.id] : null;
    return { kpi: k, summary: summaries[k.id], series: series[k.id], guard, guardSummary, checkIns: notesOf(k.id), card: pack?.[k.id], busy, locale, actions };
  };
  const groups = new Map<string, KpiCardProps[]>();
  for (const { kpi: k } of listed.slice(0, revealed)) {
    const objective = k.objective || "No objective";
    const cards = groups.get(objective);
    if (cards) cards.push(cardOf(k));
    else groups.set(objective, [cardOf(k)]);
  }
  const copy = async () => {
    const copied = await copyText(asTable(listed));
    onCopied(
      copied
        ? `Copied ${listed.length} KPI${listed.length === 1 ? "" : "s"} as a table: paste into Excel, an email or a slide.`
        : "The browser did not allow copying; select the register sheet and copy from there.",
    );
  };
  return (
    <>
      <div className={styles.toolbar}>
        <ListFilters kpis={kpis} status={status} onStatus={setStatus} owner={owner} onOwner={setOwner} sort={sort} onSort={setSort} />
        <Button size="small" onClick={() => void copy()}>
          Copy as table
        </Button>
      </div>
      {listed.length === 0 && <Text size={200}>No KPI matches these filters.</Text>}
      <div role="list" aria-label="KPIs by objective">
        {[...groups.entries()].map(([objective, cards]) => (
          <ObjectiveGroup key={objective} objective={objective} cards={cards} />
        ))}
      </div>
    </>
  );
}

/**
 * The handlers the cards get: the same object on every render, calling the caller's latest ones
 * (the pane passes new arrow functions each render, which would re-render every card).
 */
function useStableActions(handlers: CardActions): CardActions {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  return useMemo(
    () => ({
      onSelect: (k) => latest.current.onSelect(k),
      onEdit: (k, field) => latest.current.onEdit(k, field),
      onUntag: (k) => latest.current.onUntag(k),
      onExtend: (k) => latest.current.onExtend(k),
      onReview: (k) => latest.current.onReview(k),
      onFormulas: (k) => latest.current.onFormulas(k),
      onHistory: (k) => latest.current.onHistory(k),
      onAddNote: (k) => latest.current.onAddNote(k),
    }),
    [],
  );
}

/** Each KPI's own check-ins, the same array for a KPI while the table is the same (ids match case-insensitively, as checkins.ts's do). */
function useCheckInsByKpi(checkIns: readonly CheckIn[]): (id: string) => readonly CheckIn[] {
  const previous = useRef<Record<string, CheckIn[]> | undefined>(undefined);
  const byKpi = useMemo(() => {
    const grouped: Record<string, CheckIn[]> = {};
    for (const c of checkIns) (grouped[c.kpi.toUpperCase()] ??= []).push(c);
    // A KPI whose notes did not change keeps its array across reads of the table (keepUnchanged.ts).
    previous.current = keepUnchangedEntries(previous.current, grouped);
    return previous.current;
  }, [checkIns]);
  return (id) => byKpi[id.toUpperCase()] ?? NO_CHECKINS;
}

type FiltersProps = {
  kpis: readonly KpiDefinition[];
  status: StatusFilter;
  onStatus(status: StatusFilter): void;
  owner: string;
  onOwner(owner: string): void;
  sort: SortKey;
  onSort(sort: SortKey): void;
};

/** Filter the cards by status and owner, and sort them. */
function ListFilters({ kpis, status, onStatus, owner, onOwner, sort, onSort }: FiltersProps) {
  const owners = [...new Set(kpis.map((k) => k.owner).filter(Boolean))].sort();
  return (
    <>
      <Field label="Filter by status" size="small">
        <Select size="small" value={status} onChange={(_, d) => onStatus(d.value as StatusFilter)}>
          <option value="all">All</option>
          <option value="off">Off track</option>
          <option value="risk">At risk</option>
          <option value="on">On track</option>
          <option value="none">No data</option>
        </Select>
      </Field>
      <Field label="Filter by owner" size="small">
        <Select size="small" value={owner} onChange={(_, d) => onOwner(d.value)}>
          <option value="">Everyone</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort by" size="small">
        <Select size="small" value={sort} onChange={(_, d) => onSort(d.value as SortKey)}>
          <option value="objective">Objective</option>
          <option value="status">Status (worst first)</option>
          <option value="name">Name</option>
          <option value="owner">Owner</option>
        </Select>
      </Field>
    </>
  );
}

/** An objective's cards under its name and the worst status of its KPIs. */
function ObjectiveGroup({ objective, cards }: { objective: string; cards: KpiCardProps[] }) {
  const styles = useStyles();
  const statuses = cards.map((c) => c.summary.status).filter((s): s is Status => s !== null);
  const rollup = statuses.length ? statuses.reduce(worseStatus) : null;
  return (
    <div className={styles.group} role="listitem" aria-label={`Objective ${objective}`}>
      <div className={styles.groupHeader}>
        <Text weight="semibold">{objective}</Text>
        <Badge appearance="tint" color={BADGE[rollup ?? "none"]} aria-label={`Objective status ${rollup ? STATUS_LABEL[rollup] : "No data"}`}>
          {rollup ? STATUS_LABEL[rollup] : "No data"}
        </Badge>
      </div>
      {cards.map((c) => (
        <KpiCard key={c.kpi.id} {...c} />
      ))}
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
