/** The lead-lag chain: for each leading KPI with a Predicts, its correlogram and a sentence. */
import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChainEntry } from "../../core/portfolio";
import { Correlogram } from "./Correlogram";

const useStyles = makeStyles({ card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS } });
const UNIT = { weekly: "weeks", monthly: "months", quarterly: "quarters" } as const;

export function ChainSection({ chains }: { chains: ChainEntry[] }) {
  const styles = useStyles();
  if (chains.length === 0) return <Text size={200}>No leading KPI predicts a lagging one yet: tag a leading KPI and choose what it predicts.</Text>;
  return (
    <>
      {chains.map(({ leading, lagging, analysis, forecast }) => (
        <Card key={leading.id} className={styles.card} aria-label={`Chain ${leading.name} to ${lagging.name}`}>
          <Text weight="semibold">
            {leading.name} → {lagging.name}
          </Text>
          <Correlogram chain={analysis} title={`${leading.name} and ${lagging.name}`} unit={UNIT[lagging.cadence]} />
          <Text size={200} data-testid="chain-sentence">
            {analysis.sentence}
          </Text>
          {analysis.best && (
            <Text size={200}>
              Best lag {analysis.best.lag}, r = {analysis.best.r.toFixed(2)}, Bonferroni-adjusted p = {analysis.best.pAdjusted.toPrecision(2)} over {analysis.best.lagsTested} lags. Dashed lines: significance at 5% for one lag.
            </Text>
          )}
          {forecast && (
            <Text size={200} data-testid="forecast-sentence">
              {forecast.sentence}
            </Text>
          )}
        </Card>
      ))}
    </>
  );
}
