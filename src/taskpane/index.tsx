/**
 * Entry of the task pane in the shared runtime. Office.js calls back when the host is ready;
 * the pane then renders inside Fluent UI's provider with the Office theme (light or dark).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";

function mount(): void {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(mount);
} else {
  mount();
}
