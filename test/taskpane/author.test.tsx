/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { AUTHOR_KEY, readAuthor } from "../../src/taskpane/author";
import { AuthorField } from "../../src/taskpane/components/AuthorField";
import { FakeWorkbook } from "./fakeWorkbook";

beforeEach(() => localStorage.clear());

describe("the author's name for the history", () => {
  it("starts from the pane's storage and gives the workbook each change", () => {
    localStorage.setItem(AUTHOR_KEY, "Dana");
    const workbook = new FakeWorkbook();
    render(<AuthorField workbook={workbook} />);
    // Given once, the name shows as a line where it is used; Change name asks again.
    expect(screen.getByTestId("author-line").textContent).toBe("Changes you make are recorded in the KPI history as Dana.");
    fireEvent.click(screen.getByRole("button", { name: "Change name" }));
    const field = screen.getByLabelText("Your name in the KPI history") as HTMLInputElement;
    expect(field.value).toBe("Dana");
    expect(workbook.calls).toEqual([["setAuthor", "Dana"]]);
    fireEvent.change(field, { target: { value: "Sam" } });
    expect(workbook.calls).toEqual([
      ["setAuthor", "Dana"],
      ["setAuthor", "Sam"],
    ]);
    expect(localStorage.getItem(AUTHOR_KEY)).toBe("Sam");
  });

  it("is asked for once, up front, until a name is given", () => {
    render(<AuthorField workbook={new FakeWorkbook()} />);
    const field = screen.getByLabelText("Your name in the KPI history");
    expect((screen.getByRole("button", { name: "Use this name" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: "Maria Rossi" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(screen.queryByLabelText("Your name in the KPI history")).toBeNull();
    expect(screen.getByTestId("author-line").textContent).toContain("as Maria Rossi.");
  });

  it("is empty when storage refuses to be read", () => {
    const spy = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    expect(readAuthor()).toBe("");
    spy.mockRestore();
  });
});
