/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { StrategyMapList, StrategyMapSvg } from "../../src/taskpane/components/StrategyMap";
import { StrategyMap } from "../../src/core/model/strategyMap";
import { svgText } from "../../src/taskpane/mapExport";

const MAP: StrategyMap = {
  width: 640,
  height: 200,
  lanes: [
    {
      perspective: "financial",
      title: "Financial",
      y: 0,
      height: 100,
      objectives: [
        {
          name: "Grow",
          x: 10,
          y: 26,
          width: 620,
          height: 66,
          kpis: [{ id: "REV", name: "Revenue", kind: "lagging", status: "off", statusText: "Off track", initiative: "Push", x: 320, y: 70 }],
        },
      ],
    },
    {
      perspective: "customer",
      title: "Customer",
      y: 100,
      height: 100,
      objectives: [
        {
          name: "Win",
          x: 10,
          y: 126,
          width: 620,
          height: 66,
          kpis: [{ id: "LEADS", name: "Qualified leads", kind: "leading", status: "on", statusText: "On track", initiative: "", x: 320, y: 170 }],
        },
      ],
    },
  ],
  arrows: [{ from: "LEADS", to: "REV", lag: 2, r: 0.97, supported: false, label: "lag 2, r = 0.97, not supported" }],
};

describe("the strategy map in the pane", () => {
  it("reads as a nested list: perspective, objective, KPI with status, initiative and arrow", () => {
    render(<StrategyMapList map={MAP} nameOf={(id) => (id === "REV" ? "Revenue" : id)} />);
    const top = screen.getByRole("list", { name: "Strategy map in words" });
    const customer = within(top).getByRole("list", { name: "Customer objectives" });
    expect(within(customer).getByRole("list", { name: "KPIs of Win" }).textContent).toBe(
      "Qualified leads: On track, leading; no initiative; predicts Revenue (lag 2, r = 0.97, not supported)",
    );
    expect(within(top).getByRole("list", { name: "KPIs of Grow" }).textContent).toBe("Revenue: Off track, lagging; initiative Push");
  });

  it("draws a dashed, marked arrow for a chain the data no longer supports, and a shape for each status", () => {
    const { container } = render(<StrategyMapSvg map={MAP} />);
    const arrow = container.querySelector('[data-arrow="LEADS-REV"]')!;
    expect(arrow.querySelector("path")!.getAttribute("stroke-dasharray")).toBe("5 4");
    expect(arrow.textContent).toBe("⚠ lag 2, r = 0.97, not supported");
    expect(container.querySelector('[data-kpi="REV"] rect + rect')).not.toBeNull(); // square: Off track
    expect(container.querySelector('[data-kpi="LEADS"] circle')).not.toBeNull(); // circle: On track
    const file = svgText(container.querySelector("svg")!);
    expect(file).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*width="640"[^>]*height="200"/);
  });
});
