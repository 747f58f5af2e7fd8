/**
 * The strategy map: objectives → KPIs → initiatives, grouped by Balanced Scorecard perspective
 * (Kaplan & Norton, "Having trouble with your strategy? Then map it", HBR 2000: financial at
 * the top, then customer, internal process, learning and growth), with each leading KPI's arrow
 * to the outcome it predicts, labelled with the chain's validated best lag and r (leadLag.ts
 * bestLag: the numbers KPI.LEADLAG_CORR gives) and marked when the data no longer supports it
 * (review/fdr.ts verdicts). Pure: the layout the pane draws as SVG and reads out as a list.
 */
import { KpiDefinition } from "./kpi";
import { PortfolioVerdicts } from "../review/fdr";
import { Status, STATUS_LABEL } from "./status";
import { formatCorrelation } from "./numberText";

export const PERSPECTIVES = ["financial", "customer", "internal process", "learning and growth"] as const;
export const NO_PERSPECTIVE = "no perspective";

const TITLE: Record<string, string> = {
  financial: "Financial",
  customer: "Customer",
  "internal process": "Internal process",
  "learning and growth": "Learning and growth",
  [NO_PERSPECTIVE]: "No perspective",
};

/** Words a register may hold for each perspective. */
const ALIASES: Record<string, (typeof PERSPECTIVES)[number]> = {
  finance: "financial",
  customers: "customer",
  process: "internal process",
  "internal processes": "internal process",
  "internal business process": "internal process",
  learning: "learning and growth",
  "learning & growth": "learning and growth",
  people: "learning and growth",
};

/** A perspective as typed, in the map's words; "no perspective" when blank or not one of the four. */
export function perspectiveOf(text: string | undefined): string {
  const t = (text ?? "").trim().toLowerCase();
  if ((PERSPECTIVES as readonly string[]).includes(t)) return t;
  return ALIASES[t] ?? NO_PERSPECTIVE;
}

export interface MapKpi {
  id: string;
  name: string;
  kind: KpiDefinition["kind"];
  status: Status | null;
  /** "On track", "At risk", "Off track", "No data": said with the colour. */
  statusText: string;
  initiative: string;
  x: number;
  y: number;
}

export interface MapObjective {
  name: string;
  kpis: MapKpi[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLane {
  perspective: string;
  title: string;
  objectives: MapObjective[];
  y: number;
  height: number;
}

export interface MapArrow {
  from: string;
  to: string;
  lag: number | null;
  r: number | null;
  supported: boolean;
  /** "lag 2, r = 0.97" or "lag 2, r = 0.31, not supported" or "not tested"; r in the map's locale ("r = 0,97"). */
  label: string;
}

export interface StrategyMap {
  width: number;
  height: number;
  lanes: MapLane[];
  arrows: MapArrow[];
}

export const MAP = { width: 640, laneHeader: 26, objectiveHeader: 22, kpiHeight: 44, kpiWidth: 150, gap: 10, pad: 8 } as const;

type MapInput = Pick<KpiDefinition, "id" | "name" | "kind" | "objective" | "initiative" | "predicts"> & { perspective?: string };

/** The lanes in the map's order, each objective's KPIs stacked, objectives side by side. */
function lanesOf(kpis: readonly MapInput[], statusOf: (id: string) => Status | null): MapLane[] {
  const order = [...PERSPECTIVES, NO_PERSPECTIVE];
  const lanes: MapLane[] = [];
  let y = 0;
  for (const perspective of order) {
    const members = kpis.filter((k) => perspectiveOf(k.perspective) === perspective);
    if (members.length === 0) continue;
    const names = [...new Set(members.map((k) => k.objective.trim() || "No objective"))];
    const width = (MAP.width - MAP.gap * (names.length + 1)) / names.length;
    const tallest = Math.max(...names.map((n) => members.filter((k) => (k.objective.trim() || "No objective") === n).length));
    const height = MAP.laneHeader + MAP.objectiveHeader + tallest * (MAP.kpiHeight + MAP.gap) + MAP.pad;
    const objectives = names.map((name, i): MapObjective => {
      const x = MAP.gap + i * (width + MAP.gap);
      const top = y + MAP.laneHeader;
      const own = members.filter((k) => (k.objective.trim() || "No objective") === name);
      return {
        name,
        x,
        y: top,
        width,
        height: height - MAP.laneHeader - MAP.pad,
        kpis: own.map((k, j) => {
          const status = statusOf(k.id);
          return {
            id: k.id,
            name: k.name,
            kind: k.kind,
            status,
            statusText: status ? STATUS_LABEL[status] : "No data",
            initiative: k.initiative.trim(),
            x: x + width / 2,
            y: top + MAP.objectiveHeader + j * (MAP.kpiHeight + MAP.gap) + MAP.kpiHeight / 2,
          };
        }),
      };
    });
    lanes.push({ perspective, title: TITLE[perspective], objectives, y, height });
    y += height;
  }
  return lanes;
}

/** The map of a register: lanes, objectives, KPIs, and the chains' arrows with their verdicts, labelled in `locale` (numberText.ts). */
export function strategyMap(
  kpis: readonly MapInput[],
  statusOf: (id: string) => Status | null,
  chains: readonly { leading: { id: string }; lagging: { id: string }; analysis: { best: { lag: number; r: number } | null } }[],
  verdicts: PortfolioVerdicts,
  locale = "en-US",
): StrategyMap {
  const lanes = lanesOf(kpis, statusOf);
  const arrows = chains.map((c): MapArrow => {
    const verdict = verdicts.verdicts.find((v) => v.id === c.leading.id);
    const best = c.analysis.best;
    const supported = verdict?.supported ?? false;
    const label = best ? `lag ${best.lag}, r = ${formatCorrelation(best.r, locale)}${supported ? "" : ", not supported"}` : "not tested";
    return { from: c.leading.id, to: c.lagging.id, lag: best?.lag ?? null, r: best?.r ?? null, supported, label };
  });
  const last = lanes[lanes.length - 1];
  return { width: MAP.width, height: last ? last.y + last.height : 0, lanes, arrows };
}
