/**
 * The strategy map's section: shown on request (it is wide and tall), with Save as SVG and
 * Save as PNG for a slide, and the map in words beneath the picture.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { Portfolio } from "../../core/model/portfolio";
import { strategyMap } from "../../core/model/strategyMap";
import { downloadPng, downloadSvg } from "../mapExport";
import { StrategyMapList, StrategyMapSvg } from "./StrategyMap";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  picture: { overflowX: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** `locale`: the user's (taskpane/locale.ts), for the arrows' r. */
export function StrategyMapSection({ portfolio, locale = "en-US" }: { portfolio: Portfolio; locale?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { kpis, summaries, chains, verdicts } = portfolio;
  const map = useMemo(() => strategyMap(kpis, (id) => summaries[id]?.status ?? null, chains, verdicts, locale), [kpis, summaries, chains, verdicts, locale]);
  if (kpis.length === 0) return null;
  const nameOf = (id: string) => kpis.find((k) => k.id === id)?.name ?? id;
  return (
    <>
      <div className={styles.row}>
        <Button aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "Hide the strategy map" : "Show the strategy map"}
        </Button>
        {open && (
          <>
            <Button onClick={() => svg.current && downloadSvg(svg.current)}>Save as SVG</Button>
            <Button onClick={() => svg.current && downloadPng(svg.current).catch((e: Error) => setProblem(e.message))}>Save as PNG</Button>
          </>
        )}
      </div>
      {problem && (
        <Text size={200} role="alert">
          {problem}
        </Text>
      )}
      {open && (
        <>
          <Text size={200}>
            Perspectives from the register&apos;s Perspective column; arrows from each leading KPI to the outcome it predicts, labelled with its best lag and r.
            A dashed arrow marked ⚠ is one the data no longer supports. Each KPI&apos;s border and shape give its status: circle On track, triangle At risk,
            square Off track.
          </Text>
          <div className={styles.picture}>
            <StrategyMapSvg ref={svg} map={map} />
          </div>
          <StrategyMapList map={map} nameOf={nameOf} />
        </>
      )}
    </>
  );
}
