import { ExcelApiError } from "./errors";
import type { SheetModel } from "./model";
import { BatchContext, FakeObject } from "./proxy";
import type { FakeRange } from "./ranges";
import type { PageLayoutModel } from "./types";

/** What a sheet prints with until a layout is set: Excel's defaults (portrait, 100%, no print area). */
const DEFAULT_LAYOUT: PageLayoutModel = { orientation: "Portrait", zoom: { scale: 100 }, printArea: null };

export function pageLayoutOf(sheet: SheetModel): PageLayoutModel {
  return (sheet.page ??= { ...DEFAULT_LAYOUT, zoom: { ...DEFAULT_LAYOUT.zoom } });
}

/**
 * Excel.PageLayout ("Excel.PageLayout class", learn.microsoft.com, ExcelApi 1.9), the part the
 * add-in uses: orientation ("Excel.PageOrientation": "Portrait" or "Landscape"), zoom
 * ("Excel.PageLayoutZoomOptions": scale "between 10 and 400", or horizontalFitToPages and
 * verticalFitToPages; "must be set as a JSON object (use x.zoom = {...} instead of
 * x.zoom.scale = ...)") and setPrintArea(range or address). Stricter than Excel where unsure: a
 * zoom with both a scale and a fit is refused (the page says either "can be null" when the other
 * is used), as is a fit below one page.
 */
export class FakePageLayout extends FakeObject {
  declare orientation: string;
  declare zoom: PageLayoutModel["zoom"];

  constructor(
    context: BatchContext,
    readonly sheet: () => SheetModel,
  ) {
    super(context);
  }

  setPrintArea(printArea: FakeRange | string): void {
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const where = typeof printArea === "string" ? this.model.resolve(printArea, sheet) : printArea.where();
      if (where.sheet !== sheet) throw new ExcelApiError("InvalidArgument", "A print area is on its own sheet.");
      pageLayoutOf(sheet).printArea = where.area;
    });
  }
}

function checkZoom(v: unknown): PageLayoutModel["zoom"] {
  const z = (v ?? {}) as PageLayoutModel["zoom"];
  const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
  const whole = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);
  if (z.scale !== undefined && fit) throw new ExcelApiError("InvalidArgument", "A zoom is a scale or a fit to pages, not both.");
  if (z.scale !== undefined && !(z.scale >= 10 && z.scale <= 400)) throw new ExcelApiError("InvalidArgument", "The print scale is between 10 and 400.");
  if (!whole(z.horizontalFitToPages) || !whole(z.verticalFitToPages))
    throw new ExcelApiError("InvalidArgument", "Fit to pages takes whole numbers of pages, at least 1.");
  if (z.scale === undefined && !fit) throw new ExcelApiError("InvalidArgument", "A zoom needs a scale or a fit to pages.");
  return { ...z };
}

FakePageLayout.withProperties({
  orientation: {
    read: (p) => pageLayoutOf(p.sheet()).orientation,
    write: (p, v) => {
      if (v !== "Portrait" && v !== "Landscape") throw new ExcelApiError("InvalidArgument", `'${String(v)}' is not a PageOrientation value.`);
      p.model.assertEditable(p.sheet());
      pageLayoutOf(p.sheet()).orientation = v;
    },
  },
  zoom: {
    read: (p) => ({ ...pageLayoutOf(p.sheet()).zoom }),
    write: (p, v) => {
      const zoom = checkZoom(v);
      p.model.assertEditable(p.sheet());
      pageLayoutOf(p.sheet()).zoom = zoom;
    },
  },
});
