/**
 * @jest-environment jsdom
 */
/**
 * The Scorecard section's choice of figures (issue 22, item 4): left alone, a build keeps the
 * sheet's; "As restated" and "As reported at the latest close" are passed as asked; as reported
 * cannot be picked before a period is closed.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { ScorecardSection } from "../../src/taskpane/components/ScorecardSection";

const wrap = (closed: boolean, onBuild: jest.Mock) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ScorecardSection disabled={false} closed={closed} onBuild={onBuild} />
    </FluentProvider>,
  );

describe("the Scorecard section", () => {
  it("builds with the sheet's figures unless others are picked", () => {
    const onBuild = jest.fn();
    wrap(true, onBuild);
    const build = screen.getByRole("button", { name: "Build scorecard sheet" });
    fireEvent.click(build);
    expect(onBuild).toHaveBeenLastCalledWith(undefined);
    fireEvent.change(screen.getByLabelText("Figures"), { target: { value: "reported" } });
    fireEvent.click(build);
    expect(onBuild).toHaveBeenLastCalledWith("reported");
    fireEvent.change(screen.getByLabelText("Figures"), { target: { value: "restated" } });
    fireEvent.click(build);
    expect(onBuild).toHaveBeenLastCalledWith("restated");
  });

  it("offers as reported only once a period is closed, and says why", () => {
    const onBuild = jest.fn();
    wrap(false, onBuild);
    const option = screen.getByRole("option", { name: "As reported at the close" }) as HTMLOptionElement;
    expect(option.disabled).toBe(true);
    expect(screen.getByText("As reported needs a closed period: close one first.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Build scorecard sheet" }));
    expect(onBuild).toHaveBeenLastCalledWith(undefined);
  });
});
