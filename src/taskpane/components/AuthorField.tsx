/** The field where the user says who they are, for the KPI history (author.ts keeps it). */
import { Field, Input } from "@fluentui/react-components";
import { KpiWorkbook } from "../../workbook/kpiWorkbook";
import { useAuthor } from "../author";

export function AuthorField({ workbook }: { workbook: KpiWorkbook }) {
  const [author, setAuthor] = useAuthor(workbook);
  return (
    <Field label="Your name in the KPI history" hint="Excel does not tell add-ins who you are; changes you make are recorded under this name.">
      <Input value={author} onChange={(_, d) => setAuthor(d.value)} />
    </Field>
  );
}
