/**
 * Forecast honesty's rows in the KPI Reported table (issue 24, item 3d): each outlook and lead
 * forecast shown at a close (core/review/forecastRecords.ts) is a row of its own beside the
 * close's, its Event "Outlook" or "Lead forecast", so an auditor reads what was forecast, when
 * and by what, next to what was reported. The interval needs columns the table had not:
 * Forecast, Lower, Upper, Level, From period and Roll-up, later headers (addinTable.ts
 * laterHeaders) added at the table's right end by the first close that records one. A table
 * from before them reads as it is; an earlier KPI Lens reads these rows as no close or reopen
 * (reportedTable.ts reportedOf keeps only those), and the new columns as columns of the user's.
 */
import { ForecastKind, ForecastRecord } from "../core/review/coverage";
import { ShownForecast } from "../core/review/forecastRecords";
import { cellOf, TableSpec, TableState } from "./addinTable";

export const FORECAST_HEADERS = ["Forecast", "Lower", "Upper", "Level", "From period", "Roll-up"] as const;
/** Of those, the one written as text. */
export const FORECAST_TEXT_HEADERS = ["Roll-up"] as const;

const EVENT: Record<ForecastKind, string> = { outlook: "Outlook", "lead forecast": "Lead forecast" };
const KIND_OF_EVENT: Record<string, ForecastKind> = { outlook: "outlook", "lead forecast": "lead forecast" };

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const numberOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A forecast's row by header; `periodDate` and `cell` say where its (last) period is, for the auditor. */
export function forecastRow(f: ShownForecast, who: string, periodDate: string, cell: string): Record<string, unknown> {
  return {
    When: f.recordedAt,
    Who: who,
    Event: EVENT[f.kind],
    KPI: f.kpi,
    "Closed period": f.closedPeriod,
    Period: f.period,
    "Period date": periodDate,
    Target: f.target ?? "",
    Status: f.status,
    "Status basis": f.basis,
    Note: f.sentence,
    "Value cell": cell,
    Forecast: f.forecast,
    Lower: f.lower,
    Upper: f.upper,
    Level: f.level,
    "From period": f.from ?? "",
    "Roll-up": f.rollup ?? "",
  };
}

/**
 * The table's forecast rows as records. A row without a KPI, a whole period, both bounds, a
 * level between 0 and 1 or, for a year's sum or average, its first period is not one the pane
 * can judge, and is left out, as are rows whose bounds a user swapped or typed over with text.
 */
export function forecastRecordsOf(spec: TableSpec, state: TableState): ForecastRecord[] {
  return state.rows.flatMap((row) => {
    const at = (h: string) => cellOf(spec, state, row, h);
    const kind = KIND_OF_EVENT[text(at("Event")).toLowerCase()];
    const period = Number(at("Period"));
    const [lower, upper, level, forecast] = [at("Lower"), at("Upper"), at("Level"), at("Forecast")].map(numberOrNull);
    if (
      !kind ||
      !text(at("KPI")) ||
      !Number.isInteger(period) ||
      period < 1 ||
      lower === null ||
      upper === null ||
      lower > upper ||
      level === null ||
      !(level > 0 && level < 1)
    )
      return [];
    const fromCell = at("From period");
    const from = typeof fromCell === "number" && Number.isInteger(fromCell) && fromCell >= 1 && fromCell <= period ? fromCell : null;
    const rollup = text(at("Roll-up")).toLowerCase();
    // A year's sum or average needs the year's first period: without it the actual cannot be told.
    if ((rollup === "sum" || rollup === "average") && from === null) return [];
    return [
      {
        kpi: text(at("KPI")),
        kind,
        recordedAt: text(at("When")),
        closedPeriod: text(at("Closed period")),
        period,
        ...(from === null ? {} : { from }),
        ...(rollup === "sum" || rollup === "average" || rollup === "last" ? { rollup } : {}),
        ...(forecast === null ? {} : { forecast }),
        lower,
        upper,
        level,
      },
    ];
  });
}
