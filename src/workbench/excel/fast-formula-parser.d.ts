// fast-formula-parser ships no type declarations; these cover what the in-memory Excel uses.
declare module "fast-formula-parser" {
  interface ParserConfig {
    onCell?: (ref: { sheet?: string; row: number; col: number }) => unknown;
    onRange?: (ref: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => unknown[][];
    onVariable?: (name: string, sheetName: string) => unknown;
    functions?: Record<string, (...args: never[]) => unknown>;
  }
  class FormulaParser {
    constructor(config?: ParserConfig);
    funsPreserveRef: string[];
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
    static FormulaError: new (code: string) => unknown;
    /** Reads a formula for its references without evaluating it; throws on a syntax error. */
    static DepParser: new () => { parse(formula: string, position: { sheet: string; row: number; col: number }): unknown[] };
  }
  export = FormulaParser;
}

declare module "fast-formula-parser/grammar/lexing" {
  export function lex(text: string): { tokens: unknown[] };
}

declare module "fast-formula-parser/formulas/helpers" {
  export const FormulaHelpers: unknown;
  export const Types: unknown;
}

declare module "fast-formula-parser/formulas/operators" {
  export const Infix: unknown;
}
