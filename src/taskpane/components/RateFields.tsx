/**
 * The tag/edit form's rate fields (issue 23): the range holding each period's denominator (visits
 * for orders, units made for defects), and whether the KPI is a proportion or a rate per N. The
 * KPI's values are then the counts, and everything the pane says of it is about the rate
 * (rates.ts). Validated with the rest of the form (kpi.ts validateDraft, rates.ts rateDraftErrors).
 */
import type { FieldKit } from "./fieldKit";

export function RateFields({ kit }: { kit: FieldKit }) {
  const { text, styles } = kit;
  return (
    <div className={styles.pair} role="group" aria-label="Rate">
      {text(
        "denominator",
        "Denominator",
        "For a rate: the range with each period's denominator, as long as the values (e.g. 'Web shop'!B2:B37); empty: not a rate",
      )}
      {text("rateAs", "Rate as", "proportion (values are cases among the denominator), or per 1000 (events per 1,000 units); empty: proportion")}
    </div>
  );
}
