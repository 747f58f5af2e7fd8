/** Builds (or rebuilds in place) the Scorecard sheet. */
import { Button, Text } from "@fluentui/react-components";

export function ScorecardSection({ disabled, onBuild }: { disabled: boolean; onBuild(): void }) {
  return (
    <>
      <Text size={200}>A sheet with one row per KPI by objective (latest, target, status, variation, trend), all live formulas, and a line chart of each. Building it again replaces only what it built before.</Text>
      <Button disabled={disabled} onClick={onBuild}>
        Build scorecard sheet
      </Button>
    </>
  );
}
