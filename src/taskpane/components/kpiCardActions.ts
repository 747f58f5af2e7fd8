/** A KPI card's buttons as callbacks: a module of its own so the card and its parts both import it, neither the other. */
import type { KpiDefinition } from "../../core/model/kpi";

/** What a card's buttons do, each given the card's KPI. */
export interface CardActions {
  onSelect(kpi: KpiDefinition): void;
  /** Opens the form on the KPI, at `field` when given (the chart's nudge opens it at Chart from period). */
  onEdit(kpi: KpiDefinition, field?: string): void;
  onUntag(kpi: KpiDefinition): void;
  onExtend(kpi: KpiDefinition): void;
  onReview(kpi: KpiDefinition): void;
  onFormulas(kpi: KpiDefinition): void;
  onHistory(kpi: KpiDefinition): void;
  onAddNote(kpi: KpiDefinition): void;
}
