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
    const field = screen.getByLabelText("Your name in the KPI history") as HTMLInputElement;
    expect(field.value).toBe("Dana");
    expect(workbook.calls).toEqual([["setAuthor", "Dana"]]);
    fireEvent.change(field, { target: { value: "Sam" } });
    expect(workbook.calls).toEqual([["setAuthor", "Dana"], ["setAuthor", "Sam"]]);
    expect(localStorage.getItem(AUTHOR_KEY)).toBe("Sam");
  });

  it("is empty when storage refuses to be read", () => {
    const spy = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    expect(readAuthor()).toBe("");
    spy.mockRestore();
  });
});
