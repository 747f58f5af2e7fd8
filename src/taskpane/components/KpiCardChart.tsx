/** A KPI card's chart area: the process behaviour chart and its icons, for a KPI with enough values for limits. */
import { Button, Text } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { chartNudge } from "../../core/review/chartNudge";
import { ChartWindow } from "./ChartWindow";
import { useCardStyles } from "./kpiCardStyles";
import { AssuranceIcon, VariationIcon } from "./SpcIcons";

type CardChartProps = {
  kpi: KpiDefinition;
  summary: KpiSummary;
  targets: (number | null)[];
  locale: string;
  busy: boolean;
  onEdit(kpi: KpiDefinition, field?: string): void;
};

/** Whether the latest point sits above the centre (a special cause high), for the icon's letter. */
function latestHigh(summary: KpiSummary): boolean {
  const v = summary.spcValues[summary.spcValues.length - 1];
  return summary.spc !== null && v > summary.spc.centre;
}

export function CardChart({ kpi, summary, targets, locale, busy, onEdit }: CardChartProps) {
  const styles = useCardStyles();
  if (!summary.spc || !summary.variation) return null;
  // Most points special: the limits span a change (core/review/chartNudge.ts); a rate's chart is its own (rateSummary.ts).
  const nudge = summary.rate ? null : chartNudge(summary.spc, kpi.spcFrom);
  return (
    <>
      <div className={styles.row}>
        <span className={styles.icons}>
          <VariationIcon type={summary.variation} high={latestHigh(summary)} />
          {summary.assurance && <AssuranceIcon assurance={summary.assurance} />}
        </span>
        <Text size={200} data-testid="spc-summary">
          {summary.variationLabel}
          {summary.assurance ? ` · ${summary.assurance.toLowerCase()}` : ""}
          {summary.spcBaseline ? ` · limits from the first ${summary.spcBaseline} periods` : ""}
        </Text>
      </div>
      <ChartWindow
        rate={summary.rate}
        baseline={summary.spcBaseline}
        chart={summary.spc}
        values={summary.spcValues}
        title={`Process behaviour chart of ${kpi.name}`}
        target={summary.target}
        targets={targets}
        locale={locale}
      />
      {nudge && (
        <div className={styles.row}>
          <Text size={200} data-testid="chart-nudge">
            {nudge.sentence}
          </Text>
          <Button size="small" disabled={busy} onClick={() => onEdit(kpi, "spcFrom")}>
            Set Chart from period for {kpi.name}
          </Button>
        </div>
      )}
    </>
  );
}
