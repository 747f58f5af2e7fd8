/**
 * The KPI Lens task pane: tag the selected range as a KPI, and see every KPI by objective.
 * It knows the KpiWorkbook interface only; the workbench hands it the in-memory Excel, the
 * add-in the real one.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  Field,
  Input,
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
import { useEffect, useMemo, useRef, useState } from "react";
import { analyseChain } from "../core/chain";
import { changeFormula, chainFormula, forecastFormula, spcFormula, statusFormula } from "../core/formulas";
import { forecastOutcome } from "../core/outcomeForecast";
import { addedVsRetired, healthCheck } from "../core/guardrails";
import { firings, Firing } from "../core/actions";
import { needsNote } from "../core/checkins";
import { periodLabel } from "../core/periods";
import { CheckInDialog, CheckInTarget } from "./components/CheckInDialog";
import { ActionsSection } from "./components/ActionsSection";
import { definitionFromDraft, draftFromDefinition, EMPTY_DRAFT, KpiDefinition, KpiDraft } from "../core/kpi";
import { parseAddress, qualified } from "../core/a1";
import { HistoryEntry, KpiInput, KpiWorkbook, nameOf } from "../workbook/kpiWorkbook";
import { ChainEntry, ChainSection } from "./components/ChainSection";
import { FormulaChoice, FormulaSection } from "./components/FormulaSection";
import { HealthSection } from "./components/HealthSection";
import { KpiList, summaryOf } from "./components/KpiList";
import { LeftoversSection } from "./components/LeftoversSection";
import { UntagDialog } from "./components/UntagDialog";
import { HistoryDialog } from "./components/HistoryDialog";
import { TagForm } from "./components/TagForm";
import { describeError, Notice, usePane } from "./usePane";

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
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, source, lastReviewed, ...input } = definitionFromDraft(draft, "", "", "");
  return input;
}

/** Today as yyyy-mm-dd in the user's own time zone. */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Whether a target range runs the other way from the values (a budget row for a column of values). */
function crosswise(source: string | null | undefined, targetRange: string): boolean {
  if (!source || !targetRange) return false;
  try {
    return (parseAddress(source).colCount === 1) !== (parseAddress(targetRange).colCount === 1);
  } catch {
    return false;
  }
}

/** The top-left cell of a selection, where an inserted formula goes. */
function firstCell(address: string): string | null {
  try {
    const a = parseAddress(address);
    return a.sheet === undefined ? null : qualified(a.sheet, { row: a.row, col: a.col, rowCount: 1, colCount: 1 });
  } catch {
    return null;
  }
}

function Pane({ workbook }: { workbook: KpiWorkbook }) {
  const styles = useStyles();
  const pane = usePane(workbook);
  const [editing, setEditing] = useState<KpiDefinition | null>(null);
  const [formulaKpi, setFormulaKpi] = useState("");
  const [confirmUntag, setConfirmUntag] = useState<KpiDefinition | null>(null);
  const [historyOf, setHistoryOf] = useState<{ kpi: KpiDefinition; entries: HistoryEntry[] } | null>(null);
  // Excel gives an add-in no identity: the history names whoever the user says they are.
  const [author, setAuthor] = useState(() => readAuthor());
  useEffect(() => {
    workbook.setAuthor(author);
    saveAuthor(author);
  }, [workbook, author]);
  // A message shows next to the part of the pane whose action caused it.
  const [noticeAt, setNoticeAt] = useState<NoticePlace>("top");
  const actAt =
    (where: NoticePlace): typeof pane.act =>
    (...args) => {
      setNoticeAt(where);
      return pane.act(...args);
    };
  const noticeHere = (where: NoticePlace) => (noticeAt === where ? <NoticeBar notice={pane.notice} /> : null);
  const [focusField, setFocusField] = useState<keyof KpiDraft | undefined>(undefined);
  // A message the workbook gave about one field (a target range of the wrong length), shown at it.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const onFieldError = (field: string, message: string) => setFieldError({ field, message });
  const edit = (k: KpiDefinition, field?: string) => {
    setEditing(k);
    setFocusField((field as keyof KpiDraft | undefined) ?? "name");
  };
  const kpis = useMemo(() => pane.register?.kpis ?? [], [pane.register]);
  const chains: ChainEntry[] = useMemo(
    () =>
      kpis.flatMap((leading) => {
        const lagging = kpis.find((k) => k.id === leading.predicts && k.kind === "lagging");
        if (leading.kind !== "leading" || !lagging) return [];
        const analysis = analyseChain(
          { name: leading.name, values: pane.series[leading.id]?.values ?? [] },
          { name: lagging.name, values: pane.series[lagging.id]?.values ?? [], cadence: lagging.cadence },
          leading.direction === lagging.direction,
        );
        const forecast =
          analysis.supported && analysis.best
            ? forecastOutcome(leading, lagging, pane.series[leading.id]?.values ?? [], pane.series[lagging.id]?.values ?? [], analysis.best.lag)
            : null;
        return [{ leading, lagging, analysis, forecast }];
      }),
    [kpis, pane.series],
  );
  const checkIns = useMemo(() => pane.register?.checkIns ?? [], [pane.register]);
  const actions = useMemo(() => pane.register?.actions ?? [], [pane.register]);
  const summaries = useMemo(() => Object.fromEntries(kpis.map((k) => [k.id, summaryOf(k, pane.series[k.id])])), [kpis, pane.series]);
  const findings = useMemo(
    () =>
      healthCheck({
        kpis,
        chainSupported: Object.fromEntries(chains.map((c) => [c.leading.id, c.analysis.best ? c.analysis.supported : undefined])),
        today: new Date(),
        offTrackWithoutNote: kpis.filter((k) => needsNote(checkIns, k.id, summaries[k.id].latestPeriod, summaries[k.id].status)).map((k) => k.id),
      }),
    [kpis, chains, checkIns, summaries],
  );
  const churn = useMemo(() => addedVsRetired(pane.register?.history ?? []), [pane.register]);
  const [noteFor, setNoteFor] = useState<CheckInTarget | null>(null);
  const openNote = (k: KpiDefinition) => {
    const summary = summaries[k.id];
    const periods = pane.series[k.id]?.values.length ?? 0;
    if (periods === 0) return;
    setNoteFor({ kpi: k, periods, period: summary.latestPeriod ?? periods, labelOf: (p) => periodLabel(k.firstPeriod, k.cadence, p), statuses: summary.statuses });
  };

  // A KPI turning Off track, or its trigger firing, opens an action for its owner (once per
  // KPI, period and rule: the workbook checks again before it writes). Each firing is tried
  // once per pane session, so a table that cannot be written does not retry on every change.
  const tried = useRef(new Set<string>());
  const [actionsNotice, setActionsNotice] = useState<Notice | null>(null);
  const registerReadOnly = pane.register?.readOnly ?? null;
  useEffect(() => {
    if (pane.busy !== null || registerReadOnly || kpis.length === 0) return;
    const due: Firing[] = kpis.flatMap((k) => {
      const summary = summaries[k.id];
      const series = pane.series[k.id];
      if (!summary || !series || series.problem) return [];
      return firings(k, series.values, summary.statuses, summary.variation, actions);
    });
    const fresh = due.filter((f) => !tried.current.has(`${f.kpi}|${f.period}|${f.rule}`));
    if (fresh.length === 0) return;
    // Shown as pending, written only when the user asks: a runtime that a calculating KPI.*
    // formula started without a visible pane must never write ("Configure your Office Add-in to
    // use a shared runtime": the runtime runs whenever a function calculates), and co-authors'
    // panes must not race to add the same rows. One batch, deduplicated by the workbook layer.
    const names = fresh.map((f) => `${kpis.find((k) => k.id === f.kpi)?.name ?? f.kpi} (${f.rule}, period ${f.period})`);
    setActionsNotice({
      intent: "warning",
      text: `${fresh.length === 1 ? "A trigger fired" : `${fresh.length} triggers fired`}: ${names.join("; ")}.`,
      action: {
        label: fresh.length === 1 ? "Open the action" : `Open ${fresh.length} actions`,
        run: () => {
          fresh.forEach((f) => tried.current.add(`${f.kpi}|${f.period}|${f.rule}`));
          setActionsNotice(null);
          workbook.openActions(fresh, todayIso()).then(
            (opened) => {
              if (opened.length > 0) {
                setActionsNotice({
                  intent: "success",
                  text: `Opened ${opened.length === 1 ? "an action" : `${opened.length} actions`}: ${opened.map((a) => `${kpis.find((k) => k.id === a.kpi)?.name ?? a.kpi} (${a.rule}), ${a.owner || "no owner"} by ${a.due}`).join("; ")}.`,
                });
              }
              void pane.refresh();
            },
            (e: unknown) => setActionsNotice({ intent: "error", text: `KPI Lens could not open the actions: ${describeError(e)}` }),
          );
        },
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kpis, summaries, actions, pane.busy, registerReadOnly]);
  const choicesFor = (k: KpiDefinition): FormulaChoice[] => {
    const periods = Math.max(1, pane.series[k.id]?.values.length ?? 1);
    const choices: FormulaChoice[] = [
      { label: "Status of every period (the last is the latest)", formula: statusFormula(k, crosswise(pane.series[k.id]?.address, k.targetRange)), size: { rows: periods, columns: 1 } },
      { label: "Latest change (XmR detail)", formula: changeFormula(k), size: { rows: 2, columns: 7 } },
      { label: "Variation and assurance (SPC detail)", formula: spcFormula(k, summaries[k.id].spcBaseline), size: { rows: 15, columns: 2 } },
    ];
    const chain = chains.find((c) => c.leading.id === k.id);
    if (chain) {
      const lengths = { leading: pane.series[chain.leading.id]?.values.length ?? 0, lagging: pane.series[chain.lagging.id]?.values.length ?? 0 };
      choices.push({
        label: `Lead-lag to ${chain.lagging.name} (best lag)`,
        formula: chainFormula(chain.leading, chain.lagging, lengths, chain.analysis.maxLag, chain.analysis.differenced),
        size: { rows: 1, columns: 4 },
      });
      if (chain.forecast && chain.analysis.best) {
        choices.push({
          label: `Forecast of ${chain.lagging.name} (80% interval)`,
          formula: forecastFormula(chain.leading, chain.lagging, lengths, chain.analysis.best.lag),
          size: { rows: chain.analysis.best.lag + 1, columns: 4 },
        });
      }
    }
    return choices;
  };
  const review = (k: KpiDefinition, replaceFormulas = false): void =>
    void actAt("kpis")("Recording the review…", () => workbook.markReviewed(k.id, todayIso(), { replaceFormulas }), {
      done: `Marked ${k.name} reviewed today.`,
      replaceFormulas: () => review(k, true),
    });
  const untag = (k: KpiDefinition) => {
    setConfirmUntag(null);
    void actAt("kpis")("Untagging…", () => workbook.untag(k.id), {
      done: (receipt) => ({
        intent: "success",
        text: `Untagged ${k.name}; its cells keep their values and your own formats.`,
        action: { label: "Undo", run: () => void actAt("kpis")("Putting it back…", () => workbook.undoUntag(receipt), `${k.name} is back, as it was.`) },
      }),
    });
  };
  const readOnly = pane.register?.readOnly ?? null;
  const selection = pane.selection;
  const target = selection && (selection.rowCount === 1 || selection.columnCount === 1) && selection.rowCount * selection.columnCount > 1 ? selection : null;

  const tag = (draft: KpiDraft) =>
    actAt("form")(
      "Tagging…",
      async () => {
        // The selection at the moment of the click, not the one last shown: a quick user (or
        // script) may select and press before the pane has caught up.
        const current = await workbook.readSelection();
        setFieldError(null);
        return { kpi: await workbook.tag(inputOf(draft), current.address, undefined, todayIso()), selected: current.address };
      },
      {
        fieldError: onFieldError,
        done: ({ kpi, selected }) => ({
          intent: "success",
          text: `Tagged ${kpi.name} as a KPI (${nameOf(kpi.id)})${kpi.source.replace(/\$/g, "") !== selected && !kpi.source.includes("[") ? `, on ${kpi.source.replace(/\$/g, "")}: the part of your selection that holds values` : ""}.`,
        }),
      },
    );
  const save = (draft: KpiDraft, replaceFormulas = false): Promise<boolean> =>
    actAt("form")(
      "Saving…",
      async () => {
        setFieldError(null);
        await workbook.update(editing!.id, inputOf(draft), { replaceFormulas, opened: editing! });
        setEditing(null);
      },
      {
        // Inserted formulas name a per-period target by KPITarget_<ID> and one number by its register cell.
        done: editing && (editing.target === null) !== (inputOf(draft).target === null) ? `Saved ${draft.name.trim()}. Formulas you inserted for it before refer to its old kind of target: insert them again.` : `Saved ${draft.name.trim()}.`,
        replaceFormulas: () => void save(draft, true),
        fieldError: onFieldError,
      },
    );

  return (
    <main className={styles.root} aria-busy={pane.busy !== null}>
      <div className={styles.header}>
        <Title3 as="h1">KPI Lens</Title3>
        <Button appearance="subtle" disabled={pane.busy !== null} onClick={() => void actAt("top")("Refreshing…", () => Promise.resolve())}>
          Refresh
        </Button>
      </div>
      {pane.busy && <Spinner size="tiny" label={pane.busy} />}
      {noticeHere("top")}
      {readOnly && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {pane.register && pane.register.tableProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{pane.register.tableProblems.join(" ")}</MessageBarBody>
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
          disabled={pane.busy !== null || readOnly !== null}
          onSubmit={editing ? save : tag}
          onCancel={editing ? () => setEditing(null) : undefined}
          focusField={editing ? focusField : undefined}
          fieldError={fieldError}
          onEdited={() => setFieldError(null)}
        />
        {noticeHere("form")}
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="kpis-heading">
        <Subtitle2 as="h2" id="kpis-heading">
          KPIs
        </Subtitle2>
        {noticeHere("kpis")}
        <KpiList
          kpis={kpis}
          series={pane.series}
          busy={pane.busy !== null}
          onSelect={(k) => void actAt("kpis")("Selecting…", () => workbook.select(k.id))}
          onEdit={(k) => edit(k)}
          onHistory={(k) =>
            void workbook.history(k.id).then(
              (entries) => setHistoryOf({ kpi: k, entries }),
              () => setHistoryOf({ kpi: k, entries: [] }),
            )
          }
          onCopied={(text) => {
            setNoticeAt("kpis");
            pane.say({ intent: "info", text });
          }}
          onUntag={(k) => setConfirmUntag(k)}
          checkIns={checkIns}
          summaries={summaries}
          onAddNote={openNote}
          onExtend={(k) => void actAt("kpis")("Extending…", () => workbook.extend(k.id), `${k.name} now includes its new periods.`)}
          onReview={review}
          onFormulas={(k) => {
            setFormulaKpi(k.id);
            document.getElementById("formulas-heading")?.scrollIntoView({ behavior: "smooth" });
          }}
        />
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="actions-heading">
        <Subtitle2 as="h2" id="actions-heading">
          Actions
        </Subtitle2>
        {noticeHere("actions")}
        <NoticeBar notice={actionsNotice} />
        <ActionsSection
          actions={actions}
          kpis={kpis}
          today={todayIso()}
          busy={pane.busy !== null}
          labelOf={(k, p) => (k ? periodLabel(k.firstPeriod, k.cadence, p) : `period ${p}`)}
          onDone={(a, note) => void actAt("actions")("Marking it done…", () => workbook.setActionStatus(a, "done", note, todayIso()), `Marked the action on ${kpis.find((k) => k.id === a.kpi)?.name ?? a.kpi} done.`)}
        />
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="chain-heading">
        <Subtitle2 as="h2" id="chain-heading">
          Lead-lag chain
        </Subtitle2>
        <ChainSection chains={chains} />
      </section>

      <Divider />
      <section className={styles.section} aria-labelledby="health-heading">
        <Subtitle2 as="h2" id="health-heading">
          Health check
        </Subtitle2>
        {noticeHere("health")}
        <HealthSection findings={findings} kpis={kpis} busy={pane.busy !== null} onEdit={edit} onReview={(k) => review(k)} onNote={openNote} churn={churn} />
        <LeftoversSection
          orphans={pane.register?.orphans ?? []}
          busy={pane.busy !== null}
          canRebuild={!readOnly}
          onRemove={(o) => void actAt("health")("Removing leftovers…", () => workbook.removeOrphan(o.id), `Removed what was left of ${o.id}.`)}
          onRebuild={(o) => void actAt("health")("Rebuilding…", () => workbook.recoverOrphan(o.id), `Rebuilt the register row of ${o.id} from its name and colours: add its owner, objective and response.`)}
        />
      </section>

      {kpis.length > 0 && (
        <>
          <Divider />
          <section className={styles.section} aria-labelledby="scorecard-heading">
            <Subtitle2 as="h2" id="scorecard-heading">
              Scorecard sheet
            </Subtitle2>
            <Text size={200}>A sheet with one row per KPI by objective (latest, target, status, variation, trend), all live formulas, and a line chart of each. Building it again replaces only what it built before.</Text>
            <Button
              disabled={pane.busy !== null || readOnly !== null}
              onClick={() =>
                void actAt("scorecard")("Building the scorecard…", () => workbook.buildScorecard(), {
                  done: (r) => ({ intent: "success", text: `${r.rebuilt ? "Rebuilt" : "Built"} the sheet ${r.sheet}: ${r.rows} KPI${r.rows === 1 ? "" : "s"}, ${r.charts} chart${r.charts === 1 ? "" : "s"}.` }),
                })
              }
            >
              Build scorecard sheet
            </Button>
            {noticeHere("scorecard")}
          </section>
          <Divider />
          <section className={styles.section} aria-labelledby="formulas-heading">
            <Subtitle2 as="h2" id="formulas-heading">
              Insert a formula
            </Subtitle2>
            <FormulaSection
              kpis={kpis}
              choicesFor={choicesFor}
              cell={selection ? firstCell(selection.address) : null}
              busy={pane.busy !== null}
              kpiId={formulaKpi}
              onKpiChange={setFormulaKpi}
              onInsert={(shown, choice) =>
                void actAt("formulas")("Inserting…", async () => {
                  const cell = firstCell((await workbook.readSelection()).address) ?? shown;
                  await workbook.insertFormula(cell, choice.formula, choice.size);
                }, `Inserted ${choice.formula}.`)
              }
            />
            {noticeHere("formulas")}
          </section>
        </>
      )}
      <Divider />
      <Field label="Your name in the KPI history" hint="Excel does not tell add-ins who you are; changes you make are recorded under this name.">
        <Input value={author} onChange={(_, d) => setAuthor(d.value)} />
      </Field>
      <UntagDialog kpi={confirmUntag} onConfirm={untag} onCancel={() => setConfirmUntag(null)} />
      <HistoryDialog
        name={historyOf?.kpi.name ?? null}
        entries={historyOf?.entries ?? []}
        notes={historyOf ? checkIns.filter((c) => c.kpi.toUpperCase() === historyOf.kpi.id.toUpperCase()) : []}
        labelOf={(p) => (historyOf ? periodLabel(historyOf.kpi.firstPeriod, historyOf.kpi.cadence, p) : String(p))}
        onClose={() => setHistoryOf(null)}
      />
      <CheckInDialog
        target={noteFor}
        onClose={() => setNoteFor(null)}
        onSave={(k, checkIn) => actAt("kpis")("Saving the note…", () => workbook.addCheckIn(k.id, checkIn), `Saved the note on ${k.name} (${periodLabel(k.firstPeriod, k.cadence, checkIn.period)}).`)}
      />
    </main>
  );
}

type NoticePlace = "top" | "form" | "kpis" | "health" | "formulas" | "actions" | "scorecard";

/** The message of the last action, with its follow-up (Undo, Replace my formula) if it has one. */
function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text}</MessageBarBody>
      {notice.action && (
        <MessageBarActions>
          <Button size="small" onClick={notice.action.run}>
            {notice.action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

const AUTHOR_KEY = "kpilens.author";

/** The user's name for the history, kept in the pane's own storage (not in the workbook). */
function readAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return "";
  }
}

function saveAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    /* storage unavailable: the name lasts as long as the pane */
  }
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
