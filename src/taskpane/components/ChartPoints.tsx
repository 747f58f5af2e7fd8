/**
 * A chart's points, coloured by type, as one SVG path per colour and size rather than one circle
 * per point: each point is a zero-length subpath ("M x,y h0") whose round cap draws a disc of
 * the stroke's width ("SVG Strokes", stroke-linecap round: a zero-length subpath's stroke "consists
 * solely of a full circle centered at the subpath's point", svgwg.org/specs/strokes; W3C test
 * painting-control-04-f). Drawn as circles, the points were 39 of a KPI card's 90 elements: on 300
 * KPIs about 11,000 elements for React to create and Chromium to style and lay out in the open's
 * commits, where its odd long task lands (issue 25).
 */
import { PointType } from "../../core/analysis/spc";

export const POINT_COLOUR: Record<PointType, string> = {
  "Common cause": "#7F7F7F",
  Improvement: "#1F6FB2",
  Concern: "#E46C0A",
  High: "#1F6FB2",
  Low: "#E46C0A",
};

export interface ChartPointsProps {
  /** Each point's position in the chart's viewBox and its type. */
  points: readonly { x: number; y: number; type: PointType }[];
  /** A point's radius by its type. */
  radius: (type: PointType) => number;
}

export function ChartPoints({ points, radius }: ChartPointsProps) {
  const groups = new Map<string, { colour: string; r: number; d: string[] }>();
  for (const p of points) {
    const colour = POINT_COLOUR[p.type];
    const r = radius(p.type);
    const at = `${colour} ${r}`;
    const group = groups.get(at) ?? { colour, r, d: [] };
    group.d.push(`M${p.x},${p.y}h0`);
    groups.set(at, group);
  }
  return (
    <g data-chart-points="">
      {[...groups].map(([at, g]) => (
        <path key={at} d={g.d.join("")} fill="none" stroke={g.colour} strokeWidth={2 * g.r} strokeLinecap="round" />
      ))}
    </g>
  );
}
