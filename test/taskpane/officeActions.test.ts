import { ACTIONS, registerOfficeActions, TAG_REQUEST } from "../../src/taskpane/officeActions";

describe("the cell menu's and the shortcuts' actions", () => {
  it("open the pane, ask it to tag the selection, and complete the command", async () => {
    const handlers = new Map<string, (event?: { completed?: () => void }) => unknown>();
    const shown: string[] = [];
    const office = {
      actions: { associate: (id: string, h: (event?: { completed?: () => void }) => unknown) => void handlers.set(id, h) },
      addin: { showAsTaskpane: async () => void shown.push("pane") },
    };
    const target = new EventTarget();
    const requests: string[] = [];
    target.addEventListener(TAG_REQUEST, () => requests.push("tag"));
    registerOfficeActions(office, target);
    expect([...handlers.keys()].sort()).toEqual([ACTIONS.showPane, ACTIONS.tagSelection].sort());

    const completed = jest.fn();
    await handlers.get(ACTIONS.tagSelection)!({ completed });
    expect([shown, requests, completed.mock.calls.length]).toEqual([["pane"], ["tag"], 1]);
    await handlers.get(ACTIONS.showPane)!({ completed });
    expect([shown.length, requests.length, completed.mock.calls.length]).toEqual([2, 1, 2]);
  });

  it("complete the command even when the pane cannot open, and register nothing on a host without Office.actions", async () => {
    const handlers = new Map<string, (event?: { completed?: () => void }) => Promise<unknown>>();
    registerOfficeActions(
      { actions: { associate: (id, h) => void handlers.set(id, h as never) }, addin: { showAsTaskpane: () => Promise.reject(new Error("no pane")) } },
      new EventTarget(),
    );
    const completed = jest.fn();
    await expect(handlers.get(ACTIONS.tagSelection)!({ completed })).rejects.toThrow("no pane");
    expect(completed).toHaveBeenCalledTimes(1);
    expect(() => registerOfficeActions({ addin: { showAsTaskpane: async () => undefined } })).not.toThrow();
  });
});
