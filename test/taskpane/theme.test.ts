/**
 * @jest-environment jsdom
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, prefersDark, themeOf } from "../../src/taskpane/theme";

const globals = globalThis as { Office?: unknown };

function systemPrefersDark(dark: boolean) {
  window.matchMedia = ((query: string) => ({ matches: dark && query === "(prefers-color-scheme: dark)", media: query })) as unknown as typeof window.matchMedia;
}

afterEach(() => {
  delete globals.Office;
});

describe("the pane's theme", () => {
  it("follows the Office theme's body background when Office gives one, whatever the system prefers", () => {
    systemPrefersDark(false);
    globals.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    expect(prefersDark()).toBe(true);
    systemPrefersDark(true);
    globals.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
    expect(prefersDark()).toBe(false);
  });

  it("follows prefers-color-scheme outside Office, or when Office gives no theme", () => {
    systemPrefersDark(true);
    expect(prefersDark()).toBe(true);
    systemPrefersDark(false);
    expect(prefersDark()).toBe(false);
    globals.Office = { context: {} };
    systemPrefersDark(true);
    expect(prefersDark()).toBe(true);
  });

  it("is light where the browser has no matchMedia", () => {
    (window as { matchMedia?: unknown }).matchMedia = undefined;
    expect(prefersDark()).toBe(false);
  });

  it("measures a colour's luminance and picks Fluent's web theme", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#444444")).toBeLessThan(0.5);
    expect(themeOf(true)).toBe(webDarkTheme);
    expect(themeOf(false)).toBe(webLightTheme);
  });
});
