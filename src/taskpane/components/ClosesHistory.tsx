/**
 * A KPI's month ends in its History (issue 22, item 4): each close and reopen from the KPI
 * Reported table (what was reported, by whom, and why a period was reopened), then what was
 * restated since the close that stands. Every figure in the user's locale (numberText.ts).
 */
import { Text } from "@fluentui/react-components";
import type { ReportedEntry } from "../../core/model/reported";
import { restatementText, type Restatement } from "../../core/model/restatement";
import { formatNumber } from "../../core/model/numberText";
import { SimpleTable } from "./SimpleTable";

/** A close or a reopen in words: "Closed 2025-12: reported 1.443,5 against 1.400 (On track)" in de-DE. */
export function eventText(e: ReportedEntry, locale = "en-US"): string {
  const figure = (n: number | null) => (n === null ? "no value" : formatNumber(n, locale, 2));
  if (e.event === "Reopened") return `Reopened ${e.closedPeriod}: ${e.reason}`;
  return `Closed ${e.closedPeriod}: reported ${figure(e.value)} against ${figure(e.target)} (${e.status})`;
}

export interface ClosesHistoryProps {
  name: string;
  reported: readonly ReportedEntry[];
  restatements: readonly Restatement[];
  labelOf(period: number): string;
  /** The user's locale (taskpane/locale.ts), for the figures. */
  locale?: string;
}

export function ClosesHistory({ name, reported, restatements, labelOf, locale = "en-US" }: ClosesHistoryProps) {
  if (reported.length === 0 && restatements.length === 0) return null;
  // By time: the user may have sorted the table.
  const events = [...reported].sort((a, b) => a.when.localeCompare(b.when));
  return (
    <>
      {events.length > 0 && (
        <SimpleTable
          label={`Closes of ${name}`}
          headers={["When", "Period", "Event", "Who"]}
          rows={events.map((e) => [e.when.replace("T", " ").slice(0, 16), labelOf(e.period), eventText(e, locale), e.who || "—"])}
        />
      )}
      {restatements.length > 0 && (
        <ul aria-label={`Restated since close: ${name}`} style={{ fontSize: 12, paddingLeft: 16 }}>
          {restatements.map((r) => (
            <li key={`${r.period}-${r.field}`}>
              <Text size={200}>
                {labelOf(r.period)}: {restatementText(r, locale)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
