/**
 * In jsdom, every getComputedStyle walks every CSS rule of the document (jsdom's style-rules.js),
 * and Fluent UI's Griffel inserts thousands: a pane test's getByRole, which asks each element's
 * style whether it is hidden, spent most of its time there (node --cpu-prof of
 * test/taskpane/review.test.tsx: 22 of 48 s under getComputedStyle). What the tests read of a
 * style is only whether an element is hidden and how it displays (@testing-library/dom
 * role-helpers.js: display and visibility; dom-accessibility-api: display, and pseudo-element
 * content only with computedStyleSupportsPseudoElements, off by default), so rules that set
 * neither are left out of the document: no query can answer differently without them.
 */
const RULES_READ = /display|visibility/i;

if (typeof CSSStyleSheet !== "undefined") {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number): number {
    if (!RULES_READ.test(rule)) return index ?? this.cssRules.length;
    return insertRule.call(this, rule, index);
  };
}
