/** The form's section: what is selected to tag, and the form that tags it or edits a KPI. */
import { Text } from "@fluentui/react-components";
import { draftFromDefinition, EMPTY_DRAFT, KpiDefinition, KpiDraft } from "../../core/kpi";
import { Selection } from "../../workbook/kpiWorkbook";
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
}

/** What the selection offers to tag: one row or column of more than one cell. */
function selectedText(selection: Selection | null): string {
  const target = selection && (selection.rowCount === 1 || selection.columnCount === 1) && selection.rowCount * selection.columnCount > 1 ? selection : null;
  if (!target) return "Select one column (or row) of values in the sheet, oldest first.";
  const column = target.tableColumn ? ` · table column ${target.tableColumn.table}[${target.tableColumn.column}]` : "";
  return `Selected ${target.address} · ${target.numbers} number${target.numbers === 1 ? "" : "s"}${column}`;
}

export function TagSection({ kpis, editor, selection, disabled, notice, onTag, onSave }: TagSectionProps) {
  const { editing } = editor;
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
      />
    </PaneSection>
  );
}
