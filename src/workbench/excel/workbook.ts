import { ExcelApiError } from "./errors";
import { FakeNamedItemCollection } from "./names";
import { BatchContext, EventSource, FakeObject } from "./proxy";
import { FakeRange } from "./ranges";
import { FakeSettingCollection } from "./settings";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";
import { FakeFunctions, USE_1904_PROPERTY } from "./workbookFunctions";

/**
 * Excel.Workbook ("Excel.Workbook class", learn.microsoft.com): the root of a batch, with its
 * worksheets, tables, names, settings, the selection and onSelectionChanged; `functions` (DATE
 * only) and the preview `use1904DateSystem` (workbookFunctions.ts says what each follows).
 */
export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly onSelectionChanged: EventSource<unknown>;
  readonly functions: FakeFunctions;
  declare readonly name: string;
  declare use1904DateSystem: boolean;

  constructor(context: BatchContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => null);
    this.names = new FakeNamedItemCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.onSelectionChanged = new EventSource(context, (h) => this.model.onSelection(h));
    this.functions = new FakeFunctions(context);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.model.selection;
      if (!sel) throw new ExcelApiError("ItemNotFound", "Nothing is selected.");
      return { sheet: this.model.sheetById(sel.sheetId), area: sel.area };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.model.selection;
      if (!sel) throw new ExcelApiError("ItemNotFound", "Nothing is selected.");
      return { sheet: this.model.sheetById(sel.sheetId), area: { ...sel.area, rowCount: 1, colCount: 1 } };
    });
  }
}

FakeWorkbook.withProperties({ name: { read: () => "Workbook" }, use1904DateSystem: USE_1904_PROPERTY });
