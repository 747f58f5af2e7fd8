/**
 * The tag/edit form's Segments field (issue 23, item 3): one KPI across segments. "Columns" tags a
 * block of periods × segments, the segments' names in the header row above the numbers (regions
 * across columns, as a finance sheet lays them), as one KPI with one definition, owner and target:
 * the Target is then one number for every segment or a range with one cell per segment, and a
 * rate's Denominator a block of the same shape. Never guessed from the selection's shape (two KPIs
 * side by side look like a block). Validated with the rest of the form (kpi.ts validateDraft).
 */
import { Field, Select } from "@fluentui/react-components";
import { BLOCK_LAYOUT } from "../../core/model/segments";
import type { FieldKit } from "./TagForm";

export function SegmentFields({ kit }: { kit: FieldKit }) {
  const { draft, show, set, styles } = kit;
  const value = draft.segments ?? "";
  return (
    <Field
      label="Segments"
      hint="Columns: one KPI across segments, a column each (regions, teams) under a header row of their names; Target one number or a cell per segment, Denominator a block of the same shape"
      validationMessage={show("segments")}
      validationState={show("segments") ? "error" : "none"}
    >
      <Select id="kpi-field-segments" className={styles.control} value={value} onChange={(_, d) => set("segments")(d.value)}>
        {/* Short options: a native select is as wide as its longest one, and the pane may be 320 px. */}
        <option value="">None</option>
        <option value={BLOCK_LAYOUT}>Columns</option>
        {value !== "" && value !== BLOCK_LAYOUT && <option value={value}>{value}</option>}
      </Select>
    </Field>
  );
}
