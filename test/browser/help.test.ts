/** The support page the manifest points at renders the generated function metadata. */
import { launchChromium } from "./browser";

it("lists the five functions with their arguments, from functions.json", async () => {
  const context = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${process.env.KPI_LENS_URL}/help.html`);
    for (const heading of [
      "KPI.KPI_STATUS(actual, target, [at_risk], [direction], [output])",
      "KPI.LEADLAG_CORR(leading, lagging, [max_lag], [method], [difference], [output])",
      "KPI.SIG_CHANGE(values, [recent], [alpha], [method], [output])",
      "KPI.SPC(values, [target], [direction], [baseline], [output], [chart], [denominators])",
      "KPI.LEAD_FORECAST(leading, lagging, lag, [level], [output])",
      "KPI.FUNNEL(numerators, denominators, [target], [chart], [overdispersion], [output])",
    ]) {
      await page.getByRole("heading", { name: heading }).waitFor();
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
