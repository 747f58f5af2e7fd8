/**
 * A workbook setting written as part of an operation. Settings are per add-in and last-writer-wins
 * ("Persist add-in state and settings", learn.microsoft.com), so the guard compares the value at
 * write time with the one read, and the undo puts the old value back only while ours is there.
 */
import { Step } from "../writeEngine";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function settingStep(key: string, value: unknown, before: { exists: boolean; value: unknown }, what: string): Step | null {
  if (before.exists && same(before.value, value)) return null;
  let seen: Excel.Setting | null = null;
  return {
    what,
    guard(context) {
      seen = context.workbook.settings.getItemOrNullObject(key).load("value");
    },
    apply(context) {
      context.workbook.settings.add(key, value as string);
    },
    check() {
      if (!seen) return null;
      const changed = seen.isNullObject ? before.exists : !before.exists || !same(seen.value, before.value);
      return changed ? `${what[0].toUpperCase()}${what.slice(1)} was changed meanwhile (by another pane or a co-author).` : null;
    },
    async undo(context) {
      const now = context.workbook.settings.getItemOrNullObject(key).load("value");
      await context.sync();
      if (now.isNullObject || !same(now.value, value)) return;
      if (before.exists) context.workbook.settings.add(key, before.value as string);
      else now.delete();
    },
  };
}
