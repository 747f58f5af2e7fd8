/**
 * The name the KPI history records changes under (author.ts keeps it). Asked once, at the top
 * of the pane before the first change it names; once given, it shows as a line saying under
 * which name changes are recorded, with a button to change it (the walk found the field at the
 * foot of a 2,000-pixel pane, after the changes it was meant to sign).
 */
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { KpiWorkbook } from "../../workbook/kpiWorkbook";
import { useAuthor } from "../author";

const useStyles = makeStyles({ row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" } });

export function AuthorField({ workbook }: { workbook: KpiWorkbook }) {
  const styles = useStyles();
  const [author, setAuthor] = useAuthor(workbook);
  const [asking, setAsking] = useState(() => author.trim() === "");
  if (!asking) {
    return (
      <div className={styles.row}>
        <Text size={200} data-testid="author-line">
          Changes you make are recorded in the KPI history as <strong>{author}</strong>.
        </Text>
        <Button size="small" onClick={() => setAsking(true)}>
          Change name
        </Button>
      </div>
    );
  }
  const done = () => author.trim() !== "" && setAsking(false);
  return (
    <div className={styles.row}>
      <Field label="Your name in the KPI history" hint="Excel does not tell add-ins who you are; changes you make are recorded under this name.">
        <Input value={author} onChange={(_, d) => setAuthor(d.value)} onKeyDown={(e) => e.key === "Enter" && done()} />
      </Field>
      <Button size="small" disabled={author.trim() === ""} onClick={done}>
        Use this name
      </Button>
    </div>
  );
}
