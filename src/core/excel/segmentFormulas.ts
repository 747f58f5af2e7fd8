/**
 * The worksheet formulas behind a segmented KPI's card (core/model/segments.ts, segmentView.ts),
 * so its funnel and each segment's status can be recomputed in a cell: KPI.FUNNEL and KPI_STATUS
 * over one period of the block, by the KPI's names. As formulas.ts's, they use only functions of
 * every host the manifest admits (hostFunctions.ts: INDEX, COLUMNS, TRANSPOSE, ABS) and write no
 * number as text. A period is a row of the block, INDEX(KPI_X,p,1):INDEX(KPI_X,p,COLUMNS(KPI_X)):
 * a reference (the range operator between two INDEX references, "INDEX function",
 * support.microsoft.com: "the reference returned by INDEX … can be used as a reference"), so a
 * custom function still receives blanks as blanks; INDEX(KPI_X,p,0) would say the same in Excel.
 * The period is the card's (the latest with two segments to compare), written as its number: the
 * formula answers for that period, as the card did when it was inserted.
 */
import type { FormulaChoice } from "./formulaChoice";
import type { KpiDefinition } from "../model/kpi";
import { segmentLayoutOf } from "../model/segments";
import { atRiskArgument, registerCell } from "./formulas";
import { denomNameOf, nameOf, targetNameOf } from "./workbookNames";

/** Period `p` (1-based) of a block named `name`: its row, as a reference. */
export function blockRow(name: string, p: number): string {
  return `INDEX(${name},${p},1):INDEX(${name},${p},COLUMNS(${name}))`;
}

/** KPI.FUNNEL of period `p`'s numerators over its denominators, with the card's options (pooled rate, no overdispersion). */
export function funnelFormula(k: Pick<KpiDefinition, "id" | "ratePer">, p: number, output: "table" | "curve" | "detail" | "flag" = "table"): string {
  return `=KPI.FUNNEL(${blockRow(nameOf(k.id), p)},${blockRow(denomNameOf(k.id), p)},,"${k.ratePer ? "rate" : "proportion"}",FALSE,"${output}")`;
}

/**
 * KPI_STATUS of every segment in period `p`: its value (a rate KPI's rate, × N for a rate per N)
 * against its own target (the register's one number, or KPITarget_<ID>, turned to run across
 * when it is a column), with the KPI's At risk and direction.
 */
export function segmentStatusFormula(k: KpiDefinition, p: number, targetIsColumn: boolean): string {
  const values = blockRow(nameOf(k.id), p);
  const actual = k.denominatorRange ? `${values}/(${blockRow(denomNameOf(k.id), p)})${k.ratePer ? `*${k.ratePer}` : ""}` : values;
  const target = k.target !== null ? registerCell(k.id, "Target") : targetIsColumn ? `TRANSPOSE(${targetNameOf(k.id)})` : targetNameOf(k.id);
  return `=KPI.KPI_STATUS(${actual},${target},${atRiskArgument(k, target)},"${k.direction}")`;
}

/** The formulas a segmented KPI's card offers, for its funnel's period (null when it has none) and its number of segments. */
export function segmentFormulaChoices(k: KpiDefinition, period: number | null, label: string, segments: number, targetIsColumn: boolean): FormulaChoice[] {
  // A table column split by another (Segments "by Region") is one column, not a block: a period's
  // row of it would need FILTER by the period column, which not every host has (hostFunctions.ts).
  // None offered rather than a formula that reads the wrong cells.
  if (period === null || segmentLayoutOf(k.segments ?? "")?.kind === "by") return [];
  const choices: FormulaChoice[] = [
    { label: `Status of each segment in ${label}`, formula: segmentStatusFormula(k, period, targetIsColumn), size: { rows: 1, columns: segments } },
  ];
  if (!k.denominatorRange) return choices;
  return [
    {
      label: `Funnel of ${label} across segments (KPI.FUNNEL table: rate, z, limits, flag)`,
      formula: funnelFormula(k, period, "table"),
      size: { rows: segments + 1, columns: 7 },
    },
    { label: `Funnel of ${label}: its lines for a chart (KPI.FUNNEL curve)`, formula: funnelFormula(k, period, "curve"), size: { rows: 51, columns: 5 } },
    ...choices,
  ];
}
