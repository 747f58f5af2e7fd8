/**
 * Defined names whose formula is an expression, not a reference ("Define and use names in
 * formulas", support.microsoft.com: a name may stand for a cell reference, a range, a constant
 * or a formula; "Excel.NamedItemCollection class", learn.microsoft.com: add(name, reference) takes
 * "the formula or the range that the name will refer to"). Such a name is evaluated where it is
 * used, so an array result reaches the formula that uses it, whether in a cell or a
 * conditional-format rule ("[MS-OI29500] 3.2.3.1.2 Conditional Formatting Formulas": `name` is
 * in the rule grammar).
 *
 * Guesses, no page settles them, kept no more forgiving than Excel:
 * - a relative reference in a name's formula is read as written for A1 and moves with the
 *   cell that uses the name (the way Name Manager's relative names follow the active cell); the
 *   add-in's names use absolute references only;
 * - a reference without a sheet is on the sheet of the formula that uses the name;
 * - a name that uses itself, directly or through others, is #CALC! (Excel warns of a circular
 *   reference), where Excel may show 0.
 */
import FormulaParser from "fast-formula-parser";

const SHEET = `(?:'(?:[^']|'')+'|[^'!()"+\\-*/^&=<>,;{} ]+)!`;
const AREA = new RegExp(`^(?:${SHEET})?\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?$`);
const LINES = new RegExp(`^(?:${SHEET})?(?:\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}|\\$?\\d+:\\$?\\d+)$`);
const BROKEN = new RegExp(`^(?:${SHEET})?#REF!$`);

/** Whether a name's formula is a plain reference: an A1 area with an optional sheet, one structured reference, or #REF!. */
export function isReferenceFormula(formula: string): boolean {
  const body = formula.replace(/^=/, "").trim();
  return AREA.test(body) || LINES.test(body) || BROKEN.test(body) || isOneStructuredReference(body);
}

/** Table[...] and nothing after its closing bracket (brackets nest: T[[#This Row],[A]]; ' escapes one). */
function isOneStructuredReference(body: string): boolean {
  const head = /^[A-Za-z_\\][\w.\\]*\[/.exec(body);
  if (!head) return false;
  let level = 1;
  let j = head[0].length;
  for (; j < body.length && level > 0; j++) {
    if (body[j] === "'") j++;
    else if (body[j] === "[") level++;
    else if (body[j] === "]") level--;
  }
  return level === 0 && j === body.length;
}

/**
 * Refuses a name formula Excel could not parse (an unbalanced parenthesis, a dangling operator):
 * fast-formula-parser's dependency parser reads the formula without evaluating it. Structured
 * references are read as ranges first, as the engine reads them.
 */
export function checkExpression(formula: string, structured: (f: string) => string): string | null {
  const body = structured(formula.replace(/^=/, ""));
  if (body.trim() === "") return "an empty formula";
  const known = checked.get(body);
  if (known !== undefined) return known;
  let wrong: string | null = null;
  try {
    // One parser for every check: building one costs far more than a parse (each added name built its own).
    (dependencyParser ??= new FormulaParser.DepParser()).parse(body, { sheet: "Sheet1", row: 1, col: 1 });
  } catch (e) {
    wrong = (e as Error).message?.split("\n")[0] || "not a formula";
  }
  checked.set(body, wrong);
  return wrong;
}

let dependencyParser: InstanceType<typeof FormulaParser.DepParser> | undefined;
/** What checkExpression found of each formula: a parse depends on the text alone. */
const checked = new Map<string, string | null>();

/** The NamedItem.type of a name whose formula is an expression ("Excel.NamedItemType": String, Integer, Double, Boolean, Range, Error, Array). */
export function typeOfValue(value: unknown): "Array" | "Boolean" | "Double" | "String" | "Error" {
  if (Array.isArray(value) && (value.length > 1 || (value[0] as unknown[] | undefined)?.length !== 1)) return "Array";
  const v = Array.isArray(value) ? (value as unknown[][])[0][0] : value;
  if (typeof v === "boolean") return "Boolean";
  // A guess: Excel's API may report a whole number as "Integer"; the add-in never reads it.
  if (typeof v === "number") return "Double";
  if (typeof v === "string") return "String";
  if (v === null || v === undefined) return "Double";
  return "Error";
}

/** What the engine needs to evaluate a name: its expression (null for a reference or no name) and an evaluator. */
export interface NamedFormulaHost {
  nameExpression(name: string): string | null;
  /**
   * A number that changes whenever anything a formula computes from may have changed (a cell, a
   * name, a table, an asynchronous function's answer); null while values are in flux (spills
   * being laid out), when nothing computed may be kept.
   */
  calculationStamp(): number | null;
}

/** Evaluates a name's formula moved to (row, col) of `sheet` (zero-based), in the parser's own values. */
type Evaluate = (sheet: string, row: number, col: number, formula: string) => unknown;
type Position = { sheet: string; row: number; col: number };

const evaluating = new Set<string>();

/**
 * Whether a name's formula gives the same value wherever it is used: no relative reference (a
 * shift leaves it as written), no ROW() or COLUMN() of the cell using it, nothing volatile and no
 * add-in function (whose answer arrives later). The names the add-in writes (KPIBand_<ID>) are
 * all of this kind; a conditional format uses them in every cell it colours.
 */
function positionFree(expression: string, shift: (formula: string, rows: number, cols: number) => string): boolean {
  const outsideStrings = expression.replace(/"(?:[^"]|"")*"/g, '""');
  if (/\b(?:ROW|COLUMN)\(\s*\)/i.test(outsideStrings)) return false;
  if (/\b(?:RAND|RANDBETWEEN|RANDARRAY|NOW|TODAY|INDIRECT|OFFSET|CELL|INFO)\s*\(/i.test(outsideStrings)) return false;
  if (/[A-Za-z_][\w]*\.[\w.]*\s*\(/.test(outsideStrings)) return false;
  return shift(expression, 1, 1) === expression;
}

/**
 * Values of position-free names, per host, for the calculation stamp they were computed at: the
 * in-memory Excel evaluates a name where it is used, and a 36-period band name used by each of its
 * 36 cells' rules was computed 36 times per read of their colours.
 */
const computed = new WeakMap<NamedFormulaHost, { stamp: number; values: Map<string, unknown> }>();

/** The evaluations in progress, innermost last: one that used a name of the cell's position may not be kept. */
const frames: { keep: boolean }[] = [];

function keptValues(host: NamedFormulaHost): Map<string, unknown> | null {
  const stamp = host.calculationStamp();
  if (stamp === null) return null;
  let kept = computed.get(host);
  if (!kept || kept.stamp !== stamp) {
    kept = { stamp, values: new Map() };
    computed.set(host, kept);
  }
  return kept.values;
}

/**
 * Makes a parser read an expression name by evaluating its formula at the position of the
 * formula that uses it (one-based, as the parser keeps it), through `evaluate` (a parser of
 * the next depth: a parser is not re-entrant). A reference name goes the library's way
 * (onVariable), so INDEX and ISBLANK still see its cells. A position-free name's value is kept
 * until the workbook changes (positionFree, calculationStamp). `hostNow`: the workbook the parser
 * reads at the time (formula.ts hands a parser from workbook to workbook).
 */
export function installNamedFormulas(
  parser: FormulaParser,
  hostNow: () => NamedFormulaHost,
  evaluate: Evaluate,
  shift: (formula: string, rows: number, cols: number) => string,
): void {
  const internals = parser as unknown as { getVariable(name: string): unknown; position: Position };
  const byReference = internals.getVariable.bind(parser);
  internals.getVariable = (name: string) => {
    const host = hostNow();
    const expression = host.nameExpression(name);
    if (expression === null) return byReference(name);
    const key = name.toLowerCase();
    if (evaluating.has(key)) return new FormulaParser.FormulaError("#CALC!");
    const { sheet, row, col } = internals.position;
    const free = positionFree(expression, shift);
    if (!free) for (const f of frames) f.keep = false;
    const kept = free ? keptValues(host) : null;
    const keyHere = `${sheet}\u0000${key}`;
    if (kept?.has(keyHere)) return kept.get(keyHere);
    const frame = { keep: free };
    frames.push(frame);
    evaluating.add(key);
    try {
      const value = evaluate(sheet, row - 1, col - 1, expression);
      // The parser's operators cannot take a bare blank; a name whose formula ends on an empty
      // cell is read as 0, as a cell showing it would.
      const answer = value === null || value === undefined ? 0 : value;
      // Kept only if nothing it used depended on the position, and the stamp still holds.
      if (frame.keep && kept && keptValues(host) === kept) kept.set(keyHere, answer);
      return answer;
    } finally {
      evaluating.delete(key);
      frames.pop();
      if (!frame.keep) for (const f of frames) f.keep = false;
    }
  };
}
