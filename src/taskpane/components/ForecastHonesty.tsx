/**
 * Forecast honesty in the pane (issue 24, item 3d): how often the intervals of the outlooks and
 * lead forecasts shown at past closes (recorded in KPI Reported: workbook/forecastRows.ts)
 * contained the actual once it arrived, with the count's own uncertainty (core/review/coverage.ts).
 * An 80% interval should contain it about 80% of the time; with a handful of closes the
 * sentence says it is too few to tell.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ForecastKind, forecastHonesty, ForecastRecord } from "../../core/review/coverage";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const TITLE: Record<ForecastKind, string> = { "lead forecast": "Lead forecasts", outlook: "Year outlooks" };

export interface ForecastHonestyProps {
  records: readonly ForecastRecord[];
  /** Each KPI's values by ID, where the actuals arrive. */
  values: Record<string, readonly (number | null)[] | undefined>;
  /** The user's locale (taskpane/locale.ts), for the percentages. */
  locale?: string;
}

export function ForecastHonesty({ records, values, locale = "en-US" }: ForecastHonestyProps) {
  const styles = useStyles();
  const lines = useMemo(() => forecastHonesty(records, values, locale), [records, values, locale]);
  return (
    <div className={styles.root}>
      <Text weight="semibold" id="forecast-honesty">
        Forecast honesty
      </Text>
      {lines.length === 0 ? (
        <Text size={200}>
          No forecast is recorded yet: each close records the outlooks and lead forecasts it shows, and once their actuals arrive this says how often the
          intervals held them.
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby="forecast-honesty">
          {lines.map((l) => (
            <li key={`${l.kind}-${l.coverage.level}`}>
              <Text size={200} data-testid="forecast-honesty">
                {TITLE[l.kind]}, {l.coverage.sentence}
                {l.waiting > 0 ? ` ${l.waiting} more wait${l.waiting === 1 ? "s" : ""} for ${l.waiting === 1 ? "its" : "their"} actual.` : ""}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
