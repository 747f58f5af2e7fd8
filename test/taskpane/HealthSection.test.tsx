/**
 * @jest-environment jsdom
 */
/**
 * The health check of a large register: 300 KPIs without an owner are 300 findings, drawn a
 * screenful first and the rest a chunk a task (useRevealed.ts), each with the Fix that opens its
 * KPI's owner field. The findings are the core's own (guardrails.ts healthCheck).
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { healthCheck } from "../../src/core/model/guardrails";
import { HealthSection } from "../../src/taskpane/components/HealthSection";
import { REVEAL_CHUNK } from "../../src/taskpane/useRevealed";
import { kpiDefinition } from "../support/kpiDefinition";

afterEach(cleanup);

describe("the health check of 300 KPIs", () => {
  const kpis = Array.from({ length: 300 }, (_, i) =>
    kpiDefinition({ id: `K${i}`, name: `KPI ${i}`, owner: "", initiative: "Plan", response: "Act", lastReviewed: "2026-11-30" }),
  );
  const findings = healthCheck({ kpis, chainSupported: {}, today: new Date("2026-12-01T00:00:00Z") }).filter((f) => f.kind === "no-owner");

  it("draws the first findings at once and the rest a chunk a task, each with its fix", async () => {
    expect(findings).toHaveLength(300);
    const edited: [string, string | undefined][] = [];
    render(
      <HealthSection
        findings={findings}
        kpis={kpis}
        busy={false}
        onEdit={(k, field) => edited.push([k.id, field])}
        onReview={() => {}}
        onNote={() => {}}
        churn={[]}
      />,
    );
    // By selector, not by role: a role query over 300 items asks each element's style, and a reveal is a task apart.
    const list = screen.getByRole("list", { name: "Health check findings" });
    const items = () => [...list.querySelectorAll("li")];
    expect(items()).toHaveLength(REVEAL_CHUNK);
    expect(items()[0].textContent).toContain("KPI 0 has no owner.");
    await waitFor(() => expect(items()).toHaveLength(300), { timeout: 10_000 });
    expect(items()[299].textContent).toContain("KPI 299 has no owner.");
    fireEvent.click(screen.getByRole("button", { name: "Fix owner of KPI 299" }));
    expect(edited).toEqual([["K299", "owner"]]);
  });
});
