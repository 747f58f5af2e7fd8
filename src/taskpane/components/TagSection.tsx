/** The form's section: what is selected to tag, and the form that tags it or edits a KPI. */
import { Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { draftFromDefinition, EMPTY_DRAFT, KpiDefinition, KpiDraft } from "../../core/model/kpi";
import { parseAddress } from "../../core/excel/a1";
import { isSegmented } from "../../core/model/segments";
import { KpiSeries, Selection } from "../../workbook/kpiWorkbook";
import { TargetContext } from "./TargetChecks";
import { Editor } from "../useEditor";
import { Notice } from "../usePane";
import { PaneSection } from "./PaneSection";
import { TagForm } from "./TagForm";

export interface TagSectionProps {
  kpis: readonly KpiDefinition[];
  editor: Editor;
  selection: Selection | null;
  disabled: boolean;
  notice: Notice | null;
  onTag(draft: KpiDraft): Promise<boolean>;
  onSave(draft: KpiDraft): Promise<boolean>;
  /** Every KPI's values, for the target's checks while editing. */
  series?: Record<string, KpiSeries>;
  locale?: string;
  /** Reads a typed target range's numbers (KpiWorkbook.readTargetValues); a range without a sheet is on `valuesSheet`. */
  readTargets?(address: string, valuesSheet: string | null): Promise<(number | null)[] | null>;
}

/** The periods of what Tag would take: the selection's values (its header left out). */
function periodsOf(selection: Selection | null): number | null {
  if (!selection) return null;
  try {
    const a = parseAddress(selection.dataAddress ?? selection.address);
    return a.rowCount === 1 || a.colCount === 1 ? a.rowCount * a.colCount : null;
  } catch {
    return null;
  }
}

/** The sheet of an address, or null. */
function sheetOf(address: string | null | undefined): string | null {
  try {
    return address ? (parseAddress(address).sheet ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * What the form knows of the data: the edited KPI's values and targets, or, for a new KPI, the
 * selection's periods and values (read with the selection: workbook/selection.ts), so a target
 * the process cannot reach is flagged before Tag.
 */
function contextOf(editing: KpiDefinition | null, selection: Selection | null, series: Record<string, KpiSeries>): TargetContext {
  // A KPI across segments has a target per segment, not per period, and its series is the total: the workbook checks it at Save (segmentsTag.ts).
  if (editing && isSegmented(editing)) return {};
  if (!editing) return { periods: periodsOf(selection), values: selection?.values ?? undefined };
  const s = series[editing.id];
  return { values: s?.values, periods: s && !s.problem ? s.values.length : null, targets: s?.targets ?? null, targetRange: editing.targetRange };
}

/** A selected table column's table's other columns, any of which may name its rows' segments. */
function segmentColumnsOf(selection: Selection | null): string[] | undefined {
  const c = selection?.tableColumn;
  return c ? c.headers.filter((h) => h !== c.column) : undefined;
}

/** What the selection offers to tag: one row or column of more than one cell. */
function selectedText(selection: Selection | null): string {
  const target = selection && (selection.rowCount === 1 || selection.columnCount === 1) && selection.rowCount * selection.columnCount > 1 ? selection : null;
  if (selection && selection.rowCount > 1 && selection.columnCount > 1) {
    return `Selected ${selection.address} · ${selection.numbers} numbers in ${selection.columnCount} columns: with Segments "Columns", one KPI across segments (their names in the header row above the numbers)`;
  }
  if (!target) return "Select one column (or row) of values in the sheet, oldest first.";
  const column = target.tableColumn ? ` · table column ${target.tableColumn.table}[${target.tableColumn.column}]` : "";
  return `Selected ${target.address} · ${target.numbers} number${target.numbers === 1 ? "" : "s"}${column}`;
}

export function TagSection({ kpis, editor, selection, disabled, notice, onTag, onSave, series = {}, locale, readTargets }: TagSectionProps) {
  const { editing } = editor;
  // A target range without a sheet is on the values' sheet (workbook/targetRange.ts checkTargetRange).
  const valuesSheet = editing ? sheetOf(series[editing.id]?.address ?? editing.source) : sheetOf(selection?.dataAddress ?? selection?.address);
  const read = useMemo(() => (readTargets ? (address: string) => readTargets(address, valuesSheet) : undefined), [readTargets, valuesSheet]);
  return (
    <PaneSection id="tag" title={editing ? `Edit ${editing.name}` : "Tag a KPI"} notice={notice} noticeAfter>
      {!editing && (
        <Text size={200} aria-live="polite">
          {selectedText(selection)}
        </Text>
      )}
      <TagForm
        key={editing?.id ?? "new"}
        kpis={kpis}
        editing={editing}
        initial={editing ? draftFromDefinition(editing) : EMPTY_DRAFT}
        disabled={disabled}
        onSubmit={editing ? onSave : onTag}
        onCancel={editing ? editor.close : undefined}
        focusField={editing ? editor.focusField : undefined}
        fieldError={editor.fieldError}
        onEdited={() => editor.setFieldError(null)}
        locale={locale}
        targetContext={contextOf(editing, selection, series)}
        segmentColumns={editing ? undefined : segmentColumnsOf(selection)}
        readTargets={read}
      />
    </PaneSection>
  );
}
