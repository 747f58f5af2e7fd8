/**
 * The card's month-end lines (issue 22) for a KPI with a target: this period's variance, the
 * year to date against budget, the year's outlook, and what was restated since a close. Every
 * figure is core/model/monthEnd.ts's, which KPI.VARIANCE and KPI.OUTLOOK compute too; the Formulas
 * button takes the user to the same answers as formulas to insert. Favourable and unfavourable
 * are said in words and shown in colour, never by colour alone.
 */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { CardPack } from "../../core/model/monthEndPane";
import { outlookSentence, VarianceFigures, varianceWords } from "../../core/model/monthEnd";
import { restatementText } from "../../core/model/restatement";
import { periodLabel } from "../../core/model/periods";
import { VarianceLabel } from "../../core/analysis/variance";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  restated: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const COLOUR: Record<VarianceLabel, "success" | "danger" | "informative"> = {
  Favourable: "success",
  Unfavourable: "danger",
  Over: "informative",
  Under: "informative",
  "On target": "informative",
};

/** The label as a badge: its word is the meaning, its colour repeats it. */
function LabelBadge({ figures }: { figures: VarianceFigures }) {
  return (
    <Badge appearance="tint" size="small" color={COLOUR[figures.label]}>
      {figures.label}
    </Badge>
  );
}

function Figures({ title, figures, testId, locale }: { title: string; figures: VarianceFigures; testId: string; locale: string }) {
  const styles = useStyles();
  return (
    <div className={styles.line}>
      <Text size={200} data-testid={testId}>
        {title}: {varianceWords(figures, locale)}
        {figures.material ? "" : " (not material)"}
      </Text>
      <LabelBadge figures={figures} />
    </div>
  );
}

/** `locale`: the user's (taskpane/locale.ts), for every figure in the lines. */
export function MonthEndDetail({ kpi, pack, locale = "en-US" }: { kpi: KpiDefinition; pack: CardPack | undefined; locale?: string }) {
  const styles = useStyles();
  if (!pack || (kpi.target === null && kpi.targetRange === "")) return null;
  const { monthEnd: me, restatements } = pack;
  const labelOf = (p: number) => periodLabel(kpi.firstPeriod, kpi.cadence, p);
  return (
    <div className={styles.root} role="group" aria-label={`Month end of ${kpi.name}`}>
      {me.period && <Figures title={`Variance ${labelOf(me.period.period)}`} figures={me.period} testId="variance" locale={locale} />}
      {me.ytd && me.yearStart !== null && (
        <Figures title={`Year to date from ${labelOf(Math.max(1, me.yearStart))}`} figures={me.ytd} testId="ytd-variance" locale={locale} />
      )}
      <Text size={200} data-testid="outlook">
        {me.outlook ? `Year: ${outlookSentence(me.outlook, locale)}` : `No outlook for the year: ${me.outlookReason}`}
      </Text>
      {restatements.length > 0 && (
        <ul aria-label={`Restatements of ${kpi.name}`} style={{ margin: 0, paddingLeft: 16 }}>
          {restatements.map((r) => (
            <li key={`${r.period}-${r.field}`}>
              <Text size={200} className={styles.restated} data-testid="restatement">
                {labelOf(r.period)} {restatementText(r, locale)} ({r.closedPeriod} closed by {r.closedBy || "someone"})
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
