/** Which KPI the form edits (null: the form tags a new one), the field it opens at, and what the workbook said about a field. */
import { useState } from "react";
import { KpiDefinition, KpiDraft } from "../core/model/kpi";

export interface FieldError {
  field: string;
  message: string;
}

export interface Editor {
  editing: KpiDefinition | null;
  focusField: keyof KpiDraft | undefined;
  fieldError: FieldError | null;
  /** Opens the form on a KPI, at a field (the health check's Fix) or at its name. */
  edit(kpi: KpiDefinition, field?: string): void;
  /** Back to tagging a new KPI. */
  close(): void;
  setFieldError(error: FieldError | null): void;
}

export function useEditor(): Editor {
  const [editing, setEditing] = useState<KpiDefinition | null>(null);
  const [focusField, setFocusField] = useState<keyof KpiDraft | undefined>(undefined);
  // A message the workbook gave about one field (a target range of the wrong length), shown at it.
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  return {
    editing,
    focusField,
    fieldError,
    edit: (k, field) => {
      setEditing(k);
      setFocusField((field as keyof KpiDraft | undefined) ?? "name");
    },
    close: () => setEditing(null),
    setFieldError,
  };
}
