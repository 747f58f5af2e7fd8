/**
 * The add-in's commands outside the pane: the cell menu's "Tag as KPI…" (the ContextMenuCell
 * extension point in manifest.xml, an ExecuteFunction action) and the keyboard shortcuts of
 * shortcuts.json. Both run here, in the shared runtime, mapped by Office.actions.associate
 * ("Add custom keyboard shortcuts to your Office Add-ins" and "Configure your Office Add-in to
 * use a shared runtime", learn.microsoft.com). Each opens the pane (Office.addin.showAsTaskpane,
 * SharedRuntime 1.1); Tag then asks the pane to start tagging the selection (TAG_REQUEST).
 *
 * Keyboard shortcuts work in Excel on the web, on Windows (Version 2102 and later) and on Mac
 * (16.55 and later); Excel on iPad and perpetual Office 2016/2019 have none, and there the
 * ribbon button and the cell menu are the way in. The shortcuts are not a requirement of the
 * manifest, so the add-in still installs where they are not supported.
 */

/** The action IDs: FunctionName in manifest.xml and "id" in shortcuts.json name the same ones. */
export const ACTIONS = { showPane: "KpiLensShowPane", tagSelection: "KpiLensTagSelection" } as const;

/** The event the pane listens for: start tagging the selected cells. */
export const TAG_REQUEST = "kpilens:tag-selection";

/** What an ExecuteFunction command passes: completed() tells Office the command is done. */
interface CommandEvent {
  completed?: () => void;
}

export interface OfficeCommands {
  /** Absent on hosts older than the shared runtime's Office.actions. */
  actions?: { associate(id: string, handler: (event?: CommandEvent) => unknown): void };
  addin: { showAsTaskpane(): Promise<void> };
}

/** Maps both actions; `target` receives the tag request (the pane's window). */
export function registerOfficeActions(office: OfficeCommands, target: EventTarget = typeof window === "undefined" ? new EventTarget() : window): void {
  const actions = office.actions;
  if (!actions) return;
  const run = (then: () => void) => async (event?: CommandEvent) => {
    try {
      await office.addin.showAsTaskpane();
      then();
    } finally {
      // A command left uncompleted shows as still running in Office's UI.
      event?.completed?.();
    }
  };
  actions.associate(
    ACTIONS.showPane,
    run(() => undefined),
  );
  actions.associate(
    ACTIONS.tagSelection,
    run(() => target.dispatchEvent(new Event(TAG_REQUEST))),
  );
}
