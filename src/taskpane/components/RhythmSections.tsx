/**
 * The review rhythm's sections of the pane (issue 24): Due this close with its Review mode, and
 * the lead-lag chain with the strategy map beneath it. Composed here so the pane's App lists
 * them in a line each.
 */
import { Portfolio } from "../../core/model/portfolio";
import { Commands } from "../useCommands";
import { Notice } from "../usePane";
import { displayLocale } from "../locale";
import { ChainSection } from "./ChainSection";
import { DueReview } from "./DueReview";
import { ForecastHonesty, ForecastHonestyProps } from "./ForecastHonesty";
import { PaneSection } from "./PaneSection";
import { StrategyMapSection } from "./StrategyMapSection";

interface RhythmProps {
  portfolio: Portfolio;
  commands: Commands;
  notice: Notice | null;
  busy: boolean;
}

/** What this close asks a review of, by owner, and the Review mode; the close is today. Beneath, how honest past closes' forecasts were. */
export function DueThisClose({ portfolio, commands, notice, busy, locale, close, forecasts }: RhythmProps & { locale: string; close: string; forecasts: ForecastHonestyProps }) {
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
        <ChainSection chains={portfolio.chains} verdicts={portfolio.verdicts} busy={busy} onCheck={commands.checkChain} locale={shown} />
      </PaneSection>
      {portfolio.kpis.length > 0 && (
        <PaneSection id="map" title="Strategy map" divided>
          <StrategyMapSection portfolio={portfolio} locale={shown} />
        </PaneSection>
      )}
    </>
  );
}
