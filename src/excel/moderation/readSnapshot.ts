/**
 * Reads the moderation snapshot (src/core/moderation/snapshot.ts) — the setting cells, the
 * evaluation's tables, the sheets' state and the signed record — in three requests whatever the
 * number of rows: (1) what exists, (2) the tables' shapes and headers, (3) the cell values, split
 * into more requests only when one response would pass the request budget (requestBudget.ts).
 */
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { MAX_REQUEST_BYTES, RequestBudget, RESPONSE_CELL_BYTES } from "../shared/requestBudget";
import { refuseIfCalculating } from "../shared/notReady";
import { nameText, readQuantity, runsOf, RECORD_CHUNK_CHARS, RECORD_ROWS, ROLL_UP_FIXED_NAMES, SETTING_NAMES, SHEETS, shownFingerprint, storedRecord, TABLES, type FixedRollUpNames, type ModerationSnapshot, type SettingCell, type SettingKey, type SheetState, type SnapshotRequest, type TableData, type TableKey } from "../../core";

/** Sheets whose state (visibility, protection) is read. */
const WATCHED_SHEETS = Object.values(SHEETS);

/** Tables of free text (answers, comments, rationales): each cell may be long. */
const TEXT_TABLES: ReadonlySet<TableKey> = new Set(["answers", "consensus", "offers", "marks"]);

function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const raw = bang >= 0 ? address.slice(0, bang) : "";
  return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

export async function readModerationSnapshot(run: ExcelRun, request: SnapshotRequest, options: OperationOptions = {}): Promise<ModerationSnapshot> {
  throwIfCancelled(options.signal);
  return run(async (context) => {
    let syncs = 0;
    const wb = context.workbook;
    // 1: what exists.
    const keys = Object.keys(request.tables) as TableKey[];
    const tableProbes = keys.map((key) => ({ key, table: wb.tables.getItemOrNullObject(TABLES[key]).load("name") }));
    const settingProbes = (Object.keys(SETTING_NAMES) as SettingKey[]).map((key) => ({
      key,
      range: wb.names.getItemOrNullObject(SETTING_NAMES[key]).getRangeOrNullObject().load("values, address, rowIndex, columnIndex"),
    }));
    const fixedProbes = {
      rollUp: wb.names.getItemOrNullObject(ROLL_UP_FIXED_NAMES.rollUp).load("formula, value"),
      at: wb.names.getItemOrNullObject(ROLL_UP_FIXED_NAMES.at).load("formula, value"),
    };
    const sheetProbes = WATCHED_SHEETS.map((name) => ({ name, sheet: wb.worksheets.getItemOrNullObject(name).load("name, visibility") }));
    await context.sync();
    syncs++;

    // 2: shapes and headers of the tables that exist; the protection of the sheets that exist;
    // the head of the record sheets.
    const found = tableProbes.filter((p) => !p.table.isNullObject);
    const shapes = found.map((p) => {
      const table = wb.tables.getItem(TABLES[p.key]);
      return {
        key: p.key,
        range: table.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
        header: table.getHeaderRowRange().load("values"),
        sheet: table.worksheet.load("name"),
        used: table.worksheet.getUsedRange(true).load("rowIndex, rowCount"),
      };
    });
    const existingSheets = sheetProbes.filter((p) => !p.sheet.isNullObject);
    const protections = existingSheets.map((p) => ({ name: p.name, visibility: p.sheet.visibility, protection: wb.worksheets.getItem(p.name).protection.load("protected") }));
    const hasRecord = existingSheets.some((p) => p.name === SHEETS.record);
    const hasSignOff = existingSheets.some((p) => p.name === SHEETS.signOff);
    const recordHead = hasRecord ? wb.worksheets.getItem(SHEETS.record).getRange(`A1:B${RECORD_ROWS.chunks}`).load("values") : undefined;
    const signOffUsed = hasSignOff ? wb.worksheets.getItem(SHEETS.signOff).getUsedRange(true).load("values") : undefined;
    await context.sync();
    syncs++;

    const sheets = new Map<string, SheetState>();
    for (const p of protections) sheets.set(p.name, { visibility: p.visibility, protected: p.protection.protected });

    // 3: values, in blocks of rows, as many to a request as the budget allows.
    const budget = new RequestBudget(context, options);
    const tables: Partial<Record<TableKey, TableData>> = {};
    for (const s of shapes) {
      const headers = (s.header.values[0] ?? []).map((h) => String(h));
      const bodyRows = Math.max(0, s.range.rowCount - 1);
      const data: TableData = {
        name: TABLES[s.key],
        sheet: s.sheet.name,
        headers,
        rows: Array.from({ length: bodyRows }, () => new Array<unknown>(headers.length)),
        firstRow: s.range.rowIndex + 2,
        firstColumn: s.range.columnIndex + 1,
        headerRow: s.range.rowIndex + 1,
        sheetLastUsedRow: s.used.rowIndex + s.used.rowCount,
      };
      tables[s.key] = data;
      const wanted = request.tables[s.key];
      const columns = wanted === "all" || wanted === undefined ? headers.map((_, i) => i) : wanted.map((h) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase())).filter((i) => i >= 0);
      if (bodyRows === 0 || columns.length === 0) continue;
      const cellBytes = TEXT_TABLES.has(s.key) ? RESPONSE_CELL_BYTES.text : RESPONSE_CELL_BYTES.short;
      const blockRows = Math.max(1, Math.floor(budgetRows(columns.length * cellBytes)));
      const sheet = wb.worksheets.getItem(data.sheet);
      for (let start = 0; start < bodyRows; start += blockRows) {
        const n = Math.min(blockRows, bodyRows - start);
        for (const [from, to] of runsOf(columns)) {
          // Read again in smaller blocks if the text is longer than estimated (requestBudget.ts).
          await budget.read(
            {
              rows: n,
              load: (offset, rows) => sheet.getRangeByIndexes(data.firstRow - 1 + start + offset, data.firstColumn - 1 + from, rows, to - from + 1).load("values"),
              deliver: (offset, values) =>
                values.forEach((row, i) => {
                  const target = data.rows[start + offset + i] as unknown[];
                  row.forEach((v, j) => (target[from + j] = v));
                }),
            },
            n * (to - from + 1) * cellBytes
          );
        }
      }
    }
    let chunkCount = 0;
    if (recordHead) {
      const count = readQuantity(recordHead.values[RECORD_ROWS.chunks - 1]?.[1]);
      chunkCount = count.kind === "number" ? Math.max(0, Math.floor(count.value)) : 0;
    }
    const chunks: string[] = new Array<string>(chunkCount).fill("");
    // A chunk of 30,000 characters travels as up to about 36,000 bytes of JSON.
    const chunkBytes = RECORD_CHUNK_CHARS * 1.2;
    const chunksPerBlock = Math.max(1, Math.floor(budgetRows(chunkBytes)));
    for (let start = 0; start < chunkCount; start += chunksPerBlock) {
      const n = Math.min(chunksPerBlock, chunkCount - start);
      await budget.read(
        {
          rows: n,
          load: (offset, rows) => wb.worksheets.getItem(SHEETS.record).getRangeByIndexes(RECORD_ROWS.firstChunk - 1 + start + offset, 1, rows, 1).load("values"),
          deliver: (offset, values) => values.forEach((row, i) => (chunks[start + offset + i] = String(row[0] ?? ""))),
        },
        n * chunkBytes
      );
    }
    await budget.finish();
    syncs += budget.syncs;

    const settings: Partial<Record<SettingKey, SettingCell>> = {};
    for (const { key, range } of settingProbes) {
      if (range.isNullObject) continue;
      settings[key] = { value: range.values[0]?.[0], sheet: sheetOfAddress(range.address), row: range.rowIndex + 1, column: range.columnIndex + 1 };
    }
    // A review, a record or a verdict built on #BUSY! would be wrong: refuse until Excel is done.
    if (request.calculated) refuseIfCalculating([
      ...Object.values(settings).map((c) => ({ sheet: c.sheet, firstRow: c.row, firstColumn: c.column, rows: [[c.value]] })),
      ...Object.values(tables).map((t) => ({ sheet: t.sheet, firstRow: t.firstRow, firstColumn: t.firstColumn, rows: t.rows })),
    ]);
    const record = recordHead ? storedRecord(recordHead.values, chunks) : undefined;
    const signOffFingerprint = signOffUsed ? shownFingerprint(signOffUsed.values) : undefined;
    const rollUpFixed: FixedRollUpNames = {};
    for (const key of ["rollUp", "at"] as const) {
      const probe = fixedProbes[key];
      if (!probe.isNullObject) rollUpFixed[key] = nameText(probe.formula, probe.value);
    }
    return { settings, tables, sheets, ...(record ? { record } : {}), ...(signOffFingerprint !== undefined ? { signOffFingerprint } : {}), rollUpFixed, syncs };
  });
}

/** Rows of `bytesPerRow` that fit one response. */
function budgetRows(bytesPerRow: number): number {
  return MAX_REQUEST_BYTES / Math.max(1, bytesPerRow);
}
