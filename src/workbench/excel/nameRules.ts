/**
 * The names Excel refuses for a sheet, a table and a defined name ("Rename a worksheet" and
 * "Rename an Excel table", support.microsoft.com; "Define and use names in formulas": a name starts with a letter,
 * an underscore or a backslash, holds no spaces, and cannot be a cell reference such as A1 or
 * R1C1). Which name is taken is the model's business; these check the text alone.
 */
import { ExcelApiError } from "./errors";

const NAME_TEXT = /^[A-Za-z_\\][\w.\\]*$/;
const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid sheet name.`);
  }
}

export function checkTableName(name: string): void {
  if (!NAME_TEXT.test(name) || A1_LIKE.test(name)) {
    throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid table name.`);
  }
}

/** A defined name also may not be R, C or an R1C1-style row or column (R2, C3). */
export function checkDefinedName(name: string): void {
  if (!NAME_TEXT.test(name) || A1_LIKE.test(name) || /^[RrCc]\d*$/.test(name)) {
    throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid name.`);
  }
}
