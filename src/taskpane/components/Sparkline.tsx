/** A small trend line of a KPI's values with its target, drawn in SVG, with a text alternative. */
import { tokens } from "@fluentui/react-components";

export interface SparklineProps {
  values: readonly (number | null)[];
  /** The latest period's target; null when it has none. */
  target: number | null;
  label: string;
  width?: number;
  height?: number;
}

export function Sparkline({ values, target, label, width = 120, height = 32 }: SparklineProps) {
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length < 2) return null;
  const bounds = target === null ? numbers : [target, ...numbers];
  const lo = Math.min(...bounds);
  const hi = Math.max(...bounds);
  const span = hi - lo || 1;
  const x = (i: number) => (values.length === 1 ? 0 : (i / (values.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 2 - ((v - lo) / span) * (height - 4);
  let path = "";
  values.forEach((v, i) => {
    if (v === null) return;
    path += `${path === "" || values[i - 1] === null ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  const last = numbers[numbers.length - 1];
  const first = numbers[0];
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: ${numbers.length} periods from ${first} to ${last}, ${target === null ? "no target" : `target ${target}`}`}>
      {target !== null && <line x1={0} x2={width} y1={y(target)} y2={y(target)} stroke={tokens.colorNeutralStroke1} strokeDasharray="3 2" />}
      <path d={path} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.5} />
      <circle cx={x(values.lastIndexOf(last))} cy={y(last)} r={2.5} fill={tokens.colorBrandForeground1} />
    </svg>
  );
}
