/**
 * The pane's light or dark theme. Office themes its task panes (File > Account > Office Theme)
 * and tells an add-in the colours through Office.context.officeTheme
 * (https://learn.microsoft.com/en-us/javascript/api/office/office.officetheme): when Office is
 * there the pane follows the host's body background; outside Office (the workbench, a browser)
 * it follows the system's `prefers-color-scheme` media query.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Whether the pane should be dark: the Office theme's body background when Office gives one, the media query otherwise. */
export function prefersDark(): boolean {
  // `Office` is a global of office.js: absent in the workbench and in tests, so look before touching it.
  const background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (background) return luminance(background) < 0.5;
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
}

/** Relative luminance (0 black … 1 white) of a "#RRGGBB" colour, with the Rec. 709 weights. */
export function luminance(hex: string): number {
  const value = parseInt(hex.replace("#", ""), 16);
  return (0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255)) / 255;
}

export function themeOf(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
