/**
 * After Tag, focus moves to the new KPI's card: the form empties itself for the next KPI, and
 * leaving focus in an emptied field tells a keyboard or screen-reader user nothing about what
 * was made (WAI-ARIA APG, "Developing a Keyboard Interface": focus follows the user's work).
 * The new KPI is the one in the register after Tag that was not in it before.
 */
import { useEffect, useRef } from "react";

export function useFocusNewKpi(kpis: readonly { id: string }[]): (tag: Promise<boolean>) => Promise<boolean> {
  const before = useRef<Set<string> | null>(null);
  const ids = kpis.map((k) => k.id).join("|");
  useEffect(() => {
    const known = before.current;
    if (!known) return;
    const fresh = kpis.find((k) => !known.has(k.id));
    if (!fresh) return;
    before.current = null;
    const card = document.querySelector<HTMLElement>(`[data-kpi-id="${CSS.escape(fresh.id)}"]`);
    if (!card) return;
    card.setAttribute("tabindex", "-1");
    card.scrollIntoView?.({ block: "nearest" });
    card.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);
  return async (tag) => {
    before.current = new Set(kpis.map((k) => k.id));
    const ok = await tag;
    if (!ok) before.current = null;
    return ok;
  };
}
