/**
 * Reads the evaluation workbook back: the measure table, the commitments and the setting
 * cells, in a small fixed number of requests. Excel on the web limits a response to 5 MB
 * too, so a large commitments table is read in row blocks, one request each. On request,
 * the first block also asks which calculated cells no longer hold their formula
 * (calculatedCells.ts): no extra request, and only the offending cells come back.
 */
import { RefusalError } from "../shared/refusal";
import { clarificationInputRows, columnLetter, headerIndex, parseMeasures, readClarifications, SETTING_NAMES, TABLES, type ClarificationInputRow, type ClarificationsRead, type CommitmentInputRow, type MeasureEntry, type SettingKey, type TypedOverFormula, type ValidationContext } from "../../core";
import { MAX_REQUEST_BYTES, RESPONSE_CELL_BYTES } from "../shared/requestBudget";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { calculatedColumnIndexes, queueCalculatedCellSearch, readFoundAreas, typedOverCells, type CalculatedCellSearch } from "./calculatedCells";

/** The commitment columns validation reads. */
const READ_COLUMNS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"] as const;

export interface EvaluationData {
  measures: MeasureEntry[];
  /** Measure rows that could not be read (unknown unit, blank ref), with the sheet row. */
  measureProblems: { row: number; message: string }[];
  commitments: CommitmentInputRow[];
  /** Headers of SV_Commitments in sheet order (the Status column may be among them). */
  commitmentHeaders: string[];
  /** Sheet row of the commitments table's first data row. */
  commitmentsFirstRow: number;
  /** 1-based sheet column of SV_Commitments' first column (the table may not start in A). */
  commitmentsFirstColumn: number;
  settings: Partial<Record<SettingKey, unknown>>;
  /** Calculated commitment cells holding a typed value or nothing; [] unless `checkCalculatedCells` was asked. */
  typedOverFormulas: TypedOverFormula[];
  /** SV_Clarifications' rows (the panel's outcomes for implausible commitments); [] in a workbook without the table. */
  clarifications: ClarificationInputRow[];
  /** SV_Scores' Bidder column as spelled there (SV127 names the spelling to retype); undefined without the table. */
  scoreBidders: unknown[] | undefined;
  syncs: number;
}

export interface ReadEvaluationOptions extends OperationOptions {
  /** Also find the calculated cells of SV_Commitments whose formula was typed over or cleared (for SV121). */
  checkCalculatedCells?: boolean;
}

export class WorkbookNotSetUpError extends RefusalError {
  constructor(missing: string[]) {
    super(`This workbook has no evaluation yet (missing: ${missing.join(", ")}). Use Set up to insert it first.`);
    this.name = "WorkbookNotSetUpError";
  }
}


export async function readEvaluation(run: ExcelRun, options: ReadEvaluationOptions = {}): Promise<EvaluationData> {
  throwIfCancelled(options.signal);
  return run(async (context) => {
    let syncs = 0;
    // Request 1: the measure table, the commitments' shape, and every setting cell.
    const measuresTable = context.workbook.tables.getItem(TABLES.measures);
    const commitmentsTable = context.workbook.tables.getItem(TABLES.commitments);
    const measureHeader = measuresTable.getHeaderRowRange().load("values");
    const measureBody = measuresTable.getDataBodyRange().load("values, rowIndex");
    const commitHeader = commitmentsTable.getHeaderRowRange().load("values");
    const commitBody = commitmentsTable.getDataBodyRange().load("rowCount, columnCount, rowIndex, columnIndex");
    const commitSheet = commitmentsTable.worksheet.load("name");
    // Small (one row per clarified item), so read whole in this request; absent before issue #16.
    const clarificationRange = context.workbook.tables.getItemOrNullObject(TABLES.clarifications).getRange().load("values, rowIndex");
    // One row per bidder: read whole here, for the Bidder column.
    const scoresRange = context.workbook.tables.getItemOrNullObject(TABLES.scores).getRange().load("values");
    const settingCells = (Object.keys(SETTING_NAMES) as SettingKey[]).map((key) => {
      const item = context.workbook.names.getItemOrNullObject(SETTING_NAMES[key]);
      const range = item.getRangeOrNullObject().load("values");
      return { key, range };
    });
    try {
      await context.sync();
    } catch (error) {
      if ((error as { code?: unknown }).code === "ItemNotFound") throw await missingTables(context);
      throw error;
    }
    syncs++;

    const headers = (commitHeader.values[0] ?? []).map((h) => String(h));
    const col = headerIndex(headers);
    const rowCount = commitBody.rowCount;
    // Read only as far as the last column validation uses: each response stays smaller, so
    // fewer blocks are needed (the form's Baseline and Actions columns sit after them).
    const calculated = options.checkCalculatedCells === true ? [...calculatedColumnIndexes(headers).keys()] : [];
    // With the calculated cells checked, their columns are read too: a typed value is quoted back.
    const used = [...READ_COLUMNS.map(col), ...calculated].filter((i) => i >= 0);
    const cols = used.length > 0 ? Math.min(commitBody.columnCount, Math.max(...used) + 1) : commitBody.columnCount;
    const firstRow = commitBody.rowIndex + 1;
    const blockRows = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (RESPONSE_CELL_BYTES.short * Math.max(1, cols))));
    const values: unknown[][] = [];
    let search: CalculatedCellSearch | undefined;
    for (let start = 0; start < rowCount; start += blockRows) {
      throwIfCancelled(options.signal);
      const n = Math.min(blockRows, rowCount - start);
      if (start === 0 && options.checkCalculatedCells === true) {
        search = queueCalculatedCellSearch(commitSheet, headers, commitBody.columnIndex + 1, firstRow, rowCount);
      }
      const block = commitSheet
        .getRange(`${columnLetter(commitBody.columnIndex + 1)}${firstRow + start}:${columnLetter(commitBody.columnIndex + cols)}${firstRow + start + n - 1}`)
        .load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one block per request keeps each response under Excel's 5 MB limit
      await context.sync();
      syncs++;
      values.push(...block.values);
      options.onProgress?.({ fraction: Math.min(1, (start + n) / Math.max(1, rowCount)), message: `Read ${start + n} of ${rowCount} rows…` });
    }

    const [bidder, ref, unit, quantity, evidence] = READ_COLUMNS.map(col) as [number, number, number, number, number];
    // Value and Type come with the calculated cells, for validation to judge as the Check column does.
    const [valueAt, typeAt] = calculated.length > 0 ? [col("Value"), col("Type")] : [-1, -1];
    const commitments: CommitmentInputRow[] = values.map((row, i) => ({
      row: firstRow + i,
      bidder: row[bidder],
      ref: row[ref],
      unit: row[unit],
      quantity: row[quantity],
      ...(evidence >= 0 ? { evidence: row[evidence] } : {}),
      ...(valueAt >= 0 && typeAt >= 0 ? { calculated: { value: row[valueAt], type: row[typeAt] } } : {}),
    }));

    const { measures, problems } = parseMeasures(
      (measureHeader.values[0] ?? []).map((h) => String(h)),
      measureBody.values,
      measureBody.rowIndex + 1
    );
    const settings: Partial<Record<SettingKey, unknown>> = {};
    for (const { key, range } of settingCells) if (!range.isNullObject) settings[key] = range.values[0]?.[0];

    let typedOverFormulas: TypedOverFormula[] = [];
    if (search !== undefined) {
      const areas = await readFoundAreas(context, search);
      syncs += areas.syncs;
      typedOverFormulas = typedOverCells(search, areas.found, (row, column) => values[row - firstRow]?.[column - commitBody.columnIndex - 1]);
    }

    const [clarificationHeader = [], ...clarificationBody] = clarificationRange.isNullObject ? [] : clarificationRange.values;
    const clarifications = clarificationInputRows(clarificationHeader.map(String), clarificationBody, clarificationRange.isNullObject ? 0 : clarificationRange.rowIndex + 2);

    const [scoresHeader = [], ...scoresBody] = scoresRange.isNullObject ? [] : scoresRange.values;
    const bidderAt = scoresHeader.findIndex((h) => String(h).trim().toLowerCase() === "bidder");
    const scoreBidders = bidderAt < 0 ? undefined : scoresBody.map((r) => r[bidderAt]);
    return { measures, measureProblems: problems, commitments, commitmentHeaders: headers, commitmentsFirstRow: firstRow, commitmentsFirstColumn: commitBody.columnIndex + 1, settings, typedOverFormulas, clarifications, scoreBidders, syncs };
  });
}

/**
 * What validating the commitments needs besides the rows, as read: the contract value (when a
 * positive number) and the panel's decided clarifications, so every page counts the outcomes
 * alike (Validate, Scores, Report). `clarifications` also holds the rows that do not count yet.
 */
export function commitmentContext(data: EvaluationData): { context: ValidationContext; clarifications: ClarificationsRead } {
  const v = data.settings.contractValue;
  const clarifications = readClarifications(data.clarifications);
  return {
    context: {
      clarifications: clarifications.decided,
      ...(typeof v === "number" && v > 0 ? { contractValue: v } : {}),
      ...(data.scoreBidders !== undefined ? { sheetBidders: data.scoreBidders } : {}),
      typedOverFormulas: data.typedOverFormulas,
    },
    clarifications,
  };
}

/** Which of the evaluation's tables are missing, as the error the pane shows. */
async function missingTables(context: Excel.RequestContext): Promise<WorkbookNotSetUpError> {
  const found = [TABLES.measures, TABLES.commitments].map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
  await context.sync();
  return new WorkbookNotSetUpError(found.filter((f) => f.table.isNullObject).map((f) => f.name));
}

