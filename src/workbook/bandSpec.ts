/**
 * What a KPI's colours are computed from: its ID, target, At risk and direction. Its own module
 * so the rules of one target or a target per period (bandFormats.ts) and those of a rate
 * (rateBands.ts) both depend on it, and bandFormats.ts on rateBands.ts, never the other way.
 */
import type { Direction } from "../core/model/status";

export interface BandSpec {
  id: string;
  /** One target; null when each period has its own, in the KPI's target name (targetNameOf). */
  target: number | null;
  atRisk: number | null;
  atRiskPercent: number | null;
  direction: Direction;
}
