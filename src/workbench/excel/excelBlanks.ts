/**
 * fast-formula-parser adapted to Excel's empty cells, at the two places where the library reads
 * them (issue 21 item 15). The library hands a blank cell on as null, and then:
 * - its comparisons turn null into 0 whatever the other side is, so `=B1=""` is FALSE;
 * - its argument reader (FormulaHelpers.accept) keeps the whole argument object when the
 *   value is null, so LEN(B1) measures "[object Object]" (15) and TEXT(B1,"0") fails.
 * Excel instead converts a blank to the other operand's type in a comparison (a blank equals
 * "", 0 and FALSE: "Calculation operators and precedence in Excel", support.microsoft.com,
 * and the worked examples of "ISBLANK function" / "IF function": =IF(A1="", ...) tests for
 * an empty cell), and to "" in text, 0 in numbers and FALSE in logic when a function takes it.
 * Both patches apply to the library's shared modules once. The library is used by nothing but
 * the stand-in, and webpack.config.js builds the stand-in only into the workbench entry (in
 * development, or with --env workbench), never into the functions or task-pane bundles.
 */
import * as helpers from "fast-formula-parser/formulas/helpers";
import * as operators from "fast-formula-parser/formulas/operators";

type Compare = (v1: unknown, infix: string, v2: unknown, isArray1?: boolean, isArray2?: boolean) => unknown;
type Accept = (param: unknown, type?: unknown, defValue?: unknown, flat?: boolean, allowSingleValue?: boolean) => unknown;

const first = (v: unknown, isArray?: boolean) => (isArray && Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v);

/** What a blank becomes beside a value of another type, as Excel compares it. */
function blankBeside(other: unknown): unknown {
  if (typeof other === "string") return "";
  if (typeof other === "boolean") return false;
  return 0;
}

let patched = false;

export function adaptBlanksToExcel(): void {
  if (patched) return;
  patched = true;
  const infix = operators.Infix as { compareOp: Compare };
  const compare = infix.compareOp;
  infix.compareOp = (v1, op, v2, isArray1, isArray2) => {
    const a = first(v1, isArray1);
    const b = first(v2, isArray2);
    if (a == null && b == null) return compare(0, op, 0);
    return compare(a == null ? blankBeside(b) : a, op, b == null ? blankBeside(a) : b);
  };

  const h = helpers.FormulaHelpers as { accept: Accept };
  const types = helpers.Types as Record<string, number>;
  const accept = h.accept.bind(h);
  h.accept = (param, type = null, defValue, flat = true, allowSingleValue = false) => {
    const blank =
      typeof param === "object" &&
      param !== null &&
      !Array.isArray(param) &&
      "value" in param &&
      (param as { value: unknown }).value == null &&
      !(param as { omitted?: boolean }).omitted;
    if (blank && type !== null && type !== undefined && !Array.isArray(type)) {
      if (type === types.STRING) return "";
      if (type === types.NUMBER || type === types.NUMBER_NO_BOOLEAN) return 0;
      if (type === types.BOOLEAN) return false;
    }
    return accept(param, type, defValue, flat, allowSingleValue);
  };
}
