/**
 * The KPI Lens task pane: tag the selected range as a KPI, and see every KPI by objective.
 * It knows the KpiWorkbook interface only; the workbench hands it the in-memory Excel, the
 * add-in the real one.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  Divider,
  Button,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useState } from "react";
import { definitionFromDraft, draftFromDefinition, EMPTY_DRAFT, idFromName, KpiDefinition, KpiDraft } from "../core/kpi";
import { KpiInput, KpiWorkbook, nameOf } from "../workbook/kpiWorkbook";
import { KpiList } from "./components/KpiList";
import { TagForm } from "./components/TagForm";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface AppProps {
  workbook: KpiWorkbook;
  dark?: boolean;
}

export function App({ workbook, dark = prefersDark() }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane workbook={workbook} />
    </FluentProvider>
  );
}

function inputOf(draft: KpiDraft): KpiInput {
  const { id: _id, source: _source, lastReviewed: _reviewed, ...input } = definitionFromDraft(draft, "", "", "");
  void _id;
  void _source;
  void _reviewed;
  return input;
}

function Pane({ workbook }: { workbook: KpiWorkbook }) {
  const styles = useStyles();
  const pane = usePane(workbook);
  const [editing, setEditing] = useState<KpiDefinition | null>(null);
  const kpis = pane.register?.kpis ?? [];
  const readOnly = pane.register?.readOnly ?? null;
  const selection = pane.selection;
  const target = selection && (selection.rowCount === 1 || selection.columnCount === 1) && selection.rowCount * selection.columnCount > 1 ? selection : null;

  const tag = (draft: KpiDraft) =>
    pane.act(
      "Tagging…",
      async () => {
        if (!target) throw new Error("Select one column or row of values first.");
        const id = idFromName(draft.name, kpis.map((k) => k.id));
        await workbook.tag(inputOf(draft), target.address, id);
      },
      `Tagged ${draft.name.trim()} as a KPI (${nameOf(idFromName(draft.name, kpis.map((k) => k.id)))}).`,
    );
  const save = (draft: KpiDraft) =>
    pane.act("Saving…", async () => {
      await workbook.update(editing!.id, inputOf(draft));
      setEditing(null);
    }, `Saved ${draft.name.trim()}.`);

  return (
    <main className={styles.root} aria-busy={pane.busy !== null}>
      <div className={styles.header}>
        <Title3 as="h1">KPI Lens</Title3>
        <Button appearance="subtle" disabled={pane.busy !== null} onClick={() => void pane.act("Refreshing…", () => Promise.resolve())}>
          Refresh
        </Button>
      </div>
      {pane.busy && <Spinner size="tiny" label={pane.busy} />}
      {pane.notice && (
        <MessageBar intent={pane.notice.intent} role={pane.notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{pane.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {readOnly && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {pane.register && pane.register.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text>Register rows KPI Lens cannot use (left as they are):</Text>
            <ul aria-label="Register problems">
              {pane.register.problems.map((p) => (
                <li key={`${p.row}-${p.message}`}>{p.row > 0 ? `Row ${p.row}${p.id ? ` (${p.id})` : ""} ${p.message}.` : p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="tag-heading">
        <Subtitle2 as="h2" id="tag-heading">
          {editing ? `Edit ${editing.name}` : "Tag a KPI"}
        </Subtitle2>
        {!editing && (
          <Text size={200} aria-live="polite">
            {target
              ? `Selected ${target.address} · ${target.numbers} number${target.numbers === 1 ? "" : "s"}${target.tableColumn ? ` · table column ${target.tableColumn.table}[${target.tableColumn.column}]` : ""}`
              : "Select one column (or row) of values in the sheet, oldest first."}
          </Text>
        )}
        <TagForm
          key={editing?.id ?? "new"}
          kpis={kpis}
          editing={editing}
          initial={editing ? draftFromDefinition(editing) : EMPTY_DRAFT}
          target={target ? target.address : null}
          disabled={pane.busy !== null || readOnly !== null}
          onSubmit={editing ? save : tag}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="kpis-heading">
        <Subtitle2 as="h2" id="kpis-heading">
          KPIs
        </Subtitle2>
        <KpiList
          kpis={kpis}
          series={pane.series}
          busy={pane.busy !== null}
          onSelect={(k) => void pane.act("Selecting…", () => workbook.select(k.id))}
          onEdit={(k) => setEditing(k)}
          onUntag={(k) => void pane.act("Untagging…", () => workbook.untag(k.id), `Untagged ${k.name}; its cells keep their values and your own formats.`)}
          onExtend={(k) => void pane.act("Extending…", () => workbook.extend(k.id), `${k.name} now includes its new periods.`)}
        />
      </section>
    </main>
  );
}

/** Office themes its task panes; follow the host's dark or light body background. */
function prefersDark(): boolean {
  const background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (background) return luminance(background) < 0.5;
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
}

function luminance(hex: string): number {
  const value = parseInt(hex.replace("#", ""), 16);
  return (0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255)) / 255;
}
