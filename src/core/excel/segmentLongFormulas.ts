/**
 * The formulas behind the card of a KPI split by a column of its table (the long format,
 * core/model/segmentsLong.ts), where the table has a period column: KPI.FUNNEL and KPI_STATUS of
 * the card's period, over the table's columns by the KPI's names, so an auditor recomputes the
 * card's funnel from the table. A period is its rows, picked by the period column's value (as the
 * card reads them, so a co-author's sort changes nothing): IF(period=key, value, "") runs the
 * length of the table, "" on every other row, which KPI.FUNNEL skips (FUNCTIONS.md: a segment with
 * "" is skipped) and KPI_STATUS answers as no data. A blank cell of the period is "" too, not the
 * 0 an IF would make of it (ISNUMBER). Only host-list functions (hostFunctions.ts: IF, ISNUMBER).
 */
import type { FormulaChoice } from "./formulaChoice";
import type { KpiDefinition } from "../model/kpi";
import { structuredReference } from "./a1";
import { atRiskArgument, registerCell } from "./formulas";
import { periodLiteral } from "./scorecardLongTotals";
import { countedRate, perFactor } from "./rateFormulas";
import { denomNameOf, nameOf, targetNameOf } from "./workbookNames";

/** A long KPI's period column and its periods' values in order (the workbook reads them). */
export interface LongPeriods {
  table: string;
  column: string;
  keys: (string | number)[];
  /** The table's body rows: the length of what the formulas spill. */
  rows: number;
}

/** The KPI's formulas for its period `p` (1-based, the card's), labelled `label`. */
export function longSegmentFormulaChoices(k: KpiDefinition, p: number, label: string, long: LongPeriods): FormulaChoice[] {
  const inPeriod = `${structuredReference(long.table, long.column)}=${periodLiteral(long.keys[p - 1])}`;
  const only = (name: string) => `IF((${inPeriod})*ISNUMBER(${name}),${name},"")`;
  const target = k.target !== null ? registerCell(k.id, "Target") : targetNameOf(k.id);
  // A rate: its rate where the row has a count and a denominator above 0 (LN of anything else is an error), as the card.
  const [v, d] = [nameOf(k.id), denomNameOf(k.id)];
  const rate = `IF((${inPeriod})*${countedRate(v, d)},${v}/${d}${perFactor(k)},"")`;
  const actual = k.denominatorRange ? rate : only(v);
  const status: FormulaChoice = {
    label: `Status of each segment in ${label}, on its row of the table`,
    formula: `=KPI.KPI_STATUS(${actual},${target},${atRiskArgument(k, target)},"${k.direction}")`,
    size: { rows: long.rows, columns: 1 },
  };
  if (!k.denominatorRange) return [status];
  const funnel = (output: string) => `=KPI.FUNNEL(${only(nameOf(k.id))},${only(denomNameOf(k.id))},,"${k.ratePer ? "rate" : "proportion"}",FALSE,"${output}")`;
  return [
    { label: `Funnel of ${label} across segments (KPI.FUNNEL detail: target, segments, counts)`, formula: funnel("detail"), size: { rows: 8, columns: 2 } },
    { label: `Funnel of ${label}: each segment's flag, on its row of the table`, formula: funnel("flag"), size: { rows: long.rows, columns: 1 } },
    { label: `Funnel of ${label}: its lines for a chart (KPI.FUNNEL curve)`, formula: funnel("curve"), size: { rows: 51, columns: 5 } },
    status,
  ];
}
