/** Asks before Untag, saying exactly what goes and what stays. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/kpi";
import { nameOf } from "../../workbook/kpiWorkbook";

export interface UntagDialogProps {
  kpi: KpiDefinition | null;
  onConfirm(kpi: KpiDefinition): void;
  onCancel(): void;
}

export function UntagDialog({ kpi, onConfirm, onCancel }: UntagDialogProps) {
  return (
    <Dialog open={kpi !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="untag-what">
        <DialogBody>
          <DialogTitle>Untag {kpi?.name}?</DialogTitle>
          <DialogContent id="untag-what">
            This removes {kpi?.name}&apos;s row from the KPI register (its owner, target, bands, initiative and response), its name{" "}
            {kpi ? nameOf(kpi.id) : ""} and the colours KPI Lens put on its cells. Your values and your own formats stay. You can undo it until
            you close this pane.
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
