/** The styles a KPI's card and its parts share (KpiCard.tsx and the files of its parts). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Status } from "../../core/model/status";

export const useCardStyles = makeStyles({
  card: { padding: tokens.spacingVerticalS },
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
