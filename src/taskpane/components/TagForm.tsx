/**
 * The form that tags a range as a KPI, or edits one. It validates as the user types (with the
 * same rules the register reader applies) and says what is wrong beside the field.
 */
import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { FormEvent, ReactNode, useEffect, useMemo, useState } from "react";
import { MonthEndFields } from "./MonthEndFields";
import { RateFields } from "./RateFields";
import { SegmentFields } from "./SegmentFields";
import { atRiskOfDraft, EMPTY_DRAFT, FieldErrors, KpiDefinition, KpiDraft, parseNumber, percentOf, targetRangeOf, validateDraft } from "../../core/model/kpi";
import { formatNumber, invariantDraft, localDraft } from "../locale";
import { TargetChecks, TargetContext, targetVerdict } from "./TargetChecks";
import { ReadTargets, useTypedTargets } from "../review/useTypedTargets";

/**
 * Says what a percentage At risk comes to, so "10%" is never misread silently: `draft` as the
 * register reads it (invariantDraft), `typed` the At risk as the user typed it, the boundary in
 * the user's locale.
 */
function atRiskHint(draft: KpiDraft, typed: string, locale: string): string {
  const boundary = atRiskOfDraft(draft);
  const percent = percentOf(draft.atRisk);
  if (percent !== null && targetRangeOf(draft.target) !== null && parseNumber(draft.target) === null) return `${typed.trim()} of each period's target, kept as a percentage`;
  if (percent !== null && boundary !== null) return `${typed.trim()} of the target: Off track beyond ${formatNumber(boundary, locale, 3)} (kept as a percentage: it follows the target)`;
  return "Off track beyond this number, or a % of the target (10%); default 10%";
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "start" },
  control: { width: "100%", minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface TagFormProps {
  /** The KPIs already in the register (for unique names and Predicts). */
  kpis: readonly KpiDefinition[];
  /** The KPI being edited, or null to tag a new one. */
  editing: KpiDefinition | null;
  initial: KpiDraft;
  disabled: boolean;
  onSubmit(draft: KpiDraft): Promise<boolean>;
  onCancel?(): void;
  /** A field to bring into view and focus when the form opens (the health check's Fix). */
  focusField?: keyof KpiDraft;
  /** What the workbook said about a field on the last submit (a target range of the wrong length). */
  fieldError?: { field: string; message: string } | null;
  onEdited?(): void;
  /** The user's locale: numbers are typed and shown with its decimal separator (locale.ts). */
  locale?: string;
  /** What is known of the KPI's data, for the target's checks before save. */
  targetContext?: TargetContext;
  /** Reads a typed target range's numbers, for the mostly-blank warning before Tag or Save. */
  readTargets?: ReadTargets;
}

export function TagForm({ kpis, editing, initial, disabled, onSubmit, onCancel, focusField, fieldError, onEdited, locale = "en-US", targetContext, readTargets }: TagFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<KpiDraft>(() => localDraft(initial, locale));
  const [touched, setTouched] = useState<Partial<Record<keyof KpiDraft, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const others = useMemo(() => kpis.filter((k) => k.id !== editing?.id), [kpis, editing]);
  // The rules read numbers the register's way; the user types them in their own (1.234,5 in de-DE).
  const parsed = useMemo(() => invariantDraft(draft, locale), [draft, locale]);
  // A typed range's own cells, once read (the saved range's come with the KPI's values).
  const typed = useTypedTargets(parsed.target, readTargets, targetContext?.targets ? targetContext.targetRange : undefined);
  const context = useMemo(() => (typed ? { ...targetContext, targets: typed.targets, targetRange: typed.range } : targetContext), [targetContext, typed]);
  const verdict = useMemo(() => targetVerdict(parsed, parsed.name.trim(), context), [parsed, context]);
  const errors: FieldErrors = useMemo(() => {
    const found = validateDraft(parsed, others);
    return verdict.range.error && !found.target ? { ...found, target: verdict.range.error } : found;
  }, [parsed, others, verdict]);
  const lagging = others.filter((k) => k.kind === "lagging");

  useEffect(() => {
    if (!focusField) return;
    const element = document.getElementById(`kpi-field-${focusField}`);
    element?.scrollIntoView({ block: "center" });
    element?.focus();
  }, [focusField, editing]);

  const show = (field: keyof KpiDraft) => (submitted || touched[field] ? errors[field] : undefined) ?? (fieldError?.field === field ? fieldError.message : undefined);
  const set = (field: keyof KpiDraft) => (value: string | boolean) => {
    if (fieldError?.field === field) onEdited?.();
    setDraft((d) => ({ ...d, [field]: value }));
    setTouched((t) => ({ ...t, [field]: true }));
  };
  // Required fields are marked by aria-required and their message, not by a "*" in the label,
  // so the label is exactly the field's name for screen readers and tests alike.
  const text = (field: keyof KpiDraft, label: string, hint?: string, required = false) => (
    <Field label={label} hint={hint} validationMessage={show(field)} validationState={show(field) ? "error" : "none"}>
      <Input
        id={`kpi-field-${field}`}
        className={styles.control}
        aria-required={required}
        value={draft[field] as string}
        onChange={(_, d) => set(field)(d.value)}
        onBlur={() => setTouched((t) => ({ ...t, [field]: true }))}
      />
    </Field>
  );

  const kit: FieldKit = { draft, parsed, locale, show, set, text, styles };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    if (await onSubmit(parsed)) {
      setDraft(editing ? draft : { ...EMPTY_DRAFT, objective: draft.objective, owner: draft.owner });
      setTouched({});
      setSubmitted(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : "Tag a KPI"} noValidate>
      {text("name", "Name", undefined, true)}
      {text("owner", "Owner", "A person, not a department", true)}
      {text("objective", "Objective", "The goal this KPI ladders up to")}
      <KindFields kit={kit} lagging={lagging} />
      <NumberFields kit={kit} />
      <TargetChecks verdict={verdict} locale={locale} />
      <PlanFields kit={kit} others={others} />
      <MonthEndFields kit={kit} />
      <RateFields kit={kit} />
      <SegmentFields kit={kit} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={disabled}>
          {editing ? "Save changes" : "Tag as KPI"}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** What the form's parts share: the draft, a field's message, a field's setter, a text field, the styles. */
export interface FieldKit {
  draft: KpiDraft;
  /** The draft as the register reads it (the user's separators undone: locale.ts invariantDraft), and the user's locale. */
  parsed: KpiDraft;
  locale: string;
  show(field: keyof KpiDraft): string | undefined;
  set(field: keyof KpiDraft): (value: string | boolean) => void;
  text(field: keyof KpiDraft, label: string, hint?: string, required?: boolean): ReactNode;
  styles: ReturnType<typeof useStyles>;
}

/** Kind, direction and, for a leading KPI, the lagging KPI it predicts. */
function KindFields({ kit, lagging }: { kit: FieldKit; lagging: readonly KpiDefinition[] }) {
  const { draft, show, set, styles } = kit;
  return (
    <>
      <Field label="Kind" validationMessage={show("kind")}>
        <Select className={styles.control} value={draft.kind} onChange={(_, d) => set("kind")(d.value)}>
          <option value="lagging">Lagging (an outcome)</option>
          <option value="leading">Leading (a predictor)</option>
        </Select>
      </Field>
      <Field label="Direction" validationMessage={show("direction")}>
        <Select className={styles.control} value={draft.direction} onChange={(_, d) => set("direction")(d.value)}>
          <option value="higher">Higher is better</option>
          <option value="lower">Lower is better</option>
          <option value="within">Within a tolerance (maintain)</option>
        </Select>
      </Field>
      {draft.kind === "leading" && (
        <Field label="Predicts" hint="The lagging KPI this one should move" validationMessage={show("predicts")} validationState={show("predicts") ? "error" : "none"}>
          <Select id="kpi-field-predicts" className={styles.control} value={draft.predicts} onChange={(_, d) => set("predicts")(d.value)}>
            <option value="">(none yet)</option>
            {lagging.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

/** The target and its bands, the baseline and unit, and where the process chart starts and takes its limits from. */
function NumberFields({ kit }: { kit: FieldKit }) {
  const { draft, parsed, locale, text, styles } = kit;
  return (
    <>
      <div className={styles.pair}>
        {text("target", "Target", "A number, or a range with one target per period (e.g. Budget!B2:B37)", true)}
        {text("atRisk", "At risk", atRiskHint(parsed, draft.atRisk, locale))}
      </div>
      <div className={styles.pair}>
        {text("baseline", "Baseline")}
        {text("unit", "Unit")}
      </div>
      <div className={styles.pair}>
        {text("spcFrom", "Chart from period", "Recalculate from a known change (e.g. the period an initiative started); empty: 1")}
        {text("spcBaseline", "Limits from first", "Periods (from there) that fix the limits; empty: all")}
      </div>
    </>
  );
}

/** Cadence, the work and response around the KPI, how it rolls up, when it fires, what guards it, whether it is primary. */
function PlanFields({ kit, others }: { kit: FieldKit; others: readonly KpiDefinition[] }) {
  const { draft, show, set, text, styles } = kit;
  return (
    <>
      <Field label="Cadence" validationMessage={show("cadence")}>
        <Select className={styles.control} value={draft.cadence} onChange={(_, d) => set("cadence")(d.value)}>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
          <option value="quarterly">Quarterly</option>
        </Select>
      </Field>
      {text("initiative", "Initiative", "Recommended: the work meant to move this KPI (the health check lists KPIs without one)")}
      <Field label="Response" hint="Recommended: what the owner does when the KPI leaves On track (the health check lists KPIs without one)">
        <Textarea id="kpi-field-response" value={draft.response} onChange={(_, d) => set("response")(d.value)} resize="vertical" />
      </Field>
      <div className={styles.pair}>
        <Field label="Roll-up" hint="How periods add up to quarter- and year-to-date" validationMessage={show("aggregation")}>
          <Select id="kpi-field-aggregation" className={styles.control} value={draft.aggregation} onChange={(_, d) => set("aggregation")(d.value)}>
            <option value="sum">Sum (a flow: revenue)</option>
            <option value="average">Average (a rate: churn %)</option>
            <option value="last">Last (a stock: headcount)</option>
          </Select>
        </Field>
        {text("firstPeriod", "First period", "The month of the first value, e.g. 2024-01 (for year-to-date)")}
      </div>
      <div className={styles.pair}>
        {text("trigger", "Trigger", 'Beyond Off track, also act on "drop 20%", "rise 20%" or "special cause"')}
        <Field label="Guarded by" hint="The counter-metric that keeps this one honest (defects for speed)" validationMessage={show("guardedBy")} validationState={show("guardedBy") ? "error" : "none"}>
          <Select id="kpi-field-guardedBy" className={styles.control} value={draft.guardedBy} onChange={(_, d) => set("guardedBy")(d.value)}>
            <option value="">(none)</option>
            {others.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox id="kpi-field-primary" label="Primary KPI of its objective" checked={draft.primary} onChange={(_, d) => set("primary")(d.checked === true)} />
    </>
  );
}
