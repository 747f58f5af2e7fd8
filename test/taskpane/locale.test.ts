import { formatNumber, formatPercent, invariantDraft, localDraft, separatorsOf, toInvariantNumber } from "../../src/taskpane/locale";
import { compact, outlookSentence, varianceWords } from "../../src/core/model/monthEnd";
import { restatementText } from "../../src/core/model/restatement";

// What Intl writes between French groups, and before a French or German percent sign (Node 20's ICU).
const NARROW = "\u202f";
const NBSP = "\u00a0";

describe("numbers in the user's own separators", () => {
  it("reads what a German or French analyst types, as Excel would", () => {
    expect(separatorsOf("de-DE")).toEqual({ decimal: ",", group: "." });
    expect(["1.234,5", "1234,5", "-0,25", "10%", "12,5%", "Budget!B2:B37"].map((t) => toInvariantNumber(t, "de-DE"))).toEqual([
      "1234.5",
      "1234.5",
      "-0.25",
      "10%",
      "12.5%",
      "Budget!B2:B37",
    ]);
    // A point that cannot be a German group is the register's decimal point, left as typed.
    expect(["1300.75", "1.30", "1.234.567,5"].map((t) => toInvariantNumber(t, "de-DE"))).toEqual(["1300.75", "1.30", "1234567.5"]);
    // French groups with a (narrow) no-break space.
    expect(toInvariantNumber("1\u202f234,5", "fr-FR")).toBe("1234.5");
    expect(toInvariantNumber("1 234,5", "fr-FR")).toBe("1234.5");
    // In en-US nothing changes: the register's parser reads it as typed.
    expect(toInvariantNumber("1,234.5", "en-US")).toBe("1,234.5");
  });

  it("shows numbers the locale's way, and puts a draft's numbers back and forth", () => {
    expect(formatNumber(1234.5, "de-DE")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en-US")).toBe("1,234.5");
    expect(formatNumber(null, "de-DE")).toBe("–");
    const draft = { target: "1300.75", atRisk: "10%", baseline: "", materiality: "2.5%", spcBaseline: "12", spcFrom: "" };
    const shown = localDraft(draft, "de-DE");
    expect(shown).toEqual({ ...draft, target: "1300,75", materiality: "2,5%" });
    expect(invariantDraft(shown, "de-DE")).toEqual(draft);
  });

  it("reads and shows both numbers of a materiality, each the locale's way", () => {
    // The register's "10000 and 5.5%" (typedValues.ts materialityText) as a German analyst sees and types it.
    const draft = { target: "", atRisk: "", baseline: "", materiality: "10000 and 5.5%", spcBaseline: "", spcFrom: "" };
    expect(localDraft(draft, "de-DE").materiality).toBe("10000 and 5,5%");
    expect(invariantDraft({ ...draft, materiality: "10.000 and 5,5%" }, "de-DE").materiality).toBe("10000 and 5.5%");
    expect(invariantDraft({ ...draft, materiality: "1\u202f250,5; 2,5 %" }, "fr-FR").materiality).toBe("1250.5; 2.5%");
  });
});

describe("the month-end sentences in the user's locale", () => {
  const variance = { variance: 143.5, percent: 0.11, label: "Favourable" as const };
  const outlook = { landing: 16_940_000, lower: 16_210_000, upper: 17_650_000, target: 18_600_000, probability: 0.043 };

  it("keep en-US as it always read", () => {
    expect(varianceWords(variance)).toBe("+143.5 (+11.0%): favourable");
    expect(compact(1443.5)).toBe("1,443.5");
    expect(compact(-250_400)).toBe("-250k");
    expect(outlookSentence(outlook)).toBe("lands at 16.9M, 80% between 16.2M and 17.7M, against a budget of 18.6M: 4% chance to meet it");
    expect(restatementText({ field: "value", reported: 1443.5, current: 1470 })).toBe("restated: 1,443.5 → 1,470.0 since close");
  });

  it("write German numbers with a decimal comma and a point between thousands", () => {
    expect(varianceWords(variance, "de-DE")).toBe(`+143,5 (+11,0${NBSP}%): favourable`);
    expect(varianceWords({ variance: -1250.25, percent: -0.052, label: "Unfavourable" }, "de-DE")).toBe(`-1.250,3 (-5,2${NBSP}%): unfavourable`);
    expect(outlookSentence(outlook, "de-DE")).toBe(
      `lands at 16,9M, 80${NBSP}% between 16,2M and 17,7M, against a budget of 18,6M: 4${NBSP}% chance to meet it`,
    );
    expect(outlookSentence({ ...outlook, probability: 0.001 }, "de-DE")).toMatch(new RegExp(`: under 1${NBSP}% chance to meet it$`));
    expect(restatementText({ field: "target", reported: 1300, current: 1325.5 }, "de-DE")).toBe("target restated: 1.300,0 → 1.325,5 since close");
  });

  it("write French numbers with a decimal comma and a narrow no-break space between thousands, as Intl gives them", () => {
    expect(compact(1443.5, "fr-FR")).toBe(`1${NARROW}443,5`);
    // Before the percent sign Intl puts a no-break space, between thousands a narrow one.
    expect(varianceWords(variance, "fr-FR")).toBe(`+143,5 (+11,0${NBSP}%): favourable`);
    expect(restatementText({ field: "value", reported: 1443.5, current: null }, "fr-FR")).toBe(`restated: 1${NARROW}443,5 → no value since close`);
    expect(formatPercent(0.8, "fr-FR")).toBe(`80${NBSP}%`);
  });

  it("read back what they show: a typed German or French percentage with its space", () => {
    expect(toInvariantNumber(`12,5${NBSP}%`, "de-DE")).toBe("12.5%");
    expect(toInvariantNumber(`10${NARROW}%`, "fr-FR")).toBe("10%");
    expect(toInvariantNumber(formatNumber(1234567.25, "fr-FR"), "fr-FR")).toBe("1234567.25");
    expect(toInvariantNumber(formatNumber(1234567.25, "de-DE"), "de-DE")).toBe("1234567.25");
  });
});
