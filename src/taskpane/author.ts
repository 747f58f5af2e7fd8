/**
 * The name the KPI history records changes under. Excel gives an add-in no identity, so the
 * user says who they are; the name is kept in the pane's own storage (localStorage), not in the
 * workbook, so it follows the person rather than the file.
 */
import { useEffect, useState } from "react";
import { KpiWorkbook } from "../workbook/kpiWorkbook";

export const AUTHOR_KEY = "kpilens.author";

export function readAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    // Storage can be refused (a locked-down browser, a sandboxed frame): start unnamed.
    return "";
  }
}

export function saveAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    /* storage unavailable: the name lasts as long as the pane */
  }
}

/** The author's name, read once from storage; each change is given to the workbook and stored. */
export function useAuthor(workbook: KpiWorkbook): [string, (name: string) => void] {
  const [author, setAuthor] = useState(() => readAuthor());
  useEffect(() => {
    workbook.setAuthor(author);
    saveAuthor(author);
  }, [workbook, author]);
  return [author, setAuthor];
}
