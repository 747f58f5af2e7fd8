/** A KPI's audit trail, from the KPI History table: when, what changed, from what to what, who. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import { HistoryEntry } from "../../workbook/kpiWorkbook";
import { CheckIn } from "../../core/model/checkins";
import { STATUS_LABEL } from "../../core/model/status";
import { SimpleTable } from "./SimpleTable";
import { ClosesHistory } from "./ClosesHistory";
import type { ReportedEntry } from "../../core/model/reported";
import type { Restatement } from "../../core/model/restatement";

export interface HistoryDialogProps {
  name: string | null;
  entries: HistoryEntry[];
  /** The KPI's check-ins, shown after its definition changes. */
  notes?: readonly CheckIn[];
  labelOf?(period: number): string;
  /** The KPI's rows of KPI Reported (closes and reopens), and what was restated since. */
  reported?: readonly ReportedEntry[];
  restatements?: readonly Restatement[];
  /** The user's locale (taskpane/locale.ts), for the closes' figures. */
  locale?: string;
  onClose(): void;
}

export function HistoryDialog({
  name,
  entries,
  notes = [],
  labelOf = String,
  reported = [],
  restatements = [],
  locale = "en-US",
  onClose,
}: HistoryDialogProps) {
  return (
    <Dialog open={name !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>History of {name}</DialogTitle>
          <DialogContent>
            {entries.length === 0 ? (
              <Text>No changes recorded yet.</Text>
            ) : (
              <SimpleTable
                label={`History of ${name}`}
                headers={["When", "Change", "Who"]}
                rows={entries.map((e) => [
                  <span key="when" style={{ whiteSpace: "nowrap" }}>
                    {e.when.replace("T", " ").slice(0, 16)}
                  </span>,
                  e.field === "Tagged" || e.field === "Untagged" ? `${e.field} ${e.new || e.old}` : `${e.field}: ${e.old || "(empty)"} → ${e.new || "(empty)"}`,
                  e.who || "—",
                ])}
              />
            )}
            {notes.length > 0 && (
              <ul aria-label={`Notes history of ${name}`} style={{ fontSize: 12, paddingLeft: 16 }}>
                {notes.map((n, i) => (
                  <li key={i}>
                    {n.when.replace("T", " ").slice(0, 16)} · {labelOf(n.period)}: {n.note}
                    {n.override ? ` (status ${STATUS_LABEL[n.override]}: ${n.reason})` : ""} — {n.who || "unnamed"}
                  </li>
                ))}
              </ul>
            )}
            <ClosesHistory name={name ?? ""} reported={reported} restatements={restatements} labelOf={labelOf} locale={locale} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
