/** A small trend line of a KPI's values with its target, drawn in SVG, with a text alternative. */
import { tokens } from "@fluentui/react-components";

export interface SparklineProps {
  values: readonly (number | null)[];
  /** The latest period's target; null when it has none. */
  target: number | null;
  /**
   * Each period's own target, aligned with `values` (a budget row): drawn as the budget line it
   * is, not as one flat line at the latest period's figure.
   */
  targets?: readonly (number | null)[] | null;
  label: string;
  width?: number;
  height?: number;
  /** How its text alternative writes a number: the card's own figures in the user's locale (taskpane/locale.ts); String when none is given. */
  format?: (n: number) => string;
}

/** An SVG path through the points with a number, broken at gaps. */
function pathOf(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let path = "";
  values.forEach((v, i) => {
    if (v === null) return;
    path += `${path === "" || values[i - 1] === null ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  return path;
}

/** Whether the targets differ between periods (else one line says the same). */
export function varies(targets: readonly (number | null)[] | null | undefined): targets is readonly (number | null)[] {
  const known = (targets ?? []).filter((t): t is number => t !== null);
  return known.length > 1 && known.some((t) => t !== known[0]);
}

export function Sparkline({ values, target, targets, label, width = 120, height = 32, format = String }: SparklineProps) {
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length < 2) return null;
  const budget = varies(targets) ? targets : null;
  const budgetNumbers = (budget ?? []).filter((t): t is number => t !== null);
  const bounds = [...numbers, ...budgetNumbers, ...(target === null ? [] : [target])];
  const lo = Math.min(...bounds);
  const hi = Math.max(...bounds);
  const span = hi - lo || 1;
  const x = (i: number) => (values.length === 1 ? 0 : (i / (values.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 2 - ((v - lo) / span) * (height - 4);
  const last = numbers[numbers.length - 1];
  const first = numbers[0];
  const said = budget
    ? `budget from ${format(budgetNumbers[0])} to ${format(budgetNumbers[budgetNumbers.length - 1])}`
    : target === null
      ? "no target"
      : `target ${format(target)}`;
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: ${numbers.length} periods from ${format(first)} to ${format(last)}, ${said}`}>
      {budget ? (
        <path d={pathOf(budget, x, y)} fill="none" stroke={tokens.colorNeutralStroke1} strokeDasharray="3 2" data-testid="budget-line" />
      ) : (
        target !== null && <line x1={0} x2={width} y1={y(target)} y2={y(target)} stroke={tokens.colorNeutralStroke1} strokeDasharray="3 2" />
      )}
      <path d={pathOf(values, x, y)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.5} />
      <circle cx={x(values.lastIndexOf(last))} cy={y(last)} r={2.5} fill={tokens.colorBrandForeground1} />
    </svg>
  );
}
