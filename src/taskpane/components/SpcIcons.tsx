/**
 * Variation and assurance icons in the manner of NHS England's "Making Data Count" (our own
 * drawing): a circle coloured by meaning, blue for improvement or a target reliably met, orange
 * for concern or a target reliably missed, grey for common cause or hit and miss, with a letter
 * (H/L for a special cause high or low, P/F/? for assurance). Each has an accessible name.
 */
import { Assurance, PointType, variationOf } from "../../core/analysis/spc";

const BLUE = "#1F6FB2";
const ORANGE = "#E46C0A";
const GREY = "#7F7F7F";

function Icon({ colour, letter, label, testId }: { colour: string; letter: string; label: string; testId: string }) {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" role="img" aria-label={label} data-testid={testId}>
      <title>{label}</title>
      <circle cx="14" cy="14" r="12" fill="#FFFFFF" stroke={colour} strokeWidth="3" />
      <text x="14" y="19" textAnchor="middle" fontSize="13" fontWeight="700" fill={colour} fontFamily="Segoe UI, sans-serif">
        {letter}
      </text>
    </svg>
  );
}

export function VariationIcon({ type, high }: { type: PointType; high: boolean }) {
  const colour = type === "Improvement" ? BLUE : type === "Concern" ? ORANGE : GREY;
  const letter = type === "Common cause" ? "~" : high ? "H" : "L";
  return <Icon colour={colour} letter={letter} label={`Variation: ${variationOf(type)}`} testId="variation-icon" />;
}

export function AssuranceIcon({ assurance }: { assurance: Assurance }) {
  const [colour, letter] = assurance === "Consistently passes" ? [BLUE, "P"] : assurance === "Consistently fails" ? [ORANGE, "F"] : [GREY, "?"];
  return <Icon colour={colour} letter={letter} label={`Assurance: ${assurance}`} testId="assurance-icon" />;
}
