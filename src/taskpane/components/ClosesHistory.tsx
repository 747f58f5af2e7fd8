/**
 * A KPI's month ends in its History (issue 22, item 4): each close and reopen from the KPI
 * Reported table (what was reported, by whom, and why a period was reopened), then what was
 * restated since the close that stands.
 */
import { Text } from "@fluentui/react-components";
import type { ReportedEntry } from "../../core/model/reported";
import type { Restatement } from "../../core/model/restatement";
import { SimpleTable } from "./SimpleTable";

const figure = (n: number | null) => (n === null ? "no value" : n.toLocaleString("en-US", { maximumFractionDigits: 2 }));

function eventText(e: ReportedEntry): string {
  if (e.event === "Reopened") return `Reopened ${e.closedPeriod}: ${e.reason}`;
  return `Closed ${e.closedPeriod}: reported ${figure(e.value)} against ${figure(e.target)} (${e.status})`;
}

export interface ClosesHistoryProps {
  name: string;
  reported: readonly ReportedEntry[];
  restatements: readonly Restatement[];
  labelOf(period: number): string;
}

export function ClosesHistory({ name, reported, restatements, labelOf }: ClosesHistoryProps) {
  if (reported.length === 0 && restatements.length === 0) return null;
  // By time: the user may have sorted the table.
  const events = [...reported].sort((a, b) => a.when.localeCompare(b.when));
  return (
    <>
      {events.length > 0 && (
        <SimpleTable
          label={`Closes of ${name}`}
          headers={["When", "Period", "Event", "Who"]}
          rows={events.map((e) => [e.when.replace("T", " ").slice(0, 16), labelOf(e.period), eventText(e), e.who || "—"])}
        />
      )}
      {restatements.length > 0 && (
        <ul aria-label={`Restated since close: ${name}`} style={{ fontSize: 12, paddingLeft: 16 }}>
          {restatements.map((r) => (
            <li key={`${r.period}-${r.field}`}>
              <Text size={200}>
                {labelOf(r.period)}: {r.text}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
