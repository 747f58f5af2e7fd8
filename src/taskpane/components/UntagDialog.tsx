/** Asks before Untag, saying exactly what goes and what stays. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { nameOf } from "../../workbook/kpiWorkbook";

export interface UntagDialogProps {
  kpi: KpiDefinition | null;
  onConfirm(kpi: KpiDefinition): void;
  onCancel(): void;
  /** Leading KPIs whose Predicts names this KPI. */
  predictors?: readonly KpiDefinition[];
}

/**
 * What stops working once the KPI is gone: the scorecard's row, the KPI.* formulas inserted for
 * it (they name KPI_<ID>, which Untag deletes: they show #NAME?), and each leading KPI's Predicts.
 */
export function dependentsText(kpi: KpiDefinition, predictors: readonly KpiDefinition[]): string {
  const leading = predictors.map((p) => p.name);
  const predicts =
    leading.length === 0
      ? ""
      : ` ${leading.join(", ")} ${leading.length === 1 ? "predicts" : "predict"} it: ${leading.length === 1 ? "its" : "their"} Predicts will name a KPI that is gone, and the chain is no longer checked.`;
  return `What depends on it: its row on the scorecard (until you build it again) and every formula inserted for it, which refer to ${nameOf(kpi.id)} and will show #NAME?.${predicts}`;
}

export function UntagDialog({ kpi, onConfirm, onCancel, predictors = [] }: UntagDialogProps) {
  return (
    <Dialog open={kpi !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="untag-what">
        <DialogBody>
          <DialogTitle>Untag {kpi?.name}?</DialogTitle>
          <DialogContent id="untag-what">
            This removes {kpi?.name}&apos;s row from the KPI register (its owner, target, bands, initiative and response), its name {kpi ? nameOf(kpi.id) : ""}{" "}
            and the colours KPI Lens put on its cells. Your values and your own formats stay. You can undo it until you close this pane.
            {kpi && <p data-testid="untag-dependents">{dependentsText(kpi, predictors)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => kpi && onConfirm(kpi)}>
              Untag
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
