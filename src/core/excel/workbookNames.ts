/**
 * Everything KPI Lens puts in a workbook, in one place: the prefixes of its defined names, its
 * tables and their sheets, the Scorecard sheet's marker, its setting keys and schema versions,
 * and the Excel limits its names and texts must respect. Core and workbook both import it, so a
 * name is spelled once and an ID can be checked against every name the add-in will create.
 *
 * Excel tables and defined names share one namespace ("Rename an Excel table",
 * support.microsoft.com: a table name must not be the same as a defined name), so a KPI whose
 * KPI_<ID> equals one of the add-in's table names, or any table or name of the user's, cannot be
 * tagged: ids.ts refuses or suffixes such an ID before anything is written.
 */

/** A KPI's values: the workbook-scoped name KPI_<ID>. */
export const NAME_PREFIX = "KPI_";
/** A KPI's target per period (a budget row or column): KPITarget_<ID>. */
export const TARGET_PREFIX = "KPITarget_";
/** A rate KPI's denominators: KPIDenom_<ID>. */
export const DENOM_PREFIX = "KPIDenom_";

export const nameOf = (id: string): string => `${NAME_PREFIX}${id}`;
export const targetNameOf = (id: string): string => `${TARGET_PREFIX}${id}`;
export const denomNameOf = (id: string): string => `${DENOM_PREFIX}${id}`;

/** Every name prefix, longest first (an ID must leave room for the longest). */
export const NAME_PREFIXES = [TARGET_PREFIX, DENOM_PREFIX, NAME_PREFIX] as const;

/** One of the add-in's tables: its table name, its sheet, and the setting holding its schema version. */
export interface AddinTableNames {
  table: string;
  sheet: string;
  schemaSetting: string;
  version: number;
}

export const REGISTER_NAMES: AddinTableNames = { table: "KPI_Register", sheet: "KPI Register", schemaSetting: "KPILens.schemaVersion", version: 1 };
export const HISTORY_NAMES: AddinTableNames = { table: "KPI_History", sheet: "KPI History", schemaSetting: "KPILens.historySchemaVersion", version: 1 };
export const NOTES_NAMES: AddinTableNames = { table: "KPI_Notes", sheet: "KPI Notes", schemaSetting: "KPILens.notesSchemaVersion", version: 1 };
export const ACTIONS_NAMES: AddinTableNames = { table: "KPI_Actions", sheet: "KPI Actions", schemaSetting: "KPILens.actionsSchemaVersion", version: 1 };
/** What was reported at each close. */
export const REPORTED_NAMES: AddinTableNames = { table: "KPI_Reported", sheet: "KPI Reported", schemaSetting: "KPILens.reportedSchemaVersion", version: 1 };

export const ADDIN_TABLES: readonly AddinTableNames[] = [REGISTER_NAMES, HISTORY_NAMES, NOTES_NAMES, ACTIONS_NAMES, REPORTED_NAMES];

export const REGISTER_TABLE = REGISTER_NAMES.table;
export const REGISTER_SHEET = REGISTER_NAMES.sheet;
export const SCHEMA_SETTING = REGISTER_NAMES.schemaSetting;
export const SCHEMA_VERSION = REGISTER_NAMES.version;
/** Where the add-in records the conditional formats it wrote, per KPI. */
export const FORMATS_SETTING = "KPILens.formats";

/**
 * The generated Scorecard sheet: the name it is given, and the setting (its marker) that holds
 * the sheet's ID, so a sheet the user named "Scorecard" is never taken for ours.
 */
export const SCORECARD_SHEET = "Scorecard";
export const SCORECARD_SETTING = "KPILens.scorecard";
/** The workbook name that marks the Scorecard and the cells its last build wrote. */
export const SCORECARD_MARKER = "KPILens_Scorecard";
/** Charts on the Scorecard are named with this prefix. */
export const SCORECARD_CHART_PREFIX = "KPILens ";

export const SETTING_KEYS: readonly string[] = [...ADDIN_TABLES.map((t) => t.schemaSetting), FORMATS_SETTING, SCORECARD_SETTING];

/**
 * IDs whose KPI_<ID> is one of the add-in's own table names (KPI_History …), upper case: a KPI
 * named History must get another ID.
 */
export const RESERVED_IDS: readonly string[] = ADDIN_TABLES.map((t) => t.table.slice(NAME_PREFIX.length).toUpperCase());

/** The add-in table a name would collide with (case-insensitive, as Excel compares names), or null. */
export function addinTableNamed(name: string): AddinTableNames | null {
  return ADDIN_TABLES.find((t) => t.table.toUpperCase() === name.toUpperCase()) ?? null;
}

/** The longest a defined name may be ("Names in formulas", support.microsoft.com: 255 characters). */
export const MAX_NAME_LENGTH = 255;
/** The longest ID that leaves room for every prefix. */
export const MAX_ID_LENGTH = MAX_NAME_LENGTH - Math.max(...NAME_PREFIXES.map((p) => p.length));
/**
 * The longest comment a defined name may have: the Name Manager takes "up to 255 characters"
 * ("Define and use names in formulas", support.microsoft.com), and NamedItem.comment follows it.
 */
export const MAX_NAME_COMMENT = 255;
/** The most characters a cell holds ("Excel specifications and limits", support.microsoft.com). */
export const MAX_CELL_TEXT = 32_767;

/** A name comment within Excel's limit: the text, cut with "…" when longer. */
export function nameComment(text: string): string {
  if (text.length <= MAX_NAME_COMMENT) return text;
  // Cut on a code point, so a surrogate pair (an emoji in a KPI's name) is never split.
  const chars = Array.from(text);
  let out = "";
  for (const ch of chars) {
    if (out.length + ch.length > MAX_NAME_COMMENT - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The comment of a KPI's KPI_<ID> name. */
export const kpiNameComment = (kpiName: string): string => nameComment(`KPI Lens: ${kpiName}`);
/** The comment of a KPI's KPITarget_<ID> name. */
export const targetNameComment = (id: string): string => nameComment(`KPI Lens: the target of each period of ${id}`);
/** The comment of a rate KPI's KPIDenom_<ID> name. */
export const denomNameComment = (id: string): string => nameComment(`KPI Lens: the denominator of each period of ${id}`);
