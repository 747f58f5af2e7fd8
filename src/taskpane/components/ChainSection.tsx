/**
 * The lead-lag chain ("Check the chain" in the README): for each leading KPI with a Predicts,
 * its correlogram and the verdict. The verdicts control the false discovery rate across every
 * leading KPI (core/review/fdr.ts: Benjamini–Hochberg), and the sentence says so; a bar that
 * crosses its 5% line under a "no evidence" verdict is explained (core/review/correlogram.ts);
 * a forecast on levels under evidence found on changes says so (outcomeForecast.ts levelsCaveat).
 */
import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChainEntry } from "../../core/model/portfolio";
import { levelsCaveat } from "../../core/model/outcomeForecast";
import { boundSentence } from "../../core/review/correlogram";
import { PortfolioVerdicts } from "../../core/review/fdr";
import { Correlogram } from "./Correlogram";

const useStyles = makeStyles({ card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS } });
const UNIT = { weekly: "weeks", monthly: "months", quarterly: "quarters" } as const;

export interface ChainSectionProps {
  chains: ChainEntry[];
  verdicts?: PortfolioVerdicts;
  busy?: boolean;
  /** Reads the numbers again and checks every chain on them. */
  onCheck?: () => void;
}

export function ChainSection({ chains, verdicts, busy = false, onCheck }: ChainSectionProps) {
  const styles = useStyles();
  if (chains.length === 0) return <Text size={200}>No leading KPI predicts a lagging one yet: tag a leading KPI and choose what it predicts.</Text>;
  const supported = verdicts?.verdicts.filter((v) => v.supported).length;
  return (
    <>
      {onCheck && (
        <div>
          <Button disabled={busy} onClick={onCheck}>
            Check the chain
          </Button>
        </div>
      )}
      {verdicts && verdicts.tested > 0 && (
        <Text size={200} data-testid="chain-summary">
          {supported} of {chains.length} chain{chains.length === 1 ? "" : "s"} supported by the data, {verdicts.clause}.
          {verdicts.changed.length > 0 ? ` ${verdicts.changed.length} would pass on its own but not once every leading KPI is counted.` : ""}
        </Text>
      )}
      {chains.map(({ leading, lagging, analysis, forecast }) => {
        const verdict = verdicts?.verdicts.find((v) => v.id === leading.id);
        const bound = boundSentence(analysis);
        return (
          <Card key={leading.id} className={styles.card} aria-label={`Chain ${leading.name} to ${lagging.name}`}>
            <Text weight="semibold">
              {leading.name} → {lagging.name}
            </Text>
            <Correlogram chain={analysis} title={`${leading.name} and ${lagging.name}`} unit={UNIT[lagging.cadence]} />
            <Text size={200} data-testid="chain-sentence">
              {verdict?.sentence ?? analysis.sentence}
            </Text>
            {analysis.best && (
              <Text size={200}>
                Best lag {analysis.best.lag}, r = {analysis.best.r.toFixed(2)}, Bonferroni-adjusted p = {analysis.best.pAdjusted.toPrecision(2)} over {analysis.best.lagsTested} lags
                {verdict?.q != null ? `, Benjamini–Hochberg q = ${verdict.q.toPrecision(2)} across ${verdicts!.tested} leading KPIs` : ""}. Dashed lines: significance at 5% for one lag.
              </Text>
            )}
            {bound && (
              <Text size={200} data-testid="bound-sentence">
                {bound}
              </Text>
            )}
            {forecast && (verdict?.supported ?? true) && (
              <Text size={200} data-testid="forecast-sentence">
                {forecast.sentence}
              </Text>
            )}
            {forecast && (verdict?.supported ?? true) && analysis.differenced && (
              <Text size={200} data-testid="forecast-levels">
                {levelsCaveat(leading.name, lagging.name)}
              </Text>
            )}
          </Card>
        );
      })}
    </>
  );
}
