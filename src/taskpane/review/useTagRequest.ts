/**
 * The cell menu's "Tag as KPI…" and its shortcut (officeActions.ts) reach the pane as an event:
 * the form goes back to tagging a new KPI and its first field takes focus, with the selection
 * shown above it.
 */
import { useEffect } from "react";
import { TAG_REQUEST } from "../officeActions";

export function useTagRequest(startTagging: () => void): void {
  useEffect(() => {
    const onRequest = () => {
      startTagging();
      // After the form has re-rendered for a new KPI.
      setTimeout(() => {
        const name = document.getElementById("kpi-field-name");
        name?.scrollIntoView?.({ block: "center" });
        name?.focus();
      }, 0);
    };
    window.addEventListener(TAG_REQUEST, onRequest);
    return () => window.removeEventListener(TAG_REQUEST, onRequest);
  }, [startTagging]);
}
