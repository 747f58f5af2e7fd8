import { qualified } from "../../core/excel/a1";
import { ExcelApiError, requested, stillIn, stillThere } from "./errors";
import type { NameModel, WorkbookModel } from "./model";
import { evaluateArray, FormulaArray, FormulaErrorValue } from "./formula";
import { typeOfValue } from "./namedFormulas";
import { FakeCollection, FakeObject, BatchContext, Located } from "./proxy";
import { FakeRange } from "./ranges";
import { checkNameReference } from "./references";

/**
 * Excel.NamedItemCollection ("Excel.NamedItemCollection class", learn.microsoft.com): add(name,
 * reference, comment) with a range or a formula, getItem / getItemOrNullObject.
 */
export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected current(): FakeNamedItem[] {
    return this.model.names.map((n) => new FakeNamedItem(this.context, () => n));
  }

  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameModel | null = null;
    this.context.enqueue(() => {
      const formula = typeof reference === "string" ? reference : absoluteReference(reference.where());
      created = this.model.addName(name, formula, comment ?? "");
    });
    return new FakeNamedItem(this.context, () => {
      if (!created) throw new ExcelApiError("ItemNotFound", "The name was not created.");
      return created;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      return requested(this.model.findName(name), "name", name);
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const n = new FakeNamedItem(this.context, () => this.model.findName(name) ?? null);
    n.resolveNullness();
    return n;
  }
}

/**
 * What a name that is not a range computes, evaluated as if used in A1 of the first sheet (a
 * guess: Excel evaluates it for the active cell; the add-in's names use absolute references).
 */
function computed(model: WorkbookModel, n: NameModel): FormulaArray {
  const sheet = model.sheets[0]?.name ?? "";
  return model.keptResult(n, `${n.formula}\u0000${sheet}`, "", n.formula, () => evaluateArray(model, sheet, 0, 0, n.formula));
}

/** NamedItem.type ("Excel.NamedItemType"): Range for a reference, else the type of what its formula computes. */
function typeOf(model: WorkbookModel, n: NameModel): string {
  if (model.nameTarget(n)) return "Range";
  const grid = computed(model, n);
  if (grid.length > 1 || grid[0].length > 1) return "Array";
  const v = grid[0][0];
  return v instanceof FormulaErrorValue ? "Error" : typeOfValue(v);
}

function absoluteReference({ sheet, area }: Located): string {
  return `=${qualified(sheet.name, area, true)}`;
}

/**
 * Excel.NamedItem ("Excel.NamedItem class", learn.microsoft.com): name, formula (checked as
 * strictly as Excel checks it, references.ts), comment, type ("Range" or "Error" for #REF!),
 * value, visible, scope (workbook names only), getRange / getRangeOrNullObject, delete.
 */
export class FakeNamedItem extends FakeObject {
  declare readonly name: string;
  declare formula: string;
  declare comment: string;
  declare readonly type: string;
  declare readonly value: string;
  declare readonly visible: boolean;
  declare readonly scope: string;

  constructor(
    context: BatchContext,
    private locate: () => NameModel | null,
  ) {
    super(context);
  }

  item(): NameModel {
    return stillThere(this.locate(), this.model.names, "name");
  }

  protected override exists(): boolean {
    return stillIn(this.locate(), this.model.names);
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      // "Throws an error if the named item's type is not a range" (NamedItem.getRange,
      // learn.microsoft.com); the error's code is a guess, the page names none.
      const t = this.model.nameTarget(this.item());
      if (!t) throw new ExcelApiError("InvalidReference", `The name doesn't refer to a range (its type is ${typeOf(this.model, this.item())}).`);
      return t;
    });
  }

  getRangeOrNullObject(): FakeRange {
    const r = new FakeRange(this.context, () => (this.exists() ? this.model.nameTarget(this.item()) : null));
    r.resolveNullness();
    return r;
  }

  delete(): void {
    this.act(() => {
      const n = this.item();
      this.model.names = this.model.names.filter((x) => x !== n);
      this.model.invalidateValues();
    });
  }
}

FakeNamedItem.withProperties({
  name: { read: (n) => n.item().name },
  formula: {
    read: (n) => n.item().formula,
    write: (n, v) => {
      const f = v as string;
      checkNameReference(f);
      n.item().formula = f.startsWith("=") ? f : `=${f}`;
      n.model.invalidateValues();
    },
  },
  comment: {
    read: (n) => n.item().comment,
    write: (n, v) => {
      n.item().comment = v as string;
    },
  },
  type: { read: (n) => typeOf(n.model, n.item()) },
  value: {
    read: (n) => {
      const t = n.model.nameTarget(n.item());
      if (t) return qualified(t.sheet.name, t.area);
      // "the value computed by the name's formula" (NamedItem.value); of an array, its first
      // element (a guess: the page does not say; arrayValues, ExcelApi 1.7, is not modelled).
      const v = computed(n.model, n.item())[0][0];
      return v instanceof FormulaErrorValue ? v.code : v;
    },
  },
  visible: { read: () => true },
  scope: { read: () => "Workbook" },
});
