/**
 * What the workbook model tells its listeners, and the user's state it follows: change and
 * selection events, the selection and the active sheet, and cell-edit mode (cellEditMode.ts;
 * context.ts: batches fail or wait while it is on). WorkbookModel (model.ts) extends it.
 */
import { Area, qualified } from "../../core/excel/a1";
import { CellEditMode } from "./cellEditMode";
import type { ChangeEvent, SelectionEvent, SheetModel } from "./types";

type Listener<E> = (event: E) => void;

export abstract class ModelEvents {
  selection: { sheetId: string; area: Area } | null = null;
  activeSheetId: string | null = null;
  private changeListeners = new Set<Listener<ChangeEvent>>();
  private selectionListeners = new Set<Listener<SelectionEvent>>();
  /** The user is typing in a cell. */
  private readonly editMode = new CellEditMode();

  get cellEditing(): boolean {
    return this.editMode.on;
  }

  /** Puts the workbook in or out of cell-edit mode, as the user starting and ending a cell edit. */
  setCellEditing(on: boolean): void {
    this.editMode.set(on);
  }

  cellEditEnded(): Promise<void> {
    return this.editMode.ended();
  }

  onChange(listener: Listener<ChangeEvent>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSelection(listener: Listener<SelectionEvent>): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  emitChange(event: ChangeEvent): void {
    // Excel raises events after the operation, outside the batch that caused it.
    for (const l of [...this.changeListeners]) setTimeout(() => l(event), 0);
  }

  select(sheet: SheetModel, area: Area): void {
    this.selection = { sheetId: sheet.id, area };
    this.activeSheetId = sheet.id;
    const event: SelectionEvent = { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address: qualified(sheet.name, area) };
    for (const l of [...this.selectionListeners]) setTimeout(() => l(event), 0);
  }
}
