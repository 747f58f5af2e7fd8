/**
 * The first case of the segments reference (test/reference/generate_segments.py): conversion by
 * region, orders over visits in four regions for twelve months, as the pane's tests show it.
 */
import reference from "../fixtures/segments_reference.json";
import { KpiDefinition } from "../../src/core/model/kpi";
import { SegmentData } from "../../src/core/model/segments";

export const CASE = reference.cases[0];

/** Its KPI's fields: a block of columns on Regions with the visits beside, the case's target and At risk %. */
export const CASE_CONVERSION: Partial<KpiDefinition> = {
  id: "CONV",
  name: "Conversion by region",
  target: CASE.target,
  atRisk: null,
  atRiskPercent: CASE.atRiskPercent,
  firstPeriod: "2025-01",
  source: "Regions!$B$3:$E$14",
  denominatorRange: "Regions!$H$3:$K$14",
  ratePer: null,
  segments: "columns",
};

/** Its regions' numbers as the workbook reads them. */
export const CASE_DATA: SegmentData = { names: CASE.names, values: CASE.values, denominators: CASE.denominators, targets: CASE.targets };
