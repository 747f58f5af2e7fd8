import { FluentProvider, Link, Text, Title2, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Office themes its task panes; follow the host's dark or light body background. */
function prefersDark(): boolean {
  const background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (background) return luminance(background) < 0.5;
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
}

function luminance(hex: string): number {
  const value = parseInt(hex.replace("#", ""), 16);
  const r = (value >> 16) & 255;
  const g = (value >> 8) & 255;
  const b = value & 255;
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function App() {
  return (
    <FluentProvider theme={prefersDark() ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh", padding: 16 }}>
      <main style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        <Title2 as="h1">KPI Lens</Title2>
        <Text>
          Type <code>=KPI.</code> in a cell for the worksheet functions: KPI_STATUS (actual against target), LEADLAG_CORR
          (does a leading indicator move its outcome) and SIG_CHANGE (is the latest movement real or noise).
        </Text>
        <Link href="help.html" target="_blank">
          Function reference
        </Link>
      </main>
    </FluentProvider>
  );
}
