/**
 * A KPI card's month-end part: the pack's variance, outlook and restatements (MonthEndDetail.tsx),
 * the call for a note where the pack asks one (monthEndPane.ts notePeriodOf), and the last two notes.
 */
import { Button, Text } from "@fluentui/react-components";
import { ReactNode } from "react";
import { CheckIn, checkInsOf, needsNote } from "../../core/model/checkins";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { CardPack } from "../../core/model/monthEndPane";
import { periodLabel } from "../../core/model/periods";
import { STATUS_LABEL } from "../../core/model/status";
import { useCardStyles } from "./kpiCardStyles";
import { MonthEndDetail } from "./MonthEndDetail";

type CardMonthEndProps = {
  kpi: KpiDefinition;
  summary: KpiSummary;
  checkIns: readonly CheckIn[];
  card: CardPack | undefined;
  locale: string;
  busy: boolean;
  onAddNote(kpi: KpiDefinition): void;
};

export function CardMonthEnd({ kpi, summary, checkIns, card, locale, busy, onAddNote }: CardMonthEndProps) {
  const labelOf = (period: number) => periodLabel(kpi.firstPeriod, kpi.cadence, period);
  const asksNote = card ? card.notePeriod !== null : needsNote(checkIns, kpi.id, summary.latestPeriod, summary.status);
  return (
    <>
      <MonthEndDetail kpi={kpi} pack={card} locale={locale} />
      {asksNote && (
        <NoteCall kpi={kpi} busy={busy} onAddNote={onAddNote}>
          {card?.noteReason === "material and unusual"
            ? `${labelOf(summary.latestPeriod!)} is material and unusual against target`
            : `Off track in ${labelOf(summary.latestPeriod!)}`}
          : write a note saying why and what is being done.
        </NoteCall>
      )}
      <LatestNotes kpi={kpi} checkIns={checkIns} labelOf={labelOf} />
    </>
  );
}

/** Why a note is asked for, and the button that writes it. */
function NoteCall({ kpi, busy, onAddNote, children }: { kpi: KpiDefinition; busy: boolean; onAddNote(kpi: KpiDefinition): void; children: ReactNode }) {
  const styles = useCardStyles();
  return (
    <div className={styles.row} role="alert">
      <Text size={200} className={styles.problem}>
        {children}
      </Text>
      <Button size="small" appearance="primary" disabled={busy} onClick={() => onAddNote(kpi)} aria-label={`Write note for ${kpi.name}`}>
        Write note
      </Button>
    </div>
  );
}

/** The KPI's last two notes, with the status a note overrode and why. */
function LatestNotes({ kpi, checkIns, labelOf }: { kpi: KpiDefinition; checkIns: readonly CheckIn[]; labelOf(period: number): string }) {
  const notes = checkInsOf(checkIns, kpi.id).slice(-2);
  if (notes.length === 0) return null;
  return (
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
  );
}
