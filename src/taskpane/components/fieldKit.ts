/**
 * What the tag/edit form's parts share: the draft, a field's message, a field's setter, a text
 * field, the styles. TagForm.tsx makes the kit; its field groups (its own, and MonthEndFields,
 * RateFields, SegmentFields) take it. A module of its own so the parts depend on it, never on the
 * form that composes them.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode } from "react";
import { KpiDraft } from "../../core/model/kpi";

export const useFieldStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "start" },
  control: { width: "100%", minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** What the form's parts share: the draft, a field's message, a field's setter, a text field, the styles. */
export interface FieldKit {
  draft: KpiDraft;
  /** The draft as the register reads it (the user's separators undone: locale.ts invariantDraft), and the user's locale. */
  parsed: KpiDraft;
  locale: string;
  show(field: keyof KpiDraft): string | undefined;
  set(field: keyof KpiDraft): (value: string | boolean) => void;
  text(field: keyof KpiDraft, label: string, hint?: string, required?: boolean): ReactNode;
  styles: ReturnType<typeof useFieldStyles>;
}
