/**
 * Writes an evaluation workbook plan. Two requests whatever the size of the framework:
 * one to look at what the workbook already holds, one to write — with calculation suspended
 * so Excel recalculates once, not per cell. Bodies too large for one request are split, and
 * an operation that is split and then fails or is cancelled deletes the sheets it created,
 * so the workbook is never left half-written. Nothing the user has is overwritten: if a
 * planned sheet, table or name already exists, the plan is refused with the list of
 * conflicts (Excel cannot undo add-in writes).
 */
import { blockAddress, CALCULATED_FILL, columnLetter, SETTING_NAMES } from "../../core";
import { literalText } from "../shared/cellSafety";
import { chunkRows, jsonBytes, MAX_REQUEST_BYTES } from "../shared/requestBudget";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { NOTICE_COLOUR, NOTICE_ROW, SETUP_FIRST_ROW, TABLE_TOP_ROW, TITLE_ROW, type SheetPlan, type TablePlan, type WorkbookPlan } from "./evaluationPlan";

export interface Conflict {
  kind: "sheet" | "table" | "name";
  name: string;
  /** Why it matters to the user. */
  detail: string;
}

export type WriteResult = { status: "written"; sheets: string[]; syncs: number } | { status: "refused"; conflicts: Conflict[] };

interface Lookups {
  sheets: Excel.WorksheetCollection;
  tables: { name: string; table: Excel.Table }[];
  names: { name: string; item: Excel.NamedItem }[];
}

/** Every table and name the plan creates. */
function plannedNames(plan: WorkbookPlan): { tables: string[]; names: string[] } {
  const tables = plan.sheets.flatMap((s) => (s.table ? [s.table.name] : []));
  const names = [...plan.sheets.flatMap((s) => (s.settings ?? []).map((r) => settingName(r.key))), ...plan.names.map((n) => n.name)];
  return { tables, names };
}

function settingName(key: keyof typeof SETTING_NAMES): string {
  return SETTING_NAMES[key];
}

export async function findConflicts(run: ExcelRun, plan: WorkbookPlan): Promise<Conflict[]> {
  return run(async (context) => {
    const lookups = queueLookups(context, plan);
    await context.sync();
    return conflictsOf(context, plan, lookups);
  });
}

function queueLookups(context: Excel.RequestContext, plan: WorkbookPlan): Lookups {
  const { tables, names } = plannedNames(plan);
  const sheets = context.workbook.worksheets.load("items/name");
  return {
    sheets,
    tables: tables.map((name) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      return { name, table };
    }),
    names: names.map((name) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      item.load("name");
      return { name, item };
    }),
  };
}

/** Conflicts with what exists; sheets that exist are looked at once more, to say what they hold. */
async function conflictsOf(context: Excel.RequestContext, plan: WorkbookPlan, lookups: Lookups): Promise<Conflict[]> {
  const existing = new Set(lookups.sheets.items.map((s) => s.name.toLowerCase()));
  const clashing = plan.sheets.filter((p) => existing.has(p.name.toLowerCase()));
  const used = clashing.map((p) => context.workbook.worksheets.getItem(p.name).getUsedRangeOrNullObject(true).load("address"));
  if (clashing.length > 0) await context.sync();
  const conflicts: Conflict[] = clashing.map((p, i) => {
    const range = used[i] as Excel.Range;
    return {
      kind: "sheet",
      name: p.name,
      detail: range.isNullObject ? "The sheet exists (it is empty)." : `The sheet exists and holds data (${range.address}).`,
    };
  });
  for (const { name, table } of lookups.tables) if (!table.isNullObject) conflicts.push({ kind: "table", name, detail: "A table with this name exists." });
  for (const { name, item } of lookups.names) if (!item.isNullObject) conflicts.push({ kind: "name", name, detail: "A workbook name with this name exists." });
  return conflicts;
}

/**
 * Inserts the plan into a workbook that does not have it yet. Refuses, writing nothing,
 * when any planned sheet, table or name exists.
 */
export async function insertPlan(run: ExcelRun, plan: WorkbookPlan, options: OperationOptions = {}): Promise<WriteResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  return run(async (context) => {
    let syncs = 0;
    onProgress?.({ fraction: 0, message: "Checking the workbook…" });
    const lookups = queueLookups(context, plan);
    await context.sync();
    syncs++;
    const conflicts = await conflictsOf(context, plan, lookups);
    if (conflicts.length > 0) return { status: "refused", conflicts };
    throwIfCancelled(signal);

    onProgress?.({ fraction: 0.3, message: "Writing the evaluation sheets…" });
    context.application.suspendApiCalculationUntilNextSync();
    const later: { sheet: Excel.Worksheet; table: TablePlan; rows: unknown[][]; from: number }[] = [];
    // Drop-down lists whose source is a workbook name wait until the names exist: Excel refuses
    // a list source that names nothing, even one added later in the same request.
    const afterNames: (() => void)[] = [];
    for (const sheetPlan of plan.sheets) {
      const sheet = context.workbook.worksheets.add(sheetPlan.name);
      const title = sheet.getRange(`A${TITLE_ROW}`);
      title.values = [[literalText(sheetPlan.title)]];
      title.format.font.bold = true;
      if (sheetPlan.notice) {
        const notice = sheet.getRange(`A${NOTICE_ROW}`);
        notice.formulas = [[sheetPlan.notice]];
        notice.format.font.bold = true;
        notice.format.font.color = NOTICE_COLOUR;
      }
      if (sheetPlan.settings) writeSettings(context, sheet, sheetPlan);
      if (sheetPlan.table) later.push(...writeTable(sheet, sheetPlan.table, afterNames));
      sheet.freezePanes.freezeRows(sheetPlan.freezeRows);
    }
    for (const name of plan.names) context.workbook.names.add(name.name, name.formula);
    for (const apply of afterNames) apply();
    context.workbook.worksheets.getItem(plan.sheets[0]?.name ?? "").activate();

    if (later.length === 0) {
      await context.sync();
      syncs++;
    } else {
      // A body too large for one request: the first part went with the structure, the rest
      // follow one request each. Cancelling or failing here removes what this call created.
      const created = plan.sheets.map((s) => s.name);
      try {
        await context.sync();
        syncs++;
        for (const [i, part] of later.entries()) {
          throwIfCancelled(signal);
          onProgress?.({ fraction: 0.3 + (0.7 * (i + 1)) / (later.length + 1), message: "Writing large tables…" });
          const range = part.sheet.getRange(blockAddress(part.from, 1, part.rows.length, part.table.columns.length));
          range.values = part.rows;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part is the point: each must stay under Excel's 5 MB payload limit
          await context.sync();
          syncs++;
        }
      } catch (error) {
        for (const name of created) context.workbook.worksheets.getItemOrNullObject(name).delete();
        await context.sync();
        throw error;
      }
    }
    onProgress?.({ fraction: 1, message: "Done." });
    return { status: "written", sheets: plan.sheets.map((s) => s.name), syncs };
  });
}

/**
 * Formula columns refuse typing. Sheet protection would do it, but Excel cannot grow a table
 * on a protected sheet, and evaluators must add rows; a validation rule that accepts nothing
 * stops an accidental overwrite, travels with the table as it grows, and explains itself.
 * (It does not stop a paste; sign-off protects the final record.)
 */
function protectFormulaCells(cells: Excel.Range, header: string): void {
  cells.dataValidation.rule = { custom: { formula: "=FALSE" } };
  cells.dataValidation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: `${header} is calculated`,
    message: `The ${header} column is worked out by formulas. Type in the white columns instead.`,
  };
}

function writeSettings(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: SheetPlan): void {
  const rows = plan.settings ?? [];
  const header = sheet.getRange(blockAddress(SETUP_FIRST_ROW - 1, 1, 1, 3));
  header.values = [["Setting", "Value", "Notes"]];
  header.format.font.bold = true;
  const block = sheet.getRange(blockAddress(SETUP_FIRST_ROW, 1, rows.length, 3));
  // Number formats first, so a value lands in a cell already formatted for it.
  block.numberFormat = rows.map((r) => ["@", r.numberFormat, "@"]);
  block.values = rows.map((r) => [literalText(r.label), r.formula ? "" : literalText(r.value), literalText(r.note)]);
  rows.forEach((r, i) => {
    const cell = sheet.getRange(`B${SETUP_FIRST_ROW + i}`);
    if (r.formula) {
      cell.formulas = [[r.formula]];
      protectFormulaCells(cell, r.label);
    }
    if (r.list) cell.dataValidation.rule = { list: { inCellDropDown: true, source: r.list.join(",") } };
    context.workbook.names.add(settingName(r.key), cell);
  });
  sheet.getRange("A:A").format.columnWidth = 170;
  sheet.getRange("B:B").format.columnWidth = 200;
  sheet.getRange("C:C").format.columnWidth = 380;
}

/** Queues a table; returns the parts of its body that must follow in later requests. */
function writeTable(sheet: Excel.Worksheet, plan: TablePlan, afterNames: (() => void)[]): { sheet: Excel.Worksheet; table: TablePlan; rows: unknown[][]; from: number }[] {
  const headers = plan.columns.map((c) => c.header);
  const body = plan.rows.map((row) => plan.columns.map((c) => (c.formula ? "" : literalText(row[c.header] ?? ""))));
  const rowCount = Math.max(1, body.length);
  const chunks = jsonBytes(body) > MAX_REQUEST_BYTES / 2 ? chunkRows(body, MAX_REQUEST_BYTES / 2) : [body];
  const first = chunks[0] ?? [];

  const bodyTop = TABLE_TOP_ROW + 1;
  const bodyRange = sheet.getRange(blockAddress(bodyTop, 1, rowCount, plan.columns.length));
  bodyRange.numberFormat = Array.from({ length: rowCount }, () => plan.columns.map((c) => c.numberFormat));
  sheet.getRange(blockAddress(TABLE_TOP_ROW, 1, 1 + first.length, plan.columns.length)).values = [headers, ...first];

  const table = sheet.tables.add(blockAddress(TABLE_TOP_ROW, 1, 1 + rowCount, plan.columns.length), true);
  table.name = plan.name;
  table.style = "TableStyleLight9";

  plan.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width;
    const cells = sheet.getRange(blockAddress(bodyTop, i + 1, rowCount, 1));
    if (column.formula) {
      // Written to every row: Excel turns a column of one formula into a calculated column,
      // which new rows then inherit.
      cells.formulas = Array.from({ length: rowCount }, () => [column.formula as string]);
      cells.format.fill.color = CALCULATED_FILL;
      protectFormulaCells(cells, column.header);
    } else {
      cells.format.protection.locked = false;
    }
    if (typeof column.list === "string") {
      const source = column.list;
      afterNames.push(() => void (cells.dataValidation.rule = { list: { inCellDropDown: true, source } }));
    } else if (column.list) {
      cells.dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(",") } };
    } else if (column.nonNegative) {
      cells.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      cells.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Not a valid number", message: "Enter a number of 0 or more." };
    }
  });

  if (plan.flagNotOk) {
    const check = plan.columns.findIndex((c) => c.header === "Check");
    if (check >= 0) {
      const cells = sheet.getRange(blockAddress(bodyTop, check + 1, rowCount, 1));
      const cf = cells.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = plan.flagNotOk;
      cf.cellValue.rule = { formula1: '="OK"', operator: "NotEqualTo" };
    }
  }

  let from = bodyTop + first.length;
  return chunks.slice(1).map((rows) => {
    const part = { sheet, table: plan, rows, from };
    from += rows.length;
    return part;
  });
}
