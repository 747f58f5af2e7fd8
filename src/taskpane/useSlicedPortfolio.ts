/**
 * The portfolio of the pane's latest read, computed in time slices (core/analysis/slicing.ts):
 * the first portfolio of a session over 300 KPIs is several hundred ms of work, which in one task
 * would freeze the pane and, in the shared runtime, every custom function with it (issue 25: a
 * task over 50 ms is a long task). The steps (portfolio.ts portfolioSteps) hand the thread back
 * between slices; a later read cancels a computation still running, so only the newest is shown.
 *
 * What the pane shows is one read throughout: the register and values returned here are those
 * the portfolio was computed from, so no card pairs new values with an older summary. A read
 * whose portfolio fits in one slice (any refresh once the summaries are kept) is shown before
 * the browser paints (a layout effect), so it never shows the previous read for a frame.
 */
import { useLayoutEffect, useState } from "react";
import { Cancelled, runSliced } from "../core/analysis/slicing";
import { Portfolio, portfolioOf, portfolioSteps } from "../core/model/portfolio";
import { keepUnchangedPortfolio } from "./keepUnchanged";
import type { PaneState } from "./usePane";

type Register = PaneState["register"];
type Series = PaneState["series"];
type PanePortfolio = Portfolio<NonNullable<Register>["kpis"][number], NonNullable<Register>["actions"][number]>;

export interface ShownRead {
  /** The register and values the portfolio was computed from. */
  register: Register;
  series: Series;
  portfolio: PanePortfolio;
  /** Whether a newer read's portfolio is still being computed. */
  computing: boolean;
}

export function useSlicedPortfolio(register: Register, series: Series): ShownRead {
  const [shown, setShown] = useState<Omit<ShownRead, "computing">>(() => ({
    // Nothing read is shown first; before the first read, that is the read itself.
    register: null,
    series: register === null ? series : {},
    portfolio: portfolioOf(null, {}, new Date()),
  }));
  useLayoutEffect(() => {
    // The pane opens with nothing read: the empty portfolio above is that read's.
    if (register === null) return;
    let superseded = false;
    // The health check's staleness is measured against the time of the read, like every number shown.
    const show = (next: PanePortfolio) => {
      if (!superseded) setShown((before) => ({ register, series, portfolio: keepUnchangedPortfolio(before.portfolio, next) }));
    };
    const answer = runSliced(portfolioSteps(register, series, new Date()), () => superseded);
    if (!(answer instanceof Promise)) show(answer);
    else
      answer.then(show, (e: unknown) => {
        // A fault in the analyses reaches the pane's error boundary, as it did when computed in render.
        if (!(e instanceof Cancelled))
          setShown(() => {
            throw e;
          });
      });
    return () => {
      superseded = true;
    };
  }, [register, series]);
  return { ...shown, computing: shown.register !== register || shown.series !== series };
}
