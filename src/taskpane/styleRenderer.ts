/**
 * The pane's style renderer: Griffel's DOM renderer (the CSS-in-JS engine under Fluent UI v9),
 * which visits each group of rules once instead of at every component's mount.
 *
 * Every Fluent component and every makeStyles hook hands the renderer its rules from
 * useInsertionEffect when it mounts, and Griffel's renderer then walks each rule (normalise it,
 * find its style sheet, look it up in its cache) even when all were inserted long ago; reset
 * styles hand theirs in a fresh wrapper at every render, so theirs are walked at every render.
 * In Chromium, on the 300-KPI workbook, that walk was half of a 52 ms commit of KPI cards
 * (issue 25). The groups themselves are made once (a makeStyles call resolves its rules on first
 * use, Fluent's pre-built styles are module constants), so a group seen once is done: its rules
 * stand in the renderer's cache and style sheets. What reaches Griffel is only a group it has not
 * seen, and Griffel inserts exactly what it would have inserted.
 */
import { createDOMRenderer } from "@fluentui/react-components";

type Renderer = ReturnType<typeof createDOMRenderer>;
type RulesByBucket = Parameters<Renderer["insertCSSRules"]>[0];

/** `renderer`, its insertCSSRules passing on only the groups of rules it has not been given before. */
export function insertingEachGroupOnce(renderer: Renderer): Renderer {
  const insert = renderer.insertCSSRules.bind(renderer);
  const seen = new WeakSet<object>();
  renderer.insertCSSRules = (rules: RulesByBucket) => {
    let unseen: RulesByBucket | null = null;
    for (const key in rules) {
      const bucket = key as keyof RulesByBucket;
      const group = rules[bucket];
      if (!group || seen.has(group)) continue;
      seen.add(group);
      (unseen ??= {})[bucket] = group;
    }
    if (unseen) insert(unseen);
  };
  return renderer;
}

/** The renderer for the pane's document. */
export function paneStyleRenderer(targetDocument: Document | undefined = typeof document === "undefined" ? undefined : document): Renderer {
  return insertingEachGroupOnce(createDOMRenderer(targetDocument));
}
