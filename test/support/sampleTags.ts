/**
 * The sample workbook's KPIs as a user tags them through the pane in the browser walks
 * (test/browser): its Monthly KPIs columns with the owners, objectives and targets the walks use.
 */
import { Page } from "playwright-core";
import { tagThroughPane } from "../browser/browser";

/** Revenue ('Monthly KPIs'!B2:B37): Dana Whitfield's, Grow revenue, target 1300, At risk 1250. */
export function tagRevenue(page: Page): Promise<void> {
  return tagThroughPane(page, "'Monthly KPIs'!B2:B37", {
    name: "Revenue",
    owner: "Dana Whitfield",
    objective: "Grow revenue",
    target: "1300",
    atRisk: "1250",
  });
}

/** Churn ('Monthly KPIs'!C2:C37): Ana Lima's, Keep customers, lower is better, target 2.6, At risk 2.9. */
export function tagChurn(page: Page): Promise<void> {
  return tagThroughPane(page, "'Monthly KPIs'!C2:C37", {
    name: "Churn",
    owner: "Ana Lima",
    objective: "Keep customers",
    target: "2.6",
    atRisk: "2.9",
    direction: "lower",
  });
}

/** Qualified leads ('Monthly KPIs'!D2:D37): Sam Ortiz's, Grow revenue, target 240, a leading KPI said to predict Revenue. */
export function tagLeadsPredictingRevenue(page: Page): Promise<void> {
  return tagThroughPane(page, "'Monthly KPIs'!D2:D37", {
    name: "Qualified leads",
    owner: "Sam Ortiz",
    objective: "Grow revenue",
    target: "240",
    kind: "leading",
    predicts: "Revenue",
  });
}
