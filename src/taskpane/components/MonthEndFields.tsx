/**
 * The tag/edit form's month-end fields (issue 22): when a variance matters (Materiality, as
 * KPI.VARIANCE takes it) and the month the financial year starts in (for year to date and the
 * year's outlook). Validated as the rest of the form is, with the message at the field
 * (kpi.ts validateDraft).
 */
import type { FieldKit } from "./fieldKit";

export function MonthEndFields({ kit }: { kit: FieldKit }) {
  const { text, styles } = kit;
  return (
    <div className={styles.pair} role="group" aria-label="Month end">
      {text("materiality", "Materiality", "When a variance matters: an amount (10000), a % of the target (5%), or both (10000 and 5%); empty: every variance")}
      {text("yearStart", "Year starts in", "The financial year's first month: 1 to 12 or its name (April); empty: January")}
    </div>
  );
}
