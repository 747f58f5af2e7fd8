/** KPI names and colours left behind when a register row or the register sheet was deleted. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Orphan } from "../../workbook/kpiWorkbook";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export interface LeftoversSectionProps {
  orphans: readonly Orphan[];
  busy: boolean;
  canRebuild: boolean;
  onRemove(orphan: Orphan): void;
  onRebuild(orphan: Orphan): void;
}

export function LeftoversSection({ orphans, busy, canRebuild, onRemove, onRebuild }: LeftoversSectionProps) {
  const styles = useStyles();
  if (orphans.length === 0) return null;
  return (
    <ul aria-label="Leftovers of deleted KPIs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {orphans.map((o) => (
        <li key={o.id} className={styles.item}>
          <Text size={200} id={`orphan-${o.id}`}>
            {o.id} has no register row, but{" "}
            {[o.name ? `its name ${o.name}${o.source ? ` (${o.source})` : ""}` : null, o.formatsAt ? `its colours on ${o.formatsAt}` : null]
              .filter(Boolean)
              .join(" and ")}{" "}
            {o.name && o.formatsAt ? "are" : "is"} still in the workbook.
          </Text>
          <span className={styles.buttons}>
            {canRebuild && o.source && (
              <Button size="small" disabled={busy} onClick={() => onRebuild(o)} aria-describedby={`orphan-${o.id}`}>
                Rebuild its row
              </Button>
            )}
            <Button size="small" disabled={busy} onClick={() => onRemove(o)} aria-describedby={`orphan-${o.id}`}>
              Remove leftovers
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}
