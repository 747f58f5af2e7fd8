/**
 * The review rhythm's sections of the pane (issue 24): Due this close with its Review mode, and
 * the lead-lag chain with the strategy map beneath it. Composed here so the pane's App lists
 * them in a line each. The chain (its correlograms) and the strategy map are below the first
 * screen: each is a chunk of its own, loaded as the pane first renders them (issue 25).
 */
import { Portfolio } from "../../core/model/portfolio";
import { Commands } from "../useCommands";
import { Notice } from "../usePane";
import { LazyPart, lazyNamed } from "../lazyPart";
import { displayLocale } from "../locale";
import { DueReview } from "./DueReview";
import { ForecastHonesty, ForecastHonestyProps } from "./ForecastHonesty";
import { PaneSection } from "./PaneSection";

const ChainSection = lazyNamed(() => import(/* webpackChunkName: "chain" */ "./ChainSection"), "ChainSection");
const StrategyMapSection = lazyNamed(() => import(/* webpackChunkName: "strategy-map" */ "./StrategyMapSection"), "StrategyMapSection");

interface RhythmProps {
  portfolio: Portfolio;
  commands: Commands;
  notice: Notice | null;
  busy: boolean;
}

/** What this close asks a review of, by owner, and the Review mode; the close is today. Beneath, how honest past closes' forecasts were. */
export function DueThisClose({
  portfolio,
  commands,
  notice,
  busy,
  locale,
  close,
  forecasts,
}: RhythmProps & { locale: string; close: string; forecasts: ForecastHonestyProps }) {
  if (portfolio.kpis.length === 0) return null;
  return (
    <PaneSection id="due" title="Due this close" notice={notice} divided>
      <DueReview portfolio={portfolio} close={close} busy={busy} locale={locale} onReviewed={commands.reviewAtClose} />
      <ForecastHonesty {...forecasts} locale={locale} />
    </PaneSection>
  );
}

/**
 * The chain's verdicts (with its Check the chain button) and the strategy map they draw, their
 * numbers in `locale` (taskpane/locale.ts); without one, the pane's own display language.
 */
export function ChainAndMap({ portfolio, commands, notice, busy, locale }: RhythmProps & { locale?: string }) {
  const shown = locale ?? displayLocale();
  return (
    <>
      <PaneSection id="chain" title="Lead-lag chain" notice={notice} divided>
        <LazyPart loading="Loading the chain…">
          <ChainSection chains={portfolio.chains} verdicts={portfolio.verdicts} busy={busy} onCheck={commands.checkChain} locale={shown} />
        </LazyPart>
      </PaneSection>
      {portfolio.kpis.length > 0 && (
        <PaneSection id="map" title="Strategy map" divided>
          <LazyPart loading="Loading the strategy map…">
            <StrategyMapSection portfolio={portfolio} locale={shown} />
          </LazyPart>
        </PaneSection>
      )}
    </>
  );
}
