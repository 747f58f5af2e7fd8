/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { PaneSection } from "../../src/taskpane/components/PaneSection";
import { standInResizeObserver } from "../support/jsdomLayout";

beforeAll(standInResizeObserver);

describe("a section of the pane", () => {
  it("is a region named by its heading, with its message after the heading", () => {
    render(
      <PaneSection id="kpis" title="KPIs" notice={{ intent: "success", text: "Marked Revenue reviewed today." }}>
        <p>The list</p>
      </PaneSection>,
    );
    const section = screen.getByRole("region", { name: "KPIs" });
    expect(within(section).getByRole("heading", { level: 2, name: "KPIs" }).id).toBe("kpis-heading");
    const status = within(section).getByRole("status");
    expect(status.textContent).toContain("Marked Revenue reviewed today.");
    expect(status.compareDocumentPosition(screen.getByText("The list")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole("separator")).toBeNull();
  });

  it("puts the message after the body when asked, and an error as an alert with its follow-up", () => {
    const run = jest.fn();
    render(
      <PaneSection
        id="form"
        title="Tag a KPI"
        notice={{ intent: "error", text: "Excel refused the change.", action: { label: "Replace my formula", run } }}
        noticeAfter
        divided
      >
        <p>The form</p>
      </PaneSection>,
    );
    const alert = screen.getByRole("alert");
    expect(screen.getByText("The form").compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(alert).getByRole("button", { name: "Replace my formula" }));
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("separator")).toBeTruthy();
  });

  it("shows no message when there is none", () => {
    render(<PaneSection id="chain" title="Lead-lag chain" />);
    expect(screen.getByRole("heading", { name: "Lead-lag chain" })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
