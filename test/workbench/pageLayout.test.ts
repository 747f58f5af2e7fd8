/**
 * Worksheet.pageLayout in the in-memory Excel (pageLayout.ts), as "Excel.PageLayout class" and
 * "Excel.PageLayoutZoomOptions interface" (learn.microsoft.com) say, refusing what Excel would.
 */
import { chartSheets } from "./setups";

describe("page layout (ExcelApi 1.9: Worksheet.pageLayout)", () => {
  it("sets the orientation, a fit to one page and the print area", async () => {
    const { model, ctx, board } = chartSheets();
    board.pageLayout.orientation = "Landscape";
    board.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    board.pageLayout.setPrintArea(board.getRange("A1:P40"));
    board.pageLayout.load("orientation, zoom");
    await ctx.sync();
    expect(board.pageLayout.orientation).toBe("Landscape");
    expect(board.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(model.findSheet("Board")!.page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printArea: { row: 0, col: 0, rowCount: 40, colCount: 16 },
    });
  });

  it("starts at Excel's defaults and refuses an unknown orientation, a scale out of 10 to 400, or a scale with a fit", async () => {
    const { ctx, board } = chartSheets();
    board.pageLayout.load("orientation, zoom");
    await ctx.sync();
    expect([board.pageLayout.orientation, board.pageLayout.zoom]).toEqual(["Portrait", { scale: 100 }]);
    const bads: ((layout: Excel.PageLayout) => void)[] = [
      (layout) => (layout.orientation = "Sideways" as Excel.PageOrientation),
      (layout) => (layout.zoom = { scale: 5 }),
      (layout) => (layout.zoom = { scale: 50, verticalFitToPages: 1 }),
    ];
    for (const bad of bads) {
      const again = chartSheets();
      bad(again.board.pageLayout);
      await expect(again.ctx.sync()).rejects.toThrow(/PageOrientation|between 10 and 400|not both/);
      expect(again.model.findSheet("Board")!.page?.orientation ?? "Portrait").toBe("Portrait");
    }
  });
});
