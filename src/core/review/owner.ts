/**
 * The owner rule: a KPI's owner is one named person (DESIGN.md: "a named owner (a person, not a
 * department)"). The walk found "FP&A", "CFO" and "Maria Rossi, Sam Patel" accepted while
 * "Head of Sales" was refused as a team. Now: a team (group words, or an abbreviation such as
 * FP&A, HR) and a role with no name (CFO, Head of Sales) are each refused with what to write
 * instead, and so is more than one person. A team or role may follow the name in brackets:
 * "Dana Whitfield (Head of Sales)". "Rossi, Maria" (surname first) is one person.
 */

/** Words that name a group rather than a person. */
const GROUP_WORDS =
  /\b(team|department|dept|division|group|office|committee|board|unit|ops|operations|finance|sales|marketing|hr|it|fp&a|r&d|pmo|procurement|legal|support)\b/i;

/** Job titles and their abbreviations: a role, which a person holds. */
const ROLE_WORDS =
  /\b(head|chief|director|manager|lead|leader|officer|president|vp|svp|evp|avp|ceo|cfo|coo|cto|cio|cmo|cro|chro|cpo|cso|gm|md|controller|treasurer|owner|analyst|coordinator|supervisor|of|the|for|and|&)\b/gi;

/** An abbreviation in capitals (2 to 6 letters, "&" allowed): a team or a role, not a name. */
const ABBREVIATION = /^[A-Z&]{2,6}$/;

/** Separators that join several people: ";", "/", "+", "&" or "and" between words. */
const SEVERAL = /\s*(?:;|\/|\+|\s&\s|\band\b)\s*/i;

function example(hint: string): string {
  return `e.g. "Dana Whitfield (${hint})"`;
}

/** Why `owner` is not one named person, or null when it is. */
export function ownerError(ownerText: string): string | null {
  const owner = ownerText.trim();
  const core = owner.replace(/\([^)]*\)/g, "").trim();
  if (owner === "") return "Name the person who owns this KPI.";
  const hint = owner.replace(/[()]/g, "").trim() || "Marketing";
  const teamMessage = `"${owner}" reads as a team: a KPI needs one accountable person as its owner. Write the person's name, and the team in brackets if you like, ${example(hint)}.`;
  if (core === "") return teamMessage;
  const people = core.split(SEVERAL).filter((p) => p.trim() !== "");
  const commaParts = core
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  // "Rossi, Maria" is one person written surname first; "Maria Rossi, Sam Patel" is two.
  const commaPeople = commaParts.length > 2 || (commaParts.length === 2 && commaParts.every((p) => /\s/.test(p))) ? commaParts.length : 1;
  const count = Math.max(people.length, commaPeople);
  if (count > 1 && !ABBREVIATION.test(core.replace(/\s/g, ""))) {
    return `"${owner}" names ${count} people: a KPI needs one accountable owner. Choose one; the others can be named in the response.`;
  }
  // What is left once the role's words are taken out is the person's name.
  const name = core.replace(ROLE_WORDS, " ").replace(GROUP_WORDS, " ").replace(/[,.&]/g, " ").trim();
  const hasRole = core.replace(ROLE_WORDS, "") !== core;
  if (name === "" && hasRole && !/\b(team|department|dept|division|group|committee|board)\b/i.test(core)) {
    return `"${owner}" is a role: name the person who holds it, and the role in brackets if you like, ${example(hint)}.`;
  }
  if (GROUP_WORDS.test(core) || ABBREVIATION.test(core)) return teamMessage;
  return null;
}
