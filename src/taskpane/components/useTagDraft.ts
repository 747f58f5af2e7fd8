/**
 * The tag/edit form's state (TagForm.tsx shows it): the draft as typed and as the register reads
 * it, which fields were touched, what validation says of them (with the same rules the register
 * reader applies, and the target's checks), and the submit that empties the form after a Tag.
 */
import { FormEvent, useMemo, useState } from "react";
import { EMPTY_DRAFT, FieldErrors, KpiDefinition, KpiDraft, validateDraft } from "../../core/model/kpi";
import { invariantDraft, localDraft } from "../locale";
import { TargetContext, targetVerdict } from "./TargetChecks";
import { ReadTargets, useTypedTargets } from "../review/useTypedTargets";

export interface TagDraftProps {
  /** The KPIs already in the register (for unique names and Predicts). */
  kpis: readonly KpiDefinition[];
  /** The KPI being edited, or null to tag a new one. */
  editing: KpiDefinition | null;
  initial: KpiDraft;
  onSubmit(draft: KpiDraft): Promise<boolean>;
  /** What the workbook said about a field on the last submit (a target range of the wrong length). */
  fieldError?: { field: string; message: string } | null;
  onEdited?(): void;
  /** The user's locale: numbers are typed and shown with its decimal separator (locale.ts). */
  locale?: string;
  /** What is known of the KPI's data, for the target's checks before save. */
  targetContext?: TargetContext;
  /** Reads a typed target range's numbers, for the mostly-blank warning before Tag or Save. */
  readTargets?: ReadTargets;
}

/** The form's state for `locale` (TagForm.tsx gives its default). */
export function useTagDraft({
  kpis,
  editing,
  initial,
  onSubmit,
  fieldError,
  onEdited,
  locale,
  targetContext,
  readTargets,
}: TagDraftProps & { locale: string }) {
  const [draft, setDraft] = useState<KpiDraft>(() => localDraft(initial, locale));
  const [touched, setTouched] = useState<Partial<Record<keyof KpiDraft, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const others = useMemo(() => kpis.filter((k) => k.id !== editing?.id), [kpis, editing]);
  // The rules read numbers the register's way; the user types them in their own (1.234,5 in de-DE).
  const parsed = useMemo(() => invariantDraft(draft, locale), [draft, locale]);
  // A typed range's own cells, once read (the saved range's come with the KPI's values).
  const typed = useTypedTargets(parsed.target, readTargets, targetContext?.targets ? targetContext.targetRange : undefined);
  const context = useMemo(() => (typed ? { ...targetContext, targets: typed.targets, targetRange: typed.range } : targetContext), [targetContext, typed]);
  const verdict = useMemo(() => targetVerdict(parsed, parsed.name.trim(), context), [parsed, context]);
  const errors: FieldErrors = useMemo(() => {
    const found = validateDraft(parsed, others);
    return verdict.range.error && !found.target ? { ...found, target: verdict.range.error } : found;
  }, [parsed, others, verdict]);

  const show = (field: keyof KpiDraft) =>
    (submitted || touched[field] ? errors[field] : undefined) ?? (fieldError?.field === field ? fieldError.message : undefined);
  const touch = (field: keyof KpiDraft) => setTouched((t) => ({ ...t, [field]: true }));
  const set = (field: keyof KpiDraft) => (value: string | boolean) => {
    if (fieldError?.field === field) onEdited?.();
    setDraft((d) => ({ ...d, [field]: value }));
    touch(field);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    if (await onSubmit(parsed)) {
      setDraft(editing ? draft : { ...EMPTY_DRAFT, objective: draft.objective, owner: draft.owner });
      setTouched({});
      setSubmitted(false);
    }
  }

  return { draft, parsed, others, verdict, show, set, touch, submit };
}
