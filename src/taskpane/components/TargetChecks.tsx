/**
 * What the form says about a target before it is saved: a target range of the wrong length is
 * refused at the field (the workbook refused it only at Tag), one mostly blank is warned about
 * (core/review/targetRange.ts), and a target the current process cannot reach is flagged with
 * the process limits shown (core/review/realism.ts: KPI.SPC's assurance "Consistently fails").
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { KpiDraft, parseNumber, targetRangeOf } from "../../core/model/kpi";
import { draftRealism, Realism, realismFigures } from "../../core/review/realism";
import { targetRangeCheck, TargetRangeCheck } from "../../core/review/targetRange";

/** What the form knows of the KPI's data: its values, its periods, and its range's targets as read. */
export interface TargetContext {
  values?: readonly (number | null)[];
  /** The KPI's periods (the source's cells); null when not known. */
  periods?: number | null;
  /** The targets of the KPI's saved range, and that range (so a newly typed range is not judged by the old one's cells). */
  targets?: readonly (number | null)[] | null;
  targetRange?: string;
}

export interface TargetVerdict {
  range: TargetRangeCheck;
  realism: Realism | null;
}

const bare = (address: string) => address.replace(/\$/g, "").replace(/^=/, "").trim().toUpperCase();

/** The checks of the draft's target against what is known of the KPI's data. */
export function targetVerdict(draft: KpiDraft, name: string, context: TargetContext = {}): TargetVerdict {
  const isRange = parseNumber(draft.target) === null && targetRangeOf(draft.target) !== null;
  const sameRange = context.targetRange !== undefined && bare(context.targetRange) === bare(draft.target);
  const range = isRange
    ? targetRangeCheck(draft.target, context.periods ?? null, sameRange ? (context.targets ?? null) : null, name)
    : { error: null, warning: null };
  const realism = context.values ? draftRealism(draft, context.values) : null;
  return { range, realism };
}

/** The warning and the realism flag under the target's field (the error is the field's own message). */
export function TargetChecks({ verdict, locale }: { verdict: TargetVerdict; locale: string }) {
  const { range, realism } = verdict;
  const shown = realism ? realismFigures(realism, realism.target, locale) : null;
  return (
    <>
      {range.warning && (
        <MessageBar intent="warning" role="status" data-testid="target-range-warning">
          <MessageBarBody>{range.warning}</MessageBarBody>
        </MessageBar>
      )}
      {realism?.flagged && (
        <MessageBar intent="warning" role="status" data-testid="target-realism">
          <MessageBarBody>
            KPI.SPC&apos;s assurance against this target: consistently fails. The process runs between its limits {shown!.lower} and {shown!.upper} (centre{" "}
            {shown!.centre}): it cannot reach this target without a change. Save it anyway if the change is planned.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
