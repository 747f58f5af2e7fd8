/**
 * The form that tags a range as a KPI, or edits one. It validates as the user types (with the
 * same rules the register reader applies: useTagDraft.ts) and says what is wrong beside the field.
 */
import { Button, Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useEffect } from "react";
import { FieldKit, useFieldStyles } from "./fieldKit";
import { KpiSelect } from "./KpiSelect";
import { MonthEndFields } from "./MonthEndFields";
import { RateFields } from "./RateFields";
import { SegmentFields } from "./SegmentFields";
import { atRiskOfDraft, KpiDefinition, KpiDraft, parseNumber, percentOf, targetRangeOf } from "../../core/model/kpi";
import { formatNumber } from "../locale";
import { TargetChecks } from "./TargetChecks";
import { TagDraftProps, useTagDraft } from "./useTagDraft";

/**
 * Says what a percentage At risk comes to, so "10%" is never misread silently: `draft` as the
 * register reads it (invariantDraft), `typed` the At risk as the user typed it, the boundary in
 * the user's locale.
 */
function atRiskHint(draft: KpiDraft, typed: string, locale: string): string {
  const boundary = atRiskOfDraft(draft);
  const percent = percentOf(draft.atRisk);
  if (percent !== null && targetRangeOf(draft.target) !== null && parseNumber(draft.target) === null)
    return `${typed.trim()} of each period's target, kept as a percentage`;
  if (percent !== null && boundary !== null)
    return `${typed.trim()} of the target: Off track beyond ${formatNumber(boundary, locale, 3)} (kept as a percentage: it follows the target)`;
  return "Off track beyond this number, or a % of the target (10%); default 10%";
}

export interface TagFormProps extends TagDraftProps {
  disabled: boolean;
  onCancel?(): void;
  /** A field to bring into view and focus when the form opens (the health check's Fix). */
  focusField?: keyof KpiDraft;
  /** The other columns of the selected table column's table: the Segment column's choices. */
  segmentColumns?: readonly string[];
}

export function TagForm(props: TagFormProps) {
  const { editing, disabled, onCancel, focusField, segmentColumns, locale = "en-US" } = props;
  const styles = useFieldStyles();
  const { draft, parsed, others, verdict, show, set, touch, submit } = useTagDraft({ ...props, locale });
  const lagging = others.filter((k) => k.kind === "lagging");

  useEffect(() => {
    if (!focusField) return;
    const element = document.getElementById(`kpi-field-${focusField}`);
    element?.scrollIntoView({ block: "center" });
    element?.focus();
  }, [focusField, editing]);

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
        onBlur={() => touch(field)}
      />
    </Field>
  );

  const kit: FieldKit = { draft, parsed, locale, show, set, text, styles };

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
      <SegmentFields kit={kit} columns={segmentColumns} />
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
        <KpiField kit={kit} field="predicts" label="Predicts" hint="The lagging KPI this one should move" kpis={lagging} none="(none yet)" />
      )}
    </>
  );
}

/** A field that names another KPI (Predicts, Guarded by), its message beside it as a text field's. */
function KpiField({
  kit,
  field,
  label,
  hint,
  kpis,
  none,
}: {
  kit: FieldKit;
  field: "predicts" | "guardedBy";
  label: string;
  hint: string;
  kpis: readonly KpiDefinition[];
  none: string;
}) {
  const { draft, show, set, styles } = kit;
  return (
    <Field label={label} hint={hint} validationMessage={show(field)} validationState={show(field) ? "error" : "none"}>
      <KpiSelect id={`kpi-field-${field}`} className={styles.control} kpis={kpis} value={draft[field]} none={none} onChange={set(field)} />
    </Field>
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
        <KpiField
          kit={kit}
          field="guardedBy"
          label="Guarded by"
          hint="The counter-metric that keeps this one honest (defects for speed)"
          kpis={others}
          none="(none)"
        />
      </div>
      <Checkbox id="kpi-field-primary" label="Primary KPI of its objective" checked={draft.primary} onChange={(_, d) => set("primary")(d.checked === true)} />
    </>
  );
}
