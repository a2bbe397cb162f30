/**
 * Bringing a workbook made by an earlier version up to this version's formulas (issue #16).
 *
 * Every operation writes the current formulas into the rows it adds (tableFormulas.ts), but rows
 * written before keep the formulas they were written with: on a workbook made before #16 the
 * sheet would hold back, cap and rank bids by the old rules while the pane uses the new, so the
 * two would disagree. This module decides, from what the Excel layer read, which calculated
 * columns hold a formula that is not today's, which columns and tables the new formulas name
 * are missing, and plans the update. Pure: the Excel layer reads and writes
 * (src/excel/setup/updateFormulas.ts).
 *
 * Only calculated columns are ever planned: the columns evaluators type in are not named here,
 * so an update cannot change what anyone typed.
 */
import { DECISION_COLUMNS, SHEETS, TABLES } from "../shared/layout";
import { decide, refuse, type Decision } from "../shared/decision";
import { TABLE_FORMULAS } from "./tableFormulas";

/** A table with calculated columns (tableFormulas.ts). */
export type FormulaTable = keyof typeof TABLE_FORMULAS;

export const FORMULA_TABLES = Object.keys(TABLE_FORMULAS) as FormulaTable[];

/** The sheet of each table named here, for messages. */
const SHEET_OF: Readonly<Record<string, string>> = {
  [TABLES.commitments]: SHEETS.commitments,
  [TABLES.scores]: SHEETS.scores,
  [TABLES.clarifications]: SHEETS.clarifications,
  [TABLES.consensus]: SHEETS.moderation,
  [TABLES.measures]: SHEETS.measures,
};
const sheetOf = (table: string): string => SHEET_OF[table] ?? table;

/** One table with calculated columns as the workbook holds it. */
export interface TableFormulaRead {
  readonly headers: readonly string[];
  /** Data rows. */
  readonly rows: number;
  /**
   * Some data rows' cells as Range.formulas gives them (a formula's text, or the value of a cell
   * that holds none): the first and the last row, since the rows an earlier version wrote sit
   * at the top and rows added since are appended below.
   */
  readonly sampled: readonly (readonly unknown[])[];
}

export interface FormulaCheckInput {
  /** The tables with calculated columns that exist. */
  readonly tables: Partial<Record<FormulaTable, TableFormulaRead>>;
  /** SV_Measures' headers; undefined when the table does not exist. */
  readonly measureHeaders: readonly string[] | undefined;
  /** Who signed the record and when, once it is signed. */
  readonly signed: { readonly by: string; readonly at: string } | undefined;
}

/** A calculated column whose formula is to be written, whole, into every data row. */
export interface ColumnToWrite {
  readonly table: FormulaTable;
  /** The header, as the workbook spells it (or as it will be added). */
  readonly header: string;
  readonly formula: string;
}

/** A column an earlier version did not have: added empty at the table's end, then (if calculated) given its formula. */
export interface ColumnToAdd {
  /** Table name, e.g. SV_Scores. */
  readonly table: string;
  readonly header: string;
}

export interface FormulaStatus {
  /** Calculated columns that hold an earlier formula. */
  readonly outOfDate: readonly ColumnToWrite[];
  /** Columns this version's formulas name that the workbook lacks. */
  readonly missingColumns: readonly ColumnToAdd[];
  /** Tables this version's formulas name that the workbook lacks (SV_Clarifications). */
  readonly missingTables: readonly string[];
  readonly signed: FormulaCheckInput["signed"];
  /** What is out of date, as the pane says it; undefined when everything is up to date. */
  readonly message: string | undefined;
}

export interface FormulaUpdatePlan {
  readonly addTables: readonly string[];
  readonly addColumns: readonly ColumnToAdd[];
  /** One write per column, of the whole column. */
  readonly writes: readonly ColumnToWrite[];
  /** What the update does, in a sentence: the confirmation, and the line kept in SV Decisions. */
  readonly summary: string;
}

/** Input columns of tables that exist in every version, which the current formulas name. */
const INPUT_COLUMNS_ADDED_LATER: readonly { table: string; header: string }[] = [{ table: TABLES.measures, header: "Ceiling" }];

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A formula as Excel may give it back, reduced to what decides its meaning: text outside string
 * literals without spaces and in one case; the prefixes a file stores for newer functions
 * (_xlfn., _xlws.) and an implicit-intersection @ dropped; a reference to the table's own column
 * by table name, or in the long [#This Row] form, as the short form we write. Text inside quotes
 * is kept exactly.
 */
export function normaliseFormula(formula: string, ownTable: string): string {
  const parts = formula.trim().split(/("(?:[^"]|"")*")/);
  const own = new RegExp(`(^|[^A-Za-z0-9_.])${ownTable}\\[`, "gi");
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/\s+/g, "")
        .toUpperCase()
        .replace(/_XLFN\.|_XLWS\./g, "")
        // An implicit-intersection @ Excel may show before a function or range (never in [@Col]).
        .replace(/(^|[^[])@/g, "$1")
        .replace(/\[\[#THISROW\],\[([^\]]+)\]\]/g, "[@$1]")
        .replace(/\[@\[([^\]]+)\]\]/g, "[@$1]")
        .replace(own, "$1[");
    })
    .join("");
}

/**
 * Whether a calculated cell read back lacks today's formula: it holds another formula, or nothing
 * at all (a column an earlier add left empty, or rows a user added while Excel's "fill formulas
 * in tables" option was off). A value typed over the formula is not counted: the update keeps it,
 * and Validate names it.
 */
function lacksFormula(cell: unknown, current: string, table: string): "empty" | "earlier" | undefined {
  if (cell === "" || cell === null || cell === undefined) return "empty";
  return typeof cell === "string" && cell.startsWith("=") && normaliseFormula(cell, table) !== current ? "earlier" : undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** What is out of date in the workbook, compared with this version's formulas. */
export function formulaStatus(input: FormulaCheckInput): FormulaStatus {
  const outOfDate: ColumnToWrite[] = [];
  // Whether a formula of an earlier version was seen, rather than only cells without one.
  let earlier = false;
  const missingColumns: ColumnToAdd[] = [];
  const anyTable = FORMULA_TABLES.some((t) => input.tables[t] !== undefined);
  for (const table of FORMULA_TABLES) {
    const read = input.tables[table];
    if (read === undefined) continue;
    for (const [header, formula] of Object.entries(TABLE_FORMULAS[table]) as [string, string][]) {
      const index = read.headers.findIndex((h) => sameHeader(h, header));
      if (index < 0) {
        missingColumns.push({ table: TABLES[table], header });
        continue;
      }
      // A signed record holds values where its formulas were (sign-off froze them): nothing to compare.
      if (input.signed !== undefined) continue;
      const current = normaliseFormula(formula, TABLES[table]);
      const found = read.sampled.map((row) => lacksFormula(row[index], current, TABLES[table]));
      if (found.some((f) => f !== undefined)) outOfDate.push({ table, header: read.headers[index] as string, formula });
      if (found.includes("earlier")) earlier = true;
    }
  }
  if (input.measureHeaders !== undefined) {
    for (const column of INPUT_COLUMNS_ADDED_LATER) {
      if (!input.measureHeaders.some((h) => sameHeader(h, column.header))) missingColumns.push(column);
    }
  }
  // Only in a workbook that holds the evaluation: a blank workbook lacks every table.
  // SV_Clarifications is the one table the current formulas name that an earlier version did not make.
  const missingTables = anyTable && input.tables.clarifications === undefined ? [TABLES.clarifications] : [];
  return { outOfDate, missingColumns, missingTables, signed: input.signed, message: statusMessage(outOfDate, missingColumns, missingTables, earlier) };
}

/** Formulas to write: the out-of-date columns, and the calculated columns that are missing. */
function formulasToWrite(status: FormulaStatus): ColumnToWrite[] {
  const added = status.missingColumns.flatMap((c) => {
    const table = FORMULA_TABLES.find((k) => TABLES[k] === c.table);
    const formula = table === undefined ? undefined : (TABLE_FORMULAS[table] as Readonly<Record<string, string>>)[c.header];
    return table !== undefined && formula !== undefined ? [{ table, header: c.header, formula }] : [];
  });
  return [...status.outOfDate, ...added];
}

function statusMessage(outOfDate: readonly ColumnToWrite[], missingColumns: readonly ColumnToAdd[], missingTables: readonly string[], earlier: boolean): string | undefined {
  const formulas = formulasToWrite({ outOfDate, missingColumns, missingTables, signed: undefined, message: undefined });
  if (formulas.length === 0 && missingColumns.length === 0 && missingTables.length === 0) return undefined;
  const sheets = [...new Set(formulas.map((f) => sheetOf(TABLES[f.table])))];
  const parts: string[] = [];
  if (formulas.length > 0) parts.push(`${plural(formulas.length, "formula", "formulas")} on ${listed(sheets)} ${formulas.length === 1 ? "is" : "are"} out of date`);
  const lacking = missingColumns.map((c) => `${sheetOf(c.table)} lacks its ${c.header} column`);
  parts.push(...lacking, ...missingTables.map((t) => `the sheet ${sheetOf(t)} is missing`));
  // Only cells without their formula, in a workbook of this version: rows added while Excel's
  // "Fill formulas in tables to create calculated columns" option was off.
  const why = earlier || missingColumns.length > 0 || missingTables.length > 0 ? "This workbook was made by an earlier version" : "Rows were added to this workbook without their formulas";
  return `${why}: ${listed(parts)}. Until the formulas are updated, the sheet and the pane may give different scores.`;
}

/** The sentence when a signed workbook would need its formulas updated. */
export function signedFormulaRefusal(signed: { by: string; at: string }): string {
  // SV Record gone but SV Sign-off still showing its fingerprint: signed all the same, by whom the sheet no longer says.
  const who = signed.by !== "" && signed.at !== "" ? `signed off by ${signed.by} on ${signed.at}` : "signed off (SV Sign-off shows its fingerprint)";
  return (
    `The record was ${who}, so its formulas were not updated. Sign-off turned the signed sheets' formulas into ` +
    `the values that were signed, and the fingerprint covers those values: writing formulas back would change signed figures wherever today's rules ` +
    `give a different answer, and Verify would report each one. The signed record stands as it was signed; nothing was changed.`
  );
}

/**
 * The update: every column to add, and each out-of-date or missing calculated column written
 * whole. Refused once the record is signed, and when there is nothing to update.
 */
export function formulaUpdatePlan(status: FormulaStatus): Decision<FormulaUpdatePlan> {
  return decide(() => {
    if (status.signed !== undefined) refuse(signedFormulaRefusal(status.signed));
    if (status.message === undefined) refuse("Every formula in this workbook is already up to date: nothing was changed.");
    const writes = formulasToWrite(status);
    const bySheet = new Map<string, string[]>();
    for (const w of writes) bySheet.set(sheetOf(TABLES[w.table]), [...(bySheet.get(sheetOf(TABLES[w.table])) ?? []), w.header]);
    const parts = [...bySheet].map(([sheet, headers]) => `${sheet} (${headers.join(", ")})`);
    const added = [...status.missingColumns.map((c) => `${c.header} on ${sheetOf(c.table)}`), ...status.missingTables.map((t) => `the sheet ${sheetOf(t)}`)];
    const summary =
      `Updated ${plural(writes.length, "formula", "formulas")} to this version's: ${listed(parts)}` +
      (added.length > 0 ? `; added ${listed(added)}` : "") +
      ". Nothing typed in was changed.";
    return { addTables: status.missingTables, addColumns: status.missingColumns, writes, summary };
  });
}

/** What the confirmation adds when cells holding a typed value in place of their formula were kept as they were. */
export function keptTypedCells(count: number): string {
  if (count === 0) return "";
  return ` ${plural(count, "cell", "cells")} in those columns held a value typed over the formula and ${count === 1 ? "keeps it" : "keep it"}: Validate lists ${count === 1 ? "it" : "them"}, to be cleared once checked.`;
}

/**
 * The SV_Decisions row (DECISION_COLUMNS order) that keeps the update in the workbook's log, so
 * whoever reads the record later sees when the sheet's rules changed. Not one of the decisions
 * the record explains (decisionRecord.ts reads its own three), so it never stands in for one.
 */
export function formulaUpdateLogRow(plan: FormulaUpdatePlan, now: string): string[] {
  const row: Record<(typeof DECISION_COLUMNS)[number], string> = {
    Decision: "Formulas updated",
    Value: plan.summary,
    DecidedBy: "Update formulas, Set up page",
    DecidedAt: now,
    Reason: "The workbook was made by an earlier version: its calculated columns now hold this version's formulas, so the sheet and the pane apply the same rules.",
  };
  return DECISION_COLUMNS.map((c) => row[c]);
}
