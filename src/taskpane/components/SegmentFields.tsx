/**
 * The tag/edit form's Segments field (issue 23, item 3): one KPI across segments. "Columns" tags a
 * block of periods × segments, the segments' names in the header row above the numbers (regions
 * across columns, as a finance sheet lays them), as one KPI with one definition, owner and target:
 * the Target is then one number for every segment or a range with one cell per segment, and a
 * rate's Denominator a block of the same shape. "By column" tags a table column split by another
 * column of its table (the long format Power Query delivers: Month | Region | Orders), the
 * segment column chosen from the table's headers when the pane has them, else typed; its Target
 * one number or another column of the table with each row's target (Budget), its Denominator
 * another column of the table (Visits). Never guessed from the
 * selection's shape (two KPIs side by side look like a block). Validated with the rest of the
 * form (kpi.ts validateDraft).
 */
import { Field, Input, Select } from "@fluentui/react-components";
import { BLOCK_LAYOUT, segmentLayoutOf } from "../../core/model/segments";
import type { FieldKit } from "./fieldKit";

/** The Segments cell of a column to split by: "by Region"; "by " while none is chosen (the field says so). */
const byText = (column: string) => `by ${column}`;

export function SegmentFields({ kit, columns }: { kit: FieldKit; columns?: readonly string[] }) {
  const { draft, show, set, styles } = kit;
  const value = draft.segments ?? "";
  const by = /^by\b/i.test(value.trim());
  // The column as typed (spaces kept while typing "Sales region"); the register's text is trimmed (kpi.ts).
  const column = by ? value.replace(/^\s*by ?/i, "") : "";
  const choice = value === "" ? "" : value === BLOCK_LAYOUT ? BLOCK_LAYOUT : by ? "by" : value;
  return (
    <>
      <Field
        label="Segments"
        hint="Columns: one KPI across segments, a column each (regions, teams) under a header row of their names; Target one number or a cell per segment, Denominator a block of the same shape. By column: a table column split by another column of its table (Region); Target one number or another column with each row's target (Budget), Denominator another column (Visits)"
        validationMessage={by ? undefined : show("segments")}
        validationState={!by && show("segments") ? "error" : "none"}
      >
        <Select
          id="kpi-field-segments"
          className={styles.control}
          value={choice}
          onChange={(_, d) => set("segments")(d.value === "by" ? byText(column) : d.value)}
        >
          {/* Short options: a native select is as wide as its longest one, and the pane may be 320 px. */}
          <option value="">None</option>
          <option value={BLOCK_LAYOUT}>Columns</option>
          <option value="by">By column</option>
          {choice !== "" && choice !== BLOCK_LAYOUT && choice !== "by" && <option value={value}>{value}</option>}
        </Select>
      </Field>
      {by && (
        <Field
          label="Segment column"
          hint="The table's column that names each row's segment; periods follow the table's first column (dates sort; text keeps its order), else the table's row order"
          validationMessage={
            column.trim() === ""
              ? "Choose the column that names each row's segment (Region, Channel, …)."
              : segmentLayoutOf(value)
                ? undefined
                : show("segments")
          }
          validationState={column.trim() === "" || (!segmentLayoutOf(value) && show("segments")) ? "error" : "none"}
        >
          {columns && columns.length > 0 ? (
            <Select id="kpi-field-segment-column" className={styles.control} value={column} onChange={(_, d) => set("segments")(byText(d.value))}>
              <option value="">Choose…</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          ) : (
            <Input id="kpi-field-segment-column" className={styles.control} value={column} onChange={(_, d) => set("segments")(byText(d.value))} />
          )}
        </Field>
      )}
    </>
  );
}
