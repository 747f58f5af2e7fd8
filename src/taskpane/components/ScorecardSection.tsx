/**
 * Builds (or rebuilds in place) the Scorecard sheet, with the figures it shows (issue 22, item 4):
 * today's (as restated), or as reported at the latest close, read from KPI Reported. A rebuild
 * keeps the figures the sheet was built with unless others are picked here.
 */
import { Button, Field, Select, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { ScorecardView } from "../../core/excel/scorecardReported";

export interface ScorecardSectionProps {
  disabled: boolean;
  /** A period stands closed in KPI Reported, so there is something reported to show. */
  closed: boolean;
  onBuild(view?: ScorecardView): void;
}

type Choice = "" | ScorecardView;

// A native select takes its longest option's width unless told otherwise; the pane may be 320 px (as FormulaSection does).
const useStyles = makeStyles({ control: { width: "100%", minWidth: 0, maxWidth: "100%" } });

export function ScorecardSection({ disabled, closed, onBuild }: ScorecardSectionProps) {
  const styles = useStyles();
  const [choice, setChoice] = useState<Choice>("");
  const picked = choice === "reported" && !closed ? "" : choice;
  return (
    <>
      <Text size={200}>
        A sheet with one row per KPI by objective (latest, target, variance, status, year to date, the year's outlook, variation and assurance), a summary of
        every KPI most urgent first, all live formulas, and a line chart of each. Building it again replaces only what it built before.
      </Text>
      <Field
        className={styles.control}
        label="Figures"
        hint={
          closed
            ? "As reported: what the latest close recorded in KPI Reported. A new sheet starts as restated."
            : "As reported needs a closed period: close one first."
        }
      >
        {/* Short options: a native select is as wide as its longest, and the pane may be 320 px. */}
        <Select className={styles.control} value={picked} onChange={(_, d) => setChoice(d.value as Choice)}>
          <option value="">As the sheet has them</option>
          <option value="restated">As restated (today's)</option>
          <option value="reported" disabled={!closed}>
            As reported at the close
          </option>
        </Select>
      </Field>
      <Button disabled={disabled} onClick={() => onBuild(picked || undefined)}>
        Build scorecard sheet
      </Button>
    </>
  );
}
