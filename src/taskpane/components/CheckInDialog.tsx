/** Writes a check-in: a note on one period of a KPI, and optionally a status override with its reason. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { CheckIn, CheckInDraft, validateCheckIn } from "../../core/model/checkins";
import { KpiDefinition } from "../../core/model/kpi";
import { Status, STATUS_LABEL } from "../../core/model/status";

export interface CheckInTarget {
  kpi: KpiDefinition;
  periods: number;
  /** The period the note is about by default (the latest with a value). */
  period: number;
  labelOf(period: number): string;
  /** The computed status of each period, for the list. */
  statuses: (Status | null)[];
}

export function CheckInDialog({
  target,
  onSave,
  onClose,
}: {
  target: CheckInTarget | null;
  onSave(kpi: KpiDefinition, checkIn: Pick<CheckIn, "period" | "note" | "override" | "reason">): Promise<boolean>;
  onClose(): void;
}) {
  const [draft, setDraft] = useState<CheckInDraft>({ period: "", note: "", override: "", reason: "" });
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    if (target) setDraft({ period: String(target.period), note: "", override: "", reason: "" });
    setSubmitted(false);
  }, [target]);
  const errors = useMemo(() => (target ? validateCheckIn(draft, target.periods) : {}), [draft, target]);
  if (!target) return null;
  const save = async () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    const ok = await onSave(target.kpi, {
      period: Number(draft.period),
      note: draft.note,
      override: draft.override === "" ? null : draft.override,
      reason: draft.reason,
    });
    if (ok) onClose();
  };
  const show = (field: keyof CheckInDraft) => (submitted ? errors[field] : undefined);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label={`Note on ${target.kpi.name}`}>
        <DialogBody>
          <DialogTitle>Note on {target.kpi.name}</DialogTitle>
          <CheckInFields target={target} draft={draft} onDraft={setDraft} show={show} />
          <DialogActions>
            <Button appearance="primary" onClick={() => void save()}>
              Save note
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

type FieldsProps = { target: CheckInTarget; draft: CheckInDraft; onDraft(draft: CheckInDraft): void; show(field: keyof CheckInDraft): string | undefined };

/** The note's fields: the period (latest first, with its status), the note, an override and its reason. */
function CheckInFields({ target, draft, onDraft, show }: FieldsProps) {
  const options = Array.from({ length: target.periods }, (_, i) => target.periods - i);
  return (
    <DialogContent style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Field label="Period" validationMessage={show("period")}>
        <Select value={draft.period} onChange={(_, d) => onDraft({ ...draft, period: d.value })}>
          {options.map((p) => (
            <option key={p} value={String(p)}>
              {target.labelOf(p)}
              {target.statuses[p - 1] ? ` · ${STATUS_LABEL[target.statuses[p - 1]!]}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Note" hint="What happened, and what is being done" validationMessage={show("note")}>
        <Textarea value={draft.note} onChange={(_, d) => onDraft({ ...draft, note: d.value })} resize="vertical" />
      </Field>
      <Field label="Status override" hint="Only when the numbers mislead (a restated figure, a known one-off)">
        <Select value={draft.override} onChange={(_, d) => onDraft({ ...draft, override: d.value as CheckInDraft["override"] })}>
          <option value="">No override</option>
          {(["on", "risk", "off"] as const).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.override !== "" && (
        <Field label="Reason for the override" validationMessage={show("reason")}>
          <Input value={draft.reason} onChange={(_, d) => onDraft({ ...draft, reason: d.value })} />
        </Field>
      )}
    </DialogContent>
  );
}
