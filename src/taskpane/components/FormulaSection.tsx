/** Inserts the live formula behind one of the pane's answers into the cell the user picks. */
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { KpiDefinition } from "../../core/model/kpi";
import { FormulaChoice } from "../../core/model/portfolio";
import { KpiSelect } from "./KpiSelect";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  control: { width: "100%", minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
});

export interface FormulaSectionProps {
  kpis: readonly KpiDefinition[];
  choicesFor(kpi: KpiDefinition): FormulaChoice[];
  /** The cell the formula will go to (the selection's top-left cell), or null. */
  cell: string | null;
  busy: boolean;
  kpiId: string;
  onKpiChange(id: string): void;
  onInsert(cell: string, choice: FormulaChoice): void;
}

export function FormulaSection({ kpis, choicesFor, cell, busy, kpiId, onKpiChange, onInsert }: FormulaSectionProps) {
  const styles = useStyles();
  const [which, setWhich] = useState(0);
  const kpi = kpis.find((k) => k.id === kpiId) ?? kpis[0];
  if (!kpi) return null;
  const choices = choicesFor(kpi);
  const choice = choices[Math.min(which, choices.length - 1)];
  return (
    <div className={styles.root}>
      <Field label="Formula for KPI">
        <KpiSelect className={styles.control} kpis={kpis} value={kpi.id} onChange={onKpiChange} />
      </Field>
      {/* A KPI may offer none (a KPI split by a column: segmentFormulas.ts; a block before its segments are read). */}
      {!choice && <Text size={200}>{kpi.name} has no formula to insert yet.</Text>}
      {choice && (
        <>
          <Field label="Answer">
            <Select className={styles.control} value={String(which)} onChange={(_, d) => setWhich(Number(d.value))}>
              {choices.map((c, i) => (
                <option key={c.label} value={i}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Text className={styles.code} aria-label="Formula to insert">
            {choice.formula}
          </Text>
          <Button disabled={busy || cell === null} onClick={() => cell && onInsert(cell, choice)}>
            {cell ? `Insert formula in ${cell}` : "Insert formula"}
          </Button>
          {cell === null && <Text size={200}>Select an empty cell in the sheet for the formula.</Text>}
        </>
      )}
    </div>
  );
}
