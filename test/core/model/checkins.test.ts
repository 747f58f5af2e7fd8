import { needsNote, overrideOf, validateCheckIn, CheckIn } from "../../../src/core/model/checkins";

describe("check-ins", () => {
  const notes: CheckIn[] = [
    { when: "2026-01-01", kpi: "REV", period: 36, note: "Deal slipped", override: null, reason: "", who: "Dana" },
    { when: "2026-01-02", kpi: "REV", period: 35, note: "One-off", override: "risk", reason: "Restated", who: "Dana" },
    { when: "2026-01-03", kpi: "REV", period: 35, note: "Confirmed", override: "on", reason: "Final figure", who: "Lee" },
  ];
  it("lets the latest override of a period win", () => {
    expect(overrideOf(notes, "rev", 35)?.override).toBe("on");
    expect(overrideOf(notes, "REV", 36)).toBeNull();
  });
  it("asks for a note when the latest period is Off track and has none", () => {
    expect(needsNote(notes, "REV", 36, "off")).toBe(false);
    expect(needsNote(notes, "REV", 37, "off")).toBe(true);
    expect(needsNote(notes, "REV", 37, "risk")).toBe(false);
  });
  it("requires a note, a period in range, and a reason for an override", () => {
    expect(validateCheckIn({ period: "37", note: "", override: "on", reason: "" }, 36)).toEqual({
      period: "Choose a period from 1 to 36.",
      note: "Write the note: what happened, and what is being done.",
      reason: "Say why the status is On track instead of what the numbers give.",
    });
    expect(validateCheckIn({ period: "36", note: "Ok", override: "", reason: "" }, 36)).toEqual({});
  });
});
