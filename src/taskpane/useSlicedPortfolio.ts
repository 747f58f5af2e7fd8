/**
 * The read the pane shows, with its portfolio computed in time slices (core/analysis/slicing.ts):
 * the first portfolio of a session over 300 KPIs is several hundred ms of work, which in one task
 * would freeze the pane and, in the shared runtime, every custom function with it (issue 25: a
 * task over 50 ms is a long task). The steps (portfolio.ts portfolioSteps) hand the thread back
 * between slices; a later read cancels a computation still running, so only the newest is shown.
 *
 * What the pane shows is one read throughout: the register and values returned here are those
 * the portfolio was computed from, so no card pairs new values with an older summary. A read
 * reaches React only with its portfolio, as one update: before, the register went into state
 * first and the portfolio after it, so every refresh rendered the whole pane twice.
 *
 * The update is a transition (React's startTransition): React renders it in slices of a few ms and
 * yields to the browser between them, where an urgent update renders in one task. On 300 KPIs
 * that render is 60-200 ms of work (npm run bench -- --only pane-300-browser). React keeps showing
 * the previous read, whole, until the new one is committed; typing in the form stays urgent.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { Cancelled, runSliced } from "../core/analysis/slicing";
import { Portfolio, portfolioOf, portfolioSteps } from "../core/model/portfolio";
import type { KpiSeries, RegisterState } from "../workbook/kpiWorkbook";
import { keepUnchangedPortfolio } from "./keepUnchanged";

type Series = Record<string, KpiSeries>;
export type PanePortfolio = Portfolio<RegisterState["kpis"][number], RegisterState["actions"][number]>;

export interface ShownRead {
  /** The register and values the portfolio was computed from; null before the first read is shown. */
  register: RegisterState | null;
  series: Series;
  portfolio: PanePortfolio;
}

export interface SlicedPortfolio {
  shown: ShownRead;
  /** Whether a newer read than the one shown is being computed or rendered. */
  reading: boolean;
  /** Computes a read's portfolio and shows the two together, unless a newer read comes first. */
  show(register: RegisterState, series: Series): void;
}

export function useSlicedPortfolio(): SlicedPortfolio {
  const [shown, setShown] = useState<ShownRead>(() => ({ register: null, series: {}, portfolio: portfolioOf(null, {}, new Date()) }));
  const running = useRef<{ superseded: boolean } | null>(null);
  // The newest read, so that a render between a read and its showing (the pane's busy state
  // cleared when the refresh returns) says the pane is still reading, not that it is done.
  const latest = useRef<RegisterState | null>(null);
  useEffect(
    () => () => {
      if (running.current) running.current.superseded = true;
    },
    [],
  );
  const show = useCallback((register: RegisterState, series: Series) => {
    if (running.current) running.current.superseded = true;
    const run = { superseded: false };
    running.current = run;
    latest.current = register;
    const display = (next: PanePortfolio) => {
      if (run.superseded) return;
      startTransition(() => setShown((before) => ({ register, series, portfolio: keepUnchangedPortfolio(before.portfolio, next) })));
    };
    // The health check's staleness is measured against the time of the read, like every number shown.
    const answer = runSliced(portfolioSteps(register, series, new Date()), () => run.superseded);
    if (!(answer instanceof Promise)) return display(answer);
    answer.then(display, (e: unknown) => {
      // A fault in the analyses reaches the pane's error boundary, as it did when computed in render.
      if (!(e instanceof Cancelled))
        setShown(() => {
          throw e;
        });
    });
  }, []);
  // The newest read only ever moves forward: a render that sees a newer one than it shows is still reading.
  return { shown, show, reading: latest.current !== null && latest.current !== shown.register };
}
