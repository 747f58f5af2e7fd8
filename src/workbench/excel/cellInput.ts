/**
 * What a value written to a cell becomes, the way Excel's Range.values takes it (Range.values
 * reference, learn.microsoft.com: "If the value starts with a plus, minus, or equal sign, Excel
 * interprets this value as a formula"): numeric text becomes a number, "TRUE"/"FALSE" a boolean,
 * a leading apostrophe keeps text, and a cell formatted as Text ("@") keeps whatever it is given
 * as text. A write keeps the cell's own formats.
 */
import { ExcelApiError } from "./errors";
import type { Cell } from "./types";

/** The formats of `existing` that a write of a value or formula leaves in place. */
export function keptFormats(existing: Cell): Cell {
  return { numberFormat: existing.numberFormat, fill: existing.fill, fontColor: existing.fontColor, borders: existing.borders };
}

/** The cell `existing` becomes when `input` is written to its values. */
export function cellFromValue(existing: Cell, input: unknown): Cell {
  const next = keptFormats(existing);
  const asText = existing.numberFormat === "@";
  if (typeof input === "string" && !asText) {
    if (input.trim() !== "" && Number.isFinite(Number(input))) next.value = Number(input);
    else if (input.startsWith("=") && input.length > 1) next.formula = input;
    else if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) next.formula = `=${input}`;
    else if (input.startsWith("'")) next.value = input.slice(1);
    else if (/^(true|false)$/i.test(input)) next.value = input.toLowerCase() === "true";
    else if (input !== "") next.value = input;
  } else if (typeof input === "number" || typeof input === "boolean") {
    next.value = input;
  } else if (typeof input === "string" && input !== "") {
    next.value = input;
  } else if (input !== null && input !== undefined && input !== "") {
    throw new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${String(input)}.`);
  }
  return next;
}
