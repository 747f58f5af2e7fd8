/**
 * Workbook-scoped names (KPI_<ID>, KPITarget_<ID>) set, changed or removed by identity: the guard
 * loads the name in the write batch; a name that appeared, vanished or changed since the read is
 * someone else's doing and is left as they made it. The undo removes a name only when it still
 * refers to what this step wrote, and restores one only where it is missing.
 */
import { NameInfo } from "../registerRead";
import { operationToken, Step } from "../writeEngine";

const norm = (f: unknown) =>
  String(f ?? "")
    .replace(/^=/, "")
    .replace(/\$/g, "")
    .toUpperCase();

/** A name's comment within Excel's 255 characters ("Excel.NamedItem: comment", learn.microsoft.com). */
export function nameComment(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}

export interface NameChange {
  name: string;
  /** The reference it should have ("=Sheet!$A$1:$A$9"); null removes the name. */
  formula: string | null;
  comment: string;
  /** The name as the operation read it, or null when it did not exist. */
  before: NameInfo | null;
}

/**
 * A new name is added with a comment that carries a token unique to the operation, and given its
 * real comment as the batch's last write. Excel refuses to add a name that exists, so when a
 * refused batch leaves a name carrying our token, our add ran and the name is ours; one without
 * it is someone else's (a second pane that tagged the same cells), and stays.
 */
export function nameStep(change: NameChange): Step | null {
  const { name, formula, comment, before } = change;
  const token = operationToken();
  const marked = `${nameComment(comment).slice(0, 244)} ~${token}`;
  if (formula !== null && before && norm(before.formula) === norm(formula)) return null;
  if (formula === null && !before) return null;
  let seen: Excel.NamedItem | null = null;
  return {
    what: `the name ${name}`,
    guard(context) {
      seen = context.workbook.names.getItemOrNullObject(name).load("formula");
    },
    apply(context) {
      if (!before) context.workbook.names.add(name, formula!, marked);
      else if (formula === null) context.workbook.names.getItem(before.name).delete();
      else context.workbook.names.getItem(before.name).formula = formula;
    },
    check() {
      if (!seen) return null;
      if (seen.isNullObject === (before !== null) || (before && norm(seen.formula) !== norm(before.formula))) {
        return `The name ${name} was changed in the workbook meanwhile (by another pane or a co-author).`;
      }
      return null;
    },
    last(context) {
      if (!before) context.workbook.names.getItem(name).comment = nameComment(comment);
    },
    async undo(context, applied) {
      const now = context.workbook.names.getItemOrNullObject(name).load("formula, comment");
      await context.sync();
      const ours = !now.isNullObject && formula !== null && norm(now.formula) === norm(formula);
      if (!before) {
        // Applied: our add ran (nobody else's could after it). Refused: ours only if it carries our token.
        if (ours && (applied || String(now.comment).endsWith(`~${token}`))) now.delete();
      } else if (formula === null) {
        if (now.isNullObject) context.workbook.names.add(before.name, before.formula, before.comment);
      } else if (ours) now.formula = before.formula;
    },
  };
}
