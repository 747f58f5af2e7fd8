/**
 * The strategy map as a picture and as a nested list (the list is what a screen reader reads;
 * the picture says the same). Own SVG rather than a chart library: the map is boxes, text and
 * arrows with a fixed layout (core/model/strategyMap.ts), which a diagram library would add weight to
 * without drawing anything we need. Literal colours, not theme tokens, so the exported file is
 * the same picture on a slide as in the pane; each status is also a shape and a word, never
 * colour alone (WCAG 2.2, 1.4.1 Use of Color).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import { MAP, MapArrow, MapKpi, StrategyMap as MapModel } from "../../core/model/strategyMap";
import { Status } from "../../core/model/status";

export const STATUS_COLOUR: Record<Status | "none", string> = { on: "#107C10", risk: "#8A6A00", off: "#C50F1F", none: "#616161" };
const INK = "#242424";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** The status's shape: circle on track, triangle at risk, square off track, a bar for no data. */
function StatusShape({ status, x, y }: { status: Status | null; x: number; y: number }) {
  const fill = STATUS_COLOUR[status ?? "none"];
  if (status === "on") return <circle cx={x} cy={y} r={5} fill={fill} />;
  if (status === "risk") return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} fill={fill} />;
  if (status === "off") return <rect x={x - 5} y={y - 5} width={10} height={10} fill={fill} />;
  return <rect x={x - 5} y={y - 1.5} width={10} height={3} fill={fill} />;
}

const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text);

function KpiNode({ kpi, width }: { kpi: MapKpi; width: number }) {
  const w = Math.min(MAP.kpiWidth, width - 8);
  const left = kpi.x - w / 2;
  const top = kpi.y - MAP.kpiHeight / 2;
  const chars = Math.floor((w - 22) / 6.5);
  return (
    <g data-kpi={kpi.id}>
      <title>{`${kpi.name}: ${kpi.statusText}, ${kpi.kind}${kpi.initiative ? `; initiative ${kpi.initiative}` : ""}`}</title>
      <rect x={left} y={top} width={w} height={MAP.kpiHeight} rx={4} fill="#ffffff" stroke={STATUS_COLOUR[kpi.status ?? "none"]} strokeWidth={2.5} />
      <StatusShape status={kpi.status} x={left + 10} y={top + 12} />
      <text x={left + 20} y={top + 16} fontSize={11} fontWeight={600} fill={INK}>
        {clip(kpi.name, chars)}
      </text>
      <text x={left + 8} y={top + 29} fontSize={9.5} fill={INK}>
        {clip(`${kpi.statusText} · ${kpi.kind}`, chars + 3)}
      </text>
      <text x={left + 8} y={top + 40} fontSize={9} fill="#424242">
        {clip(kpi.initiative ? `→ ${kpi.initiative}` : "no initiative", chars + 4)}
      </text>
    </g>
  );
}

function Arrow({ arrow, map }: { arrow: MapArrow; map: MapModel }) {
  const all = map.lanes.flatMap((l) => l.objectives.flatMap((o) => o.kpis));
  const a = all.find((k) => k.id === arrow.from);
  const b = all.find((k) => k.id === arrow.to);
  if (!a || !b) return null;
  const half = MAP.kpiHeight / 2;
  const up = b.y < a.y;
  const sameRow = Math.abs(b.y - a.y) < 1;
  const start = { x: a.x, y: sameRow ? a.y - half : a.y + (up ? -half : half) };
  const end = { x: b.x, y: sameRow ? b.y - half : b.y + (up ? half : -half) };
  const bend = { x: (start.x + end.x) / 2 + (sameRow ? 0 : 24), y: sameRow ? start.y - 30 : (start.y + end.y) / 2 };
  const colour = arrow.supported ? INK : "#8A6A00";
  const mid = { x: (start.x + 2 * bend.x + end.x) / 4, y: (start.y + 2 * bend.y + end.y) / 4 };
  return (
    <g data-arrow={`${arrow.from}-${arrow.to}`} data-dashed={!arrow.supported}>
      <path
        d={`M ${start.x} ${start.y} Q ${bend.x} ${bend.y} ${end.x} ${end.y}`}
        fill="none"
        stroke={colour}
        strokeWidth={1.8}
        strokeDasharray={arrow.supported ? undefined : "5 4"}
        markerEnd="url(#map-arrowhead)"
      />
      <rect x={mid.x - 3} y={mid.y - 10} width={arrow.label.length * 5.6 + 6} height={14} fill="#ffffff" opacity={0.9} />
      <text x={mid.x} y={mid.y} fontSize={10} fill={colour} fontStyle={arrow.supported ? "normal" : "italic"}>
        {arrow.supported ? arrow.label : `⚠ ${arrow.label}`}
      </text>
    </g>
  );
}

/** The picture. Its names and arrows are the list's (StrategyMapList), which is the text equivalent. */
export const StrategyMapSvg = forwardRef<SVGSVGElement, { map: MapModel }>(function StrategyMapSvg({ map }, ref) {
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width="100%"
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="img"
      aria-label="Strategy map: the list that follows gives every perspective, objective, KPI and arrow"
      fontFamily="Segoe UI, sans-serif"
    >
      <defs>
        <marker id="map-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={INK} />
        </marker>
      </defs>
      <rect x={0} y={0} width={map.width} height={map.height} fill="#ffffff" />
      {map.lanes.map((lane, i) => (
        <g key={lane.perspective} data-lane={lane.perspective}>
          <rect x={0} y={lane.y} width={map.width} height={lane.height} fill={i % 2 === 0 ? "#f5f5f5" : "#ebebeb"} />
          <text x={MAP.gap} y={lane.y + 17} fontSize={12} fontWeight={700} fill={INK}>
            {lane.title}
          </text>
          {lane.objectives.map((o) => (
            <g key={o.name}>
              <rect x={o.x} y={o.y} width={o.width} height={o.height} rx={6} fill="#fafafa" stroke="#8a8a8a" />
              <text x={o.x + 6} y={o.y + 15} fontSize={10.5} fontWeight={600} fill={INK}>
                {clip(o.name, Math.floor((o.width - 12) / 6))}
              </text>
              {o.kpis.map((k) => (
                <KpiNode key={k.id} kpi={k} width={o.width} />
              ))}
            </g>
          ))}
        </g>
      ))}
      {map.arrows.map((a) => (
        <Arrow key={`${a.from}-${a.to}`} arrow={a} map={map} />
      ))}
    </svg>
  );
});

/** The map in words: perspective → objective → KPI (status, initiative, what it predicts). */
export function StrategyMapList({ map, nameOf }: { map: MapModel; nameOf(id: string): string }) {
  const styles = useStyles();
  return (
    <ul aria-label="Strategy map in words" className={styles.list}>
      {map.lanes.map((lane) => (
        <li key={lane.perspective}>
          {lane.title}
          <ul aria-label={`${lane.title} objectives`}>
            {lane.objectives.map((o) => (
              <li key={o.name}>
                Objective {o.name}
                <ul aria-label={`KPIs of ${o.name}`}>
                  {o.kpis.map((k) => (
                    <li key={k.id}>
                      {k.name}: {k.statusText}, {k.kind}
                      {k.initiative ? `; initiative ${k.initiative}` : "; no initiative"}
                      {map.arrows
                        .filter((a) => a.from === k.id)
                        .map((a) => `; predicts ${nameOf(a.to)} (${a.label})`)
                        .join("")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
