/** The styles a KPI's card and its parts share (KpiCard.tsx and the files of its parts). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Status } from "../../core/model/status";

export const useCardStyles = makeStyles({
  // A card off screen is not laid out or painted (content-visibility, CSS Containment 2), yet stays in the
  // accessibility tree and the page's find: in Chromium every task of a 300-card pane otherwise paid
  // ~50 ms of style and layout for all of them (npm run bench -- --only pane-300-browser). "auto"
  // remembers a card's height once drawn; 180px stands in until then.
  card: { padding: tokens.spacingVerticalS, contentVisibility: "auto", containIntrinsicSize: "auto 180px" },
  row: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  icons: { display: "flex", gap: tokens.spacingHorizontalXS },
});

/** A status's badge colour; "none" for a period without data. */
export const BADGE: Record<Status | "none", "success" | "warning" | "danger" | "informative"> = {
  on: "success",
  risk: "warning",
  off: "danger",
  none: "informative",
};
