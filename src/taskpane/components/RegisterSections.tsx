/**
 * The register's sections of the pane: the KPIs' cards with what their buttons do, the actions
 * their triggers opened, the close of a period, and the health check with what deleted register
 * rows left behind. Each takes from the pane's model (usePaneModel.ts) what it shows and does,
 * so the pane's App lists them in a line each (as RhythmSections.tsx does for the review rhythm).
 */
import { defaultClose } from "../../core/model/closeView";
import { periodLabel } from "../../core/model/periods";
import { isoDay } from "../../core/model/portfolio";
import { PaneModel } from "../usePaneModel";
import { ActionsSection } from "./ActionsSection";
import { CloseSection } from "./CloseSection";
import { HealthSection } from "./HealthSection";
import { KpiList } from "./KpiList";
import { LeftoversSection } from "./LeftoversSection";
import { NoticeBar } from "./NoticeBar";
import { PaneSection } from "./PaneSection";

type SectionProps<K extends keyof PaneModel> = Pick<PaneModel, "portfolio" | "commands" | "noticeFor" | "busy" | K>;

/** A card per KPI, and what each card's buttons and menu do. */
export function KpiCards({
  portfolio,
  commands,
  noticeFor,
  busy,
  pane,
  editor,
  dialogs,
  say,
  showFormulas,
  locale,
}: SectionProps<"pane" | "editor" | "dialogs" | "say" | "showFormulas" | "locale">) {
  return (
    <PaneSection id="kpis" title="KPIs" notice={noticeFor("kpis")} divided>
      <KpiList
        kpis={portfolio.kpis}
        series={pane.series}
        busy={busy}
        summaries={portfolio.summaries}
        checkIns={portfolio.checkIns}
        onSelect={commands.select}
        onEdit={(k, field) => editor.edit(k, field)}
        onHistory={dialogs.showHistory}
        onCopied={(text) => say("kpis", { intent: "info", text })}
        onUntag={dialogs.askUntag}
        onAddNote={dialogs.openNote}
        onExtend={commands.extend}
        onReview={(k) => commands.review(k)}
        onFormulas={showFormulas}
        pack={portfolio.pack.cards}
        locale={locale}
      />
    </PaneSection>
  );
}

/** The actions triggers opened (with the message that offers to open the ones waiting), due by today. */
export function KpiActions({ portfolio, commands, noticeFor, busy, pendingActions, nameOf, locale }: SectionProps<"pendingActions" | "nameOf" | "locale">) {
  return (
    <PaneSection id="actions" title="Actions" notice={noticeFor("actions")} divided>
      <NoticeBar notice={pendingActions} />
      <ActionsSection
        actions={portfolio.actions}
        kpis={portfolio.kpis}
        today={isoDay(new Date())}
        busy={busy}
        labelOf={(k, p) => (k ? periodLabel(k.firstPeriod, k.cadence, p) : `period ${p}`)}
        onDone={(a, note) => commands.markDone(a, note, nameOf(a.kpi))}
        locale={locale}
      />
    </PaneSection>
  );
}

/** Close a period (offered: the latest with data) or reopen one; nothing to close without KPIs, nothing to change in a read-only register. */
export function ClosePeriod({ portfolio, commands, noticeFor, busy, pane, readOnly, nameOf }: SectionProps<"pane" | "readOnly" | "nameOf">) {
  const { kpis, summaries } = portfolio;
  if (kpis.length === 0) return null;
  return (
    <PaneSection id="close" title="Close a period" notice={noticeFor("close")} divided>
      <CloseSection
        kpis={kpis}
        reported={pane.register?.reported ?? []}
        initial={defaultClose(kpis, summaries)}
        busy={busy || readOnly !== null}
        onClose={(p) => void commands.closePeriod(p, nameOf)}
        onReopen={(p, reason) => void commands.reopenPeriod(p, reason)}
      />
    </PaneSection>
  );
}

/** The health check's findings with their fixes, and the KPI names and colours deleted register rows left behind. */
export function HealthCheck({
  portfolio,
  commands,
  noticeFor,
  busy,
  pane,
  readOnly,
  editor,
  dialogs,
}: SectionProps<"pane" | "readOnly" | "editor" | "dialogs">) {
  return (
    <PaneSection id="health" title="Health check" notice={noticeFor("health")} divided>
      <HealthSection
        findings={portfolio.findings}
        kpis={portfolio.kpis}
        busy={busy}
        onEdit={editor.edit}
        onReview={(k) => commands.review(k)}
        onNote={dialogs.openNote}
        onHistory={dialogs.showHistory}
        churn={portfolio.churn}
      />
      <LeftoversSection
        orphans={pane.register?.orphans ?? []}
        busy={busy}
        canRebuild={!readOnly}
        onRemove={(o) => commands.removeOrphan(o.id)}
        onRebuild={(o) => commands.rebuildOrphan(o.id)}
      />
    </PaneSection>
  );
}
