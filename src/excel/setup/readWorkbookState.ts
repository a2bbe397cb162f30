/**
 * What the workbook holds of the evaluation, read cheaply enough to do whenever the pane opens,
 * a page is shown or sheets come and go: which parts exist, SV Setup's settings (cell by cell,
 * so a hand-edited cell is named, never a crash), the measures in scope, the bidders listed on
 * SV Scores, how many marks SV Marks holds, whether moderation is open and whether the record
 * is signed. The commitments are not read (there may be 100,000 rows): only their table's shape.
 *
 * Three requests whatever the size of the workbook (readSnapshot.ts): what exists, the tables'
 * shapes, then the few columns read here.
 */
import { readModerationSnapshot } from "../moderation/readSnapshot";
import type { ExcelRun } from "../shared/excelRun";
import { getBuiltInFramework, readQuantity, readText, SHEETS, settingsFromSheet, TABLES, type SettingKey, type SheetCell, type SheetSettingProblem, type SheetSettings, type TableData, uniqueNames } from "../../core";

export interface WorkbookState {
  /**
   * none: no part of the evaluation is there; partial: some of its sheets or tables are missing
   * (being inserted by someone, or deleted); complete: every part the pages work on is there.
   */
  readonly evaluation: "none" | "partial" | "complete";
  /** The parts missing, by sheet or table name, when partial. */
  readonly missing: readonly string[];
  readonly settings: SheetSettings;
  /** SV Setup cells that could not be read, each naming its cell. */
  readonly problems: readonly SheetSettingProblem[];
  /** The built-in framework SV_Framework names, by id; undefined for one of the council's own. */
  readonly frameworkId: string | undefined;
  /** Measures on SV Measures, and the refs marked InScope = Yes, in the sheet's order. */
  readonly measures: { readonly total: number; readonly inScope: readonly string[] };
  /** Bidders listed on SV Scores, in the sheet's order. */
  readonly bidders: readonly string[];
  /** Rows on SV Marks, and how many hold a mark. */
  readonly marks: { readonly rows: number; readonly given: number };
  readonly moderationOpen: boolean;
  readonly signed: { readonly by: string; readonly at: string } | undefined;
  /** Differs whenever anything above differs: a page compares it to know what it shows is out of date. */
  readonly stamp: string;
}

/** What the pages need to be there; the rest (answers, offers, criteria) some pages use when present. */
const CORE_PARTS = [
  { name: SHEETS.setup, kind: "sheet" },
  { name: TABLES.measures, kind: "table", key: "measures" },
  { name: TABLES.commitments, kind: "table", key: "commitments" },
  { name: TABLES.scores, kind: "table", key: "scores" },
  { name: TABLES.marks, kind: "table", key: "marks" },
] as const;

function columnOf(table: TableData | undefined, header: string): unknown[] {
  if (table === undefined) return [];
  const i = table.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
  return i < 0 ? [] : table.rows.map((row) => row[i]);
}

const isYes = (value: unknown): boolean => ["yes", "y", "true"].includes((readText(value) ?? "").toLowerCase());

export async function readWorkbookState(run: ExcelRun): Promise<WorkbookState> {
  const snapshot = await readModerationSnapshot(run, {
    tables: { measures: ["Ref", "InScope"], commitments: [], scores: ["Bidder"], marks: ["Mark"] },
  });
  const cells: Partial<Record<SettingKey, SheetCell>> = snapshot.settings;
  const { settings, problems } = settingsFromSheet(cells);

  const present = (part: (typeof CORE_PARTS)[number]): boolean => (part.kind === "sheet" ? snapshot.sheets.has(part.name) : snapshot.tables[part.key] !== undefined);
  const missing = CORE_PARTS.filter((p) => !present(p)).map((p) => p.name);
  // A workbook with only setting names and no sheet is treated as having none of it: the
  // names alone show nothing a page can use.
  const evaluation = missing.length === 0 ? "complete" : missing.length === CORE_PARTS.length ? "none" : "partial";

  const refs = columnOf(snapshot.tables.measures, "Ref");
  const inScopeCells = columnOf(snapshot.tables.measures, "InScope");
  const measureRefs = refs.map((r) => readText(r)).filter((r): r is string => r !== undefined);
  const inScope = refs.flatMap((r, i) => {
    const ref = readText(r);
    return ref !== undefined && isYes(inScopeCells[i]) ? [ref] : [];
  });

  const bidders = uniqueNames(columnOf(snapshot.tables.scores, "Bidder").map((cell) => readText(cell) ?? ""));

  const markCells = columnOf(snapshot.tables.marks, "Mark");
  const given = markCells.filter((m) => readQuantity(m).kind === "number").length;

  const framework = settings.frameworkName !== undefined ? getBuiltInFramework(settings.frameworkName) : undefined;
  const record = snapshot.record;
  const state = {
    evaluation,
    missing: evaluation === "none" ? [] : missing,
    settings,
    problems,
    frameworkId: framework?.id,
    measures: { total: measureRefs.length, inScope },
    bidders,
    marks: { rows: markCells.length, given },
    moderationOpen: settings.moderationOpen === true,
    signed: record !== undefined ? { by: record.signedBy, at: record.signedAt } : undefined,
  } as const;
  return { ...state, stamp: JSON.stringify(state) };
}
