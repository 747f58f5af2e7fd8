/**
 * The lead-lag chain ("Check the chain" in the README): for each leading KPI with a Predicts,
 * its correlogram and the verdict. The verdicts control the false discovery rate across every
 * leading KPI (core/review/fdr.ts: Benjamini–Hochberg), and the sentence says so; a bar that
 * crosses its 5% line under a "no evidence" verdict is explained (core/review/correlogram.ts);
 * a forecast on levels under evidence found on changes says so (outcomeForecast.ts levelsCaveat).
 * Every r, p and q in the user's locale: the sentences the portfolio holds (in en-US) are written
 * again here from the verdicts and forecasts it holds (numberText.ts).
 */
import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChainEntry } from "../../core/model/portfolio";
import { CHAIN_ALPHA, fdrClause } from "../../core/model/chain";
import { formatCorrelation, formatPercent, formatSignificant } from "../../core/model/numberText";
import { forecastSentence, levelsCaveat } from "../../core/model/outcomeForecast";
import { boundSentence } from "../../core/review/correlogram";
import { PortfolioVerdicts, verdictSentence } from "../../core/review/fdr";
import { Correlogram } from "./Correlogram";
import { useRevealed } from "../useRevealed";

const useStyles = makeStyles({ card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS } });
const UNIT = { weekly: "weeks", monthly: "months", quarterly: "quarters" } as const;

export interface ChainSectionProps {
  chains: ChainEntry[];
  verdicts?: PortfolioVerdicts;
  busy?: boolean;
  /** Reads the numbers again and checks every chain on them. */
  onCheck?: () => void;
  /** The user's locale (taskpane/locale.ts), for every r, p and q. */
  locale?: string;
}

/** About the first screen of chains, each with its correlogram. */
const CHAINS_AT_ONCE = 4;

export function ChainSection({ chains, verdicts, busy = false, onCheck, locale = "en-US" }: ChainSectionProps) {
  const styles = useStyles();
  // Each chain's correlogram is a table and a chart: the first few now, the rest a chunk a task (useRevealed.ts).
  const revealed = useRevealed(chains.length, CHAINS_AT_ONCE);
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
          {supported} of {chains.length} chain{chains.length === 1 ? "" : "s"} supported by the data, {fdrClause(verdicts.tested, CHAIN_ALPHA, locale)}.
          {verdicts.changed.length > 0 ? ` ${verdicts.changed.length} would pass on its own but not once every leading KPI is counted.` : ""}
        </Text>
      )}
      {chains.slice(0, revealed).map((chain) => {
        const { leading, lagging, analysis, forecast } = chain;
        const verdict = verdicts?.verdicts.find((v) => v.id === leading.id);
        const bound = boundSentence(analysis, locale);
        // Without the portfolio's verdicts, the chain's own sentence (no q), as analyseChain states it.
        const sentence = verdictSentence(chain, verdict?.q ?? null, verdicts?.tested ?? 0, locale);
        return (
          <Card key={leading.id} className={styles.card} aria-label={`Chain ${leading.name} to ${lagging.name}`}>
            <Text weight="semibold">
              {leading.name} → {lagging.name}
            </Text>
            <Correlogram chain={analysis} title={`${leading.name} and ${lagging.name}`} unit={UNIT[lagging.cadence]} locale={locale} />
            <Text size={200} data-testid="chain-sentence">
              {sentence}
            </Text>
            {analysis.best && (
              <Text size={200}>
                Best lag {analysis.best.lag}, r = {formatCorrelation(analysis.best.r, locale)}, Bonferroni-adjusted p ={" "}
                {formatSignificant(analysis.best.pAdjusted, locale, 2)} over {analysis.best.lagsTested} lags
                {verdict?.q != null ? `, Benjamini–Hochberg q = ${formatSignificant(verdict.q, locale, 2)} across ${verdicts!.tested} leading KPIs` : ""}.
                Dashed lines: significance at {formatPercent(CHAIN_ALPHA, locale)} for one lag.
              </Text>
            )}
            {bound && (
              <Text size={200} data-testid="bound-sentence">
                {bound}
              </Text>
            )}
            {forecast && (verdict?.supported ?? true) && (
              <Text size={200} data-testid="forecast-sentence">
                {forecastSentence(forecast, leading, lagging, locale)}
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
