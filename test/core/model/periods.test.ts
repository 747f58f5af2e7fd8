import { addCadence, periodLabel } from "../../../src/core/model/periods";

describe("periods", () => {
  it("steps by the cadence, keeping the day within the month", () => {
    expect(addCadence("2025-01-31", "monthly")).toBe("2025-02-28");
    expect(addCadence("2024-01-31", "monthly")).toBe("2024-02-29");
    expect(addCadence("2025-11-15", "quarterly")).toBe("2026-02-15");
    expect(addCadence("2025-12-29", "weekly")).toBe("2026-01-05");
    expect(periodLabel("2023-01", "monthly", 36)).toBe("2025-12");
    expect(periodLabel("2023-01", "quarterly", 4)).toBe("2023-Q4");
    expect(periodLabel("", "monthly", 7)).toBe("period 7");
  });
});
