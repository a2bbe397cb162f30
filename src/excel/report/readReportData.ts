/**
 * Everything the report sheets show, read from the workbook at the moment they are built
 * (DESIGN.md: the workbook is the source of truth; nothing comes from the pane's memory):
 * the measures, commitments and settings (readEvaluation), and the tables SV_Scores,
 * SV_Criteria, SV_Consensus and SV_Offers as the sheet's formulas computed them. Also looks at
 * the sheet about to be (re)written, so the writer knows whether it is the add-in's own.
 *
 * For SV Register, also where each bidder's written answers are: SV_Answers' Bidder and Criterion
 * columns and the place of its Answer column, never the answers themselves (each may run to
 * 32,767 characters, and every bidder's together can pass Excel on the web's 5 MB response
 * limit); the register reads only its bidder's (writeRegister.ts).
 *
 * Cost: readEvaluation's requests (one, plus one per 4 MB block of commitments) and two more,
 * whatever the number of bidders, criteria or offers.
 */
import { readEvaluation, type EvaluationData } from "../setup/readEvaluation";
import { readQuantity, readText, TABLES } from "../../core";
import type { ExcelRun, OperationOptions } from "../shared/excelRun";

/** The note every report sheet carries in A2; a sheet whose A2 does not start with it is the user's. */
export const BUILT_MARKER = "Built by the Social Value add-in";

export interface TableRows {
  headers: string[];
  rows: unknown[][];
}

export interface ExistingSheet {
  exists: boolean;
  /** A2 starts with BUILT_MARKER. */
  ours: boolean;
}

export interface ReportData extends EvaluationData {
  scores: TableRows | undefined;
  criteria: TableRows | undefined;
  consensus: TableRows | undefined;
  offers: TableRows | undefined;
  /** Extra tables asked for by the caller (e.g. SV_Register), by name. */
  extra: Record<string, TableRows | undefined>;
  target: ExistingSheet;
  /** Where the written answers are, when asked for and SV_Answers exists. */
  answerIndex?: AnswerIndex;
}

/**
 * SV_Answers without its answers: each data row's Bidder and Criterion, and where the Answer
 * cells are, so a reader can fetch one bidder's answers by row. Sheet rows and columns are 0-based.
 */
export interface AnswerIndex {
  sheet: string;
  /** The sheet row of the first data row. */
  firstRow: number;
  /** The sheet columns of Bidder, Criterion and Answer; undefined for a column the table lacks. */
  columns: { bidder: number | undefined; criterion: number | undefined; answer: number | undefined };
  /** Bidder and Criterion of each data row, in table order. */
  keys: { bidder: unknown; criterion: unknown }[];
}

const REPORT_TABLES = [TABLES.scores, TABLES.criteria, TABLES.consensus, TABLES.offers] as const;

export async function readReportData(
  run: ExcelRun,
  sheetName: string,
  options: OperationOptions = {},
  extraTables: readonly string[] = [],
  withAnswerIndex = false
): Promise<ReportData> {
  // With the calculated cells typed over, so the report's figures are the Scores page's.
  const data = await readEvaluation(run, { ...options, checkCalculatedCells: true });
  const names = [...REPORT_TABLES, ...extraTables];
  const read = await run(async (context) => {
    const found = names.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
    const answersTable = withAnswerIndex ? context.workbook.tables.getItemOrNullObject(TABLES.answers) : undefined;
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    const ranges = found.map((f) => ({ name: f.name, range: f.table.isNullObject ? undefined : f.table.getRange().load("values") }));
    const marker = sheet.isNullObject ? undefined : sheet.getRange("A2").load("values");
    const answers = answersTable && !answersTable.isNullObject ? queueAnswerIndex(answersTable) : undefined;
    await context.sync();
    const tables: Record<string, TableRows | undefined> = {};
    for (const r of ranges) {
      if (!r.range) continue;
      const [header = [], ...rows] = r.range.values;
      tables[r.name] = { headers: header.map((h) => String(h).trim()), rows };
    }
    const a2 = marker ? String(marker.values[0]?.[0] ?? "") : "";
    return { tables, target: { exists: marker !== undefined, ours: a2.startsWith(BUILT_MARKER) }, answerIndex: answers?.() };
  });
  const extra: Record<string, TableRows | undefined> = {};
  for (const name of extraTables) extra[name] = read.tables[name];
  return {
    ...data,
    scores: read.tables[TABLES.scores],
    criteria: read.tables[TABLES.criteria],
    consensus: read.tables[TABLES.consensus],
    offers: read.tables[TABLES.offers],
    extra,
    target: read.target,
    ...(read.answerIndex ? { answerIndex: read.answerIndex } : {}),
  };
}

/**
 * Queues the read of SV_Answers' keys by column name (a column moved or renamed is found or
 * missed by its header, not its place); returns what was read once synced. The keys are names
 * and ids, some tens of bytes a row, so the whole column goes in the request that reads the
 * other report tables.
 */
function queueAnswerIndex(table: Excel.Table): () => AnswerIndex {
  const body = table.getDataBodyRange().load("rowIndex, rowCount");
  const owner = table.worksheet.load("name");
  const column = (name: string) => table.columns.getItemOrNullObject(name);
  const bidder = column("Bidder").load("index, values");
  const criterion = column("Criterion").load("index, values");
  const answer = column("Answer").load("index");
  const start = table.getRange().load("columnIndex");
  return () => {
    const at = (c: Excel.TableColumn): number | undefined => (c.isNullObject ? undefined : start.columnIndex + c.index);
    // TableColumn.values starts with the header cell.
    const cells = (c: Excel.TableColumn, i: number): unknown => (c.isNullObject ? "" : c.values[i + 1]?.[0]);
    return {
      sheet: owner.name,
      firstRow: body.rowIndex,
      columns: { bidder: at(bidder), criterion: at(criterion), answer: at(answer) },
      keys: Array.from({ length: body.rowCount }, (_, i) => ({ bidder: cells(bidder, i), criterion: cells(criterion, i) })),
    };
  };
}

/** Rows of a table as records by header (case-insensitive lookup), blank rows left out. */
export function records(table: TableRows | undefined): ((name: string) => unknown)[] {
  if (!table) return [];
  const lower = table.headers.map((h) => h.toLowerCase());
  return table.rows
    .filter((row) => row.some((c) => c !== "" && c !== null && c !== undefined))
    .map((row) => (name: string) => {
      const i = lower.indexOf(name.toLowerCase());
      return i >= 0 ? row[i] : undefined;
    });
}

/** A number from a cell, or undefined (blank, text, an error value). */
export function numberIn(cell: unknown): number | undefined {
  const q = readQuantity(cell);
  return q.kind === "number" ? q.value : undefined;
}

/** Text from a cell, "" when blank. */
export function textIn(cell: unknown): string {
  return readText(cell) ?? "";
}

/** An Excel error value shown in a cell ("#VALUE!", "#N/A" …), if the cell holds one. */
export function errorIn(cell: unknown): string | undefined {
  return typeof cell === "string" && /^#[A-Z0-9/!?]+[!?A]?$/.test(cell.trim()) ? cell.trim() : undefined;
}
