/**
 * @jest-environment jsdom
 */
/**
 * The card's offer to include new periods: numbers after a plain range, whole rows below a block
 * of segments (segmentsRead.ts counts a row only with every segment filled), and the button calls
 * the include for that KPI.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { CardFooter } from "../../src/taskpane/components/KpiCardFooter";
import type { CardActions } from "../../src/taskpane/components/kpiCardActions";
import { kpiDefinition } from "../support/kpiDefinition";

const series = (newPeriods: number) => ({ id: "K", address: "Data!B2:B13", values: [1, 2, 3], targets: null, newPeriods, problem: null });

function actions(): CardActions & { extended: string[] } {
  const extended: string[] = [];
  const none = () => undefined;
  return {
    extended,
    onSelect: none,
    onEdit: none,
    onUntag: none,
    onExtend: (k) => extended.push(k.id),
    onReview: none,
    onFormulas: none,
    onHistory: none,
    onAddNote: none,
  };
}

describe("the card's new periods", () => {
  it("says a block's new rows are periods below it, and Include new periods includes that KPI", () => {
    const a = actions();
    render(<CardFooter kpi={kpiDefinition({ id: "CONV", segments: "columns" })} series={{ ...series(1), id: "CONV" }} busy={false} actions={a} />);
    screen.getByText("1 new period below the block (a row with every segment filled).");
    fireEvent.click(screen.getByRole("button", { name: "Include new periods" }));
    expect(a.extended).toEqual(["CONV"]);
  });

  it("says a plain range's new numbers are values after it, and offers nothing without any", () => {
    const { rerender } = render(<CardFooter kpi={kpiDefinition({ id: "K" })} series={series(2)} busy={false} actions={actions()} />);
    screen.getByText("2 new values after the range.");
    rerender(<CardFooter kpi={kpiDefinition({ id: "K" })} series={series(0)} busy={false} actions={actions()} />);
    expect(screen.queryByRole("button", { name: "Include new periods" })).toBeNull();
  });
});
